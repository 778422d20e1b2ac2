package com.bpo.portal.ui.procedure;

import com.bpo.portal.procedure.ProcedureSummary;
import com.bpo.portal.procedure.VersionStatus;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;

/** Pills and phrases the procedure screens share, in the reader's language. */
final class ProcedureTexts {
  private ProcedureTexts() {}

  static Span status(Component view, VersionStatus status) {
    Badge.Tone tone =
        switch (status) {
          case EFFECTIVE -> Badge.Tone.SUCCESS;
          case IN_REVIEW, APPROVED -> Badge.Tone.WARNING;
          default -> Badge.Tone.NEUTRAL;
        };
    return Badge.of(view.getTranslation("procedure.status." + status.name()), tone);
  }

  static Component review(Component view, ProcedureSummary p) {
    if (p.nextReviewOn() == null) {
      return new Span("—");
    }
    String date =
        Formats.date(p.nextReviewOn(), com.vaadin.flow.component.UI.getCurrent().getLocale());
    return switch (p.reviewState()) {
      case OVERDUE ->
          Badge.of(view.getTranslation("procedure.review.overdue", date), Badge.Tone.ERROR);
      case DUE -> Badge.of(view.getTranslation("procedure.review.due", date), Badge.Tone.WARNING);
      default -> new Span(date);
    };
  }

  static String effective(Component view, ProcedureSummary p) {
    return p.effectiveNumber() == null
        ? view.getTranslation("procedure.noneEffective")
        : view.getTranslation(
            "procedure.effectiveShort",
            p.effectiveNumber(),
            Formats.date(p.effectiveFrom(), com.vaadin.flow.component.UI.getCurrent().getLocale()));
  }
}
