package com.bpo.portal.collection;

import com.bpo.portal.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One account on a collector's worklist, ranked by {@link WorklistPriority}. */
public record WorklistItem(
    long id,
    String number,
    String name,
    String collector,
    RiskClass riskClass,
    Money overdue,
    Money disputed,
    Money promised,
    Money netOverdue,
    int daysOverdue,
    boolean brokenPromise,
    boolean promiseDueToday,
    boolean onHold,
    LocalDate nextActionOn,
    BigDecimal priority) {
  List<String> key() {
    return List.of(priority.toPlainString(), String.valueOf(id));
  }
}
