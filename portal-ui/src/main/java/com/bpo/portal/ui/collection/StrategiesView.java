package com.bpo.portal.ui.collection;

import com.bpo.portal.collection.CollectionService;
import com.bpo.portal.collection.Strategy;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The tenant's collection strategies, every version, each with its segment and its steps by days
 * from the due date. Read here by the BPO and the client; a lead also starts a new strategy or a
 * new version of one (from its latest version) in {@link StrategyEditorView}.
 */
@Route(value = "collections/strategies", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class StrategiesView extends VerticalLayout implements HasDynamicTitle {
  @Inject
  public StrategiesView(CollectionService collections, TenantContext context) {
    setSizeFull();
    boolean lead = context.requireUser().hasRole(Roles.BPO_LEAD);
    List<Strategy> all = collections.strategies();
    Map<String, Integer> latest =
        all.stream().collect(Collectors.toMap(Strategy::code, Strategy::versionNo, Math::max));
    Grid<Strategy> grid = new Grid<>();
    grid.setId("strategies-grid");
    grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.addColumn(s -> s.name() + " (" + s.code() + " v" + s.versionNo() + ")")
        .setHeader(getTranslation("collections.strategy"))
        .setWidth("16em")
        .setFlexGrow(0);
    grid.addColumn(s -> Formats.date(s.effectiveFrom(), getLocale()))
        .setHeader(getTranslation("collections.from"))
        .setWidth("8em")
        .setFlexGrow(0);
    grid.addColumn(this::segment)
        .setHeader(getTranslation("collections.segment"))
        .setWidth("12em")
        .setFlexGrow(0);
    grid.addColumn(
            s ->
                s.steps().stream()
                    .map(
                        step ->
                            getTranslation(
                                "collections.stepText",
                                step.dayOffset(),
                                getTranslation("collections.action." + step.action().name()),
                                step.level()))
                    .collect(Collectors.joining("; ")))
        .setHeader(getTranslation("collections.steps"))
        .setFlexGrow(1);
    if (lead) {
      grid.addComponentColumn(s -> newVersion(s, latest))
          .setHeader(getTranslation("collections.actions"))
          .setWidth("10em")
          .setFlexGrow(0);
    }
    grid.setItems(all);
    grid.setEmptyStateText(getTranslation("collections.strategies.empty"));
    grid.setSizeFull();
    add(new H1(getPageTitle()), new Paragraph(getTranslation("collections.strategies.intro")));
    if (lead) {
      Button create =
          new Button(
              getTranslation("collections.editor.newTitle"),
              VaadinIcon.PLUS.create(),
              e -> getUI().ifPresent(ui -> ui.navigate(StrategyEditorView.class)));
      create.setId("strategies-new");
      add(create);
    }
    add(grid);
  }

  /** On the latest version of each strategy: a new version of it, prefilled from this one. */
  private Component newVersion(Strategy s, Map<String, Integer> latest) {
    if (latest.get(s.code()) != s.versionNo()) {
      return new Span();
    }
    Button button =
        new Button(
            getTranslation("collections.editor.newVersion"),
            e ->
                getUI()
                    .ifPresent(
                        ui ->
                            ui.navigate(
                                StrategyEditorView.class, QueryParameters.of("code", s.code()))));
    button.setId("strategy-new-version-" + s.code());
    button.addThemeVariants(ButtonVariant.LUMO_SMALL);
    button.setAriaLabel(getTranslation("collections.editor.newVersionOf", s.name()));
    return button;
  }

  private String segment(Strategy s) {
    String types =
        s.segment().customerTypes().stream()
            .map(t -> getTranslation("collections.type." + t.name()))
            .sorted()
            .collect(Collectors.joining(", "));
    String risks =
        s.segment().riskClasses().stream()
            .map(r -> getTranslation("collections.risk." + r.name()))
            .sorted()
            .collect(Collectors.joining(", "));
    String both =
        String.join(
            " · ", java.util.stream.Stream.of(types, risks).filter(t -> !t.isEmpty()).toList());
    return both.isEmpty() ? getTranslation("collections.anyAccount") : both;
  }

  @Override
  public String getPageTitle() {
    return getTranslation("collections.strategies");
  }
}
