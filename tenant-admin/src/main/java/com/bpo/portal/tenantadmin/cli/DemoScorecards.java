package com.bpo.portal.tenantadmin.cli;

import com.bpo.portal.scorecard.KpiCalculator;
import com.bpo.portal.scorecard.Rag;
import com.bpo.portal.scorecard.ServiceCredits;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo tenants' scorecards for the last six months, computed by the same {@link KpiCalculator}
 * the application uses: the four oldest signed off (with their service credits), the one before
 * last published with a disputed KPI, last month a draft. Runs once per tenant (bound by the
 * caller).
 */
final class DemoScorecards {
  private final Connection db;

  DemoScorecards(Connection db) {
    this.db = db;
  }

  record Definition(
      String code,
      int version,
      Rag.Direction direction,
      BigDecimal target,
      BigDecimal warning,
      BigDecimal weight,
      BigDecimal atRisk,
      boolean computed) {}

  void seed(String tenant, String currency, ZoneId zone, String lead, String stakeholder)
      throws SQLException {
    try (PreparedStatement q = db.prepareStatement("select exists (select 1 from scorecard)");
        ResultSet rs = q.executeQuery()) {
      rs.next();
      if (rs.getBoolean(1)) {
        return;
      }
    }
    List<Definition> definitions = definitions(tenant);
    KpiCalculator calculator = new KpiCalculator(db, tenant, currency, zone);
    YearMonth last = YearMonth.from(LocalDate.now(zone)).minusMonths(1);
    for (int back = 6; back >= 1; back--) {
      YearMonth month = last.minusMonths(back - 1L);
      String status = back >= 3 ? "SIGNED_OFF" : back == 2 ? "PUBLISHED" : "DRAFT";
      Map<String, BigDecimal> values = calculator.compute(month);
      execute(
          "insert into scorecard (tenant_id, period, status, computed_at, published_at, published_by, "
              + "signed_off_at, signed_off_by) values (?, ?, ?, now(), ?, ?, ?, ?)",
          tenant,
          month.toString(),
          status,
          status.equals("DRAFT")
              ? null
              : java.sql.Timestamp.valueOf(month.plusMonths(1).atDay(5).atTime(10, 0)),
          status.equals("DRAFT") ? null : lead,
          status.equals("SIGNED_OFF")
              ? java.sql.Timestamp.valueOf(month.plusMonths(1).atDay(12).atTime(16, 0))
              : null,
          status.equals("SIGNED_OFF") ? stakeholder : null);
      List<Rag.Weighted> weighted = new ArrayList<>();
      List<ServiceCredits.RedKpi> red = new ArrayList<>();
      for (Definition d : definitions) {
        // customer satisfaction comes from the client's quarterly survey: a believable spread
        BigDecimal actual =
            d.computed()
                ? values.get(d.code())
                : new BigDecimal(back % 3 == 0 ? "3.80" : back % 2 == 0 ? "4.10" : "4.40");
        Rag rag = Rag.of(actual, d.direction(), d.target(), d.warning());
        weighted.add(new Rag.Weighted(rag, d.weight()));
        if (rag == Rag.RED) {
          red.add(new ServiceCredits.RedKpi(d.code(), d.atRisk()));
        }
        String review = status.equals("PUBLISHED") && d.code().equals("DSO") ? "DISPUTED" : "OPEN";
        execute(
            "insert into scorecard_kpi (tenant_id, period, code, def_version, actual, rag, evidence, entered_by, "
                + "review) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            tenant,
            month.toString(),
            d.code(),
            d.version(),
            actual,
            rag.name(),
            d.computed() ? null : "Quarterly customer survey, 212 answers",
            d.computed() ? "system" : lead,
            review);
      }
      execute(
          "update scorecard set overall_score = ? where tenant_id = ? and period = ?",
          Rag.score(weighted),
          tenant,
          month.toString());
      event(tenant, month, lead, "COMPUTED");
      if (!status.equals("DRAFT")) {
        event(tenant, month, lead, "PUBLISHED");
      }
      if (status.equals("PUBLISHED")) {
        comment(
            tenant,
            month,
            "DSO",
            "DISPUTE",
            stakeholder,
            "DSO includes two invoices we had already asked to be credited. Please exclude them.");
        event(tenant, month, stakeholder, "KPI_DISPUTED");
      }
      if (status.equals("SIGNED_OFF")) {
        comment(
            tenant,
            month,
            null,
            "COMMENT",
            stakeholder,
            "Reviewed in the monthly service review. Agreed.");
        event(tenant, month, stakeholder, "SIGNED_OFF");
        try (PreparedStatement q =
            db.prepareStatement(
                "select currency, amount_at_risk, credit_cap from sla_contract where tenant_id = ?")) {
          q.setString(1, tenant);
          try (ResultSet rs = q.executeQuery()) {
            if (rs.next()) {
              String creditCurrency = rs.getString(1);
              for (Map.Entry<String, BigDecimal> credit :
                  ServiceCredits.of(red, rs.getBigDecimal(2), rs.getBigDecimal(3)).entrySet()) {
                execute(
                    "insert into service_credit (tenant_id, period, code, currency, amount) values (?, ?, ?, ?, ?)",
                    tenant,
                    month.toString(),
                    credit.getKey(),
                    creditCurrency,
                    credit.getValue());
              }
            }
          }
        }
      }
    }
  }

  private List<Definition> definitions(String tenant) throws SQLException {
    List<Definition> definitions = new ArrayList<>();
    try (PreparedStatement q =
        db.prepareStatement(
            """
        select distinct on (code) code, version, direction, target, warning, weight, at_risk_pct, computed
        from kpi_definition where tenant_id = ? and active order by code, version desc""")) {
      q.setString(1, tenant);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          definitions.add(
              new Definition(
                  rs.getString(1),
                  rs.getInt(2),
                  Rag.Direction.valueOf(rs.getString(3)),
                  rs.getBigDecimal(4),
                  rs.getBigDecimal(5),
                  rs.getBigDecimal(6),
                  rs.getBigDecimal(7),
                  rs.getBoolean(8)));
        }
      }
    }
    return definitions;
  }

  private void event(String tenant, YearMonth month, String actor, String action)
      throws SQLException {
    execute(
        "insert into scorecard_event (tenant_id, period, actor, action) values (?, ?, ?, ?)",
        tenant,
        month.toString(),
        actor,
        action);
  }

  private void comment(
      String tenant, YearMonth month, String code, String kind, String author, String body)
      throws SQLException {
    execute(
        "insert into scorecard_comment (tenant_id, period, code, kind, author, body) values (?, ?, ?, ?, ?, ?)",
        tenant,
        month.toString(),
        code,
        kind,
        author,
        body);
  }

  private void execute(String sql, Object... values) throws SQLException {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }
}
