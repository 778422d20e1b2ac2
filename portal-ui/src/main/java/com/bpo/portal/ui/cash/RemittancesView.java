package com.bpo.portal.ui.cash;

import com.bpo.portal.cash.CashRecords.AdviceSummary;
import com.bpo.portal.cash.CashRecords.NewRemittance;
import com.bpo.portal.cash.CashService;
import com.bpo.portal.invoice.AccountPosition;
import com.bpo.portal.invoice.AccountPositions;
import com.bpo.portal.invoice.InvoiceFilter;
import com.bpo.portal.invoice.InvoiceService;
import com.bpo.portal.invoice.InvoiceSort;
import com.bpo.portal.invoice.InvoiceSummary;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.MainLayout;
import com.bpo.portal.ui.Phone;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Remittance advice for a customer: they tell which of their open invoices a payment covers, before
 * or after it arrives (the bank line that follows is applied to those invoices), and read back what
 * they told and whether the payment has come in. Their own account only (the service scopes it).
 */
@Route(value = "remittances", layout = MainLayout.class)
@RolesAllowed(Roles.CUSTOMER)
public class RemittancesView extends VerticalLayout implements HasDynamicTitle {
  static final int SHOWN = 50;
  private static final int MAX_INVOICES_SHOWN = 200;

  private final CashService cash;
  private final InvoiceService invoices;
  private final ZoneId zone;
  private final Grid<AdviceSummary> list = new Grid<>();
  private final VerticalLayout formHolder = new VerticalLayout();
  private Optional<AccountPosition> account;

  @Inject
  public RemittancesView(
      CashService cash,
      InvoiceService invoices,
      AccountPositions positions,
      TenantContext context) {
    this.cash = cash;
    this.invoices = invoices;
    this.zone = ZoneId.of(context.requireTenant().timeZone());
    this.account = positions.own();
    setMaxWidth("70em");
    add(new H1(getPageTitle()));
    if (account.isEmpty()) {
      add(new Paragraph(getTranslation("home.noAccount")));
      return;
    }
    formHolder.setPadding(false);
    add(
        new Paragraph(getTranslation("remittance.intro")),
        new H2(getTranslation("remittance.tell")),
        formHolder,
        new H2(getTranslation("remittance.told")),
        list);
    buildForm();
    buildList();
  }

  private void buildForm() {
    String currency = account.orElseThrow().balanceDue().currency();
    InvoiceFilter open = InvoiceFilter.unsettled(Optional.empty());
    List<InvoiceSummary> candidates =
        invoices
            .list(open, InvoiceSort.DEFAULT, PageRequest.of(MAX_INVOICES_SHOWN, null))
            .items()
            .stream()
            .filter(i -> i.open().currency().equals(currency) && i.open().amount().signum() > 0)
            .toList();
    RemittanceForm form = new RemittanceForm(currency, candidates);
    form.addSaveListener(e -> save(form, e.request()));
    Button send = new Button(getTranslation("remittance.send"), e -> form.save());
    send.setId("remittance-send");
    send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    send.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(form);
    formHolder.removeAll();
    formHolder.add(form, send);
  }

  private void save(RemittanceForm form, NewRemittance advice) {
    try {
      cash.addRemittance(advice);
      notify(getTranslation("remittance.sent"), NotificationVariant.LUMO_SUCCESS);
      buildForm();
      list.setItems(cash.remittances(SHOWN));
    } catch (InvalidFields invalid) {
      List<String> rest = form.showErrors(invalid);
      notify(
          rest.isEmpty()
              ? getTranslation("remittance.checkFields")
              : getTranslation("remittance.checkFields") + " " + String.join("; ", rest),
          NotificationVariant.LUMO_ERROR);
    } catch (ProblemException problem) {
      notify(getTranslation("remittance.refused"), NotificationVariant.LUMO_ERROR);
    }
  }

  private static void notify(String text, NotificationVariant variant) {
    Notification.show(text, 5000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
  }

  private void buildList() {
    list.setId("remittance-list");
    list.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
    list.setAriaLabel(getTranslation("remittance.told"));
    var when =
        list.addColumn(a -> Formats.dateTime(a.enteredAt(), zone, getLocale()))
            .setHeader(getTranslation("remittance.when"))
            .setAutoWidth(true)
            .setFlexGrow(0);
    list.addColumn(a -> a.paymentReference().isEmpty() ? "—" : a.paymentReference())
        .setHeader(getTranslation("remittance.reference"))
        .setFlexGrow(1);
    var amount =
        list.addColumn(a -> a.amount() == null ? "—" : Formats.money(a.amount(), getLocale()))
            .setHeader(getTranslation("remittance.amount"))
            .setAutoWidth(true)
            .setFlexGrow(0);
    list.addColumn(a -> String.join(", ", a.invoiceNumbers()))
        .setHeader(getTranslation("remittance.invoices"))
        .setFlexGrow(1);
    list.addComponentColumn(
            a ->
                a.matched()
                    ? Badge.of(getTranslation("remittance.matched"), Badge.Tone.SUCCESS)
                    : Badge.of(getTranslation("remittance.waiting"), Badge.Tone.NEUTRAL))
        .setHeader(getTranslation("remittance.status"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    Phone.onNarrow(
        list,
        narrow -> {
          when.setVisible(!narrow);
          amount.setVisible(!narrow);
        });
    list.setEmptyStateText(getTranslation("remittance.none"));
    list.setAllRowsVisible(true);
    list.setItems(cash.remittances(SHOWN));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("remittance.title");
  }
}
