package com.bpo.portal.approval;

import com.bpo.portal.approval.AuthorityMatrix.Band;
import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.sql.Keyset;
import com.bpo.portal.shared.sql.Row;
import com.bpo.portal.shared.sql.Statement;
import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every statement over approvals, their decisions and the authority matrix. */
@ApplicationScoped
public class ApprovalQueries {
  private static final String SUMMARY =
      """
      select a.id, a.kind, a.status, a.maker, a.amount, a.currency, a.customer_account_id, c.name as customer_name,
             a.payload_ref, a.reason, a.approvers_required, a.approver_roles, a.created_at, a.version,
             (select count(*) from approval_decision d
               where d.tenant_id = a.tenant_id and d.approval_id = a.id and d.decision = 'APPROVE') as approvals
      from approval a
      left join customer_account c on c.tenant_id = a.tenant_id and c.id = a.customer_account_id
      where a.tenant_id = :tenant""";

  @Inject TenantSql sql;

  public long insert(
      ApprovalKind kind,
      String maker,
      Money amount,
      Long customerAccountId,
      String payloadRef,
      String payload,
      String reason,
      Band band) {
    return sql.sql(
            """
            insert into approval (tenant_id, kind, maker, amount, currency, customer_account_id, payload_ref, payload,
                                  reason, approvers_required, approver_roles)
            values (:tenant, :kind, :maker, :amount, :currency, :account, :ref, :payload, :reason, :required, :roles)
            returning id""")
        .bind("kind", kind)
        .bind("maker", maker)
        .bind("amount", amount.amount())
        .bind("currency", amount.currency())
        .bind("account", customerAccountId)
        .bind("ref", payloadRef)
        .bind("payload", payload)
        .bind("reason", reason)
        .bind("required", band.approvers())
        .bind("roles", List.copyOf(band.roles()))
        .one(r -> r.longValue("id"));
  }

  public Optional<ApprovalSummary> find(long id) {
    return sql.sql(SUMMARY).and("a.id = :id", "id", id).optional(ApprovalQueries::summary);
  }

  /** Locks the approval's row for the decision being taken. */
  public Optional<ApprovalSummary> lock(long id) {
    find(id)
        .ifPresent(
            a ->
                sql.sql("select id from approval where tenant_id = :tenant and id = :id for update")
                    .bind("id", id)
                    .one(r -> r.longValue("id")));
    return find(id);
  }

  /** What the maker asked to apply, as JSON, or null if the feature keeps it itself. */
  public String payload(long id) {
    String payload =
        sql.sql(
                "select coalesce(payload, '') as payload from approval where tenant_id = :tenant and id = :id")
            .bind("id", id)
            .one(r -> r.string("payload"));
    return payload.isEmpty() ? null : payload;
  }

  /**
   * The approval still open (pending or approved, not yet applied) for what {@code payloadRef}
   * names.
   */
  public Optional<ApprovalSummary> open(String payloadRef) {
    return sql.sql(SUMMARY)
        .and("a.payload_ref = :ref", "ref", payloadRef)
        .and("a.status in ('PENDING', 'APPROVED')")
        .optional(ApprovalQueries::summary);
  }

  public List<ApprovalDetail.Decision> decisions(long id) {
    return sql.sql(
            """
            select approver, approver_role, decision, note, decided_at from approval_decision
            where tenant_id = :tenant and approval_id = :id order by decided_at, approver""")
        .bind("id", id)
        .list(
            r ->
                new ApprovalDetail.Decision(
                    r.string("approver"),
                    r.string("approver_role"),
                    r.string("decision"),
                    r.string("note"),
                    r.timestamp("decided_at")));
  }

  public void decide(
      long id, String maker, String approver, String role, String decision, String note) {
    sql.sql(
            """
            insert into approval_decision (tenant_id, approval_id, maker, approver, approver_role, decision, note)
            values (:tenant, :id, :maker, :approver, :role, :decision, :note)""")
        .bind("id", id)
        .bind("maker", maker)
        .bind("approver", approver)
        .bind("role", role)
        .bind("decision", decision)
        .bind("note", note)
        .update();
  }

  /** Moves the approval on if it is still at {@code version}; answers whether it was. */
  public boolean moveTo(long id, ApprovalStatus status, long version) {
    return sql.sql(
                """
            update approval set status = :status, version = version + 1,
                   decided_at = case when :status in ('APPROVED', 'REFUSED') then now() else decided_at end
            where tenant_id = :tenant and id = :id and version = :version""")
            .bind("status", status)
            .bind("id", id)
            .bind("version", version)
            .update()
        == 1;
  }

  /**
   * A person's inbox: pending approvals another person made that one of their roles may decide and
   * they have not decided yet; or, with {@code mine}, what they asked for, in any status.
   */
  public Page<ApprovalSummary> inbox(
      String username,
      Collection<String> roles,
      boolean mine,
      Optional<ApprovalStatus> status,
      PageRequest page) {
    Statement s = sql.sql(SUMMARY);
    if (mine) {
      s.and("a.maker = :me", "me", username);
    } else {
      s.and("a.maker <> :me", "me", username)
          .and("a.approver_roles && :roles::text[]", "roles", List.copyOf(roles))
          .and(
              "not exists (select 1 from approval_decision d where d.tenant_id = a.tenant_id "
                  + "and d.approval_id = a.id and d.approver = :me)");
    }
    s.andIf(status, "a.status = :status", "status");
    if (!mine && status.isEmpty()) {
      s.and("a.status = 'PENDING'");
    }
    return s.keyset(Keyset.byId("a.id", true), page)
        .page(ApprovalQueries::summary, a -> List.of(String.valueOf(a.id())));
  }

  /** The tenant's saved bands for a kind, lowest first (empty: it works under the defaults). */
  public List<Band> bands(ApprovalKind kind) {
    return sql.sql(
            """
            select up_to, approvers, roles from authority_band
            where tenant_id = :tenant and kind = :kind order by band_no""")
        .bind("kind", kind)
        .list(
            r ->
                new Band(
                    r.decimal("up_to"), r.intValue("approvers"), Set.copyOf(r.strings("roles"))));
  }

  public void replaceBands(ApprovalKind kind, List<Band> bands) {
    sql.sql("delete from authority_band where tenant_id = :tenant and kind = :kind")
        .bind("kind", kind)
        .update();
    int no = 0;
    for (Band band : bands) {
      no++;
      sql.sql(
              """
              insert into authority_band (tenant_id, kind, band_no, up_to, approvers, roles)
              values (:tenant, :kind, :no, :upTo, :approvers, :roles::text[])""")
          .bind("kind", kind)
          .bind("no", no)
          .bind("upTo", band.upTo())
          .bind("approvers", band.approvers())
          .bind("roles", new ArrayList<>(band.roles()))
          .update();
    }
  }

  static ApprovalSummary summary(Row r) {
    BigDecimal amount = r.decimal("amount");
    return new ApprovalSummary(
        r.longValue("id"),
        r.enumValue("kind", ApprovalKind.class),
        r.enumValue("status", ApprovalStatus.class),
        r.string("maker"),
        new Money(amount, r.string("currency").trim()),
        r.longOrNull("customer_account_id"),
        r.string("customer_name"),
        r.string("payload_ref"),
        r.string("reason"),
        r.intValue("approvers_required"),
        r.strings("approver_roles").stream().sorted().toList(),
        r.intValue("approvals"),
        r.timestamp("created_at"),
        r.longValue("version"));
  }
}
