package com.bpo.portal.ui.governance;

import com.bpo.portal.governance.EntryStatus;
import com.bpo.portal.governance.EntrySummary;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.TransitionRefused;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Map;

/** How the governance screens name and colour statuses, and say that an entry is overdue. */
final class GovernanceTexts {
  private GovernanceTexts() {}

  static Span status(Component view, EntrySummary e) {
    String text = view.getTranslation("governance.status." + e.status().name());
    if (e.escalationLevel() > 0 && e.status().isLive()) {
      text += " · " + view.getTranslation("governance.level", e.escalationLevel());
    }
    return Badge.of(text, tone(e.status()));
  }

  static Badge.Tone tone(EntryStatus status) {
    return switch (status) {
      case OPEN -> Badge.Tone.WARNING;
      case IN_PROGRESS -> Badge.Tone.NEUTRAL;
      case ESCALATED -> Badge.Tone.ERROR;
      case RESOLVED, CLOSED -> Badge.Tone.SUCCESS;
    };
  }

  /** The due date, and in words and colour when it has passed: colour is never the only signal. */
  static Component due(Component view, EntrySummary e) {
    java.util.Locale locale = com.vaadin.flow.component.UI.getCurrent().getLocale();
    String date = e.dueDate() == null ? "—" : Formats.date(e.dueDate(), locale);
    if (!e.overdue()) {
      return new Span(date);
    }
    Span overdue = new Span(date + " · " + view.getTranslation("governance.overdue"));
    overdue.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
    return overdue;
  }

  static String person(Map<String, String> names, String username) {
    return username == null ? "—" : names.getOrDefault(username, username);
  }

  static void notify(String text, NotificationVariant variant) {
    Notification.show(text, 5000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
  }

  /** A refusal in the reader's words where the screens know it, the service's words otherwise. */
  static void refused(Component view, ProblemException problem) {
    String text;
    if (problem instanceof TransitionRefused step) {
      text =
          view.getTranslation(
              "governance.refused",
              view.getTranslation("governance.action." + step.action().name()),
              view.getTranslation("governance.status." + step.from().name()));
    } else if (problem.status() == 409) {
      text = view.getTranslation("governance.conflict");
    } else {
      text = problem.getMessage();
    }
    notify(text, NotificationVariant.LUMO_ERROR);
  }
}
