package com.bpo.portal.ui;

import com.bpo.portal.shared.ServiceUnavailable;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a screen shows when opening it failed, in place of Vaadin's page with the exception: when
 * the database is away, "temporarily unavailable, try again" (503); otherwise a short apology
 * (500), the failure going to the log only. Without the main layout, which itself needs the
 * database.
 */
@PermitAll
public class ErrorView extends VerticalLayout
    implements HasErrorParameter<Exception>, HasDynamicTitle {
  private static final Logger LOG = Logger.getLogger(ErrorView.class.getName());
  private String title = "";

  @Override
  public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
    boolean outage = ServiceUnavailable.isDatabaseOutage(parameter.getCaughtException());
    if (outage) {
      LOG.warning(
          "Database unavailable opening "
              + event.getLocation().getPath()
              + ": "
              + parameter.getCaughtException());
    } else {
      LOG.log(
          Level.SEVERE,
          "Failure opening " + event.getLocation().getPath(),
          parameter.getCaughtException());
    }
    String prefix = outage ? "unavailable." : "failure.";
    removeAll();
    setId(outage ? "unavailable" : "failure");
    setMaxWidth("40em");
    Button retry =
        new Button(getTranslation(prefix + "retry"), e -> UI.getCurrent().getPage().reload());
    retry.setId("unavailable-retry");
    retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    title = getTranslation(prefix + "title");
    add(new H1(title), new Paragraph(getTranslation(prefix + "text")), retry);
    return outage
        ? HttpServletResponse.SC_SERVICE_UNAVAILABLE
        : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
  }

  @Override
  public String getPageTitle() {
    return title;
  }
}
