package com.bpo.portal.ui.collection;

import com.bpo.portal.collection.CollectionService;
import com.bpo.portal.collection.Strategy;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.stream.Collectors;

/**
 * The tenant's collection strategies, every version, each with its segment and its steps by days
 * from the due date. Read here; a lead adds a version through {@code POST
 * /api/v1/collections/strategies}.
 */
@Route(value = "collections/strategies", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class StrategiesView extends VerticalLayout implements HasDynamicTitle {
  @Inject
  public StrategiesView(CollectionService collections) {
    setSizeFull();
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
    grid.setItems(collections.strategies());
    grid.setEmptyStateText(getTranslation("collections.strategies.empty"));
    grid.setSizeFull();
    add(
        new H1(getPageTitle()),
        new Paragraph(getTranslation("collections.strategies.intro")),
        grid);
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
