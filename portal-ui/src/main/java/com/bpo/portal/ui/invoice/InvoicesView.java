package com.bpo.portal.ui.invoice;

import com.bpo.portal.invoice.InvoiceExport;
import com.bpo.portal.invoice.InvoiceFilter;
import com.bpo.portal.invoice.InvoiceService;
import com.bpo.portal.invoice.InvoiceSort;
import com.bpo.portal.invoice.InvoiceStatus;
import com.bpo.portal.invoice.InvoiceSummary;
import com.bpo.portal.shared.Decimals;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.KeysetFetch;
import com.bpo.portal.ui.MainLayout;
import com.bpo.portal.ui.Phone;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Invoices of the active tenant: a lazy grid over keyset pages (quick at a million rows), sortable
 * by the columns the API can order by, with filters. A row opens the invoice.
 */
@Route(value = "invoices", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER, Roles.CUSTOMER})
public class InvoicesView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {
  /** Query parameter the aging view uses to open the overdue invoices of one customer. */
  public static final String CUSTOMER_PARAMETER = "customer";

  private final InvoiceService invoices;
  private final InvoiceExport export;
  private final TenantContext context;
  private InvoiceFilter currentFilter = InvoiceFilter.none();
  private final Grid<InvoiceSummary> grid = new Grid<>();
  private final TextField search = new TextField();
  private final MultiSelectComboBox<InvoiceStatus> statuses = new MultiSelectComboBox<>();
  private final DatePicker dueFrom = new DatePicker();
  private final DatePicker dueTo = new DatePicker();
  private final Checkbox overdueOnly = new Checkbox();
  private final BigDecimalField minTotal = new BigDecimalField();
  private final BigDecimalField maxTotal = new BigDecimalField();
  private Optional<Long> customer = Optional.empty();

  /** The keyset reader for the current filter and sort; replaced when either changes. */
  private KeysetFetch<InvoiceSummary> fetch;

  private InvoiceSort fetchSort;

  @Inject
  public InvoicesView(InvoiceService invoices, InvoiceExport export, TenantContext context) {
    this.invoices = invoices;
    this.export = export;
    this.context = context;
    setSizeFull();

    search.setId("invoice-search");
    search.setLabel(getTranslation("invoices.search"));
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    statuses.setId("invoice-status");
    statuses.setLabel(getTranslation("invoices.status"));
    statuses.setItems(InvoiceStatus.values());
    statuses.setItemLabelGenerator(s -> getTranslation("invoice.status." + s.name()));
    dueFrom.setLabel(getTranslation("invoices.dueFrom"));
    dueTo.setLabel(getTranslation("invoices.dueTo"));
    dueFrom.setLocale(getLocale());
    dueTo.setLocale(getLocale());
    minTotal.setLabel(getTranslation("invoices.minTotal"));
    maxTotal.setLabel(getTranslation("invoices.maxTotal"));
    minTotal.setWidth("9em");
    maxTotal.setWidth("9em");
    minTotal.setValueChangeMode(ValueChangeMode.LAZY);
    maxTotal.setValueChangeMode(ValueChangeMode.LAZY);
    minTotal.addValueChangeListener(e -> refresh());
    maxTotal.addValueChangeListener(e -> refresh());
    overdueOnly.setId("invoice-overdue");
    overdueOnly.setLabel(getTranslation("invoices.overdueOnly"));
    search.addValueChangeListener(e -> refresh());
    statuses.addValueChangeListener(e -> refresh());
    dueFrom.addValueChangeListener(e -> refresh());
    dueTo.addValueChangeListener(e -> refresh());
    overdueOnly.addValueChangeListener(e -> refresh());

    HorizontalLayout filters =
        new HorizontalLayout(
            search,
            statuses,
            dueFrom,
            dueTo,
            minTotal,
            maxTotal,
            overdueOnly,
            download("invoices.csv", "invoices.export", false),
            download("invoices.xlsx", "invoices.exportXlsx", true));
    filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    filters.setWrap(true);
    boolean customerUser = context.requireUser().isCustomer();
    if (customerUser) {
      // a customer opens on what they still owe, oldest due first: the overdue ones lead
      statuses.setValue(InvoiceFilter.UNSETTLED);
    }

    grid.setId("invoices-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(InvoiceSummary::number)
        .setHeader(getTranslation("invoices.number"))
        .setSortProperty(InvoiceSort.Key.NUMBER.name())
        .setAutoWidth(true)
        .setFlexGrow(0);
    var customerColumn =
        grid.addColumn(i -> i.customerNumber() + " · " + i.customerName())
            .setHeader(getTranslation("invoices.customer"))
            .setAutoWidth(true)
            .setFlexGrow(1);
    customerColumn.setVisible(!customerUser); // a customer's own name on every row says nothing
    var issuedColumn =
        grid.addColumn(i -> Formats.date(i.issueDate(), getLocale()))
            .setHeader(getTranslation("invoices.issued"))
            .setSortProperty(InvoiceSort.Key.ISSUE_DATE.name())
            .setAutoWidth(true);
    var dueColumn =
        grid.addColumn(i -> Formats.date(i.dueDate(), getLocale()))
            .setHeader(getTranslation("invoices.due"))
            .setSortProperty(InvoiceSort.Key.DUE_DATE.name())
            .setAutoWidth(true);
    var totalColumn =
        grid.addColumn(i -> Formats.money(i.total(), getLocale()))
            .setHeader(getTranslation("invoices.total"))
            .setSortProperty(InvoiceSort.Key.TOTAL.name())
            .setTextAlign(ColumnTextAlign.END)
            .setAutoWidth(true);
    grid.addColumn(i -> Formats.money(i.open(), getLocale()))
        .setHeader(getTranslation("invoices.open"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    var statusColumn =
        grid.addComponentColumn(this::statusBadge)
            .setHeader(getTranslation("invoices.status"))
            .setAutoWidth(true);
    grid.setEmptyStateText(getTranslation("invoices.empty"));
    grid.setSizeFull();
    grid.addItemClickListener(e -> open(e.getItem()));

    Phone.onNarrow(
        this,
        narrow -> {
          issuedColumn.setVisible(!narrow);
          totalColumn.setVisible(!narrow);
          dueColumn.setVisible(!narrow); // on a phone the status says it: "12 days overdue"
          customerColumn.setVisible(!narrow && !customerUser);
          // on a phone the status takes what is left and wraps ("192 days overdue" on two lines)
          // rather than widening the grid beyond the screen
          statusColumn.setAutoWidth(!narrow);
          statusColumn.setFlexGrow(narrow ? 1 : 0);
          statusColumn.setWidth(narrow ? "5em" : null);
          grid.recalculateColumnWidths();
        });

    add(new H1(getPageTitle()), Phone.collapsibleFilters(filters), filters, grid);
    if (context.requireUser().hasRole(Roles.BPO_LEAD)
        || context.requireUser().hasRole(Roles.BPO_AGENT)) {
      addComponentAtIndex(1, new RouterLink(getTranslation("import.title"), ImportView.class));
    }
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    customer =
        event
            .getLocation()
            .getQueryParameters()
            .getSingleParameter(CUSTOMER_PARAMETER)
            .flatMap(
                v -> {
                  try {
                    return Optional.of(Long.valueOf(v));
                  } catch (NumberFormatException e) {
                    return Optional.empty();
                  }
                });
    if (event.getLocation().getQueryParameters().getSingleParameter("overdue").isPresent()) {
      overdueOnly.setValue(true);
    }
    refresh();
  }

  private Span statusBadge(InvoiceSummary invoice) {
    return InvoiceWords.status(this, invoice, context.today());
  }

  private void open(InvoiceSummary invoice) {
    getUI().ifPresent(ui -> ui.navigate(InvoiceView.class, invoice.id()));
  }

  /**
   * A total to filter by, if it is one an invoice can have (the field's converter takes exponents).
   */
  private static Optional<BigDecimal> bounded(BigDecimal value) {
    return Optional.ofNullable(value).filter(v -> Decimals.within(v, 17, 2));
  }

  private void refresh() {
    InvoiceFilter filter =
        new InvoiceFilter(
                statuses.getSelectedItems(),
                customer,
                Optional.ofNullable(dueFrom.getValue()),
                Optional.ofNullable(dueTo.getValue()),
                bounded(minTotal.getValue()),
                bounded(maxTotal.getValue()),
                overdueOnly.getValue(),
                Optional.empty())
            .withText(search.getValue());
    currentFilter = filter;
    fetch = null;
    grid.setItems(
        query -> {
          InvoiceSort sort =
              query.getSortOrders().stream()
                  .findFirst()
                  .map(
                      o ->
                          new InvoiceSort(
                              InvoiceSort.Key.valueOf(o.getSorted()),
                              o.getDirection() == SortDirection.DESCENDING))
                  .orElse(InvoiceSort.DEFAULT);
          if (fetch == null || !Objects.equals(sort, fetchSort)) {
            fetchSort = sort;
            fetch =
                new KeysetFetch<>(
                    (cursor, limit) -> invoices.list(filter, sort, PageRequest.of(limit, cursor)));
          }
          return fetch.fetch(query.getOffset(), query.getLimit()).stream();
        });
  }

  private Anchor download(String fileName, String labelKey, boolean spreadsheet) {
    Anchor link =
        new Anchor(
            new StreamResource(fileName, () -> export(spreadsheet)), getTranslation(labelKey));
    link.getElement().setAttribute("download", true);
    return link;
  }

  /** The filter and order on screen, all pages of it, written as the API's export writes it. */
  private InputStream export(boolean spreadsheet) {
    InvoiceSort sort = fetchSort == null ? InvoiceSort.DEFAULT : fetchSort;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (spreadsheet) {
        export.xlsx(currentFilter, sort, out);
      } else {
        export.csv(currentFilter, sort, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ByteArrayInputStream(out.toByteArray());
  }

  @Override
  public String getPageTitle() {
    return getTranslation("invoices.title");
  }
}
