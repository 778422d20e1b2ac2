package com.bpo.portal.dispute;

import com.bpo.portal.shared.sql.TenantSql;
import com.bpo.portal.tenant.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of a tenant's disputes desk: its settings, its reason catalogue, and the staff who can be
 * given disputes (read from the tenant feature's {@code tenant_staff}).
 */
@ApplicationScoped
public class DisputeDeskQueries {
  @Inject TenantSql sql;
  @Inject com.bpo.portal.tenant.StaffDirectory staffDirectory;

  List<DisputeReason> reasons(boolean includeInactive) {
    return sql.sql(
            "select code, label, active, sort_order from dispute_reason where tenant_id = :tenant"
                + (includeInactive ? "" : " and active")
                + " order by sort_order, code")
        .list(
            r ->
                new DisputeReason(
                    r.string("code"),
                    r.string("label"),
                    r.bool("active"),
                    r.intValue("sort_order")));
  }

  Optional<String> reasonLabel(String code) {
    return sql.sql("select label from dispute_reason where tenant_id = :tenant and code = :code")
        .bind("code", code)
        .optional(r -> r.string("label"));
  }

  void saveReason(String code, String label, boolean active, int sortOrder) {
    sql.sql(
            """
            insert into dispute_reason (tenant_id, code, label, active, sort_order)
            values (:tenant, :code, :label, :active, :sortOrder)
            on conflict (tenant_id, code) do update set label = excluded.label, active = excluded.active,
                                                        sort_order = excluded.sort_order""")
        .bind("code", code)
        .bind("label", label)
        .bind("active", active)
        .bind("sortOrder", sortOrder)
        .update();
  }

  /** The tenant's settings with their version, if it has its own. */
  Optional<DisputeService.VersionedSettings> settings() {
    return sql.sql(
            """
            select first_response_hours, resolution_hours, customer_promise_days, reopen_days, team_email, version
            from dispute_settings where tenant_id = :tenant""")
        .optional(
            r ->
                new DisputeService.VersionedSettings(
                    new DisputeSettings(
                        r.intValue("first_response_hours"),
                        r.intValue("resolution_hours"),
                        r.intValue("customer_promise_days"),
                        r.intValue("reopen_days"),
                        r.string("team_email")),
                    r.longValue("version")));
  }

  /**
   * Writes the settings if {@code version} is still the stored one (0: none stored yet); false
   * otherwise.
   */
  boolean saveSettings(DisputeSettings s, String teamEmail, long version) {
    return sql.sql(
                """
            insert into dispute_settings (tenant_id, first_response_hours, resolution_hours, customer_promise_days,
                                          reopen_days, team_email, version)
            values (:tenant, :firstResponse, :resolution, :promise, :reopen, :teamEmail, 1)
            on conflict (tenant_id) do update set first_response_hours = excluded.first_response_hours,
                resolution_hours = excluded.resolution_hours, customer_promise_days = excluded.customer_promise_days,
                reopen_days = excluded.reopen_days, team_email = excluded.team_email,
                version = dispute_settings.version + 1
            where dispute_settings.version = :version""")
            .bind("firstResponse", s.firstResponseHours())
            .bind("resolution", s.resolutionHours())
            .bind("promise", s.customerPromiseDays())
            .bind("reopen", s.reopenDays())
            .bind("teamEmail", teamEmail)
            .bind("version", version)
            .update()
        > 0;
  }

  /** Active BPO leads and agents, by name. */
  List<StaffMember> assignableStaff() {
    // staff and their roles belong to the tenant feature: one query for every feature
    return staffDirectory.staff(com.bpo.portal.tenant.TenantRole.BPO);
  }
}
