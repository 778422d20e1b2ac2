package com.bpo.portal.ui.procedure;

import com.bpo.portal.procedure.ProcedureDiff;
import com.bpo.portal.procedure.ProcedureService;
import com.bpo.portal.procedure.VersionSummary;
import com.bpo.portal.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Locale;

/**
 * A procedure's versions side by side: which one was (or will be) in force on a date, and a line
 * diff between two of them, read from the service.
 */
class VersionComparison extends VerticalLayout {
  private final ProcedureService procedures;
  private final long procedureId;

  VersionComparison(ProcedureService procedures, long procedureId, List<VersionSummary> versions) {
    this.procedures = procedures;
    this.procedureId = procedureId;
    setPadding(false);
    add(onDate(), diff(versions));
  }

  private Component onDate() {
    DatePicker date = new DatePicker(getTranslation("procedure.onDate"));
    date.setId("procedure-on-date");
    date.setLocale(getLocale());
    Span result = new Span();
    result.setId("procedure-on-date-result");
    date.addValueChangeListener(
        e -> {
          if (e.getValue() == null) {
            result.setText("");
            return;
          }
          result.setText(
              procedures
                  .effectiveOn(procedureId, e.getValue())
                  .map(
                      v ->
                          getTranslation(
                              "procedure.onDateResult",
                              Formats.date(e.getValue(), getLocale()),
                              v.number(),
                              Formats.date(v.effectiveFrom(), getLocale())))
                  .orElse(
                      getTranslation(
                          "procedure.onDateNone", Formats.date(e.getValue(), getLocale()))));
        });
    HorizontalLayout row = new HorizontalLayout(date, result);
    row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    return row;
  }

  private Component diff(List<VersionSummary> versions) {
    VerticalLayout box = new VerticalLayout();
    box.setPadding(false);
    if (versions.size() < 2) {
      return box;
    }
    Select<VersionSummary> from = new Select<>();
    from.setId("diff-from");
    from.setLabel(getTranslation("procedure.diffFrom"));
    from.setItems(versions);
    from.setItemLabelGenerator(v -> getTranslation("procedure.versionNumber", v.number()));
    from.setValue(versions.get(1));
    Select<VersionSummary> to = new Select<>();
    to.setId("diff-to");
    to.setLabel(getTranslation("procedure.diffTo"));
    to.setItems(versions);
    to.setItemLabelGenerator(v -> getTranslation("procedure.versionNumber", v.number()));
    to.setValue(versions.get(0));
    Div lines = new Div();
    lines.setId("procedure-diff");
    lines
        .getStyle()
        .set("font-family", "var(--lumo-font-family-monospace, monospace)")
        .set("font-size", "var(--lumo-font-size-s)")
        .set("white-space", "pre-wrap")
        .set("max-width", "70em");
    Button compare =
        new Button(
            getTranslation("procedure.compare"),
            e -> {
              lines.removeAll();
              if (from.getValue() == null || to.getValue() == null) {
                return;
              }
              ProcedureDiff.Result result =
                  procedures.diff(procedureId, from.getValue().id(), to.getValue().id());
              Span summary =
                  new Span(
                      getTranslation("procedure.diffSummary", result.added(), result.removed()));
              summary.setId("procedure-diff-summary");
              lines.add(summary);
              for (ProcedureDiff.Line line : result.lines()) {
                Div row = new Div();
                // text, never HTML: the Markdown source shows as written
                row.setText(
                    switch (line.kind()) {
                          case ADDED -> "+ ";
                          case REMOVED -> "− ";
                          default -> "  ";
                        }
                        + line.text());
                row.addClassName("diff-" + line.kind().name().toLowerCase(Locale.ROOT));
                if (line.kind() == ProcedureDiff.Kind.ADDED) {
                  row.getStyle().set("background", "var(--lumo-success-color-10pct)");
                } else if (line.kind() == ProcedureDiff.Kind.REMOVED) {
                  row.getStyle()
                      .set("background", "var(--lumo-error-color-10pct)")
                      .set("text-decoration", "line-through");
                }
                lines.add(row);
              }
            });
    compare.setId("diff-show");
    compare.click(); // what the newest version changed, shown at once
    HorizontalLayout row = new HorizontalLayout(from, to, compare);
    row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    box.add(row, lines);
    return box;
  }

  // ---------------------------------------------------------------- acknowledgements, reviews,
  // history
}
