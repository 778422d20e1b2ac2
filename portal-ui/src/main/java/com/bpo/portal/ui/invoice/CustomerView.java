package com.bpo.portal.ui.invoice;

import com.bpo.portal.invoice.Aging;
import com.bpo.portal.invoice.CustomerAccountSummary;
import com.bpo.portal.invoice.ReceivablesService;
import com.bpo.portal.invoice.Statement;
import com.bpo.portal.invoice.StatementService;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A customer account: terms, credit limit and exposure, and its statement for a chosen period. A
 * customer reaches only their own; any other id is "not found".
 */
@Route(value = "customer", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER, Roles.CUSTOMER})
public class CustomerView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {
  private final StatementService statements;
  private final ReceivablesService receivables;
  private final com.bpo.portal.invoice.CustomerAccountService accounts;
  private final com.vaadin.flow.component.grid.Grid<com.bpo.portal.invoice.CustomerContact>
      contacts = new com.vaadin.flow.component.grid.Grid<>();
  private final TenantContext context;
  private final DatePicker from = new DatePicker();
  private final DatePicker to = new DatePicker();
  private final Paragraph balances = new Paragraph();
  private final Grid<Statement.Entry> entries = new Grid<>();
  private long customerId;
  private String title = "";
  @Inject com.bpo.portal.ui.credit.CreditPanel creditPanel;
  @Inject com.bpo.portal.tenant.PeopleNames people;

  @Inject
  public CustomerView(
      StatementService statements,
      ReceivablesService receivables,
      com.bpo.portal.invoice.CustomerAccountService accounts,
      TenantContext context) {
    this.statements = statements;
    this.accounts = accounts;
    this.receivables = receivables;
    this.context = context;
  }

  @Override
  public void setParameter(BeforeEvent event, Long id) {
    customerId = id;
    LocalDate today = context.today();
    Statement statement =
        statements.statement(id, today.minusDays(89), today).orElseThrow(NotFoundException::new);
    CustomerAccountSummary customer = statement.customer();
    title = customer.number() + " · " + customer.name();
    removeAll();

    Money exposure =
        receivables.aging(today, Optional.of(id), 1).customers().stream()
            .findFirst()
            .map(Aging.Row::total)
            .orElse(new Money(java.math.BigDecimal.ZERO, customer.currency()));
    FormLayout facts = new FormLayout();
    facts.setResponsiveSteps(
        // on a phone the labels go above their values: beside them, two columns overlapped
        new FormLayout.ResponsiveStep("0", 2, FormLayout.ResponsiveStep.LabelsPosition.TOP),
        new FormLayout.ResponsiveStep("40em", 4));
    facts.addFormItem(new Paragraph(customer.country()), getTranslation("customers.country"));
    facts.addFormItem(
        new Paragraph(getTranslation("customers.termsDays", customer.paymentTermsDays())),
        getTranslation("customers.terms"));
    facts.addFormItem(
        new Paragraph(Formats.money(customer.creditLimit(), getLocale())),
        getTranslation("customers.creditLimit"));
    Paragraph exposureText = new Paragraph(Formats.money(exposure, getLocale()));
    exposureText.setId("customer-exposure");
    facts.addFormItem(exposureText, getTranslation("customer.exposure"));
    facts.addFormItem(
        new Paragraph(
            customer.collector() == null
                ? ""
                : people.all().getOrDefault(customer.collector(), customer.collector())),
        getTranslation("customers.collector"));

    from.setLabel(getTranslation("customer.from"));
    to.setLabel(getTranslation("customer.to"));
    from.setLocale(getLocale());
    to.setLocale(getLocale());
    from.setValue(statement.from());
    to.setValue(statement.to());
    from.addValueChangeListener(e -> refresh());
    to.addValueChangeListener(e -> refresh());

    entries.setId("statement-grid");
    entries.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    entries
        .addColumn(e -> Formats.date(e.date(), getLocale()))
        .setHeader(getTranslation("customer.date"))
        .setAutoWidth(true);
    var movement =
        entries
            .addColumn(e -> getTranslation("statement." + e.kind().name()))
            .setHeader(getTranslation("customer.movement"))
            .setAutoWidth(true);
    entries
        .addColumn(Statement.Entry::reference)
        .setHeader(getTranslation("invoice.reference"))
        .setFlexGrow(1);
    entries
        .addColumn(e -> Formats.money(e.amount(), getLocale()))
        .setHeader(getTranslation("customer.amount"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    var balance =
        entries
            .addColumn(e -> Formats.money(e.balance(), getLocale()))
            .setHeader(getTranslation("customer.balance"))
            .setTextAlign(ColumnTextAlign.END)
            .setAutoWidth(true);
    // on a phone: the date, the reference and the amount; the kind and the running balance are in
    // the statement's PDF and on a wider screen
    com.bpo.portal.ui.Phone.onNarrow(
        entries,
        narrow -> {
          movement.setVisible(!narrow);
          balance.setVisible(!narrow);
          entries.recalculateColumnWidths();
        });
    entries.setEmptyStateText(getTranslation("customer.noMovements"));
    entries.setHeight("28em");
    balances.setId("statement-balances");

    contacts.setId("customer-contacts");
    contacts.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
    contacts.setAllRowsVisible(true);
    var name =
        contacts
            .addColumn(this::contactName)
            .setHeader(getTranslation("contact.name"))
            .setAutoWidth(true);
    var role =
        contacts
            .addColumn(c -> c.role() == null ? "" : c.role())
            .setHeader(getTranslation("contact.role"))
            .setAutoWidth(true);
    var email =
        contacts.addComponentColumn(this::emailLink).setHeader(getTranslation("contact.email"));
    var phone =
        contacts
            .addColumn(c -> c.phone() == null ? "" : c.phone())
            .setHeader(getTranslation("contact.phone"))
            .setAutoWidth(true);
    // on a phone one column holds each contact on a few lines (name, role, e-mail, phone) rather
    // than four columns the width of two screens
    var card =
        contacts.addComponentColumn(this::contactCard).setHeader(getTranslation("contact.title"));
    card.setVisible(false);
    com.bpo.portal.ui.Phone.onNarrow(
        contacts,
        narrow -> {
          List.of(name, role, email, phone).forEach(column -> column.setVisible(!narrow));
          card.setVisible(narrow);
        });
    contacts.setEmptyStateText(getTranslation("contact.none"));
    contacts.setItems(accounts.contacts(id));

    add(new H1(title), facts);
    if (!context.requireUser().isCustomer()) {
      add(creditPanel.show(id));
    }
    com.bpo.portal.ui.audit.AuditHistoryLink.of(context.requireUser(), "customer_account", id)
        .ifPresent(this::add);
    add(new H2(getTranslation("contact.title")), contacts);
    if (accounts.mayAddContacts()) {
      add(contactForm());
    }
    // the two dates wrap under each other on a phone instead of running off its edge
    HorizontalLayout period = new HorizontalLayout(from, to);
    period.setWrap(true);
    from.setMaxWidth("12em");
    to.setMaxWidth("12em");
    add(new H2(getTranslation("customer.statement")), period, balances, entries);
    show(statement);
  }

  /**
   * Adding a contact (BPO staff): the service judges it, and every bad field is shown beside it.
   */
  private ContactForm contactForm() {
    ContactForm form = new ContactForm(key -> getTranslation(key));
    form.addSaveListener(
        e -> {
          try {
            accounts.addContact(customerId, e.contact());
            form.saved();
            contacts.setItems(accounts.contacts(customerId));
          } catch (InvalidFields invalid) {
            form.show(invalid);
          }
        });
    return form;
  }

  private void refresh() {
    if (from.getValue() == null
        || to.getValue() == null
        || to.getValue().isBefore(from.getValue())
        || from.getValue().plusDays(366).isBefore(to.getValue())) {
      to.setInvalid(true);
      to.setErrorMessage(getTranslation("customer.badPeriod"));
      return;
    }
    to.setInvalid(false);
    statements.statement(customerId, from.getValue(), to.getValue()).ifPresent(this::show);
  }

  private void show(Statement statement) {
    balances.setText(
        getTranslation(
            "customer.balances",
            Formats.money(statement.opening(), getLocale()),
            Formats.money(statement.closing(), getLocale())));
    entries.setItems(statement.entries());
  }

  @Override
  public String getPageTitle() {
    return title;
  }

  private String contactName(com.bpo.portal.invoice.CustomerContact c) {
    return c.name() + (c.primary() ? " · " + getTranslation("contact.primary") : "");
  }

  private com.vaadin.flow.component.Component emailLink(com.bpo.portal.invoice.CustomerContact c) {
    return c.email() == null
        ? new com.vaadin.flow.component.html.Span()
        : new com.vaadin.flow.component.html.Anchor("mailto:" + c.email(), c.email());
  }

  private com.vaadin.flow.component.Component contactCard(
      com.bpo.portal.invoice.CustomerContact c) {
    com.vaadin.flow.component.html.Div card = new com.vaadin.flow.component.html.Div();
    card.getStyle().set("white-space", "normal").set("overflow-wrap", "anywhere");
    card.add(new com.vaadin.flow.component.html.Div(contactName(c)));
    if (c.role() != null) {
      card.add(new com.vaadin.flow.component.html.Div(c.role()));
    }
    if (c.email() != null) {
      card.add(new com.vaadin.flow.component.html.Div(emailLink(c)));
    }
    if (c.phone() != null) {
      card.add(new com.vaadin.flow.component.html.Div(c.phone()));
    }
    return card;
  }
}
