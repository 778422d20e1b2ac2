package com.bpo.portal.governance;

import com.bpo.portal.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A meeting: its agenda (built from the log, the scorecard and the dispute queue when read), its
 * minutes and attendees, and the actions and decisions captured in it.
 */
public record MeetingDetail(
    MeetingSummary meeting,
    String minutes,
    List<Attendee> attendees,
    Agenda agenda,
    List<EntrySummary> captured,
    boolean mayManage) {
  public record Attendee(long id, String name, String organisation) {}

  /**
   * Open and overdue entries (overdue first), the actions changed in the month before the meeting,
   * the red KPIs of the latest scorecard the reader may see, and disputes open for 30 days or more.
   */
  public record Agenda(
      List<EntrySummary> openEntries,
      List<EntrySummary> recentActions,
      String scorecardPeriod,
      List<RedKpi> redKpis,
      List<AgedDispute> agedDisputes) {}

  public record RedKpi(String code, String name, BigDecimal actual, BigDecimal target) {}

  public record AgedDispute(
      long id,
      String number,
      String customer,
      String reasonCode,
      String reason,
      Money disputed,
      LocalDate raisedOn,
      long ageDays) {}
}
