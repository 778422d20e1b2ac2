package com.bpo.portal.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The month a monthly view is opened on by its address ({@code ?period=2026-10}: a link, a
 * bookmark); none when it is absent or unreadable, and the view stays on its default month. The
 * service still decides whether the reader may see it.
 */
public final class PeriodParameter {
  private PeriodParameter() {}

  public static Optional<YearMonth> of(BeforeEnterEvent event) {
    return event
        .getLocation()
        .getQueryParameters()
        .getSingleParameter("period")
        .flatMap(
            text -> {
              try {
                return Optional.of(YearMonth.parse(text));
              } catch (DateTimeParseException e) {
                return Optional.empty();
              }
            });
  }
}
