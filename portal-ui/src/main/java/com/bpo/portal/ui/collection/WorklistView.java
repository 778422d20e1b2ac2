package com.bpo.portal.ui.collection;

import com.bpo.portal.collection.CollectionService;
import com.bpo.portal.collection.RiskClass;
import com.bpo.portal.collection.WorklistFilter;
import com.bpo.portal.collection.WorklistItem;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.StaffMember;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Accessible;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.KeysetFetch;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The collector's worklist, most urgent first (the order of {@code WorklistPriority}). Each account
 * number is a link: Tab to it and Enter opens the account, where the call is logged, the promise
 * recorded and "next" brings the next account. Leads pick another collector by name (empty:
 * everyone's) and give selected accounts to one.
 */
@Route(value = "collections", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT})
public class WorklistView extends VerticalLayout implements HasDynamicTitle {
  private final CollectionService collections;
  private final Grid<WorklistItem> grid = new Grid<>();
  private final ComboBox<StaffMember> collector = new ComboBox<>();
  private final MultiSelectComboBox<RiskClass> risks = new MultiSelectComboBox<>();
  private final Checkbox dueOnly = new Checkbox();

  @Inject
  public WorklistView(CollectionService collections, TenantContext context) {
    this.collections = collections;
    setSizeFull();
    boolean lead = context.requireUser().hasRole(Roles.BPO_LEAD);
    collector.setId("worklist-collector");
    collector.setLabel(getTranslation("collections.collector"));
    collector.setPlaceholder(getTranslation("collections.everyone"));
    collector.setClearButtonVisible(true);
    // an agent's worklist is always their own; a lead picks whose to see
    collector.setVisible(lead);
    List<StaffMember> collectors = lead ? collections.collectors() : List.of();
    collector.setItems(collectors);
    collector.setItemLabelGenerator(StaffMember::displayName);
    risks.setId("worklist-risk");
    risks.setLabel(getTranslation("collections.risk"));
    risks.setItems(RiskClass.values());
    risks.setItemLabelGenerator(r -> getTranslation("collections.risk." + r.name()));
    dueOnly.setId("worklist-due-only");
    dueOnly.setLabel(getTranslation("collections.dueOnly"));
    dueOnly.setValue(true);
    collector.addValueChangeListener(e -> refresh());
    risks.addValueChangeListener(e -> refresh());
    dueOnly.addValueChangeListener(e -> refresh());
    HorizontalLayout filters = new HorizontalLayout(collector, risks, dueOnly);
    filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    filters.setWrap(true);

    grid.setId("worklist-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.addComponentColumn(
            i -> {
              RouterLink link = new RouterLink(i.number(), AccountCollectionsView.class, i.id());
              link.setId("worklist-open-" + i.number());
              return link;
            })
        .setHeader(getTranslation("collections.account"))
        .setWidth("8em")
        .setFlexGrow(0);
    grid.addColumn(WorklistItem::name)
        .setHeader(getTranslation("collections.name"))
        .setWidth("10em")
        .setFlexGrow(1);
    grid.addColumn(i -> Formats.money(i.netOverdue(), getLocale()))
        .setHeader(getTranslation("collections.netOverdue"))
        .setTextAlign(ColumnTextAlign.END)
        .setWidth("9em")
        .setFlexGrow(0);
    grid.addColumn(i -> Formats.number(i.daysOverdue(), getLocale()))
        .setHeader(getTranslation("collections.days"))
        .setTextAlign(ColumnTextAlign.END)
        .setWidth("8em")
        .setFlexGrow(0);
    grid.addColumn(i -> getTranslation("collections.risk." + i.riskClass().name()))
        .setHeader(getTranslation("collections.risk"))
        .setWidth("8.5em")
        .setFlexGrow(0);
    grid.addComponentColumn(this::flags)
        .setHeader(getTranslation("collections.flags"))
        .setWidth("12em")
        .setFlexGrow(0);
    grid.addColumn(i -> Formats.date(i.nextActionOn(), getLocale()))
        .setHeader(getTranslation("collections.nextAction"))
        .setWidth("8em")
        .setFlexGrow(0);
    grid.setEmptyStateText(getTranslation("collections.worklist.empty"));
    grid.setSizeFull();
    if (!lead) {
      // a lead's rows select for reassignment; the number link opens the account for everyone
      grid.addItemClickListener(
          e ->
              getUI().ifPresent(ui -> ui.navigate(AccountCollectionsView.class, e.getItem().id())));
    }

    HorizontalLayout header =
        new HorizontalLayout(
            new H1(getPageTitle()),
            new RouterLink(getTranslation("collections.runs"), DunningRunsView.class));
    header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    header.setWrap(true);
    add(header, filters);
    if (lead) {
      add(reassignBar(collectors));
    }
    add(grid);
    refresh();
  }

  /** Leads give the selected accounts to another collector. */
  private HorizontalLayout reassignBar(List<StaffMember> collectors) {
    grid.setSelectionMode(Grid.SelectionMode.MULTI);
    Accessible.nameSelectionCheckboxes(
        grid, getTranslation("grid.selectRow"), getTranslation("grid.selectAll"));
    ComboBox<StaffMember> to = new ComboBox<>(getTranslation("collections.reassignTo"));
    to.setItems(collectors);
    to.setItemLabelGenerator(StaffMember::displayName);
    to.setId("worklist-reassign-to");
    to.setWidth("18em");
    com.vaadin.flow.component.button.Button reassign =
        new com.vaadin.flow.component.button.Button(
            getTranslation("collections.reassign"),
            e -> {
              java.util.List<Long> ids =
                  grid.getSelectedItems().stream().map(WorklistItem::id).toList();
              if (ids.isEmpty()) {
                CollectionTexts.notify(
                    getTranslation("collections.reassign.pick"),
                    com.vaadin.flow.component.notification.NotificationVariant.LUMO_CONTRAST);
                return;
              }
              try {
                int assigned =
                    collections.reassign(
                        ids, to.getValue() == null ? null : to.getValue().username());
                CollectionTexts.notify(
                    getTranslation("collections.reassigned", assigned),
                    com.vaadin.flow.component.notification.NotificationVariant.LUMO_SUCCESS);
                refresh();
              } catch (com.bpo.portal.shared.ProblemException problem) {
                CollectionTexts.show(this, problem, java.util.Map.of("collector", to));
              }
            });
    reassign.setId("worklist-reassign");
    HorizontalLayout bar = new HorizontalLayout(to, reassign);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    bar.setWrap(true);
    return bar;
  }

  private HorizontalLayout flags(WorklistItem item) {
    HorizontalLayout flags = new HorizontalLayout();
    flags.setSpacing(false);
    flags.getStyle().set("gap", "0.25em").set("flex-wrap", "wrap");
    if (item.brokenPromise()) {
      flags.add(Badge.of(getTranslation("collections.flag.broken"), Badge.Tone.ERROR));
    }
    if (item.promiseDueToday()) {
      flags.add(Badge.of(getTranslation("collections.flag.dueToday"), Badge.Tone.WARNING));
    }
    if (item.onHold()) {
      flags.add(Badge.of(getTranslation("collections.flag.onHold"), Badge.Tone.NEUTRAL));
    }
    return flags;
  }

  WorklistFilter filter() {
    return new WorklistFilter(
        Optional.ofNullable(collector.getValue()).map(StaffMember::username),
        risks.getSelectedItems(),
        Optional.empty(),
        dueOnly.getValue());
  }

  private void refresh() {
    WorklistFilter filter = filter();
    KeysetFetch<WorklistItem> fetch =
        new KeysetFetch<>(
            (cursor, limit) -> collections.worklist(filter, PageRequest.of(limit, cursor)));
    grid.setItems(query -> fetch.fetch(query.getOffset(), query.getLimit()).stream());
  }

  @Override
  public String getPageTitle() {
    return getTranslation("collections.worklist.title");
  }
}
