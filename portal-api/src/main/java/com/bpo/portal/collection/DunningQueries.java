package com.bpo.portal.collection;

import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.sql.Keyset;
import com.bpo.portal.shared.sql.Row;
import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Dunning runs and notices. The day's run row is the lock: {@link #lockRun} inserts it if missing
 * (on conflict do nothing) and locks it, so a second call that day, or one on another server, waits
 * and then finds the notices already there; the notice keys (one notice per run, customer and
 * level; one chased line per invoice and level) make every insert idempotent.
 */
@ApplicationScoped
public class DunningQueries {
  @Inject TenantSql sql;

  public record RunHead(long id, String status, long version) {}

  public RunHead lockRun(LocalDate day, String by) {
    sql.sql(
            "insert into dunning_run (tenant_id, run_date, created_by) values (:tenant, :day, :by) "
                + "on conflict (tenant_id, run_date) do nothing")
        .bind("day", day)
        .bind("by", by)
        .update();
    return sql.sql(
            "select id, status, version from dunning_run where tenant_id = :tenant and run_date = :day for update")
        .bind("day", day)
        .one(r -> new RunHead(r.longValue("id"), r.string("status"), r.longValue("version")));
  }

  public Optional<RunHead> lockRun(long id) {
    return sql.sql(
            "select id, status, version from dunning_run where tenant_id = :tenant and id = :id for update")
        .bind("id", id)
        .optional(r -> new RunHead(r.longValue("id"), r.string("status"), r.longValue("version")));
  }

  /** An account and one of its open invoices, as the run reads them (ordered by account). */
  public record Candidate(
      long accountId,
      RiskClass risk,
      CustomerType type,
      boolean onHold,
      String currency,
      String language,
      DunningProposal.OpenInvoice invoice) {}

  /**
   * Every open invoice due on or before {@code latestDue} (the day less the earliest step's
   * offset), account by account, with whether a holding promise covers it and the highest level
   * already chased.
   */
  public void candidates(LocalDate latestDue, Consumer<Candidate> consumer) {
    sql.sql(
            """
        select i.customer_account_id, i.id, i.due_date, i.open_amount, least(i.disputed_amount, i.open_amount) as disputed,
               c.currency, coalesce(p.risk_class, 'MEDIUM') as risk_class,
               coalesce(p.customer_type, 'BUSINESS') as customer_type, coalesce(p.on_hold, false) as on_hold,
               coalesce(p.language, case when t.locale like 'fr%' then 'fr' else 'en' end) as language,
               exists (select 1 from promise_invoice pi join promise_to_pay pp
                         on pp.tenant_id = pi.tenant_id and pp.id = pi.promise_id and pp.status in ('OPEN', 'PROPOSED')
                       where pi.tenant_id = i.tenant_id and pi.invoice_id = i.id) as promised,
               coalesce((select max(n.level) from dunning_notice_invoice n
                         where n.tenant_id = i.tenant_id and n.invoice_id = i.id and n.exclusion is null), -1) as noticed
        from invoice i
        join customer_account c on c.tenant_id = i.tenant_id and c.id = i.customer_account_id
        join tenant t on t.id = i.tenant_id
        left join collection_account p on p.tenant_id = i.tenant_id and p.customer_account_id = i.customer_account_id
        where i.tenant_id = :tenant and i.open_amount > 0 and i.due_date <= :latest
        order by i.customer_account_id, i.due_date, i.id""")
        .bind("latest", latestDue)
        .fetchSize(2000)
        .forEach(
            r ->
                consumer.accept(
                    new Candidate(
                        r.longValue("customer_account_id"),
                        r.enumValue("risk_class", RiskClass.class),
                        r.enumValue("customer_type", CustomerType.class),
                        r.bool("on_hold"),
                        r.string("currency"),
                        r.string("language"),
                        new DunningProposal.OpenInvoice(
                            r.longValue("id"),
                            r.date("due_date"),
                            r.decimal("open_amount"),
                            r.decimal("disputed"),
                            r.bool("promised"),
                            r.intValue("noticed")))));
  }

  /** Inserts the notice unless the run has it already; answers its id and whether it is new. */
  public Map.Entry<Long, Boolean> insertNotice(
      long runId,
      long accountId,
      DunningProposal.Notice notice,
      String language,
      String currency,
      String status,
      String recipient) {
    Optional<Long> inserted =
        sql.sql(
                """
        insert into dunning_notice (tenant_id, run_id, customer_account_id, level, strategy_id, step_no, action,
                                    template_key, needs_release, language, currency, total, status, exclusion, recipient)
        values (:tenant, :run, :account, :level, :strategy, :step, :action, :template, :release, :language, :currency,
                :total, :status, :exclusion, :recipient)
        on conflict do nothing returning id""")
            .bind("run", runId)
            .bind("account", accountId)
            .bind("level", notice.level())
            .bind("strategy", notice.strategy().id())
            .bind("step", notice.step().stepNo())
            .bind("action", notice.step().action())
            .bind("template", notice.step().templateKey())
            .bind("release", notice.step().needsRelease())
            .bind("language", language)
            .bind("currency", currency)
            .bind("total", notice.total())
            .bind("status", status)
            .bind("exclusion", notice.exclusion().map(Enum::name).orElse(null))
            .bind("recipient", recipient)
            .optional(r -> r.longValue("id"));
    if (inserted.isPresent()) {
      return Map.entry(inserted.get(), true);
    }
    long existing =
        sql.sql(
                "select id from dunning_notice where tenant_id = :tenant and run_id = :run "
                    + "and customer_account_id = :account and level = :level")
            .bind("run", runId)
            .bind("account", accountId)
            .bind("level", notice.level())
            .one(r -> r.longValue("id"));
    return Map.entry(existing, false);
  }

  /**
   * Inserts the lines not there yet (nor chased at their level by another notice); answers how
   * many.
   */
  public int insertLines(long noticeId, int level, List<DunningProposal.Line> lines) {
    if (lines.isEmpty()) {
      return 0;
    }
    List<Long> invoices = new ArrayList<>();
    List<BigDecimal> amounts = new ArrayList<>();
    List<Long> days = new ArrayList<>();
    List<String> exclusions = new ArrayList<>();
    for (DunningProposal.Line line : lines) {
      invoices.add(line.invoiceId());
      amounts.add(line.amount());
      days.add((long) line.daysOverdue());
      exclusions.add(line.exclusion() == null ? "" : line.exclusion().name());
    }
    return sql.sql(
            """
        insert into dunning_notice_invoice (tenant_id, notice_id, invoice_id, level, amount, days_overdue, exclusion)
        select :tenant, :notice, l.invoice, :level, l.amount, l.days, nullif(l.exclusion, '')
        from unnest(:invoices, :amounts, :days, :exclusions) as l(invoice, amount, days, exclusion)
        on conflict do nothing""")
        .bind("notice", noticeId)
        .bind("level", level)
        .bind("invoices", invoices)
        .bind("amounts", amounts)
        .bind("days", days)
        .bind("exclusions", exclusions)
        .update();
  }

  /**
   * Recomputes a notice's total from its chased lines (lines already chased elsewhere were not
   * added).
   */
  public void retotal(long noticeId) {
    sql.sql(
            """
        update dunning_notice n set total = coalesce((select sum(l.amount) from dunning_notice_invoice l
                 where l.tenant_id = n.tenant_id and l.notice_id = n.id and l.exclusion is null), 0),
               status = case when n.status = 'PROPOSED' and not exists (select 1 from dunning_notice_invoice l
                 where l.tenant_id = n.tenant_id and l.notice_id = n.id and l.exclusion is null) then 'EXCLUDED'
                 else n.status end
        where n.tenant_id = :tenant and n.id = :id""")
        .bind("id", noticeId)
        .update();
  }

  public void markRun(long runId, String by) {
    sql.sql(
            "update dunning_run set status = 'RELEASED', released_by = :by, released_at = now(), version = version + 1 "
                + "where tenant_id = :tenant and id = :id")
        .bind("id", runId)
        .bind("by", by)
        .update();
  }

  public void markNotice(long noticeId, String status, String recipient) {
    sql.sql(
            "update dunning_notice set status = :status, recipient = coalesce(:recipient, recipient), "
                + "sent_at = case when :status = 'SENT' then now() else sent_at end "
                + "where tenant_id = :tenant and id = :id")
        .bind("id", noticeId)
        .bind("status", status)
        .bind("recipient", recipient)
        .update();
  }

  private static final String RUN =
      """
      select r.id, r.run_date, r.status, r.created_by, r.created_at, r.released_by, r.released_at, r.version,
             (select count(*) from dunning_notice n where n.tenant_id = r.tenant_id and n.run_id = r.id
                and n.status = 'PROPOSED') as proposed,
             (select count(*) from dunning_notice n where n.tenant_id = r.tenant_id and n.run_id = r.id
                and n.status = 'EXCLUDED') as excluded,
             (select count(*) from dunning_notice n where n.tenant_id = r.tenant_id and n.run_id = r.id
                and n.status in ('SENT', 'DONE')) as sent
      from dunning_run r where r.tenant_id = :tenant""";

  public Optional<DunningRun> run(long id) {
    return sql.sql(RUN).and("r.id = :id", "id", id).optional(DunningQueries::run);
  }

  public Page<DunningRun> runs(PageRequest page) {
    return sql.sql(RUN)
        .keyset(Keyset.descending("r.run_date", "r.id", LocalDate::parse), page)
        .page(DunningQueries::run, r -> List.of(r.runDate().toString(), String.valueOf(r.id())));
  }

  private static DunningRun run(Row r) {
    return new DunningRun(
        r.longValue("id"),
        r.date("run_date"),
        r.string("status"),
        r.string("created_by"),
        r.timestamp("created_at"),
        r.string("released_by"),
        r.timestamp("released_at"),
        r.intValue("proposed"),
        r.intValue("excluded"),
        r.intValue("sent"),
        r.longValue("version"));
  }

  private static final String NOTICE =
      """
      select n.id, n.run_id, r.run_date, n.customer_account_id, c.number, c.name, n.level, n.action, n.template_key,
             n.needs_release, n.language, n.currency, n.total, n.status, n.exclusion, n.recipient, n.sent_at
      from dunning_notice n
      join dunning_run r on r.tenant_id = n.tenant_id and r.id = n.run_id
      join customer_account c on c.tenant_id = n.tenant_id and c.id = n.customer_account_id
      where n.tenant_id = :tenant""";

  /** A run's notices with their lines, by customer number and level. */
  public List<Notice> noticesOfRun(long runId) {
    List<Notice> notices =
        sql.sql(NOTICE)
            .and("n.run_id = :run", "run", runId)
            .append("order by c.number, n.level")
            .list(DunningQueries::notice);
    return withLines(notices);
  }

  public Optional<Notice> notice(long id) {
    return sql.sql(NOTICE)
        .and("n.id = :id", "id", id)
        .optional(DunningQueries::notice)
        .map(n -> withLines(List.of(n)).get(0));
  }

  /** An account's notices, newest first; {@code sentOnly} for what the customer was sent. */
  public Page<Notice> noticesOfAccount(long accountId, boolean sentOnly, PageRequest page) {
    var statement = sql.sql(NOTICE).and("n.customer_account_id = :account", "account", accountId);
    if (sentOnly) {
      statement.and("n.status = 'SENT'");
    }
    return statement
        .keyset(Keyset.byId("n.id", true), page)
        .page(DunningQueries::notice, n -> List.of(String.valueOf(n.id())));
  }

  private List<Notice> withLines(List<Notice> notices) {
    if (notices.isEmpty()) {
      return notices;
    }
    Map<Long, List<Notice.Line>> lines = new LinkedHashMap<>();
    sql.sql(
            """
        select l.notice_id, l.invoice_id, i.number, i.due_date, i.currency, l.amount, l.days_overdue, l.exclusion
        from dunning_notice_invoice l join invoice i on i.tenant_id = l.tenant_id and i.id = l.invoice_id
        where l.tenant_id = :tenant and l.notice_id = any(:notices) order by l.notice_id, i.due_date, i.id""")
        .bind("notices", notices.stream().map(Notice::id).toList())
        .forEach(
            r ->
                lines
                    .computeIfAbsent(r.longValue("notice_id"), k -> new ArrayList<>())
                    .add(
                        new Notice.Line(
                            r.longValue("invoice_id"),
                            r.string("number"),
                            r.date("due_date"),
                            new Money(r.decimal("amount"), r.string("currency")),
                            r.intValue("days_overdue"),
                            r.enumValue("exclusion", Exclusion.class))));
    return notices.stream().map(n -> n.withLines(lines.getOrDefault(n.id(), List.of()))).toList();
  }

  private static Notice notice(Row r) {
    return new Notice(
        r.longValue("id"),
        r.longValue("run_id"),
        r.date("run_date"),
        r.longValue("customer_account_id"),
        r.string("number"),
        r.string("name"),
        r.intValue("level"),
        r.enumValue("action", StepAction.class),
        r.string("template_key"),
        r.bool("needs_release"),
        r.string("language"),
        new Money(r.decimal("total"), r.string("currency")),
        r.string("status"),
        r.enumValue("exclusion", Exclusion.class),
        r.string("recipient"),
        r.timestamp("sent_at"),
        List.of());
  }
}
