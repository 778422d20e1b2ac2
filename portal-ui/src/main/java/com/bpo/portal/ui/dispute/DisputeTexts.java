package com.bpo.portal.ui.dispute;

import com.bpo.portal.dispute.DisputeStatus;
import com.bpo.portal.dispute.DisputeSummary;
import com.bpo.portal.ui.Badge;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;

/** How the dispute screens name statuses and reasons, and colour a status. */
public final class DisputeTexts {
  private DisputeTexts() {}

  /**
   * A reason's words: the standard codes in the reader's language, a tenant's own codes in the
   * tenant's label.
   */
  public static String reason(Component view, String code, String label) {
    String key = "dispute.reason." + code;
    String translated = view.getTranslation(key);
    return translated.startsWith("!") || translated.equals(key)
        ? (label == null ? code : label)
        : translated;
  }

  static Span status(Component view, DisputeSummary dispute) {
    String text = view.getTranslation("dispute.status." + dispute.status().name());
    if (dispute.outcome() != null) {
      text += " · " + view.getTranslation("dispute.outcome." + dispute.outcome().name());
    }
    return Badge.of(text, tone(dispute.status()));
  }

  static Badge.Tone tone(DisputeStatus status) {
    return switch (status) {
      case NEW -> Badge.Tone.WARNING;
      case IN_REVIEW, AWAITING_CUSTOMER -> Badge.Tone.NEUTRAL;
      case RESOLVED, CLOSED -> Badge.Tone.SUCCESS;
    };
  }
}
