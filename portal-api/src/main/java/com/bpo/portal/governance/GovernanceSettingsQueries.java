package com.bpo.portal.governance;

import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of a tenant's governance settings: the root-cause threshold and the escalation matrix's
 * levels.
 */
@ApplicationScoped
class GovernanceSettingsQueries {
  @Inject TenantSql sql;

  record Stored(int rootCauseThreshold, long version) {}

  /** The settings in force: a threshold of 5 and no levels until a lead saves some. */
  GovernanceSettings current() {
    List<EscalationMatrix.Level> levels = levels();
    return settings()
        .map(s -> new GovernanceSettings(s.rootCauseThreshold(), levels, s.version()))
        .orElseGet(() -> new GovernanceSettings(5, levels, 0));
  }

  Optional<Stored> settings() {
    return sql.sql(
            "select root_cause_threshold, version from governance_settings where tenant_id = :tenant")
        .optional(r -> new Stored(r.intValue("root_cause_threshold"), r.longValue("version")));
  }

  List<EscalationMatrix.Level> levels() {
    return sql.sql(
            "select level, role, contact_name, contact_email, days_overdue from governance_escalation_level"
                + " where tenant_id = :tenant order by level")
        .list(
            r ->
                new EscalationMatrix.Level(
                    r.intValue("level"),
                    r.string("role"),
                    r.string("contact_name"),
                    r.string("contact_email"),
                    r.intValue("days_overdue")));
  }

  /**
   * Writes the threshold if the settings are still at {@code version} (or absent); false otherwise.
   */
  boolean saveThreshold(int threshold, long version) {
    return sql.sql(
                """
            insert into governance_settings (tenant_id, root_cause_threshold, version) values (:tenant, :threshold, 1)
            on conflict (tenant_id) do update set root_cause_threshold = excluded.root_cause_threshold,
                version = governance_settings.version + 1
            where governance_settings.version = :version""")
            .bind("threshold", threshold)
            .bind("version", version)
            .update()
        > 0;
  }

  /** Replaces every level of the matrix (levels already validated and stripped). */
  void replaceLevels(List<EscalationMatrix.Level> levels) {
    sql.sql("delete from governance_escalation_level where tenant_id = :tenant").update();
    for (EscalationMatrix.Level l : levels) {
      sql.sql(
              "insert into governance_escalation_level (tenant_id, level, role, contact_name, contact_email,"
                  + " days_overdue) values (:tenant, :level, :role, :name, :email, :days)")
          .bind("level", l.level())
          .bind("role", l.role())
          .bind("name", l.contactName())
          .bind("email", l.contactEmail())
          .bind("days", l.daysOverdue())
          .update();
    }
  }
}
