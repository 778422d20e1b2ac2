package com.bpo.portal.ui.procedure;

import com.bpo.portal.procedure.ProcedureDetail;
import com.bpo.portal.procedure.ProcedureService;
import com.bpo.portal.procedure.ProcedureSummary;
import com.bpo.portal.procedure.SearchHit;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.ProcessArea;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.KeysetFetch;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The library: procedures by process area, with a search box whose results show highlighted
 * snippets. Leads start new procedures here.
 */
@Route(value = "procedures", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class ProceduresView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {
  private final ProcedureService procedures;
  private final Grid<ProcedureSummary> grid = new Grid<>();
  private final Select<ProcessArea> area = new Select<>();
  private final TextField search = new TextField();
  private final Div results = new Div();
  private KeysetFetch<ProcedureSummary> fetch;
  private ProcessArea fetchArea;

  @Inject
  public ProceduresView(ProcedureService procedures, TenantContext context) {
    this.procedures = procedures;
    setSizeFull();
    H1 title = new H1(getPageTitle());

    search.setId("procedures-search");
    search.setPlaceholder(getTranslation("procedures.searchPlaceholder"));
    search.setAriaLabel(getTranslation("procedures.search"));
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setClearButtonVisible(true);
    search.setWidth("24em");
    // results as one types (after a pause), and at once with Enter or the button
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.addValueChangeListener(e -> showSearch());
    Button go = new Button(getTranslation("procedures.search"), e -> showSearch());
    go.setId("procedures-search-go");

    area.setId("procedures-area");
    area.setLabel(getTranslation("procedures.area"));
    area.setEmptySelectionAllowed(true);
    area.setEmptySelectionCaption(getTranslation("procedures.allAreas"));
    area.setItems(ProcessArea.values());
    area.setItemLabelGenerator(
        a ->
            a == null
                ? getTranslation("procedures.allAreas")
                : getTranslation("processArea." + a.name()));
    area.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

    HorizontalLayout bar = new HorizontalLayout(area, search, go);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    bar.setWrap(true);
    if (context.requireUser().hasRole(Roles.BPO_LEAD)) {
      Button create =
          new Button(getTranslation("procedures.new"), VaadinIcon.PLUS.create(), e -> openNew());
      create.setId("procedures-new");
      create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      bar.add(create);
    }
    Button reviews =
        new Button(
            getTranslation("nav.procedureReviews"),
            e -> getUI().ifPresent(ui -> ui.navigate(ProcedureReviewsView.class)));
    bar.add(reviews);

    grid.setId("procedures-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(p -> getTranslation("processArea." + p.processArea().name()))
        .setHeader(getTranslation("procedures.area"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addComponentColumn(p -> new RouterLink(p.title(), ProcedureView.class, p.id()))
        .setHeader(getTranslation("procedures.title"))
        .setWidth("20em")
        .setFlexGrow(3);
    grid.addColumn(ProcedureSummary::ownerName)
        .setHeader(getTranslation("procedures.owner"))
        .setAutoWidth(true);
    grid.addColumn(p -> ProcedureTexts.effective(this, p))
        .setHeader(getTranslation("procedures.effective"))
        .setAutoWidth(true);
    grid.addComponentColumn(
            p -> p.openStatus() == null ? new Span() : ProcedureTexts.status(this, p.openStatus()))
        .setHeader(getTranslation("procedures.inProgress"))
        .setAutoWidth(true);
    grid.addComponentColumn(p -> ProcedureTexts.review(this, p))
        .setHeader(getTranslation("procedures.nextReview"))
        .setAutoWidth(true);
    grid.setEmptyStateText(getTranslation("procedures.empty"));
    grid.setItems(
        query -> {
          ProcessArea chosen = area.getValue();
          if (fetch == null || query.getOffset() == 0 || chosen != fetchArea) {
            // a new filter, or the first page again (a refresh): start from the first cursor
            fetch =
                new KeysetFetch<>(
                    (cursor, limit) -> procedures.list(chosen, PageRequest.of(limit, cursor)));
            fetchArea = chosen;
          }
          return fetch.fetch(query.getOffset(), query.getLimit()).stream();
        });

    results.setId("procedures-results");
    results.setVisible(false);
    results.setWidthFull();
    add(title, bar, grid, results);
    setFlexGrow(1, grid);
  }

  private void showSearch() {
    String q = search.getValue().strip();
    results.removeAll();
    if (q.isEmpty()) {
      results.setVisible(false);
      grid.setVisible(true);
      area.setEnabled(true);
      return;
    }
    grid.setVisible(false);
    area.setEnabled(false);
    results.setVisible(true);
    List<SearchHit> hits;
    try {
      hits = procedures.search(q, 30);
    } catch (ProblemException e) {
      results.add(new Paragraph(getTranslation("procedures.searchInvalid")));
      return;
    }
    Span count = new Span(getTranslation("procedures.hits", hits.size(), q));
    count.setId("procedures-hits");
    results.add(count);
    if (hits.isEmpty()) {
      results.add(new Paragraph(getTranslation("procedures.noHits")));
    }
    for (SearchHit hit : hits) {
      Div row = new Div();
      row.addClassName("procedure-hit");
      row.getStyle()
          .set("padding", "var(--lumo-space-s) 0")
          .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
      RouterLink link = new RouterLink(hit.title(), ProcedureView.class, hit.id());
      link.getStyle().set("font-weight", "600").set("margin-right", "var(--lumo-space-s)");
      Div snippet = new Div();
      snippet.addClassName("procedure-snippet");
      // safe: escaped text in which only the service's own markers became <mark>
      // (ProcedureSearch.snippetHtml)
      snippet.getElement().setProperty("innerHTML", hit.snippetHtml());
      snippet
          .getStyle()
          .set("color", "var(--lumo-secondary-text-color)")
          .set("font-size", "var(--lumo-font-size-s)");
      row.add(
          link,
          Badge.of(getTranslation("processArea." + hit.processArea().name()), Badge.Tone.NEUTRAL),
          snippet);
      results.add(row);
    }
  }

  private void openNew() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation("procedures.new"));
    ProcedureFactsForm form =
        new ProcedureFactsForm(
            procedures.possibleOwners(),
            null,
            area.getValue() == null ? ProcessArea.ORDER_MANAGEMENT : area.getValue());
    dialog.add(form);
    form.addSaveListener(
        e -> {
          try {
            ProcedureDetail created = procedures.create(form.newProcedure());
            dialog.close();
            getUI().ifPresent(ui -> ui.navigate(ProcedureView.class, created.procedure().id()));
          } catch (InvalidFields invalid) {
            form.showErrors(invalid)
                .forEach(
                    message ->
                        Notification.show(message, 6000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR));
          }
        });
    form.addCloseListener(e -> dialog.close());
    Button save = new Button(getTranslation("procedures.create"), e -> form.save());
    save.setId("new-procedure-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> form.close()), save);
    dialog.open();
    form.title.focus();
  }

  /**
   * {@code /procedures?q=words} opens with those search results: a search can be shared as a link.
   */
  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    List<String> q =
        event.getLocation().getQueryParameters().getParameters().getOrDefault("q", List.of());
    if (!q.isEmpty() && !q.get(0).isBlank()) {
      search.setValue(q.get(0));
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("procedures.pageTitle");
  }
}
