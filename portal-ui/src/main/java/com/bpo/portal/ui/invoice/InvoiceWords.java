package com.bpo.portal.ui.invoice;

import com.bpo.portal.invoice.InvoiceStatus;
import com.bpo.portal.invoice.InvoiceSummary;
import com.bpo.portal.ui.Badge;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * An invoice's status as a person says it: "12 days overdue" rather than "Open" once it is past
 * due.
 */
public final class InvoiceWords {
  private InvoiceWords() {}

  public static Span status(Component where, InvoiceSummary invoice, LocalDate today) {
    return Badge.of(
        text(where, invoice.status(), invoice.dueDate(), today), Badge.toneOf(invoice, today));
  }

  static String text(Component where, InvoiceStatus status, LocalDate due, LocalDate today) {
    String name = where.getTranslation("invoice.status." + status.name());
    if (status != InvoiceStatus.OPEN && status != InvoiceStatus.PARTIALLY_PAID) {
      return name;
    }
    long late = ChronoUnit.DAYS.between(due, today);
    String timing =
        late > 0
            ? where.getTranslation("invoice.daysOverdue", late)
            : late == 0 ? where.getTranslation("invoice.dueToday") : null;
    if (timing == null) {
      return name;
    }
    return status == InvoiceStatus.OPEN ? timing : name + " · " + timing;
  }
}
