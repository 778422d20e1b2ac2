package com.bpo.portal.tenantadmin.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Run after every migration: a tenant-owned table ({@code tenant_owned_tables()}, V16, the same
 * list tenant export and deletion walk) that lacks row-level security, FORCE, a policy or the audit
 * trigger stops the migration's success from being reported, so a new table cannot reach a server
 * without its isolation and its audit trail. (The audit log itself, the mail outbox (V13) and the
 * receivables journal, derived from audited invoice changes (V80), are the tables deliberately not
 * audited.) Likewise a foreign key without an index that leads with its columns: deleting a
 * referenced row would read the whole referring table of the tenant for every row deleted (V98).
 */
final class SchemaGuard {
  /** Webhooks' delivery queue and signing secrets, which the audit trail must not copy (V90). */
  private static final java.util.Set<String> WEBHOOK_QUEUE =
      java.util.Set.of("webhook_secret", "webhook_event", "webhook_delivery", "webhook_attempt");

  private SchemaGuard() {}

  static List<String> unguardedTables(Connection db) throws SQLException {
    List<String> problems = new ArrayList<>();
    try (PreparedStatement q =
            db.prepareStatement(
                """
            select c.relname, c.relrowsecurity, c.relforcerowsecurity,
                   exists (select 1 from pg_policy p where p.polrelid = c.oid),
                   -- insert (4), delete (8) and update (16) each recorded by one of V118's triggers
                   coalesce((select bit_or(t.tgtype::int) & 28 from pg_trigger t
                             where t.tgrelid = c.oid
                               and t.tgname in ('audit_inserts', 'audit_updates', 'audit_deletes')), 0) = 28
            from tenant_owned_tables() owned (rel)
            join pg_class c on c.oid = owned.rel
            order by c.relname""");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        String table = rs.getString(1);
        if (!rs.getBoolean(2) || !rs.getBoolean(3) || !rs.getBoolean(4)) {
          problems.add(
              table
                  + ": row-level security must be enabled and forced with a policy (call isolate_by_tenant)");
        }
        boolean audited = rs.getBoolean(5);
        // the trail itself, the outbox, the receivables journal, the receivable balances, the
        // unapplied payments and the allocation days (derived from audited invoice and payment
        // changes, V80, V92, V102, V103), and webhooks' queue and secrets (V90: the endpoints are
        // audited)
        boolean exempt =
            table.equals("audit_event")
                || table.equals("mail_outbox")
                || table.equals("ar_posting")
                || table.equals("receivable_balance")
                || table.equals("invoice_sales_day")
                || table.equals("unapplied_payment")
                || table.equals("allocation_day")
                || WEBHOOK_QUEUE.contains(table);
        if (!audited && !exempt) {
          problems.add(
              table + ": changes are not audited (isolate_by_tenant adds the triggers: V13, V118)");
        }
      }
    }
    return problems;
  }

  /** Foreign keys of the public schema that no index (without a predicate) leads with. */
  static List<String> unindexedForeignKeys(Connection db) throws SQLException {
    List<String> problems = new ArrayList<>();
    try (PreparedStatement q =
            db.prepareStatement(
                """
            select c.conrelid::regclass::text, c.conname, c.confrelid::regclass::text,
                   (select string_agg(a.attname, ', ' order by k.n)
                    from unnest(c.conkey) with ordinality k (attnum, n)
                    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum)
            from pg_constraint c
            where c.contype = 'f' and c.connamespace = 'public'::regnamespace
              and not exists (
                select 1 from pg_index i
                where i.indrelid = c.conrelid and i.indpred is null
                  and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
                  and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)
            order by 1, 2""");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        problems.add(
            rs.getString(1)
                + ": foreign key "
                + rs.getString(2)
                + " ("
                + rs.getString(4)
                + ") to "
                + rs.getString(3)
                + " needs an index that leads with these columns");
      }
    }
    return problems;
  }
}
