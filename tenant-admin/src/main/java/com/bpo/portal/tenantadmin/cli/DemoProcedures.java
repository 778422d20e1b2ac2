package com.bpo.portal.tenantadmin.cli;

import com.bpo.portal.procedure.ProcedureSearch;
import com.bpo.portal.procedure.SafeMarkdown;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The demo tenants' desk-top procedures, in the tenant's language: one with a superseded and an
 * effective version whose review is overdue, one in review waiting for the client with its review
 * coming due, one effective that a lead approves alone, and a first draft. Written as the
 * application would have left them (ranges, approvals, history, search text). Runs once per tenant.
 */
final class DemoProcedures {
  /** A demo procedure: its versions' texts (the last one is the state named), starting days ago. */
  private record Demo(
      String title,
      String area,
      int intervalMonths,
      boolean clientApproval,
      String lastStatus,
      int firstEffectiveDaysAgo,
      List<String> texts) {}

  private static final List<Demo> ENGLISH =
      List.of(
          new Demo(
              "Cash application: matching remittances",
              "CASH_APPLICATION",
              6,
              true,
              "EFFECTIVE",
              400,
              List.of(
                  "# Matching remittances\n\n1. Download the bank statement at 9:00.\n2. Match each receipt to open invoices "
                      + "by invoice number.\n3. Park unmatched cash on the suspense account.\n",
                  "# Matching remittances\n\n1. Download the bank statement at 8:30.\n2. Match each receipt to open invoices "
                      + "by invoice number, then by amount and customer.\n3. Park unmatched cash on the suspense account and "
                      + "email the customer within **one business day**.\n\n| Difference | Action |\n|---|---|\n"
                      + "| under 5.00 | write off |\n| 5.00 or more | short-payment deduction |\n")),
          new Demo(
              "Collections: dunning cadence",
              "COLLECTIONS",
              12,
              true,
              "IN_REVIEW",
              340,
              List.of(
                  "# Dunning cadence\n\n- Day 1 past due: friendly reminder by email.\n- Day 15: call the customer's "
                      + "accounts payable.\n- Day 30: second letter, copy the sales owner.\n",
                  "# Dunning cadence\n\n- Day 1 past due: friendly reminder by email.\n- Day 10: call the customer's "
                      + "accounts payable.\n- Day 30: second letter, copy the sales owner.\n- Day 45: propose a payment plan "
                      + "or escalate to credit.\n")),
          new Demo(
              "Dispute handling and credit notes",
              "DISPUTES",
              12,
              false,
              "EFFECTIVE",
              60,
              List.of(
                  "# Dispute handling\n\nLog every dispute the day it arrives, with its reason code. Answer the customer "
                      + "within 24 hours. A credit note needs the evidence attached to the dispute.\n")),
          new Demo(
              "Credit limit reviews",
              "CREDIT",
              12,
              true,
              "DRAFT",
              0,
              List.of(
                  "# Credit limit reviews\n\nReview every limit above 50,000 each quarter using the latest payment "
                      + "behaviour and the credit agency score.\n")));

  private static final List<Demo> FRENCH =
      List.of(
          new Demo(
              "Lettrage des encaissements",
              "CASH_APPLICATION",
              6,
              true,
              "EFFECTIVE",
              400,
              List.of(
                  "# Lettrage\n\n1. Télécharger le relevé bancaire à 9 h.\n2. Lettrer chaque encaissement avec les "
                      + "factures ouvertes par numéro.\n",
                  "# Lettrage\n\n1. Télécharger le relevé bancaire à 8 h 30.\n2. Lettrer chaque encaissement avec les "
                      + "factures ouvertes par numéro, puis par montant.\n3. Placer les paiements non identifiés en compte "
                      + "d’attente et écrire au client sous **un jour ouvré**.\n")),
          new Demo(
              "Relances clients",
              "COLLECTIONS",
              12,
              true,
              "IN_REVIEW",
              340,
              List.of(
                  "# Relances\n\n- J+1 : rappel courtois par courriel.\n- J+15 : appel au service comptable du client.\n",
                  "# Relances\n\n- J+1 : rappel courtois par courriel.\n- J+10 : appel au service comptable du client.\n"
                      + "- J+30 : lettre de relance avec copie au commercial.\n")));

  private final Connection connection;

  DemoProcedures(Connection connection) {
    this.connection = connection;
  }

  /** Adds the demo procedures to the tenant (bound by the caller) unless it already has some. */
  void seed(String tenant, String locale, ZoneId zone, String lead, String stakeholder)
      throws SQLException {
    try (PreparedStatement q =
            connection.prepareStatement("select exists (select 1 from procedure)");
        ResultSet rs = q.executeQuery()) {
      rs.next();
      if (rs.getBoolean(1)) {
        return;
      }
    }
    LocalDate today = LocalDate.now(zone);
    String config = ProcedureSearch.configFor(locale);
    for (Demo demo : locale.startsWith("fr") ? FRENCH : ENGLISH) {
      long id;
      try (PreparedStatement insert =
          connection.prepareStatement(
              """
          insert into procedure (tenant_id, title, process_area, owner, review_interval_months, client_approval_required,
                                 search_config, created_at)
          values (?, ?, ?, ?, ?, ?, cast(? as regconfig), now() - make_interval(days => ?)) returning id""")) {
        insert.setString(1, tenant);
        insert.setString(2, demo.title());
        insert.setString(3, demo.area());
        insert.setString(4, lead);
        insert.setInt(5, demo.intervalMonths());
        insert.setBoolean(6, demo.clientApproval());
        insert.setString(7, config);
        insert.setInt(8, demo.firstEffectiveDaysAgo() + 20);
        try (ResultSet rs = insert.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      String approver = demo.clientApproval() ? stakeholder : lead;
      int versions = demo.texts().size();
      LocalDate effectiveFrom = today.minusDays(demo.firstEffectiveDaysAgo());
      LocalDate nextReview = null;
      String searchText = "";
      for (int n = 1; n <= versions; n++) {
        boolean last = n == versions;
        boolean lastIsOpen = List.of("DRAFT", "IN_REVIEW", "APPROVED").contains(demo.lastStatus());
        // before an open last version, the one before it is still in force
        String status =
            last ? demo.lastStatus() : lastIsOpen && n == versions - 1 ? "EFFECTIVE" : "SUPERSEDED";
        // the versions before the last one take equal shares of the time since the first went into
        // force
        LocalDate from =
            n == 1
                ? effectiveFrom
                : effectiveFrom.plusDays((long) demo.firstEffectiveDaysAgo() * (n - 1) / versions);
        LocalDate to =
            status.equals("SUPERSEDED")
                ? effectiveFrom.plusDays((long) demo.firstEffectiveDaysAgo() * n / versions)
                : null;
        boolean inForce = status.equals("EFFECTIVE") || status.equals("SUPERSEDED");
        boolean approved = inForce || status.equals("APPROVED");
        long versionId;
        try (PreparedStatement insert =
            connection.prepareStatement(
                """
            insert into procedure_version (tenant_id, procedure_id, number, status, content, change_note, author,
                                           created_at, approved_by, approved_at, effective_from, effective_to)
            values (?, ?, ?, ?, ?, ?, ?, now() - make_interval(days => ?), ?, ?, ?, ?) returning id""")) {
          insert.setString(1, tenant);
          insert.setLong(2, id);
          insert.setInt(3, n);
          insert.setString(4, status);
          insert.setString(5, demo.texts().get(n - 1));
          boolean french = locale.startsWith("fr");
          insert.setString(
              6,
              n == 1
                  ? (french ? "Première version" : "First version")
                  : (french
                      ? "Révisée après la revue périodique"
                      : "Revised after the periodic review"));
          insert.setString(7, lead);
          insert.setInt(
              8,
              demo.firstEffectiveDaysAgo()
                  - (int) (from.toEpochDay() - effectiveFrom.toEpochDay())
                  + 10);
          insert.setString(9, approved ? approver : null);
          insert.setObject(
              10,
              approved
                  ? java.time.OffsetDateTime.now()
                      .minusDays(today.toEpochDay() - from.toEpochDay() + 2)
                  : null,
              java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
          insert.setObject(11, inForce ? from : null, java.sql.Types.DATE);
          insert.setObject(12, inForce ? to : null, java.sql.Types.DATE);
          try (ResultSet rs = insert.executeQuery()) {
            rs.next();
            versionId = rs.getLong(1);
          }
        }
        // the history on the days it happened: drafted ten days before the start, approved two days
        // before
        LocalDate start = inForce ? from : today.minusDays(3);
        event(tenant, id, versionId, lead, "DRAFTED", null, "DRAFT", start.minusDays(10), zone);
        if (!status.equals("DRAFT")) {
          event(
              tenant,
              id,
              versionId,
              lead,
              "SUBMIT",
              "DRAFT",
              "IN_REVIEW",
              start.minusDays(5),
              zone);
        }
        if (approved) {
          event(
              tenant,
              id,
              versionId,
              approver,
              "APPROVE",
              "IN_REVIEW",
              "APPROVED",
              start.minusDays(2),
              zone);
          event(
              tenant, id, versionId, lead, "MAKE_EFFECTIVE", "APPROVED", "EFFECTIVE", start, zone);
        }
        if (status.equals("SUPERSEDED")) {
          event(tenant, id, versionId, lead, "SUPERSEDE", "EFFECTIVE", "SUPERSEDED", to, zone);
        }
        if (inForce) {
          nextReview = from.plusMonths(demo.intervalMonths());
          searchText = SafeMarkdown.toPlainText(demo.texts().get(n - 1));
          if (status.equals("EFFECTIVE")) {
            acknowledge(tenant, versionId, lead);
          }
        } else if (searchText.isEmpty()) {
          searchText = SafeMarkdown.toPlainText(demo.texts().get(n - 1));
        }
      }
      try (PreparedStatement update =
          connection.prepareStatement(
              "update procedure set next_review_on = ?, search_text = ? where tenant_id = ? and id = ?")) {
        update.setObject(1, nextReview, java.sql.Types.DATE);
        update.setString(2, searchText);
        update.setString(3, tenant);
        update.setLong(4, id);
        update.executeUpdate();
      }
    }
  }

  private void acknowledge(String tenant, long versionId, String username) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into procedure_acknowledgement (tenant_id, version_id, username) values (?, ?, ?) on conflict do nothing")) {
      insert.setString(1, tenant);
      insert.setLong(2, versionId);
      insert.setString(3, username);
      insert.executeUpdate();
    }
  }

  private void event(
      String tenant,
      long procedureId,
      long versionId,
      String actor,
      String action,
      String from,
      String to,
      LocalDate day,
      ZoneId zone)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into procedure_event (tenant_id, procedure_id, "
                + "version_id, actor, action, from_status, to_status, at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setObject(
          8,
          day.atTime(10, 0).atZone(zone).toOffsetDateTime(),
          java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
      insert.setString(1, tenant);
      insert.setLong(2, procedureId);
      insert.setLong(3, versionId);
      insert.setString(4, actor);
      insert.setString(5, action);
      insert.setString(6, from);
      insert.setString(7, to);
      insert.executeUpdate();
    }
  }
}
