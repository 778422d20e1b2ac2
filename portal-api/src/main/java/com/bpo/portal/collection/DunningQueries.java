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
   *
   * <p>The promises and the levels are joined as two aggregates, not looked up per invoice: right
   * after a run the notice tables' statistics still say "empty", and the planner then read the
   * level of each of tens of thousands of invoices by scanning the whole table (a second run took
   * 58 s, and 120 s before V97; docs/PERFORMANCE.md). Hashing an aggregate believed small costs
   * little even when it is not; the selection went from 5.1 s to 0.5 s at a million invoices.
   */
  public void candidates(LocalDate latestDue, Consumer<Candidate> consumer) {
    sql.sql(
            """
        select i.customer_account_id, i.id, i.due_date, i.open_amount, least(i.disputed_amount, i.open_amount) as disputed,
               c.currency, coalesce(p.risk_class, 'MEDIUM') as risk_class,
               coalesce(p.customer_type, 'BUSINESS') as customer_type, coalesce(p.on_hold, false) as on_hold,
               coalesce(p.language, case when t.locale like 'fr%' then 'fr' else 'en' end) as language,
               pr.invoice_id is not null as promised, coalesce(n.level, -1) as noticed
        from invoice i
        join customer_account c on c.tenant_id = i.tenant_id and c.id = i.customer_account_id
        join tenant t on t.id = i.tenant_id
        left join collection_account p on p.tenant_id = i.tenant_id and p.customer_account_id = i.customer_account_id
        left join (select distinct pi.invoice_id from promise_invoice pi join promise_to_pay pp
                     on pp.tenant_id = pi.tenant_id and pp.id = pi.promise_id and pp.status in ('OPEN', 'PROPOSED')
                   where pi.tenant_id = :tenant) pr on pr.invoice_id = i.id
        left join (select l.invoice_id, max(l.level) as level from dunning_notice_invoice l
                   where l.tenant_id = :tenant and l.exclusion is null group by l.invoice_id) n on n.invoice_id = i.id
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

  /** A notice the run proposes for an account, in the account's language and currency. */
  public record Proposed(
      long accountId,
      DunningProposal.Notice notice,
      String language,
      String currency,
      String status) {}

  /** A notice of the run by account and level: its id, and whether this call added it. */
  public record Written(long id, boolean added) {}

  /** What identifies a notice within its run: one per account and level. */
  public record NoticeKey(long accountId, int level) {}

  /**
   * Inserts, in one statement, the notices the run does not have yet (one per account and level);
   * answers every proposed notice's id by account and level, and whether it is new.
   */
  public Map<NoticeKey, Written> insertNotices(long runId, List<Proposed> proposed) {
    Map<NoticeKey, Written> written = new LinkedHashMap<>();
    if (proposed.isEmpty()) {
      return written;
    }
    List<Long> accounts = new ArrayList<>();
    List<Integer> levels = new ArrayList<>();
    List<Long> strategies = new ArrayList<>();
    List<Integer> steps = new ArrayList<>();
    List<String> actions = new ArrayList<>();
    List<String> templates = new ArrayList<>();
    List<Boolean> releases = new ArrayList<>();
    List<String> languages = new ArrayList<>();
    List<String> currencies = new ArrayList<>();
    List<BigDecimal> totals = new ArrayList<>();
    List<String> statuses = new ArrayList<>();
    List<String> exclusions = new ArrayList<>();
    for (Proposed p : proposed) {
      DunningProposal.Notice notice = p.notice();
      accounts.add(p.accountId());
      levels.add(notice.level());
      strategies.add(notice.strategy().id());
      steps.add(notice.step().stepNo());
      actions.add(notice.step().action().name());
      templates.add(notice.step().templateKey());
      releases.add(notice.step().needsRelease());
      languages.add(p.language());
      currencies.add(p.currency());
      totals.add(notice.total());
      statuses.add(p.status());
      exclusions.add(notice.exclusion().map(Enum::name).orElse(""));
    }
    // the select sees the notices as they were before this statement: those already there
    sql.sql(
            """
        with incoming as (
            select * from unnest(:accounts, :levels, :strategies, :steps, :actions, :templates, :releases,
                                 :languages, :currencies, :totals, :statuses, :exclusions)
                as n(account, level, strategy, step, action, template, release, language, currency, total,
                     status, exclusion)),
        added as (
            insert into dunning_notice (tenant_id, run_id, customer_account_id, level, strategy_id, step_no,
                                        action, template_key, needs_release, language, currency, total, status,
                                        exclusion)
            select :tenant, :run, account, level, strategy, step, action, template, release, language, currency,
                   total, status, nullif(exclusion, '')
            from incoming order by account, level
            on conflict do nothing returning id, customer_account_id, level)
        select id, customer_account_id, level, true as added from added
        union all
        select d.id, d.customer_account_id, d.level, false from dunning_notice d
        join incoming n on n.account = d.customer_account_id and n.level = d.level
        where d.tenant_id = :tenant and d.run_id = :run""")
        .bind("run", runId)
        .bind("accounts", accounts)
        .bind("levels", levels)
        .bind("strategies", strategies)
        .bind("steps", steps)
        .bind("actions", actions)
        .bind("templates", templates)
        .bind("releases", releases)
        .bind("languages", languages)
        .bind("currencies", currencies)
        .bind("totals", totals)
        .bind("statuses", statuses)
        .bind("exclusions", exclusions)
        .forEach(
            r ->
                written.put(
                    new NoticeKey(r.longValue("customer_account_id"), r.intValue("level")),
                    new Written(r.longValue("id"), r.bool("added"))));
    return written;
  }

  private record LineKey(long noticeId, long invoiceId) {}

  /** What one notice got of its proposed lines: their chased total and how many are chased. */
  public record Added(int lines, BigDecimal chasedTotal, int chased) {}

  /**
   * Inserts, in one statement, the lines of every notice that are not there yet (nor chased at
   * their level by another notice); answers, for each notice that got any, what it got.
   */
  public Map<Long, Added> insertLines(Map<Long, DunningProposal.Notice> byNoticeId) {
    Map<Long, Added> added = new LinkedHashMap<>();
    // the proposed line of each notice and invoice, to total what the insert answers it added
    Map<LineKey, DunningProposal.Line> proposed = new java.util.HashMap<>();
    List<Long> notices = new ArrayList<>();
    List<Integer> levels = new ArrayList<>();
    List<Long> invoices = new ArrayList<>();
    List<BigDecimal> amounts = new ArrayList<>();
    List<Long> days = new ArrayList<>();
    List<String> exclusions = new ArrayList<>();
    byNoticeId.forEach(
        (id, notice) -> {
          for (DunningProposal.Line line : notice.lines()) {
            proposed.put(new LineKey(id, line.invoiceId()), line);
            notices.add(id);
            levels.add(notice.level());
            invoices.add(line.invoiceId());
            amounts.add(line.amount());
            days.add((long) line.daysOverdue());
            exclusions.add(line.exclusion() == null ? "" : line.exclusion().name());
          }
        });
    if (notices.isEmpty()) {
      return added;
    }
    sql.sql(
            """
        insert into dunning_notice_invoice (tenant_id, notice_id, invoice_id, level, amount, days_overdue,
                                            exclusion)
        select :tenant, l.notice, l.invoice, l.level, l.amount, l.days, nullif(l.exclusion, '')
        from unnest(:notices, :levels, :invoices, :amounts, :days, :exclusions)
            as l(notice, level, invoice, amount, days, exclusion)
        order by l.invoice, l.notice
        on conflict do nothing returning notice_id, invoice_id""")
        .bind("notices", notices)
        .bind("levels", levels)
        .bind("invoices", invoices)
        .bind("amounts", amounts)
        .bind("days", days)
        .bind("exclusions", exclusions)
        .forEach(
            r -> {
              long notice = r.longValue("notice_id");
              DunningProposal.Line line =
                  proposed.get(new LineKey(notice, r.longValue("invoice_id")));
              boolean chased = line.exclusion() == null;
              added.merge(
                  notice,
                  new Added(1, chased ? line.amount() : BigDecimal.ZERO, chased ? 1 : 0),
                  (a, b) ->
                      new Added(
                          a.lines() + b.lines(),
                          a.chasedTotal().add(b.chasedTotal()),
                          a.chased() + b.chased()));
            });
    return added;
  }

  /**
   * Gives notices added by this run the total of the lines they got (a line chased meanwhile at its
   * level by another notice was not added), in one statement; a proposed one with nothing chased is
   * excluded. The totals come from the insert's own answer rather than from a re-read of the lines:
   * right after the insert the lines' statistics still say "empty", and a re-read grouped per
   * notice was planned as a nested loop that took 3 to 4 s for 559 notices.
   */
  public void settle(Map<Long, Added> addedNotices) {
    if (addedNotices.isEmpty()) {
      return;
    }
    List<Long> ids = new ArrayList<>();
    List<BigDecimal> totals = new ArrayList<>();
    List<Boolean> nothingChased = new ArrayList<>();
    addedNotices.forEach(
        (id, a) -> {
          ids.add(id);
          totals.add(a.chasedTotal());
          nothingChased.add(a.chased() == 0);
        });
    sql.sql(
            """
        update dunning_notice n set total = t.total,
               status = case when n.status = 'PROPOSED' and t.nothing then 'EXCLUDED' else n.status end
        from unnest(:ids, :totals, :nothing) as t(id, total, nothing)
        where n.tenant_id = :tenant and n.id = t.id""")
        .bind("ids", ids)
        .bind("totals", totals)
        .bind("nothing", nothingChased)
        .update();
  }

  /**
   * Recomputes the notices' totals from their chased lines (lines already chased elsewhere were not
   * added), in one statement; a proposed notice left with nothing chased is excluded.
   */
  public void retotal(java.util.Collection<Long> noticeIds) {
    if (noticeIds.isEmpty()) {
      return;
    }
    sql.sql(
            """
        update dunning_notice n set total = t.total,
               status = case when n.status = 'PROPOSED' and t.chased = 0 then 'EXCLUDED' else n.status end
        from (select l.notice_id, coalesce(sum(l.amount) filter (where l.exclusion is null), 0) as total,
                     count(*) filter (where l.exclusion is null) as chased
              from dunning_notice_invoice l
              where l.tenant_id = :tenant and l.notice_id = any(:ids) group by l.notice_id) t
        where n.tenant_id = :tenant and n.id = t.notice_id""")
        .bind("ids", List.copyOf(noticeIds))
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
