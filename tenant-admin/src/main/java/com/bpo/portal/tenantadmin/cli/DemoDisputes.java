package com.bpo.portal.tenantadmin.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo tenants' disputes: a spread of reasons (so that the Pareto chart has a shape), ages and
 * every status, including some past their SLA, a question waiting for the customer, and resolutions
 * with credit notes. Written with the same money effects the application applies: open disputes
 * hold their amount on the invoice, accepted ones credit it. Runs once per tenant.
 */
final class DemoDisputes {
  // weights of the reasons: pricing and quantity dominate, as they do in real OTC desks
  private static final List<String> REASONS =
      List.of(
          "PRICING",
          "PRICING",
          "PRICING",
          "PRICING",
          "QUANTITY",
          "QUANTITY",
          "QUANTITY",
          "DAMAGED_GOODS",
          "DAMAGED_GOODS",
          "NOT_RECEIVED",
          "DUPLICATE_BILLING",
          "TAX",
          "OTHER");
  private static final String[] DESCRIPTIONS = {
    "The unit price on this invoice does not match our contract price list.",
    "We received fewer units than invoiced; the delivery note is attached to our records.",
    "Part of the delivery arrived damaged and was refused at the dock.",
    "We have no record of receiving these goods.",
    "This invoice duplicates one we have already paid.",
    "The tax rate applied is wrong for our exemption certificate.",
    "Please review: the charges do not match the purchase order."
  };

  private final Connection connection;

  DemoDisputes(Connection connection) {
    this.connection = connection;
  }

  /** Adds {@code count} disputes to the tenant (bound by the caller) unless it already has some. */
  void seed(String tenant, ZoneId zone, String customerLogin, String agent, int count)
      throws SQLException {
    if (exists("select exists (select 1 from dispute)")) {
      return;
    }
    // open invoices taken round-robin over the customers (the demo customer first in each round),
    // one dispute each
    List<long[]> invoices = new ArrayList<>();
    List<BigDecimal> opens = new ArrayList<>();
    List<String> currencies = new ArrayList<>();
    try (PreparedStatement q =
        connection.prepareStatement(
            """
        select id, customer_account_id, open_amount, currency from (
          select i.id, i.customer_account_id, i.open_amount, i.currency, u.username is null as other,
                 row_number() over (partition by i.customer_account_id order by i.id) as round
          from invoice i
          left join customer_portal_user u on u.tenant_id = i.tenant_id
                                           and u.customer_account_id = i.customer_account_id and u.username = ?
          where i.open_amount > 10) r
        order by round, other, id limit ?""")) {
      q.setString(1, customerLogin);
      q.setInt(2, count);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          invoices.add(new long[] {rs.getLong(1), rs.getLong(2)});
          opens.add(rs.getBigDecimal(3));
          currencies.add(rs.getString(4).trim());
        }
      }
    }
    Instant now = Instant.now();
    for (int n = 0; n < invoices.size(); n++) {
      long invoiceId = invoices.get(n)[0];
      long customerId = invoices.get(n)[1];
      BigDecimal amount =
          opens
              .get(n)
              .multiply(BigDecimal.valueOf(15 + (n * 37) % 70))
              .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP)
              .max(BigDecimal.ONE)
              .min(opens.get(n));
      String reason = REASONS.get(n % REASONS.size());
      Instant raised = now.minus(Duration.ofHours(6 + (long) n * 173 % (24 * 170)));
      // the newest third stays open in its various states; the older ones are resolved or closed
      String status =
          switch (n % 9) {
            case 0 -> "NEW";
            case 1 -> "IN_REVIEW";
            case 2 -> "AWAITING_CUSTOMER";
            case 3, 4, 5 -> "RESOLVED";
            default -> "CLOSED";
          };
      if (raised.isAfter(now.minus(Duration.ofDays(3)))
          && (status.equals("RESOLVED") || status.equals("CLOSED"))) {
        status = "IN_REVIEW";
      }
      boolean done = status.equals("RESOLVED") || status.equals("CLOSED");
      String outcome =
          done
              ? switch (n % 4) {
                case 0, 1 -> "ACCEPTED";
                case 2 -> "REJECTED";
                default -> "PARTLY_ACCEPTED";
              }
              : null;
      Instant firstResponse =
          status.equals("NEW") ? null : raised.plus(Duration.ofHours(2 + n % 40));
      Instant resolved = done ? raised.plus(Duration.ofHours(30 + (long) n * 29 % 400)) : null;
      BigDecimal settled =
          outcome == null || outcome.equals("REJECTED")
              ? BigDecimal.ZERO
              : outcome.equals("ACCEPTED")
                  ? amount
                  : amount.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
      long disputeId;
      try (PreparedStatement insert =
          connection.prepareStatement(
              """
          insert into dispute (tenant_id, customer_account_id, reason_code, status, outcome, currency,
                               disputed_amount, settled_amount, description, raised_by, raised_at, assignee,
                               promised_response_on, first_response_due, resolution_due, first_response_at,
                               resolved_at, closed_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")) {
        insert.setString(1, tenant);
        insert.setLong(2, customerId);
        insert.setString(3, reason);
        insert.setString(4, status);
        insert.setString(5, outcome);
        insert.setString(6, currencies.get(n));
        insert.setBigDecimal(7, amount);
        insert.setBigDecimal(8, settled);
        insert.setString(9, DESCRIPTIONS[n % DESCRIPTIONS.length]);
        insert.setString(10, n % 3 == 0 ? agent : customerLogin);
        insert.setTimestamp(11, Timestamp.from(raised));
        insert.setString(12, n % 5 == 4 ? null : agent);
        insert.setObject(13, LocalDate.ofInstant(raised, zone).plusDays(5));
        insert.setTimestamp(14, Timestamp.from(raised.plus(Duration.ofHours(24))));
        insert.setTimestamp(15, Timestamp.from(raised.plus(Duration.ofHours(240))));
        insert.setTimestamp(16, firstResponse == null ? null : Timestamp.from(firstResponse));
        insert.setTimestamp(17, resolved == null ? null : Timestamp.from(resolved));
        insert.setTimestamp(
            18, status.equals("CLOSED") ? Timestamp.from(resolved.plus(Duration.ofDays(2))) : null);
        try (ResultSet rs = insert.executeQuery()) {
          rs.next();
          disputeId = rs.getLong(1);
        }
      }
      execute(
          "insert into dispute_item (tenant_id, dispute_id, invoice_id, amount, settled) values (?, ?, ?, ?, ?)",
          tenant,
          disputeId,
          invoiceId,
          amount,
          settled);
      event(
          tenant,
          disputeId,
          raised,
          n % 3 == 0 ? agent : customerLogin,
          "RAISED",
          null,
          "NEW",
          null);
      if (firstResponse != null) {
        event(tenant, disputeId, firstResponse, agent, "START_REVIEW", "NEW", "IN_REVIEW", null);
      }
      if (status.equals("AWAITING_CUSTOMER")) {
        String question =
            "Could you send us the delivery note and the purchase order for this invoice?";
        event(
            tenant,
            disputeId,
            firstResponse.plusSeconds(600),
            agent,
            "ASK_CUSTOMER",
            "IN_REVIEW",
            "AWAITING_CUSTOMER",
            question);
        message(
            tenant, disputeId, firstResponse.plusSeconds(600), agent, "BPO", "CUSTOMER", question);
      }
      if (firstResponse != null) {
        message(
            tenant,
            disputeId,
            firstResponse.plusSeconds(60),
            agent,
            "BPO",
            "INTERNAL",
            "Checked the price list in the contract; escalating to billing if confirmed.");
      }
      if (done) {
        String note =
            switch (outcome) {
              case "ACCEPTED" ->
                  "We agree: a credit note for the full disputed amount has been issued.";
              case "REJECTED" ->
                  "The invoice matches the signed order and delivery; the amount remains due.";
              default ->
                  "We credit half of the disputed amount; the rest matches the delivery records.";
            };
        event(tenant, disputeId, resolved, agent, "RESOLVE", "IN_REVIEW", "RESOLVED", note);
        message(tenant, disputeId, resolved, agent, "BPO", "CUSTOMER", note);
        if (settled.signum() > 0) {
          execute(
              "insert into credit_note (tenant_id, number, invoice_id, issued_on, amount, reason) "
                  + "values (?, ?, ?, ?, ?, ?)",
              tenant,
              "CN-D-" + disputeId + "-1",
              invoiceId,
              LocalDate.ofInstant(resolved, zone),
              settled,
              "Dispute D-" + disputeId);
          execute(
              "update invoice set credited_amount = credited_amount + ? where tenant_id = ? and id = ?",
              settled,
              tenant,
              invoiceId);
        }
        if (status.equals("CLOSED")) {
          event(
              tenant,
              disputeId,
              resolved.plus(Duration.ofDays(2)),
              agent,
              "CLOSE",
              "RESOLVED",
              "CLOSED",
              null);
        }
      } else {
        execute(
            "update invoice set disputed_amount = disputed_amount + ?, disputed = true where tenant_id = ? and id = ?",
            amount,
            tenant,
            invoiceId);
      }
    }
  }

  private void event(
      String tenant,
      long disputeId,
      Instant at,
      String actor,
      String action,
      String from,
      String to,
      String note)
      throws SQLException {
    execute(
        "insert into dispute_event (tenant_id, dispute_id, at, actor, action, from_status, to_status, note) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?)",
        tenant,
        disputeId,
        Timestamp.from(at),
        actor,
        action,
        from,
        to,
        note);
  }

  private void message(
      String tenant,
      long disputeId,
      Instant at,
      String author,
      String party,
      String visibility,
      String body)
      throws SQLException {
    execute(
        "insert into dispute_message (tenant_id, dispute_id, at, author, party, visibility, body) "
            + "values (?, ?, ?, ?, ?, ?, ?)",
        tenant,
        disputeId,
        Timestamp.from(at),
        author,
        party,
        visibility,
        body);
  }

  private boolean exists(String sql) throws SQLException {
    try (PreparedStatement q = connection.prepareStatement(sql);
        ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  private void execute(String sql, Object... values) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }
}
