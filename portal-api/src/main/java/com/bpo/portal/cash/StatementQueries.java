package com.bpo.portal.cash;

import com.bpo.portal.cash.CashRecords.AgeBucket;
import com.bpo.portal.cash.CashRecords.BankAccount;
import com.bpo.portal.cash.CashRecords.LineSummary;
import com.bpo.portal.cash.CashRecords.StatementSummary;
import com.bpo.portal.limits.ConcurrentImports;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of bank accounts, statements and their lines: what was received and where each line
 * stands. Customer numbers and names are read from the invoice feature's {@code customer_account}
 * for display.
 */
@ApplicationScoped
public class StatementQueries {
  @Inject TenantSql sql;

  // ---------------------------------------------------------------- bank accounts

  public List<BankAccount> bankAccounts() {
    return sql.sql(
            "select id, account, currency, name from bank_account where tenant_id = :tenant order by account")
        .list(StatementQueries::bankAccount);
  }

  public Optional<BankAccount> bankAccount(String account) {
    return sql.sql(
            "select id, account, currency, name from bank_account where tenant_id = :tenant and account = :a")
        .bind("a", account)
        .optional(StatementQueries::bankAccount);
  }

  public long insertBankAccount(String account, String currency, String name) {
    return sql.sql(
            """
            insert into bank_account (tenant_id, account, currency, name) values (:tenant, :account, :currency, :name)
            returning id""")
        .bind("account", account)
        .bind("currency", currency)
        .bind("name", name)
        .one(r -> r.longValue("id"));
  }

  private static BankAccount bankAccount(Row r) {
    return new BankAccount(
        r.longValue("id"), r.string("account"), r.string("currency").trim(), r.string("name"));
  }

  // ---------------------------------------------------------------- statements

  public record Existing(long id, String sha256) {}

  public Optional<Existing> statement(long bankAccountId, String statementId) {
    return sql.sql(
            """
            select id, file_sha256 from bank_statement
            where tenant_id = :tenant and bank_account_id = :account and statement_id = :statement""")
        .bind("account", bankAccountId)
        .bind("statement", statementId)
        .optional(r -> new Existing(r.longValue("id"), r.string("file_sha256")));
  }

  /**
   * What makes a bank entry the same in another statement: the bank's reference, day and amount.
   */
  public record EntryKey(String entryRef, LocalDate bookingDate, BigDecimal amount) {
    public static EntryKey of(BankStatementFile.Line line) {
      return new EntryKey(line.entryRef(), line.bookingDate(), line.amount());
    }

    /**
     * A reference the file gave: an entry without one is numbered by its place in its file ({@code
     * #1}, {@code #2}), which says nothing across files.
     */
    boolean given() {
      return !entryRef.startsWith("#");
    }
  }

  /**
   * Of these lines, those an earlier statement of the account already brought (same reference,
   * booking day and amount), each with that statement's id; lines without a reference of their own
   * are never among them.
   */
  public Map<EntryKey, Long> knownEntries(long bankAccountId, List<BankStatementFile.Line> lines) {
    List<EntryKey> keys = lines.stream().map(EntryKey::of).filter(EntryKey::given).toList();
    if (keys.isEmpty()) {
      return Map.of();
    }
    record Known(EntryKey key, long statementId) {}
    return sql
        .sql(
            """
            select v.ref, v.booked, v.amount, min(s.id) as statement
            from unnest(:refs, :booked, :amounts) as v(ref, booked, amount)
            join bank_statement_line l on l.tenant_id = :tenant and l.entry_ref = v.ref
                 and l.booking_date = v.booked and l.amount = v.amount
            join bank_statement s on s.tenant_id = :tenant and s.id = l.statement_id and s.bank_account_id = :account
            group by 1, 2, 3""")
        .bind("refs", keys.stream().map(EntryKey::entryRef).toList())
        .bind("booked", keys.stream().map(EntryKey::bookingDate).toList())
        .bind("amounts", keys.stream().map(EntryKey::amount).toList())
        .bind("account", bankAccountId)
        .list(
            r ->
                new Known(
                    new EntryKey(r.string("ref"), r.date("booked"), r.decimal("amount")),
                    r.longValue("statement")))
        .stream()
        .collect(java.util.stream.Collectors.toMap(Known::key, Known::statementId));
  }

  /**
   * Takes the tenant's import slot for this transaction, or refuses the statement (429): a
   * statement's import is an import like a file of invoices or payments, and shares their slots
   * ({@link ConcurrentImports}). Two imports of one tenant would match lines against the same open
   * invoices, each unaware of what the other pays until it waits on the other's locks, and then
   * refuse their whole statement or deadlock.
   */
  public void admitImport(ConcurrentImports imports) {
    imports.admit(sql);
  }

  /**
   * Takes the statement's row lock first, so that two uploads of one statement wait for each other.
   */
  public void lockAccount(long bankAccountId) {
    sql.sql("select id from bank_account where tenant_id = :tenant and id = :id for update")
        .bind("id", bankAccountId)
        .optional(r -> r.longValue("id"));
  }

  /** A new statement's record; {@code lineCount} is how many of its lines it brings. */
  public long insertStatement(
      long bankAccountId, BankStatementFile file, int lineCount, String sha256, String importedBy) {
    return sql.sql(
            """
            insert into bank_statement (tenant_id, bank_account_id, statement_id, format, file_sha256, from_date,
                                        to_date, line_count, imported_by)
            values (:tenant, :account, :statement, :format, :sha, :from, :to, :count, :by) returning id""")
        .bind("account", bankAccountId)
        .bind("statement", file.statementId())
        .bind("format", file.format())
        .bind("sha", sha256)
        .bind("from", file.from())
        .bind("to", file.to())
        .bind("count", lineCount)
        .bind("by", importedBy)
        .one(r -> r.longValue("id"));
  }

  /**
   * The lines and matcher's decisions this transaction inserts are recorded in the audit trail by
   * their statement's own record (who, when, the file's SHA-256 and line count), not one by one
   * (V116); what moves money, and every later change to a line or a decision, is recorded row by
   * row as before. For this transaction only.
   */
  public void linesAuditedByTheirStatement() {
    sql.global("select set_config('portal.audit', 'statement', true) as audit")
        .one(r -> r.string("audit"));
  }

  /**
   * A block of lines is done: what it changed through JPA (deductions) is written and let go, so
   * that the statement's later blocks flush no more than the first ({@link
   * TenantSql#flushAndForget}).
   */
  public void endOfBlock() {
    sql.flushAndForget();
  }

  /** Ids for a block of a statement's lines, taken before the lines are matched and written. */
  public List<Long> lineIds(int count) {
    return sql.nextIds("cash_id_seq", count);
  }

  /**
   * A block of a statement's lines, each with its decision, in one statement: a new line is written
   * once, as matching leaves it. {@code states} are the lines' states in the lines' order (their
   * ids, drawn with {@link #lineIds}; version 0).
   */
  public void insertDecided(
      long statementId, List<BankStatementFile.Line> lines, List<LineDecisions.LineState> states) {
    if (lines.isEmpty()) {
      return;
    }
    Statement insert =
        sql.sql(
                """
            insert into bank_statement_line (tenant_id, id, statement_id, entry_ref, booking_date, value_date, amount,
                                             currency, payer_name, payer_account, reference, status,
                                             customer_account_id, applied_amount, written_off_amount, on_account_amount,
                                             payment_id, deduction_id, applied_at, applied_by)
            select :tenant, l.id, :statement, l.ref, l.booked, l.valued::date, l.amount, l.currency, l.name,
                   l.account, l.reference, l.status, l.customer::bigint, l.applied, l.written, l.on_account,
                   l.payment::bigint, l.deduction::bigint,
                   case when l.settled then now() end, case when l.settled then l.by end
            from unnest(:ids, :refs, :booked, :valued, :amounts, :currencies, :names, :accounts, :references,
                        :statuses, :customers, :applied, :written, :onAccount, :payments, :deductions, :settled,
                        :bys)
                 as l(id, ref, booked, valued, amount, currency, name, account, reference, status, customer,
                      applied, written, on_account, payment, deduction, settled, by)""")
            .bind("statement", statementId)
            .bind("ids", states.stream().map(LineDecisions.LineState::lineId).toList())
            .bind("refs", lines.stream().map(BankStatementFile.Line::entryRef).toList())
            .bind("booked", lines.stream().map(BankStatementFile.Line::bookingDate).toList())
            .bind("valued", lines.stream().map(BankStatementFile.Line::valueDate).toList())
            .bind("amounts", lines.stream().map(BankStatementFile.Line::amount).toList())
            .bind("currencies", lines.stream().map(BankStatementFile.Line::currency).toList())
            .bind("names", lines.stream().map(BankStatementFile.Line::payerName).toList())
            .bind("accounts", lines.stream().map(BankStatementFile.Line::payerAccount).toList())
            .bind("references", lines.stream().map(BankStatementFile.Line::reference).toList());
    withStates(insert, states).update();
  }

  private static final String STATEMENT_SELECT =
      """
      select s.id, s.bank_account_id, a.account, s.statement_id, s.format, s.from_date, s.to_date, s.line_count,
             s.imported_by, s.imported_at,
             (select count(*) from bank_statement_line l where l.tenant_id = s.tenant_id and l.statement_id = s.id
                and l.status = 'APPLIED') as applied,
             (select count(*) from bank_statement_line l where l.tenant_id = s.tenant_id and l.statement_id = s.id
                and l.status = 'SUGGESTED') as suggested,
             (select count(*) from bank_statement_line l where l.tenant_id = s.tenant_id and l.statement_id = s.id
                and l.status = 'UNAPPLIED') as unapplied
      from bank_statement s join bank_account a on a.tenant_id = s.tenant_id and a.id = s.bank_account_id
      where s.tenant_id = :tenant""";

  public Optional<StatementSummary> statementSummary(long id) {
    return sql.sql(STATEMENT_SELECT)
        .and("s.id = :id", "id", id)
        .optional(StatementQueries::statementSummary);
  }

  /** Newest first. */
  public Page<StatementSummary> statements(PageRequest page) {
    return sql.sql(STATEMENT_SELECT)
        .keyset(Keyset.descending("s.imported_at", "s.id", java.time.OffsetDateTime::parse), page)
        .page(
            StatementQueries::statementSummary,
            s -> List.of(s.importedAt().toString(), String.valueOf(s.id())));
  }

  private static StatementSummary statementSummary(Row r) {
    return new StatementSummary(
        r.longValue("id"),
        r.longValue("bank_account_id"),
        r.string("account"),
        r.string("statement_id"),
        r.string("format"),
        r.date("from_date"),
        r.date("to_date"),
        r.intValue("line_count"),
        r.longValue("applied"),
        r.longValue("suggested"),
        r.longValue("unapplied"),
        r.string("imported_by"),
        r.timestamp("imported_at"));
  }

  // ---------------------------------------------------------------- lines

  private static final String LINE_SELECT =
      """
      select l.id, l.statement_id, l.entry_ref, l.booking_date, l.amount, l.currency, l.payer_name, l.payer_account,
             l.reference, l.status, l.customer_account_id, c.number as customer_number, c.name as customer_name,
             l.applied_amount, l.on_account_amount, l.payment_id, l.deduction_id, l.version,
             (cast(:today as date) - l.booking_date) as age_days
      from bank_statement_line l
      left join customer_account c on c.tenant_id = l.tenant_id and c.id = l.customer_account_id
      where l.tenant_id = :tenant""";

  public Optional<LineSummary> line(long id, LocalDate today) {
    return sql.sql(LINE_SELECT)
        .bind("today", today)
        .and("l.id = :id", "id", id)
        .optional(StatementQueries::line);
  }

  /**
   * Lines in the queue, oldest first and locked, that a remittance advice given now may be for:
   * their reference holds the advice's payment reference, or they come from its customer for
   * exactly its amount; at most {@code limit}.
   */
  public List<LineSummary> queuedLinesForAdvice(
      String reference,
      long customerId,
      Optional<BigDecimal> amount,
      String currency,
      LocalDate today,
      int limit) {
    return sql.sql(
            LINE_SELECT
                + """
             and l.status in ('SUGGESTED', 'UNAPPLIED') and l.currency = :currency
             and ((:reference <> '' and strpos(upper(l.reference), upper(:reference)) > 0)
                  or (l.customer_account_id = :customer and l.amount = :amount))
            order by l.booking_date, l.id limit :limit for update of l""")
        .bind("today", today)
        .bind("currency", currency)
        .bind("reference", reference)
        .bind("customer", customerId)
        .bind("amount", amount.orElse(BigDecimal.ONE.negate()))
        .bind("limit", limit)
        .list(StatementQueries::line);
  }

  public record LineRef(long paymentIdOrZero, long deductionIdOrZero) {}

  public Optional<LineRef> lineRefs(long id) {
    return sql.sql(
            "select payment_id, deduction_id from bank_statement_line where tenant_id = :tenant and id = :id")
        .bind("id", id)
        .optional(
            r ->
                new LineRef(
                    orZero(r.longOrNull("payment_id")), orZero(r.longOrNull("deduction_id"))));
  }

  private static long orZero(Long v) {
    return v == null ? 0 : v;
  }

  /** The line, locked until the transaction ends, so two people cannot settle it at once. */
  public Optional<LineSummary> lockLine(long id, LocalDate today) {
    return sql.sql(LINE_SELECT)
        .bind("today", today)
        .and("l.id = :id", "id", id)
        .append("for update of l")
        .optional(StatementQueries::line);
  }

  /**
   * Lines oldest first, by status (the queue: SUGGESTED and UNAPPLIED) and optionally of one
   * statement.
   */
  public Page<LineSummary> lines(
      List<LineStatus> statuses, Optional<Long> statementId, LocalDate today, PageRequest page) {
    return sql.sql(LINE_SELECT)
        .bind("today", today)
        .andAnyOf("l.status", "statuses", statuses)
        .andIf(statementId, "l.statement_id = :statement", "statement")
        .keyset(Keyset.ascending("l.booking_date", "l.id", LocalDate::parse), page)
        .page(
            StatementQueries::line,
            l -> List.of(l.bookingDate().toString(), String.valueOf(l.id())));
  }

  private static LineSummary line(Row r) {
    String currency = r.string("currency").trim();
    BigDecimal amount = r.decimal("amount");
    BigDecimal applied = r.decimal("applied_amount");
    BigDecimal onAccount = r.decimal("on_account_amount");
    LineStatus status = r.enumValue("status", LineStatus.class);
    BigDecimal unapplied =
        status.inQueue() ? amount.subtract(applied).subtract(onAccount) : BigDecimal.ZERO;
    return new LineSummary(
        r.longValue("id"),
        r.longValue("statement_id"),
        r.string("entry_ref"),
        r.date("booking_date"),
        new Money(amount, currency),
        r.string("payer_name"),
        r.string("payer_account"),
        r.string("reference"),
        status,
        r.longOrNull("customer_account_id"),
        r.string("customer_number"),
        r.string("customer_name"),
        new Money(applied, currency),
        new Money(onAccount, currency),
        new Money(unapplied, currency),
        r.intValue("age_days"),
        r.longValue("version"));
  }

  /**
   * Many lines' states in one statement, each only if it still has the version given; answers the
   * lines that did not (nothing should be kept then: the caller fails the transaction).
   */
  public List<Long> settleAll(List<LineDecisions.LineState> states) {
    if (states.isEmpty()) {
      return List.of();
    }
    Statement settle =
        sql.sql(
                """
            update bank_statement_line l set status = v.status, customer_account_id = v.customer::bigint,
                   applied_amount = v.applied, written_off_amount = v.written, on_account_amount = v.on_account,
                   payment_id = v.payment::bigint, deduction_id = v.deduction::bigint,
                   applied_at = case when v.settled then now() end,
                   applied_by = case when v.settled then v.by end,
                   version = l.version + 1
            from unnest(:ids, :versions, :statuses, :customers, :applied, :written, :onAccount, :payments,
                        :deductions, :settled, :bys)
                 as v(id, version, status, customer, applied, written, on_account, payment, deduction, settled, by)
            where l.tenant_id = :tenant and l.id = v.id and l.version = v.version
            returning l.id""")
            .bind("ids", states.stream().map(LineDecisions.LineState::lineId).toList())
            .bind("versions", states.stream().map(LineDecisions.LineState::version).toList());
    List<Long> settled = withStates(settle, states).list(r -> r.longValue("id"));
    java.util.Set<Long> done = new java.util.HashSet<>(settled);
    return states.stream()
        .map(LineDecisions.LineState::lineId)
        .filter(id -> !done.contains(id))
        .toList();
  }

  /** Binds what lines' states say, one array per column, in the states' order. */
  private static Statement withStates(Statement query, List<LineDecisions.LineState> states) {
    return query
        .bind("statuses", states.stream().map(s -> s.status().name()).toList())
        .bind("customers", states.stream().map(LineDecisions.LineState::customerId).toList())
        .bind("applied", states.stream().map(LineDecisions.LineState::applied).toList())
        .bind("written", states.stream().map(LineDecisions.LineState::writtenOff).toList())
        .bind("onAccount", states.stream().map(LineDecisions.LineState::onAccount).toList())
        .bind("payments", states.stream().map(LineDecisions.LineState::paymentId).toList())
        .bind("deductions", states.stream().map(LineDecisions.LineState::deductionId).toList())
        .bind("settled", states.stream().map(s -> !s.status().inQueue()).toList())
        .bind("bys", states.stream().map(LineDecisions.LineState::by).toList());
  }

  /**
   * Unapplied cash (the queue) by currency and age: 0-7, 8-30, 31-60, over 60 days since booking.
   */
  public List<Bucketed> unapplied(LocalDate today) {
    return sql.sql(
            """
            select currency, case when cast(:today as date) - booking_date <= 7 then '0-7'
                                  when cast(:today as date) - booking_date <= 30 then '8-30'
                                  when cast(:today as date) - booking_date <= 60 then '31-60' else '60+' end as bucket,
                   count(*) as lines, sum(amount - applied_amount - on_account_amount) as amount
            from bank_statement_line
            where tenant_id = :tenant and status in ('SUGGESTED', 'UNAPPLIED')
            group by 1, 2 order by 1, min(cast(:today as date) - booking_date)""")
        .bind("today", today)
        .list(
            r ->
                new Bucketed(
                    r.string("currency").trim(),
                    new AgeBucket(r.string("bucket"), r.longValue("lines"), r.decimal("amount"))));
  }

  public record Bucketed(String currency, AgeBucket bucket) {}
}
