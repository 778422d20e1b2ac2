package com.bpo.portal.ui;

import com.bpo.portal.invoice.InvoiceSummary;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;

/**
 * A status pill. Styled inline with Lumo's colour variables: Lumo's badge stylesheet would need a
 * custom frontend bundle, which the prebuilt production bundle spares us. Colour is never the only
 * signal: the text always says the status.
 */
public final class Badge {
  public enum Tone {
    NEUTRAL("var(--lumo-contrast-10pct)", "var(--lumo-body-text-color)"),
    SUCCESS("var(--lumo-success-color-10pct)", "var(--lumo-success-text-color)"),
    WARNING("var(--lumo-warning-color-10pct, #fff4d6)", "var(--lumo-warning-text-color, #8a5a00)"),
    ERROR("var(--lumo-error-color-10pct)", "var(--lumo-error-text-color)");

    final String background;
    final String text;

    Tone(String background, String text) {
      this.background = background;
      this.text = text;
    }
  }

  private Badge() {}

  public static Span of(String label, Tone tone) {
    Span badge = new Span(label);
    badge
        .getStyle()
        .set("background", tone.background)
        .set("color", tone.text)
        .set("border-radius", "var(--lumo-border-radius-l)")
        .set("padding", "0.15em 0.6em")
        .set("font-size", "var(--lumo-font-size-s)")
        .set("font-weight", "500")
        .set("white-space", "nowrap");
    return badge;
  }

  /** Paid and credited are done; disputed, written off and overdue need attention. */
  public static Tone toneOf(InvoiceSummary invoice, LocalDate today) {
    return switch (invoice.status()) {
      case PAID, CREDITED -> Tone.SUCCESS;
      case DISPUTED, WRITTEN_OFF -> Tone.ERROR;
      case PARTIALLY_PAID, OPEN -> invoice.dueDate().isBefore(today) ? Tone.WARNING : Tone.NEUTRAL;
    };
  }
}
