package com.bpo.portal.ui;

import com.bpo.portal.shared.ServiceUnavailable;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A failure inside a click or a change (after the screen opened) shows a notice instead of nothing:
 * "temporarily unavailable" when the database is away, a short apology otherwise; details go to the
 * log only. Failures while opening a screen are {@link ErrorView}'s.
 */
@ApplicationScoped
public class FailureNotices {
  private static final Logger LOG = Logger.getLogger(FailureNotices.class.getName());

  void install(@Observes ServiceInitEvent event) {
    event
        .getSource()
        .addSessionInitListener(
            session -> session.getSession().setErrorHandler(FailureNotices::show));
  }

  private static void show(ErrorEvent event) {
    Throwable failure = event.getThrowable();
    boolean outage = ServiceUnavailable.isDatabaseOutage(failure);
    if (outage) {
      LOG.warning("Database unavailable: " + failure);
    } else {
      LOG.log(Level.SEVERE, "Unexpected failure in a screen", failure);
    }
    UI ui = UI.getCurrent();
    if (ui != null) {
      Notification.show(
              ui.getTranslation(outage ? "unavailable.notice" : "failure.notice"),
              8000,
              Notification.Position.MIDDLE)
          .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
  }
}
