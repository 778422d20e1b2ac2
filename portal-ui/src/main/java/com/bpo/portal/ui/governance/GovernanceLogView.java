package com.bpo.portal.ui.governance;

import com.bpo.portal.governance.Actor;
import com.bpo.portal.governance.EntryFilter;
import com.bpo.portal.governance.EntrySort;
import com.bpo.portal.governance.EntryStatus;
import com.bpo.portal.governance.EntrySummary;
import com.bpo.portal.governance.EntryType;
import com.bpo.portal.governance.GovernanceRules;
import com.bpo.portal.governance.GovernanceService;
import com.bpo.portal.governance.SavedView;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.ProcessArea;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.StaffMember;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.KeysetFetch;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The governance log: filters by type, status, area, owner, overdue and escalation level, saved as
 * named views per user; overdue entries say so in words and colour. Lazy over keyset pages. A lead
 * logs any entry, a client stakeholder raises issues; an agent's log holds what they own.
 */
@Route(value = "governance", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class GovernanceLogView extends VerticalLayout implements HasDynamicTitle {
  private final GovernanceService governance;
  private final Grid<EntrySummary> grid = new Grid<>();
  private final MultiSelectComboBox<EntryType> types = new MultiSelectComboBox<>();
  private final MultiSelectComboBox<EntryStatus> statuses = new MultiSelectComboBox<>();
  private final MultiSelectComboBox<ProcessArea> areas = new MultiSelectComboBox<>();
  private final Select<String> owner = new Select<>();
  private final Checkbox overdue = new Checkbox();
  private final Select<Integer> level = new Select<>();
  private final Select<SavedView> views = new Select<>();
  private final Map<String, String> names;
  private boolean applyingView;

  @Inject
  public GovernanceLogView(GovernanceService governance) {
    this.governance = governance;
    Actor actor = governance.actor();
    setSizeFull();
    List<StaffMember> staff = governance.staff();
    names =
        staff.stream()
            .collect(
                Collectors.toMap(StaffMember::username, StaffMember::displayName, (a, b) -> a));

    types.setId("log-type-filter");
    types.setLabel(getTranslation("governance.type"));
    types.setItems(EntryType.values());
    types.setItemLabelGenerator(t -> getTranslation("governance.type." + t.name()));
    statuses.setId("log-status-filter");
    statuses.setLabel(getTranslation("governance.status"));
    statuses.setItems(EntryStatus.values());
    statuses.setItemLabelGenerator(s -> getTranslation("governance.status." + s.name()));
    statuses.setValue(EntryStatus.LIVE);
    areas.setId("log-area-filter");
    areas.setLabel(getTranslation("governance.area"));
    areas.setItems(ProcessArea.values());
    areas.setItemLabelGenerator(a -> getTranslation("processArea." + a.name()));
    owner.setId("log-owner-filter");
    owner.setLabel(getTranslation("governance.owner"));
    owner.setEmptySelectionAllowed(true);
    owner.setEmptySelectionCaption(getTranslation("governance.any"));
    owner.setItems(staff.stream().map(StaffMember::username).toList());
    owner.setItemLabelGenerator(
        u -> u == null ? getTranslation("governance.any") : GovernanceTexts.person(names, u));
    owner.setVisible(actor != Actor.AGENT);
    overdue.setId("log-overdue-filter");
    overdue.setLabel(getTranslation("governance.overdueOnly"));
    level.setId("log-level-filter");
    level.setLabel(getTranslation("governance.minLevel"));
    level.setItems(0, 1, 2, 3);
    level.setValue(0);
    level.setItemLabelGenerator(
        l ->
            l == null || l == 0
                ? getTranslation("governance.any")
                : getTranslation("governance.levelOrAbove", l));
    types.addValueChangeListener(e -> refresh());
    statuses.addValueChangeListener(e -> refresh());
    areas.addValueChangeListener(e -> refresh());
    owner.addValueChangeListener(e -> refresh());
    overdue.addValueChangeListener(e -> refresh());
    level.addValueChangeListener(e -> refresh());
    HorizontalLayout filters = new HorizontalLayout(types, statuses, areas, owner, level, overdue);
    filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    filters.setWrap(true);

    views.setId("log-views");
    views.setLabel(getTranslation("governance.views"));
    views.setEmptySelectionAllowed(true);
    views.setEmptySelectionCaption(getTranslation("governance.noView"));
    views.setItemLabelGenerator(v -> v == null ? getTranslation("governance.noView") : v.name());
    views.addValueChangeListener(
        e -> {
          if (e.getValue() != null) {
            apply(EntryFilter.fromQuery(e.getValue().filter()));
          }
        });
    Button saveView = new Button(getTranslation("governance.saveView"), e -> saveView());
    saveView.setId("log-save-view");
    Button deleteView = new Button(getTranslation("governance.deleteView"), e -> deleteView());
    deleteView.setId("log-delete-view");
    deleteView.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
    HorizontalLayout viewBar = new HorizontalLayout(views, saveView, deleteView);
    viewBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    loadViews(null);

    grid.setId("log-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    // fixed widths: auto widths are measured before the lazy rows arrive and leave headers and
    // cells apart;
    // the number is a link as well as a row click, so the keyboard reaches an entry with Tab and
    // Enter
    grid.addComponentColumn(e -> new RouterLink(e.number(), EntryView.class, e.id()))
        .setHeader(getTranslation("governance.number"))
        .setWidth("4.5rem")
        .setFlexGrow(0);
    grid.addColumn(e -> getTranslation("governance.type." + e.type().name()))
        .setHeader(getTranslation("governance.type"))
        .setWidth("6.5rem")
        .setFlexGrow(0);
    grid.addComponentColumn(
            e -> {
              var title = new com.vaadin.flow.component.html.Span(e.title());
              if (!e.proposed()) {
                return title;
              }
              HorizontalLayout box =
                  new HorizontalLayout(
                      Badge.of(getTranslation("governance.proposed"), Badge.Tone.WARNING), title);
              box.setPadding(false);
              return box;
            })
        .setHeader(getTranslation("governance.title"))
        .setWidth("10rem")
        .setFlexGrow(1);
    grid.addColumn(e -> getTranslation("processArea." + e.area().name()))
        .setHeader(getTranslation("governance.area"))
        .setWidth("9rem")
        .setFlexGrow(0);
    grid.addColumn(e -> getTranslation("governance.priority." + e.priority().name()))
        .setHeader(getTranslation("governance.priority"))
        .setWidth("6.5rem")
        .setFlexGrow(0);
    grid.addColumn(e -> GovernanceTexts.person(names, e.owner()))
        .setHeader(getTranslation("governance.owner"))
        .setWidth("8rem")
        .setFlexGrow(0);
    grid.addComponentColumn(e -> GovernanceTexts.due(this, e))
        .setHeader(getTranslation("governance.due"))
        .setWidth("13rem")
        .setFlexGrow(0);
    grid.addComponentColumn(e -> GovernanceTexts.status(this, e))
        .setHeader(getTranslation("governance.status"))
        .setWidth("10.5rem")
        .setFlexGrow(0);
    grid.setEmptyStateText(getTranslation("governance.empty"));
    grid.setSizeFull();
    grid.addItemClickListener(
        e -> getUI().ifPresent(ui -> ui.navigate(EntryView.class, e.getItem().id())));

    HorizontalLayout header =
        new HorizontalLayout(
            new H1(getPageTitle()),
            new RouterLink(getTranslation("governance.board"), GovernanceBoardView.class),
            new RouterLink(getTranslation("governance.meetings"), MeetingsView.class));
    header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    Set<EntryType> creatable = EnumSet.noneOf(EntryType.class);
    for (EntryType t : EntryType.values()) {
      if (GovernanceRules.mayCreate(actor, t)) {
        creatable.add(t);
      }
    }
    if (!creatable.isEmpty()) {
      Button create =
          new Button(
              getTranslation(
                  creatable.size() == 1 ? "governance.raiseIssue" : "governance.newEntry"),
              e ->
                  new EntryFormDialog(
                          this,
                          getTranslation("governance.newEntry"),
                          creatable,
                          staff,
                          null,
                          GovernanceRules.mayReassign(actor),
                          governance::create,
                          saved ->
                              getUI()
                                  .ifPresent(
                                      ui -> ui.navigate(EntryView.class, saved.entry().id())))
                      .open());
      create.setId("log-new-entry");
      create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      header.add(create);
    }
    add(header, viewBar, filters, grid);
    refresh();
  }

  private EntryFilter filter() {
    return new EntryFilter(
        types.getSelectedItems(),
        statuses.getSelectedItems(),
        areas.getSelectedItems(),
        Optional.ofNullable(owner.getValue()),
        overdue.getValue(),
        Optional.ofNullable(level.getValue()).filter(l -> l > 0),
        Optional.empty());
  }

  private void apply(EntryFilter f) {
    applyingView = true;
    types.setValue(f.types());
    statuses.setValue(f.statuses());
    areas.setValue(f.areas());
    owner.setValue(f.owner().orElse(null));
    overdue.setValue(f.overdueOnly());
    level.setValue(f.minLevel().orElse(0));
    applyingView = false;
    refresh();
  }

  private void loadViews(SavedView selected) {
    List<SavedView> saved = new ArrayList<>(governance.views());
    views.setItems(saved);
    if (selected != null) {
      saved.stream().filter(v -> v.id() == selected.id()).findFirst().ifPresent(views::setValue);
    }
  }

  private void saveView() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation("governance.saveView"));
    TextField name = new TextField(getTranslation("governance.viewName"));
    name.setId("log-view-name");
    name.setMaxLength(60);
    name.setValue(views.getValue() == null ? "" : views.getValue().name());
    dialog.add(name);
    Button save =
        new Button(
            getTranslation("governance.save"),
            e -> {
              try {
                SavedView view = governance.saveView(name.getValue(), filter());
                dialog.close();
                loadViews(view);
                GovernanceTexts.notify(
                    getTranslation("governance.viewSaved", view.name()),
                    NotificationVariant.LUMO_SUCCESS);
              } catch (ProblemException problem) {
                name.setErrorMessage(getTranslation("governance.viewNameError"));
                name.setInvalid(true);
              }
            });
    save.setId("log-view-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
    dialog.open();
    name.focus();
  }

  private void deleteView() {
    SavedView view = views.getValue();
    if (view == null) {
      GovernanceTexts.notify(
          getTranslation("governance.pickView"), NotificationVariant.LUMO_CONTRAST);
      return;
    }
    ConfirmDialog confirm =
        new ConfirmDialog(
            getTranslation("governance.deleteView"),
            getTranslation("governance.deleteViewConfirm", view.name()),
            getTranslation("governance.delete"),
            e -> {
              governance.deleteView(view.id());
              loadViews(null);
            });
    confirm.setCancelable(true);
    confirm.setCancelText(getTranslation("common.cancel"));
    confirm.setConfirmButtonTheme("error primary");
    confirm.open();
  }

  private void refresh() {
    if (applyingView) {
      return;
    }
    EntryFilter filter = filter();
    // soonest due first, always: the order a governance log is read in
    KeysetFetch<EntrySummary> fetch =
        new KeysetFetch<>(
            (cursor, limit) ->
                governance.list(filter, EntrySort.DUE, PageRequest.of(limit, cursor)));
    grid.setItems(query -> fetch.fetch(query.getOffset(), query.getLimit()).stream());
  }

  @Override
  public String getPageTitle() {
    return getTranslation("governance.logTitle");
  }
}
