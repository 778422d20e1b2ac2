package com.bpo.portal.scorecard;

import com.bpo.portal.shared.Roles;
import com.bpo.portal.shared.sql.TenantSql;
import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.Optional;

/**
 * Which month a reader should land on: the latest one they may see (a client only published or
 * signed-off months, the BPO its drafts too), never later than the current month. A month stored
 * for a period in the future (an old mistake, or a test) is not "the latest".
 */
@TenantService
public class ScorecardMonths {
  @Inject TenantSql sql;
  @Inject TenantContext context;

  public Optional<ScorecardService.Latest> latest() {
    PortalUser user = context.requireUser();
    boolean bpo = user.hasRole(Roles.BPO_LEAD) || user.hasRole(Roles.BPO_AGENT);
    return sql.sql("""
            select period, status, overall_score from scorecard
             where tenant_id = :tenant and (:bpo or status <> 'DRAFT') and period <= :current
             order by period desc limit 1""")
        .bind("bpo", bpo).bind("current", YearMonth.from(context.today()).toString())
        .optional(row -> new ScorecardService.Latest(row.string("period").trim(),
            row.enumValue("status", Scorecard.Status.class), row.decimal("overall_score")));
  }
}
