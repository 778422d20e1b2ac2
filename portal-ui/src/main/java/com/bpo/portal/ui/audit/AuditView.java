package com.bpo.portal.ui.audit;

import com.bpo.portal.audit.AuditChain;
import com.bpo.portal.audit.AuditFilter;
import com.bpo.portal.audit.AuditRecord;
import com.bpo.portal.audit.AuditTrail;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.PeopleNames;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.KeysetFetch;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The auditor's screen: the tenant's trail, newest first, narrowed by record, person, action and
 * dates; each line opens to the fields that changed; the same selection downloads as CSV, and the
 * hash chain can be verified on the spot. Query parameters {@code entity} and {@code entityId} open
 * it on one record's history.
 */
@Route(value = "audit", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.CLIENT_STAKEHOLDER})
public class AuditView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {
  static final List<String> ACTIONS = List.of("INSERT", "UPDATE", "DELETE", "SIGN_IN", "EXPORT");

  private final AuditTrail trail;
  private final ZoneId zone;
  private final Grid<AuditRecord> grid = new Grid<>();
  private final TextField entity = new TextField();
  private final TextField entityId = new TextField();
  private final TextField actor = new TextField();
  private final ComboBox<String> action = new ComboBox<>();
  private final DatePicker from = new DatePicker();
  private final DatePicker to = new DatePicker();
  private final Span verification = new Span();
  private AuditFilter filter = AuditFilter.none();

  /** Full names by user name (tenant_staff); a login without a row (a customer, system) stays. */
  private final Map<String, String> names;

  @Inject
  public AuditView(AuditTrail trail, TenantContext context, PeopleNames people) {
    this.trail = trail;
    this.names = people.all();
    this.zone = ZoneId.of(context.requireTenant().timeZone());
    setSizeFull();

    entity.setId("audit-entity");
    entity.setLabel(getTranslation("audit.entity"));
    entity.setPlaceholder(getTranslation("audit.entityHelp"));
    entityId.setId("audit-entity-id");
    entityId.setLabel(getTranslation("audit.entityId"));
    entityId.setWidth("8em");
    actor.setId("audit-actor");
    actor.setLabel(getTranslation("audit.actor"));
    action.setId("audit-action");
    action.setLabel(getTranslation("audit.action"));
    action.setItems(ACTIONS);
    action.setItemLabelGenerator(a -> getTranslation("audit.action." + a));
    action.setClearButtonVisible(true);
    from.setLabel(getTranslation("audit.from"));
    to.setLabel(getTranslation("audit.to"));
    from.setLocale(getLocale());
    to.setLocale(getLocale());
    for (TextField field : List.of(entity, entityId, actor)) {
      field.setClearButtonVisible(true);
      field.setValueChangeMode(ValueChangeMode.LAZY);
      field.addValueChangeListener(e -> refresh());
    }
    action.addValueChangeListener(e -> refresh());
    from.addValueChangeListener(e -> refresh());
    to.addValueChangeListener(e -> refresh());

    // streamed into the download: a trail can be long
    Anchor csv =
        new Anchor(
            new StreamResource("audit-trail.csv", (out, session) -> trail.exportCsv(filter, out)),
            getTranslation("audit.export"));
    csv.setId("audit-export");
    csv.getElement().setAttribute("download", true);
    Button verify =
        new Button(getTranslation("audit.verify"), VaadinIcon.SHIELD.create(), e -> verify());
    verify.setId("audit-verify");
    verification.setId("audit-verification");
    verification.getElement().setAttribute("aria-live", "polite");

    HorizontalLayout filters = new HorizontalLayout(entity, entityId, actor, action, from, to, csv);
    filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    filters.setWrap(true);
    HorizontalLayout chain = new HorizontalLayout(verify, verification);
    chain.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

    grid.setId("audit-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(r -> Formats.dateTime(r.occurredAt(), zone, getLocale()))
        .setHeader(getTranslation("audit.when"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(r -> actor(r.actor()))
        .setHeader(getTranslation("audit.actor"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addComponentColumn(
            r -> Badge.of(getTranslation("audit.action." + r.action()), tone(r.action())))
        .setHeader(getTranslation("audit.action"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(r -> r.entity() + (r.entityId() == null ? "" : " #" + r.entityId()))
        .setHeader(getTranslation("audit.record"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(AuditChanges::summary).setHeader(getTranslation("audit.changes")).setFlexGrow(1);
    grid.addColumn(r -> r.sealSeq() == null ? getTranslation("audit.unsealed") : "#" + r.sealSeq())
        .setHeader(getTranslation("audit.seal"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.setItemDetailsRenderer(
        new com.vaadin.flow.data.renderer.ComponentRenderer<>(this::details));
    grid.setEmptyStateText(getTranslation("audit.empty"));
    grid.setSizeFull();

    add(new H1(getPageTitle()), new Paragraph(getTranslation("audit.intro")), filters, chain, grid);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    var parameters = event.getLocation().getQueryParameters();
    parameters.getSingleParameter("entity").ifPresent(entity::setValue);
    parameters.getSingleParameter("entityId").ifPresent(entityId::setValue);
    refresh();
  }

  private void refresh() {
    filter =
        new AuditFilter(
            text(entity),
            text(entityId),
            text(actor),
            Optional.ofNullable(action.getValue()),
            Optional.ofNullable(from.getValue()),
            Optional.ofNullable(to.getValue()));
    AuditFilter current = filter;
    KeysetFetch<AuditRecord> fetch =
        new KeysetFetch<>((cursor, limit) -> trail.list(current, PageRequest.of(limit, cursor)));
    grid.setItems(query -> fetch.fetch(query.getOffset(), query.getLimit()).stream());
  }

  private com.vaadin.flow.component.Component details(AuditRecord record) {
    Grid<AuditChanges.Change> changes = new Grid<>();
    changes.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
    changes
        .addColumn(AuditChanges.Change::field)
        .setHeader(getTranslation("audit.field"))
        .setAutoWidth(true);
    changes.addColumn(AuditChanges.Change::before).setHeader(getTranslation("audit.before"));
    changes.addColumn(AuditChanges.Change::after).setHeader(getTranslation("audit.after"));
    changes.setItems(AuditChanges.of(record));
    changes.setAllRowsVisible(true);
    Span request =
        new Span(
            getTranslation("audit.request", record.requestId() == null ? "—" : record.requestId()));
    request
        .getStyle()
        .set("font-size", "var(--lumo-font-size-s)")
        .set("color", "var(--lumo-secondary-text-color)");
    VerticalLayout box = new VerticalLayout(changes, request);
    box.setPadding(false);
    return box;
  }

  private void verify() {
    AuditChain.Verification result = trail.verify();
    verification.setText(
        result.intact()
            ? getTranslation(
                "audit.intact",
                Formats.number(result.checked(), getLocale()),
                Formats.number(result.unsealed(), getLocale()))
            : getTranslation("audit.broken", result.brokenAt(), result.problem()));
    verification
        .getStyle()
        .set(
            "color",
            result.intact() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
  }

  private static Badge.Tone tone(String action) {
    return switch (action) {
      case "DELETE" -> Badge.Tone.ERROR;
      case "INSERT" -> Badge.Tone.SUCCESS;
      case "EXPORT", "SIGN_IN" -> Badge.Tone.WARNING;
      default -> Badge.Tone.NEUTRAL;
    };
  }

  private static Optional<String> text(TextField field) {
    return Optional.ofNullable(field.getValue()).map(String::strip).filter(v -> !v.isEmpty());
  }

  @Override
  public String getPageTitle() {
    return getTranslation("audit.title");
  }

  /** Who, as a person reads it, with the user name the filter takes: "Olivia Lead (ops.lead)". */
  private String actor(String username) {
    String name = names.get(username);
    return name == null || name.equals(username) ? username : name + " (" + username + ")";
  }
}
