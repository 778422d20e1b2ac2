package com.bpo.portal.ui.invoice;

import com.bpo.portal.invoice.CustomerAccountService;
import com.bpo.portal.invoice.CustomerAccountSummary;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.PeopleNames;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.KeysetFetch;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * Customer accounts of the active tenant, loaded lazily a page at a time; a customer sees their
 * own.
 */
@Route(value = "customers", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER, Roles.CUSTOMER})
public class CustomersView extends VerticalLayout
    implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {
  private final CustomerAccountService accounts;
  private final Grid<CustomerAccountSummary> grid = new Grid<>();
  private final TextField search = new TextField();

  private final boolean ownAccountOnly;

  @Inject
  public CustomersView(CustomerAccountService accounts, TenantContext context, PeopleNames people) {
    this.accounts = accounts;
    Map<String, String> names = people.all(); // the collector by name, not by sign-in
    this.ownAccountOnly = context.requireUser().isCustomer();
    setSizeFull();
    H1 title = new H1(getPageTitle());

    search.setPlaceholder(getTranslation("customers.search"));
    search.setAriaLabel(getTranslation("customers.search"));
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setClearButtonVisible(true);
    search.setWidth("24em");
    search.setVisible(!ownAccountOnly); // a customer has one account: nothing to search
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.addValueChangeListener(e -> refresh());

    grid.setId("customers-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(CustomerAccountSummary::number)
        .setHeader(getTranslation("customers.number"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(CustomerAccountSummary::name)
        .setHeader(getTranslation("customers.name"))
        .setAutoWidth(true)
        .setFlexGrow(1);
    var country =
        grid.addColumn(CustomerAccountSummary::country)
            .setHeader(getTranslation("customers.country"))
            .setAutoWidth(true);
    var terms =
        grid.addColumn(c -> getTranslation("customers.termsDays", c.paymentTermsDays()))
            .setHeader(getTranslation("customers.terms"))
            .setAutoWidth(true);
    grid.addColumn(c -> Formats.money(c.creditLimit(), getLocale()))
        .setHeader(getTranslation("customers.creditLimit"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    var collector =
        grid.addColumn(
                c -> c.collector() == null ? "" : names.getOrDefault(c.collector(), c.collector()))
            .setHeader(getTranslation("customers.collector"))
            .setAutoWidth(true);
    com.bpo.portal.ui.Phone.onNarrow(
        grid,
        narrow -> {
          country.setVisible(!narrow);
          terms.setVisible(!narrow);
          collector.setVisible(!narrow);
        });
    grid.setEmptyStateText(getTranslation("customers.empty"));
    grid.addItemClickListener(
        e -> getUI().ifPresent(ui -> ui.navigate(CustomerView.class, e.getItem().id())));
    grid.setSizeFull();

    add(title, search, grid);
    refresh();
  }

  /** A customer has one account: "My account" is that account's page, not a list of one. */
  @Override
  public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
    if (ownAccountOnly) {
      accounts.list(Optional.empty(), PageRequest.of(1, null)).items().stream()
          .findFirst()
          .ifPresent(own -> event.forwardTo(CustomerView.class, own.id()));
    }
  }

  private void refresh() {
    Optional<String> text = Optional.ofNullable(search.getValue());
    KeysetFetch<CustomerAccountSummary> fetch =
        new KeysetFetch<>((cursor, limit) -> accounts.list(text, PageRequest.of(limit, cursor)));
    grid.setItems(query -> fetch.fetch(query.getOffset(), query.getLimit()).stream());
  }

  @Override
  public String getPageTitle() {
    return getTranslation(ownAccountOnly ? "nav.myAccount" : "customers.title");
  }
}
