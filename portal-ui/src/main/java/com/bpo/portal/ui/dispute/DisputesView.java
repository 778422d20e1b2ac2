package com.bpo.portal.ui.dispute;

import com.bpo.portal.dispute.DisputeFilter;
import com.bpo.portal.dispute.DisputeReason;
import com.bpo.portal.dispute.DisputeService;
import com.bpo.portal.dispute.DisputeSort;
import com.bpo.portal.dispute.DisputeStatus;
import com.bpo.portal.dispute.DisputeSummary;
import com.bpo.portal.shared.Decimals;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.StaffMember;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.KeysetFetch;
import com.bpo.portal.ui.MainLayout;
import com.bpo.portal.ui.Phone;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The dispute queue. The BPO filters it (status, reason, age, amount, assignee, breached), sees SLA
 * breaches highlighted and assigns many at once; a client stakeholder reads it; a customer sees
 * their own disputes with the date a response was promised. Lazy over keyset pages.
 */
@Route(value = "disputes", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER, Roles.CUSTOMER})
public class DisputesView extends VerticalLayout implements HasDynamicTitle {
  private final DisputeService disputes;
  private final boolean bpo;
  private final boolean customer;
  private final Grid<DisputeSummary> grid = new Grid<>();
  private final MultiSelectComboBox<DisputeStatus> statuses = new MultiSelectComboBox<>();
  private final Checkbox openOnly = new Checkbox();
  private final Select<String> reason = new Select<>();
  private final Select<String> assignee = new Select<>();
  private final IntegerField minAge = new IntegerField();
  private final BigDecimalField minAmount = new BigDecimalField();
  private final Checkbox breachedOnly = new Checkbox();
  private final Span counter = new Span();
  private final Map<String, String> reasonLabels;
  private KeysetFetch<DisputeSummary> fetch;
  private DisputeSort fetchSort;

  @Inject
  public DisputesView(DisputeService disputes, TenantContext context) {
    this.disputes = disputes;
    PortalUser user = context.requireUser();
    this.bpo = user.hasRole(Roles.BPO_LEAD) || user.hasRole(Roles.BPO_AGENT);
    this.customer = user.isCustomer();
    setSizeFull();
    reasonLabels =
        disputes.reasons(true).stream()
            .collect(
                Collectors.toMap(
                    DisputeReason::code,
                    DisputeReason::label,
                    (a, b) -> a,
                    java.util.LinkedHashMap::new));

    statuses.setId("dispute-status-filter");
    statuses.setLabel(getTranslation("disputes.status"));
    statuses.setItems(DisputeStatus.values());
    statuses.setItemLabelGenerator(s -> getTranslation("dispute.status." + s.name()));
    statuses.addValueChangeListener(e -> refresh());
    openOnly.setId("dispute-open-only");
    openOnly.setLabel(getTranslation("disputes.openOnly"));
    openOnly.setValue(!customer);
    openOnly.addValueChangeListener(e -> refresh());
    reason.setId("dispute-reason-filter");
    reason.setLabel(getTranslation("disputes.reason"));
    reason.setEmptySelectionAllowed(true);
    reason.setEmptySelectionCaption(getTranslation("disputes.any"));
    reason.setItems(List.copyOf(reasonLabels.keySet()));
    reason.setItemLabelGenerator(
        code ->
            code == null
                ? getTranslation("disputes.any")
                : DisputeTexts.reason(this, code, reasonLabels.get(code)));
    reason.addValueChangeListener(e -> refresh());
    minAge.setLabel(getTranslation("disputes.minAge"));
    minAge.setMin(0);
    minAge.setWidth("8em");
    minAge.setValueChangeMode(ValueChangeMode.LAZY);
    minAge.addValueChangeListener(e -> refresh());
    minAmount.setLabel(getTranslation("disputes.minAmount"));
    minAmount.setWidth("9em");
    minAmount.setValueChangeMode(ValueChangeMode.LAZY);
    minAmount.addValueChangeListener(e -> refresh());

    HorizontalLayout filters = new HorizontalLayout(statuses, openOnly, reason, minAge, minAmount);
    Map<String, String> assigneeNames = new java.util.HashMap<>();
    if (!customer) {
      List<StaffMember> staff = disputes.assignableStaff();
      assignee.setId("dispute-assignee-filter");
      assignee.setLabel(getTranslation("disputes.assignee"));
      assignee.setEmptySelectionAllowed(true);
      assignee.setEmptySelectionCaption(getTranslation("disputes.any"));
      List<String> choices = new java.util.ArrayList<>();
      choices.add(DisputeFilter.UNASSIGNED);
      staff.forEach(s -> choices.add(s.username()));
      assignee.setItems(choices);
      Map<String, String> names =
          staff.stream().collect(Collectors.toMap(StaffMember::username, StaffMember::displayName));
      assigneeNames.putAll(names);
      assignee.setItemLabelGenerator(
          u ->
              u == null
                  ? getTranslation("disputes.any")
                  : DisputeFilter.UNASSIGNED.equals(u)
                      ? getTranslation("disputes.unassigned")
                      : names.getOrDefault(u, u));
      assignee.addValueChangeListener(e -> refresh());
      breachedOnly.setId("dispute-breached-only");
      breachedOnly.setLabel(getTranslation("disputes.breachedOnly"));
      breachedOnly.addValueChangeListener(e -> refresh());
      filters.add(assignee, breachedOnly);
    }
    filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    filters.setWrap(true);

    grid.setId("disputes-grid");
    com.bpo.portal.ui.Accessible.nameSelectionCheckboxes(
        grid, getTranslation("grid.selectRow"), getTranslation("grid.selectAll"));
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(DisputeSummary::number)
        .setHeader(getTranslation("disputes.number"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    List<Grid.Column<DisputeSummary>> wideOnly = new ArrayList<>();
    if (!customer) {
      // a fixed share rather than the longest name: the SLA column must stay on screen at 1366 px
      wideOnly.add(
          grid.addColumn(d -> d.customerNumber() + " · " + d.customerName())
              .setHeader(getTranslation("invoices.customer"))
              .setWidth("9rem")
              .setFlexGrow(1)
              .setTooltipGenerator(d -> d.customerNumber() + " · " + d.customerName()));
    }
    wideOnly.add(
        grid.addColumn(
                d -> DisputeTexts.reason(this, d.reasonCode(), reasonLabels.get(d.reasonCode())))
            .setHeader(getTranslation("disputes.reason"))
            .setWidth("8.5rem")
            .setFlexGrow(0));
    Grid.Column<DisputeSummary> statusColumn =
        grid.addComponentColumn(d -> DisputeTexts.status(this, d))
            .setHeader(getTranslation("disputes.status"))
            .setAutoWidth(true);
    grid.addColumn(d -> Formats.money(d.disputed(), getLocale()))
        .setHeader(getTranslation("disputes.amount"))
        .setSortProperty(DisputeSort.Key.AMOUNT.name())
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    wideOnly.add(
        grid.addColumn(d -> Formats.date(d.raisedAt().toLocalDate(), getLocale()))
            .setHeader(getTranslation("disputes.raised"))
            .setSortProperty(DisputeSort.Key.RAISED.name())
            .setAutoWidth(true));
    if (customer) {
      wideOnly.add(
          grid.addColumn(
                  d -> d.status().isOpen() ? Formats.date(d.promisedResponseOn(), getLocale()) : "")
              .setHeader(getTranslation("dispute.promisedResponse"))
              .setAutoWidth(true));
    } else {
      wideOnly.add(
          grid.addColumn(
                  d ->
                      d.assignee() == null
                          ? "—"
                          : assigneeNames.getOrDefault(d.assignee(), d.assignee()))
              .setHeader(getTranslation("disputes.assignee"))
              .setAutoWidth(true));
      wideOnly.add(
          grid.addComponentColumn(this::sla)
              .setHeader(getTranslation("disputes.sla"))
              .setAutoWidth(true));
    }
    // on a phone: the number, the status (taking what is left, wrapping) and the amount; the rest
    // is one tap away in the dispute itself, and the grid never scrolls sideways
    Phone.onNarrow(
        this,
        narrow -> {
          wideOnly.forEach(column -> column.setVisible(!narrow));
          statusColumn.setAutoWidth(!narrow);
          statusColumn.setFlexGrow(narrow ? 1 : 0);
          statusColumn.setWidth(narrow ? "5em" : null);
          grid.recalculateColumnWidths();
        });
    grid.setEmptyStateText(getTranslation(customer ? "disputes.emptyCustomer" : "disputes.empty"));
    grid.setSizeFull();
    grid.addItemClickListener(
        e -> getUI().ifPresent(ui -> ui.navigate(DisputeView.class, e.getItem().id())));

    HorizontalLayout header = new HorizontalLayout(new H1(getPageTitle()));
    header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    if (!customer) {
      header.add(new RouterLink(getTranslation("analysis.title"), DisputeAnalysisView.class));
    }
    if (customer || bpo) {
      header.add(new RouterLink(getTranslation("dispute.raise"), RaiseDisputeView.class));
    }
    add(header, com.bpo.portal.ui.Phone.collapsibleFilters(filters), filters);
    if (bpo) {
      add(bulkAssignment());
    }
    add(grid);
    refresh();
  }

  /** Breaches in words and colour: the row needs attention now. */
  private Component sla(DisputeSummary d) {
    if (Boolean.TRUE.equals(d.resolutionBreached())) {
      return Badge.of(getTranslation("disputes.breach.resolution"), Badge.Tone.ERROR);
    }
    if (Boolean.TRUE.equals(d.firstResponseBreached())) {
      return Badge.of(getTranslation("disputes.breach.response"), Badge.Tone.ERROR);
    }
    return Badge.of(getTranslation("disputes.breach.none"), Badge.Tone.SUCCESS);
  }

  private Component bulkAssignment() {
    grid.setSelectionMode(Grid.SelectionMode.MULTI);
    ComboBox<StaffMember> to = new ComboBox<>(getTranslation("disputes.assignTo"));
    to.setId("dispute-bulk-assignee");
    to.setItems(disputes.assignableStaff());
    to.setItemLabelGenerator(StaffMember::displayName);
    Button assign =
        new Button(
            getTranslation("disputes.assignSelected"),
            e -> {
              List<Long> ids = grid.getSelectedItems().stream().map(DisputeSummary::id).toList();
              if (ids.isEmpty() || to.getValue() == null) {
                Notification.show(
                    getTranslation("disputes.assignHint"), 4000, Notification.Position.MIDDLE);
                return;
              }
              try {
                int n = disputes.assignAll(ids, to.getValue().username());
                Notification.show(
                        getTranslation("disputes.assigned", n, to.getValue().displayName()),
                        4000,
                        Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                grid.deselectAll();
                refresh();
              } catch (ProblemException problem) {
                Notification.show(problem.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
              }
            });
    assign.setId("dispute-bulk-assign");
    assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    grid.addSelectionListener(
        e -> counter.setText(getTranslation("disputes.selected", e.getAllSelectedItems().size())));
    counter.setText(getTranslation("disputes.selected", 0));
    HorizontalLayout bar = new HorizontalLayout(to, assign, counter);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    return bar;
  }

  private void refresh() {
    DisputeFilter filter =
        new DisputeFilter(
            statuses.getSelectedItems(),
            Optional.ofNullable(reason.getValue()),
            Optional.empty(),
            Optional.ofNullable(assignee.getValue()),
            Optional.ofNullable(minAge.getValue()),
            Optional.empty(),
            Optional.ofNullable(minAmount.getValue()).filter(v -> Decimals.within(v, 17, 2)),
            Optional.empty(),
            breachedOnly.getValue(),
            openOnly.getValue(),
            Optional.empty());
    fetch = null;
    grid.setItems(
        query -> {
          DisputeSort sort =
              query.getSortOrders().stream()
                  .findFirst()
                  .map(
                      o ->
                          new DisputeSort(
                              DisputeSort.Key.valueOf(o.getSorted()),
                              o.getDirection() == SortDirection.DESCENDING))
                  .orElse(DisputeSort.DEFAULT);
          if (fetch == null || !Objects.equals(sort, fetchSort)) {
            fetchSort = sort;
            fetch =
                new KeysetFetch<>(
                    (cursor, limit) -> disputes.list(filter, sort, PageRequest.of(limit, cursor)));
          }
          return fetch.fetch(query.getOffset(), query.getLimit()).stream();
        });
  }

  @Override
  public String getPageTitle() {
    return getTranslation(customer ? "disputes.titleCustomer" : "disputes.title");
  }
}
