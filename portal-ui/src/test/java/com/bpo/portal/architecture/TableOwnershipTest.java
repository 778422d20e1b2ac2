package com.bpo.portal.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A feature writes only its own tables: another feature's state changes through that feature's
 * service (an invoice's money through the invoice feature, mail through the outbox). Reading across
 * features for a report is allowed. This reads the SQL in portal-api's sources and fails on an
 * insert, update or delete of a table another feature owns, unless the exception below says why.
 */
class TableOwnershipTest {
  private static final Path API =
      Path.of("..", "portal-api", "src", "main", "java", "com", "bpo", "portal");

  /**
   * Every table and the feature (package under com.bpo.portal) that owns it: the picture in
   * ARCHITECTURE.md.
   */
  static final Map<String, String> OWNER =
      Map.ofEntries(
          Map.entry("tenant", "tenant"),
          Map.entry("tenant_staff", "tenant"),
          Map.entry("user_language", "tenant"),
          Map.entry("customer_account", "invoice"),
          Map.entry("customer_portal_user", "invoice"),
          Map.entry("customer_contact", "invoice"),
          Map.entry("invoice", "invoice"),
          Map.entry("invoice_line", "invoice"),
          Map.entry("payment", "invoice"),
          Map.entry("payment_allocation", "invoice"),
          Map.entry("credit_note", "invoice"),
          Map.entry("import_run", "invoice"),
          Map.entry("import_idempotency_key", "invoice"),
          Map.entry("receivable_balance", "invoice"),
          Map.entry("invoice_sales_day", "invoice"),
          Map.entry("unapplied_payment", "invoice"),
          Map.entry("allocation_day", "invoice"),
          Map.entry("balance_check_day", "invoice"),
          Map.entry("dispute_settings", "dispute"),
          Map.entry("dispute_reason", "dispute"),
          Map.entry("dispute", "dispute"),
          Map.entry("dispute_item", "dispute"),
          Map.entry("dispute_event", "dispute"),
          Map.entry("dispute_message", "dispute"),
          Map.entry("dispute_attachment", "dispute"),
          Map.entry("mail_outbox", "mail"),
          Map.entry("request_quota", "limits"),
          Map.entry("audit_event", "audit"),
          Map.entry("sla_contract", "scorecard"),
          Map.entry("kpi_definition", "scorecard"),
          Map.entry("scorecard", "scorecard"),
          Map.entry("scorecard_kpi", "scorecard"),
          Map.entry("scorecard_comment", "scorecard"),
          Map.entry("scorecard_event", "scorecard"),
          Map.entry("service_credit", "scorecard"),
          Map.entry("governance_settings", "governance"),
          Map.entry("governance_escalation_level", "governance"),
          Map.entry("governance_meeting", "governance"),
          Map.entry("governance_attendee", "governance"),
          Map.entry("governance_entry", "governance"),
          Map.entry("governance_event", "governance"),
          Map.entry("governance_comment", "governance"),
          Map.entry("governance_link", "governance"),
          Map.entry("governance_saved_view", "governance"),
          Map.entry("procedure", "procedure"),
          Map.entry("procedure_version", "procedure"),
          Map.entry("procedure_attachment", "procedure"),
          Map.entry("procedure_acknowledgement", "procedure"),
          Map.entry("procedure_review", "procedure"),
          Map.entry("procedure_event", "procedure"),
          Map.entry("tenant_branding", "tenantadmin"),
          Map.entry("tenant_provisioning", "tenantadmin"),
          Map.entry("tenant_export", "tenantadmin"),
          Map.entry("tenant_deletion", "tenantadmin"),
          Map.entry("admin_action", "tenantadmin"),
          Map.entry("collection_settings", "collection"),
          Map.entry("collection_account", "collection"),
          Map.entry("collection_strategy", "collection"),
          Map.entry("collection_strategy_step", "collection"),
          Map.entry("collection_activity", "collection"),
          Map.entry("promise_to_pay", "collection"),
          Map.entry("promise_invoice", "collection"),
          Map.entry("dunning_run", "collection"),
          Map.entry("dunning_notice", "collection"),
          Map.entry("dunning_notice_invoice", "collection"),
          Map.entry("approval", "approval"),
          Map.entry("approval_decision", "approval"),
          Map.entry("authority_band", "approval"),
          Map.entry("credit_profile", "credit"),
          Map.entry("credit_limit_request", "credit"),
          Map.entry("credit_limit_change", "credit"),
          Map.entry("credit_review", "credit"),
          Map.entry("credit_hold", "credit"),
          Map.entry("refund", "credit"),
          Map.entry("credit_settings", "credit"),
          Map.entry("cash_settings", "cash"),
          Map.entry("bank_account", "cash"),
          Map.entry("bank_statement", "cash"),
          Map.entry("bank_statement_line", "cash"),
          Map.entry("remittance_advice", "cash"),
          Map.entry("remittance_advice_item", "cash"),
          Map.entry("cash_match", "cash"),
          Map.entry("cash_match_item", "cash"),
          Map.entry("payer_identity", "cash"),
          Map.entry("month_close", "close"),
          Map.entry("month_close_comment", "close"),
          Map.entry("ar_posting", "close"),
          Map.entry("provision_policy", "close"),
          Map.entry("specific_provision", "close"),
          Map.entry("ledger_balance", "close"),
          Map.entry("reconciling_item", "close"),
          Map.entry("webhook_endpoint", "webhook"),
          Map.entry("webhook_secret", "webhook"),
          Map.entry("webhook_event", "webhook"),
          Map.entry("webhook_delivery", "webhook"),
          Map.entry("webhook_attempt", "webhook"));

  /**
   * "feature:table" writes allowed across the line, each with its reason. Keep it short: none
   * today.
   */
  static final Map<String, String> EXCEPTIONS = Map.of();

  private static final Pattern WRITE =
      Pattern.compile("(?i)\\b(insert\\s+into|update|delete\\s+from)\\s+([a-z_]+)\\b");

  @Test
  void everyTableHasAnOwner() throws IOException {
    Set<String> created = new TreeSet<>();
    Path migrations = Path.of("..", "portal-api", "src", "main", "resources", "db", "migration");
    try (Stream<Path> files = Files.list(migrations)) {
      for (Path f : files.toList()) {
        Matcher m = Pattern.compile("(?im)^create table ([a-z_]+)").matcher(Files.readString(f));
        while (m.find()) {
          created.add(m.group(1));
        }
      }
    }
    created.removeAll(OWNER.keySet());
    assertEquals(
        Set.of(), created, "tables without an owner: add them to OWNER (and to ARCHITECTURE.md)");
  }

  @Test
  void aFeatureWritesOnlyItsOwnTables() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(API)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String feature = API.relativize(file).getName(0).toString();
        if (feature.endsWith(".java")) {
          continue;
        }
        for (String literal : stringLiterals(Files.readString(file))) {
          Matcher m = WRITE.matcher(literal);
          while (m.find()) {
            String table = m.group(2).toLowerCase(java.util.Locale.ROOT);
            String owner = OWNER.get(table);
            if (owner != null
                && !owner.equals(feature)
                && !EXCEPTIONS.containsKey(feature + ":" + table)) {
              violations.add(
                  API.relativize(file)
                      + ": "
                      + m.group(1)
                      + " "
                      + table
                      + " (owned by "
                      + owner
                      + ")");
            }
          }
        }
      }
    }
    assertTrue(violations.isEmpty(), "writes across features:\n" + String.join("\n", violations));
  }

  @Test
  void theScannerFindsWritesInTextBlocksAndStringLiteralsButNotFunctionCalls() {
    String source =
        "class X {\n String a = \"\"\"\n    update invoice set paid_amount = 1\n    \"\"\";\n"
            + " String b = \"insert into \" + \"credit_note (tenant_id) values (?)\";\n"
            + " String c = \"select update(x) from dispute\";\n}";
    List<String> found = new ArrayList<>();
    for (String literal : stringLiterals(source)) {
      Matcher m = WRITE.matcher(literal);
      while (m.find()) {
        found.add(m.group(1) + " " + m.group(2));
      }
    }
    assertEquals(List.of("update invoice", "insert into credit_note"), found);
  }

  /** The text of every string literal and text block, where SQL lives. */
  static List<String> stringLiterals(String source) {
    List<String> literals = new ArrayList<>();
    Matcher block = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL).matcher(source);
    StringBuilder rest = new StringBuilder();
    int last = 0;
    while (block.find()) {
      literals.add(block.group(1));
      rest.append(source, last, block.start());
      last = block.end();
    }
    rest.append(source.substring(last));
    Matcher plain = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"").matcher(rest);
    StringBuilder joined = new StringBuilder();
    while (plain.find()) {
      joined.append(plain.group(1)).append(' ');
    }
    literals.add(joined.toString());
    return literals;
  }
}
