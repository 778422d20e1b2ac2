package com.bpo.portal.tenantadmin.cli;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The demo tenants' governance: named contacts in the escalation matrix, a log with every type and
 * status (some overdue, one escalated), comments and history, and last week's operations call with
 * its attendees, minutes and a captured action. Runs once per tenant (when its log is empty).
 */
final class DemoGovernance {
  private record Entry(
      String type,
      String title,
      String area,
      String priority,
      Integer likelihood,
      Integer impact,
      String owner,
      int dueInDays,
      String status,
      int level) {}

  private final Connection db;

  DemoGovernance(Connection db) {
    this.db = db;
  }

  /** Seeds the tenant (bound by the caller) unless its log has entries already. */
  void seed(
      String tenant,
      ZoneId zone,
      String lead,
      String agent,
      String stakeholder,
      String stakeholderName,
      String stakeholderEmail)
      throws SQLException {
    try (PreparedStatement q =
            db.prepareStatement("select exists (select 1 from governance_entry)");
        ResultSet rs = q.executeQuery()) {
      rs.next();
      if (rs.getBoolean(1)) {
        return;
      }
    }
    LocalDate today = LocalDate.now(zone);
    execute(
        "update governance_escalation_level set contact_name = ?, contact_email = ? where tenant_id = ? and level = 1",
        "Olivia Lead",
        "ops.lead@bpo.example",
        tenant);
    execute(
        "update governance_escalation_level set contact_name = ?, contact_email = ? where tenant_id = ? and level = 2",
        "Sam Delivery",
        "delivery@bpo.example",
        tenant);
    execute(
        "update governance_escalation_level set contact_name = ?, contact_email = ? where tenant_id = ? and level = 3",
        stakeholderName,
        stakeholderEmail,
        tenant);

    long meeting = insertMeeting(tenant, today.minusDays(7), lead);
    List<Entry> entries =
        List.of(
            new Entry(
                "ISSUE",
                "Unapplied cash above 2% of receipts",
                "CASH_APPLICATION",
                "HIGH",
                null,
                null,
                agent,
                -4,
                "ESCALATED",
                1),
            new Entry(
                "ACTION",
                "Send the weekly dunning run report to the client",
                "COLLECTIONS",
                "MEDIUM",
                null,
                null,
                agent,
                3,
                "IN_PROGRESS",
                0),
            new Entry(
                "RISK",
                "Year-end peak may delay invoice posting",
                "BILLING",
                "HIGH",
                4,
                4,
                lead,
                30,
                "OPEN",
                0),
            new Entry(
                "DECISION",
                "Credit notes under 50 approved by the BPO lead without client sign-off",
                "DISPUTES",
                "LOW",
                null,
                null,
                lead,
                0,
                "CLOSED",
                0),
            new Entry(
                "ACTION",
                "Review credit limits of the top ten customers",
                "CREDIT",
                "MEDIUM",
                null,
                null,
                lead,
                -1,
                "OPEN",
                0),
            new Entry(
                "ISSUE",
                "Late purchase-order numbers on invoices",
                "ORDER_MANAGEMENT",
                "MEDIUM",
                null,
                null,
                agent,
                10,
                "OPEN",
                0),
            new Entry(
                "ACTION",
                "Publish the DSO bridge in the monthly pack",
                "REPORTING",
                "LOW",
                null,
                null,
                agent,
                -20,
                "RESOLVED",
                0),
            new Entry(
                "RISK",
                "Tax rule change in two countries next quarter",
                "COMPLIANCE",
                "CRITICAL",
                3,
                5,
                lead,
                45,
                "OPEN",
                0));
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      long id = insertEntry(tenant, e, today, i == 1 ? meeting : null, i == 2 ? stakeholder : lead);
      event(tenant, id, i == 2 ? stakeholder : lead, "CREATED", null, null, null, null);
      String actor = i == 2 ? stakeholder : lead;
      switch (e.status()) {
        case "ESCALATED" -> {
          event(
              tenant,
              id,
              "system",
              "ESCALATED_OVERDUE",
              "status",
              "OPEN",
              "ESCALATED",
              "Overdue by 1 day(s)");
          event(tenant, id, "system", "LEVEL", "escalationLevel", "0", "1", null);
        }
        case "IN_PROGRESS" ->
            event(tenant, id, e.owner(), "START", "status", "OPEN", "IN_PROGRESS", null);
        case "RESOLVED" ->
            event(tenant, id, e.owner(), "RESOLVE", "status", "OPEN", "RESOLVED", "Done.");
        case "CLOSED" -> {
          event(
              tenant,
              id,
              actor,
              "RESOLVE",
              "status",
              "OPEN",
              "RESOLVED",
              "Agreed in the service review.");
          event(tenant, id, actor, "CLOSE", "status", "RESOLVED", "CLOSED", null);
        }
        default -> {}
      }
      if (i == 0) {
        comment(
            tenant,
            id,
            stakeholder,
            "Our auditors will ask about this at the quarter close. What is the plan?");
        comment(
            tenant,
            id,
            agent,
            "We are matching the remittances from the two largest payers first; update Friday.");
      }
    }
    execute(
        "insert into governance_attendee (tenant_id, meeting_id, name, organisation) values (?, ?, ?, 'BPO'), "
            + "(?, ?, ?, 'CLIENT')",
        tenant,
        meeting,
        "Olivia Lead",
        tenant,
        meeting,
        stakeholderName);
  }

  private long insertMeeting(String tenant, LocalDate heldOn, String lead) throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            """
        insert into governance_meeting (tenant_id, type, title, held_on, minutes, created_by)
        values (?, 'WEEKLY_OPERATIONS', 'Weekly operations call', ?, ?, ?) returning id""")) {
      insert.setString(1, tenant);
      insert.setDate(2, Date.valueOf(heldOn));
      insert.setString(3, "Cash application backlog discussed; the dunning report becomes weekly.");
      insert.setString(4, lead);
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private long insertEntry(String tenant, Entry e, LocalDate today, Long meeting, String createdBy)
      throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            """
        insert into governance_entry (tenant_id, type, title, description, process_area, priority, likelihood, impact,
                                      owner, due_date, status, escalation_level, meeting_id, created_by)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")) {
      insert.setString(1, tenant);
      insert.setString(2, e.type());
      insert.setString(3, e.title());
      insert.setString(4, "Demo entry.");
      insert.setString(5, e.area());
      insert.setString(6, e.priority());
      insert.setObject(7, e.likelihood(), java.sql.Types.INTEGER);
      insert.setObject(8, e.impact(), java.sql.Types.INTEGER);
      insert.setString(9, e.owner());
      insert.setDate(10, Date.valueOf(today.plusDays(e.dueInDays())));
      insert.setString(11, e.status());
      insert.setInt(12, e.level());
      insert.setObject(13, meeting, java.sql.Types.BIGINT);
      insert.setString(14, createdBy);
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private void event(
      String tenant,
      long entry,
      String actor,
      String action,
      String field,
      String before,
      String after,
      String note)
      throws SQLException {
    execute(
        "insert into governance_event (tenant_id, entry_id, actor, action, field, before, after, note) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?)",
        tenant,
        entry,
        actor,
        action,
        field,
        before,
        after,
        note);
  }

  private void comment(String tenant, long entry, String author, String body) throws SQLException {
    execute(
        "insert into governance_comment (tenant_id, entry_id, author, body) values (?, ?, ?, ?)",
        tenant,
        entry,
        author,
        body);
  }

  private void execute(String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      statement.executeUpdate();
    }
  }
}
