package com.bpo.portal.cash;

import com.bpo.portal.cash.CashMatcher.OpenInvoice;
import com.bpo.portal.cash.CashRecords.Candidate;
import com.bpo.portal.cash.CashRecords.CandidateItem;
import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.sql.Row;
import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL of matching: the evidence for a line (open invoices by number key, the payer's identity
 * and open invoices, remittance advices; invoices and customers are read from the invoice feature's
 * tables, never written), the candidates and decisions stored per line, and the payer identities
 * learned from them.
 */
@ApplicationScoped
public class MatchQueries implements BulkLedger {
  /** The payer's oldest open invoices considered by the amount rules. */
  static final int PAYER_OPEN_LIMIT = 50;

  /**
   * At most this many invoices per number lookup: a key's one-edit variants (about 200) mostly
   * exist where numbering is dense, and the one that fits must not be cut off.
   */
  static final int KEY_LOOKUP_LIMIT = 500;

  @Inject TenantSql sql;

  private static final String OPEN_INVOICE =
      """
      select id, number, customer_account_id, currency, open_amount as open, due_date
      from invoice where tenant_id = :tenant and open_amount > 0""";

  private static OpenInvoice openInvoice(Row r) {
    return new OpenInvoice(
        r.longValue("id"),
        r.string("number"),
        r.longValue("customer_account_id"),
        r.string("currency").trim(),
        r.decimal("open"),
        r.date("due_date"));
  }

  /**
   * Open invoices whose number's key ({@code invoice.number_key}, V96) is one of these; one index
   * probe per key.
   */
  @Override
  public List<OpenInvoice> openInvoicesByKey(Collection<String> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    return sql.sql(OPEN_INVOICE)
        .and("number_key = any(:keys)", "keys", List.copyOf(keys))
        .append("limit " + KEY_LOOKUP_LIMIT)
        .list(MatchQueries::openInvoice);
  }

  /**
   * The open invoices of each key, for a block's keys in one statement (a probe of the number-key
   * index per key, at most {@link #KEY_LOOKUP_LIMIT} invoices each, as {@link #openInvoicesByKey}).
   */
  @Override
  public Map<String, List<OpenInvoice>> openInvoicesByEachKey(Collection<String> keys) {
    Map<String, List<OpenInvoice>> out = new HashMap<>();
    if (keys.isEmpty()) {
      return out;
    }
    sql.sql(
            """
            select k.key, i.*
            from unnest(string_to_array(:keys, ',')) as k(key)
            cross join lateral (%s and number_key = k.key limit :limit) i"""
                .formatted(OPEN_INVOICE))
        .bind("keys", joinedKeys(keys))
        .bind("limit", KEY_LOOKUP_LIMIT)
        .forEach(
            r -> out.computeIfAbsent(r.string("key"), k -> new ArrayList<>()).add(openInvoice(r)));
    return out;
  }

  /**
   * Number keys (upper-case letters and digits, {@link InvoiceNumbers#key}) as one text with
   * commas: a block's fifteen thousand keys bound as one string, not as an array the driver escapes
   * character by character (8 % of the import's CPU in Liberty).
   */
  static String joinedKeys(Collection<String> keys) {
    StringBuilder joined = new StringBuilder(keys.size() * 12);
    for (String key : keys) {
      if (!isKey(key)) {
        throw new IllegalArgumentException("Not an invoice number key: '" + key + "'");
      }
      if (joined.length() > 0) {
        joined.append(',');
      }
      joined.append(key);
    }
    return joined.toString();
  }

  /** Upper-case letters and digits, at least one. */
  private static boolean isKey(String key) {
    return !key.isEmpty() && InvoiceNumbers.isPlain(key);
  }

  /**
   * The customer's oldest open invoices in a currency (the partial index of open invoices serves
   * it).
   */
  @Override
  public List<OpenInvoice> openInvoicesOf(long customerId, String currency, int limit) {
    return sql.sql(OPEN_INVOICE)
        .and("customer_account_id = :customer", "customer", customerId)
        .and("currency = :currency", "currency", currency)
        .append("order by due_date, id limit :limit")
        .bind("limit", limit)
        .list(MatchQueries::openInvoice);
  }

  public List<OpenInvoice> openInvoicesById(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return sql.sql(OPEN_INVOICE)
        .and("id = any(:ids)", "ids", List.copyOf(ids))
        .append("order by id")
        .list(MatchQueries::openInvoice);
  }

  public boolean customerExists(long customerId) {
    return sql.sql("select id from customer_account where tenant_id = :tenant and id = :id")
        .bind("id", customerId)
        .optional(r -> r.longValue("id"))
        .isPresent();
  }

  /**
   * A statement's matching, without JIT compilation ({@link TenantSql#withoutJit}): a block's
   * look-ups probe an index some thousands of times, which the planner prices high enough to
   * compile the statement (170 ms of a block's 15,000 number probes, measured), while each probe
   * takes microseconds.
   */
  public <T> T withoutJit(java.util.function.Supplier<T> work) {
    return sql.withoutJit(work);
  }

  /**
   * A statement's writes with generic plans ({@link TenantSql#withGenericPlans}): a new tenant's
   * lines, decisions and payments are checked against rows the statistics do not know yet, by their
   * keys.
   */
  public <T> T withGenericPlans(java.util.function.Supplier<T> work) {
    return sql.withGenericPlans(work);
  }

  /** The tenant's threshold and tolerance, or the defaults when it has set none. */
  public CashMatcher.Settings settings() {
    return sql.sql(
            "select confidence_threshold, tolerance_amount from cash_settings where tenant_id = :tenant")
        .optional(
            r ->
                new CashMatcher.Settings(
                    r.decimal("confidence_threshold"), r.decimal("tolerance_amount")))
        .orElse(CashMatcher.DEFAULT_SETTINGS);
  }

  private static final String CHOICE =
      """
      select i.id, i.number, i.customer_account_id, c.number as customer_number, i.open_amount, i.currency
      from invoice i join customer_account c on c.tenant_id = i.tenant_id and c.id = i.customer_account_id
      where i.tenant_id = :tenant and i.open_amount > 0""";

  private static CashRecords.InvoiceChoice choice(Row r) {
    return new CashRecords.InvoiceChoice(
        r.longValue("id"),
        r.string("number"),
        r.longValue("customer_account_id"),
        r.string("customer_number"),
        new Money(r.decimal("open_amount"), r.string("currency").trim()));
  }

  /**
   * Open invoices in a currency: those named, and the oldest of a customer (for a person splitting
   * a line).
   */
  public List<CashRecords.InvoiceChoice> choices(
      Collection<Long> ids, Optional<Long> customerId, String currency) {
    List<CashRecords.InvoiceChoice> out = new ArrayList<>();
    if (!ids.isEmpty()) {
      out.addAll(
          sql.sql(CHOICE)
              .and("i.id = any(:ids)", "ids", List.copyOf(ids))
              .and("i.currency = :currency", "currency", currency)
              .list(MatchQueries::choice));
    }
    customerId.ifPresent(
        c ->
            sql
                .sql(CHOICE)
                .and("i.customer_account_id = :customer", "customer", c)
                .and("i.currency = :currency", "currency", currency)
                .append("order by i.due_date, i.id limit " + PAYER_OPEN_LIMIT)
                .list(MatchQueries::choice)
                .stream()
                .filter(x -> out.stream().noneMatch(o -> o.id() == x.id()))
                .forEach(out::add));
    return out;
  }

  /** Open invoices whose number's key is that of the text typed. */
  public List<CashRecords.InvoiceChoice> choicesByNumber(String number, String currency) {
    return sql.sql(CHOICE)
        .and("i.number_key = :key", "key", InvoiceNumbers.key(number))
        .and("i.currency = :currency", "currency", currency)
        .append("limit 10")
        .list(MatchQueries::choice);
  }

  /** The settings as stored (version 0 and the defaults when the tenant has set none). */
  public CashRecords.Settings storedSettings() {
    return sql.sql(
            "select confidence_threshold, tolerance_amount, version from cash_settings where tenant_id = :tenant")
        .optional(
            r ->
                new CashRecords.Settings(
                    r.decimal("confidence_threshold"),
                    r.decimal("tolerance_amount"),
                    r.longValue("version")))
        .orElse(
            new CashRecords.Settings(
                CashMatcher.DEFAULT_SETTINGS.threshold(),
                CashMatcher.DEFAULT_SETTINGS.tolerance(),
                0));
  }

  /**
   * Writes the settings if the version is the one stored (0: none stored yet); false when it is
   * stale.
   */
  public boolean saveSettings(BigDecimal threshold, BigDecimal tolerance, long version) {
    if (version == 0) {
      return sql.sql(
                  """
              insert into cash_settings (tenant_id, confidence_threshold, tolerance_amount, version)
              values (:tenant, :threshold, :tolerance, 1) on conflict (tenant_id) do nothing""")
              .bind("threshold", threshold)
              .bind("tolerance", tolerance)
              .update()
          == 1;
    }
    return sql.sql(
                """
            update cash_settings set confidence_threshold = :threshold, tolerance_amount = :tolerance,
                   version = version + 1
            where tenant_id = :tenant and version = :version""")
            .bind("threshold", threshold)
            .bind("tolerance", tolerance)
            .bind("version", version)
            .update()
        == 1;
  }

  // ---------------------------------------------------------------- payers

  @Override
  public Map<String, Identity> identities(String kind, Collection<String> keys) {
    Map<String, Identity> out = new HashMap<>();
    if (keys.isEmpty()) {
      return out;
    }
    sql.sql(
            """
            select key, customer_account_id, shared from payer_identity
            where tenant_id = :tenant and kind = :kind and key = any(:keys)""")
        .bind("kind", kind)
        .bind("keys", List.copyOf(keys))
        .forEach(
            r ->
                out.put(
                    r.string("key"),
                    new Identity(r.longValue("customer_account_id"), r.bool("shared"))));
    return out;
  }

  /**
   * Up to two customers per name, compared without case: {@code customer_account.name_lower}
   * (V110), an index probe per name under row-level security.
   */
  @Override
  public Map<String, List<Long>> customersNamed(Collection<String> names) {
    Map<String, List<Long>> out = new HashMap<>();
    if (names.isEmpty()) {
      return out;
    }
    sql.sql(
            """
            select n.name, c.id
            from unnest(:names) as n(name)
            cross join lateral (select id from customer_account
                                where tenant_id = :tenant and name_lower = lower(n.name) limit 2) c""")
        .bind("names", List.copyOf(new java.util.LinkedHashSet<>(names)))
        .forEach(
            r ->
                out.computeIfAbsent(r.string("name"), n -> new ArrayList<>())
                    .add(r.longValue("id")));
    return out;
  }

  /**
   * Each customer's oldest open invoices in a currency, in one statement (a probe of the partial
   * index of open invoices per pair).
   */
  @Override
  public Map<CustomerCurrency, List<OpenInvoice>> openInvoicesOfEach(
      Collection<CustomerCurrency> pairs, int limit) {
    Map<CustomerCurrency, List<OpenInvoice>> out = new HashMap<>();
    pairs.forEach(p -> out.put(p, new ArrayList<>()));
    if (pairs.isEmpty()) {
      return out;
    }
    List<CustomerCurrency> asked = List.copyOf(out.keySet());
    sql.sql(
            """
            select i.*
            from unnest(:customers, :currencies) as p(customer, currency)
            cross join lateral (%s and customer_account_id = p.customer and currency = p.currency
                                order by due_date, id limit :limit) i"""
                .formatted(OPEN_INVOICE))
        .bind("customers", asked.stream().map(CustomerCurrency::customerId).toList())
        .bind("currencies", asked.stream().map(CustomerCurrency::currency).toList())
        .bind("limit", limit)
        .forEach(
            r -> {
              OpenInvoice i = openInvoice(r);
              out.get(new CustomerCurrency(i.customerId(), i.currency())).add(i);
            });
    // in the order the one-customer question gives, whatever order the rows came in
    out.values().forEach(l -> l.sort(OLDEST_FIRST));
    return out;
  }

  static final java.util.Comparator<OpenInvoice> OLDEST_FIRST =
      java.util.Comparator.comparing(OpenInvoice::dueDate).thenComparingLong(OpenInvoice::id);

  private static final String LEARN =
      """
            insert into payer_identity (tenant_id, kind, key, customer_account_id, shared)
            select :tenant, l.kind, l.key, l.customer, l.shared
            from unnest(:kinds, :keys, :customers, :shared) as l(kind, key, customer, shared)
            on conflict (tenant_id, kind, key) do update set customer_account_id = excluded.customer_account_id,
                shared = payer_identity.shared or excluded.shared
                         or (payer_identity.kind = 'NAME'
                             and payer_identity.customer_account_id <> excluded.customer_account_id),
                learned_at = now()
            where payer_identity.customer_account_id <> excluded.customer_account_id
               or (excluded.shared and not payer_identity.shared)""";

  /**
   * Remembers who paid for whom. An account seen for another customer now points at the latest one;
   * a name seen for another customer is shared from then on and identifies nobody ({@link #payer}).
   * An identity the match confirms is not written again (V111).
   */
  public void learn(String kind, String key, long customerId) {
    learnAll(List.of(new Learned(kind, key, customerId, false)));
  }

  /**
   * A payer identity as lines leave it: whom it points at now, and whether they found it shared (a
   * name they learned for two customers).
   */
  record Learned(String kind, String key, long customerId, boolean shared) {}

  /**
   * Identities as a block of lines leaves them ({@link BlockReads#learned}, each at most once), in
   * one statement, with {@link #learn}'s rules against what is stored: written only where they
   * point elsewhere or became shared.
   */
  public void learnAll(List<Learned> learned) {
    List<Learned> some = learned.stream().filter(l -> !l.key().isEmpty()).toList();
    if (some.isEmpty()) {
      return;
    }
    sql.sql(LEARN)
        .bind("kinds", some.stream().map(Learned::kind).toList())
        .bind("keys", some.stream().map(Learned::key).toList())
        .bind("customers", some.stream().map(Learned::customerId).toList())
        .bind("shared", some.stream().map(Learned::shared).toList())
        .update();
  }

  // ---------------------------------------------------------------- remittance advices

  /**
   * The open invoices of the first open advice for a payment: the oldest advice whose payment
   * reference the line's reference contains, or of the payer for exactly the line's amount.
   */
  @Override
  public List<OpenInvoice> advisedInvoices(
      String reference, Optional<Long> payer, BigDecimal amount, String currency) {
    AdviceQuestion question = new AdviceQuestion(reference, payer, amount, currency);
    return advisedInvoicesOfEach(List.of(question)).get(question);
  }

  /**
   * {@link #advisedInvoices} for many lines in two statements: each question's first open advice,
   * then the open invoices of them all.
   */
  @Override
  public Map<AdviceQuestion, List<OpenInvoice>> advisedInvoicesOfEach(
      Collection<AdviceQuestion> questions) {
    Map<AdviceQuestion, List<OpenInvoice>> out = new HashMap<>();
    questions.forEach(q -> out.put(q, new ArrayList<>()));
    if (questions.isEmpty()) {
      return out;
    }
    List<AdviceQuestion> asked = List.copyOf(out.keySet());
    Map<Integer, List<Long>> advised = new HashMap<>();
    sql.sql(
            """
            select q.n, a.invoices
            from unnest(:ns, :references, :payers, :amounts, :currencies)
                 as q(n, reference, payer, amount, currency)
            cross join lateral (
              select array_agg(i.invoice_id::text order by i.invoice_id) as invoices
              from remittance_advice a
              join remittance_advice_item i on i.tenant_id = a.tenant_id and i.advice_id = a.id
              where a.tenant_id = :tenant and a.line_id is null and a.currency = q.currency
                and ((a.payment_reference <> '' and strpos(upper(q.reference), upper(a.payment_reference)) > 0)
                     or (a.customer_account_id = q.payer and a.amount = q.amount))
              group by a.id order by a.id limit 1) a""")
        .bind(
            "ns",
            java.util.stream.IntStream.range(0, asked.size()).boxed().map(Long::valueOf).toList())
        .bind("references", asked.stream().map(AdviceQuestion::reference).toList())
        .bind("payers", asked.stream().map(q -> q.payer().orElse(-1L)).toList())
        .bind("amounts", asked.stream().map(AdviceQuestion::amount).toList())
        .bind("currencies", asked.stream().map(AdviceQuestion::currency).toList())
        .forEach(
            r ->
                advised.put(
                    (int) r.longValue("n"),
                    r.strings("invoices").stream().map(Long::valueOf).toList()));
    if (advised.isEmpty()) {
      return out;
    }
    Map<Long, OpenInvoice> open = new HashMap<>();
    openInvoicesById(advised.values().stream().flatMap(List::stream).distinct().toList())
        .forEach(i -> open.put(i.id(), i));
    advised.forEach(
        (n, ids) ->
            ids.stream()
                .map(open::get)
                .filter(java.util.Objects::nonNull)
                .forEach(out.get(asked.get(n))::add));
    return out;
  }

  /**
   * For the rest of this transaction, an advice may name a bank line written later in it (a
   * statement's lines are written at the end of their block, V112); checked at commit.
   */
  public void adviceLinesCheckedAtCommit() {
    sql.global("set constraints remittance_advice_tenant_id_line_id_fkey deferred").update();
  }

  /** The customer's open advices naming these invoices have been followed by this line. */
  public void consumeAdvices(long lineId, long customerId, List<Long> invoiceIds) {
    sql.sql(
            """
            update remittance_advice a set line_id = :line
            where a.tenant_id = :tenant and a.line_id is null and a.customer_account_id = :customer
              and exists (select 1 from remittance_advice_item i where i.tenant_id = a.tenant_id
                          and i.advice_id = a.id and i.invoice_id = any(:invoices))""")
        .bind("line", lineId)
        .bind("customer", customerId)
        .bind("invoices", invoiceIds)
        .update();
  }

  public long insertAdvice(
      long customerId,
      String paymentReference,
      BigDecimal amount,
      String currency,
      String source,
      String by) {
    return sql.sql(
            """
            insert into remittance_advice (tenant_id, customer_account_id, payment_reference, amount, currency, source,
                                           entered_by)
            values (:tenant, :customer, :ref, :amount, :currency, :source, :by) returning id""")
        .bind("customer", customerId)
        .bind("ref", paymentReference)
        .bind("amount", amount)
        .bind("currency", currency)
        .bind("source", source)
        .bind("by", by)
        .one(r -> r.longValue("id"));
  }

  /**
   * Remittance advices, newest first, with the numbers of the invoices they name (read from the
   * invoice feature's table): one customer's, or every customer's when none is given.
   */
  public List<CashRecords.AdviceSummary> advices(Optional<Long> customerId, int limit) {
    return sql.sql(
            """
            select a.id, a.payment_reference, a.amount, a.currency, a.entered_at, a.line_id is not null as matched,
                   array_agg(v.number order by v.number) as invoices
            from remittance_advice a
            join remittance_advice_item i on i.tenant_id = a.tenant_id and i.advice_id = a.id
            join invoice v on v.tenant_id = i.tenant_id and v.id = i.invoice_id
            where a.tenant_id = :tenant and (:customer = -1 or a.customer_account_id = :customer)
            group by a.tenant_id, a.id order by a.entered_at desc, a.id desc limit :limit""")
        .bind("customer", customerId.orElse(-1L))
        .bind("limit", limit)
        .list(
            r -> {
              String currency = r.string("currency").trim();
              return new CashRecords.AdviceSummary(
                  r.longValue("id"),
                  r.string("payment_reference"),
                  r.decimal("amount") == null ? null : new Money(r.decimal("amount"), currency),
                  currency,
                  r.timestamp("entered_at"),
                  r.bool("matched"),
                  r.strings("invoices"));
            });
  }

  public void insertAdviceItem(long adviceId, long invoiceId, BigDecimal amount) {
    sql.sql(
            """
            insert into remittance_advice_item (tenant_id, advice_id, invoice_id, amount)
            values (:tenant, :advice, :invoice, :amount)""")
        .bind("advice", adviceId)
        .bind("invoice", invoiceId)
        .bind("amount", amount)
        .update();
  }

  /** Invoices by id with their customer and currency, open or not (for a remittance advice). */
  public Map<Long, long[]> invoiceCustomers(Collection<Long> ids) {
    Map<Long, long[]> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    sql.sql(
            "select id, customer_account_id from invoice where tenant_id = :tenant and id = any(:ids)")
        .bind("ids", List.copyOf(ids))
        .forEach(r -> out.put(r.longValue("id"), new long[] {r.longValue("customer_account_id")}));
    return out;
  }

  // ---------------------------------------------------------------- candidates and decisions

  /**
   * Many candidates and decisions with their invoices, in two statements; their ids are drawn
   * first.
   */
  public void insertMatches(List<LineDecisions.NewMatch> matches) {
    if (matches.isEmpty()) {
      return;
    }
    List<Long> ids = sql.nextIds("cash_id_seq", matches.size());
    sql.sql(
            """
            insert into cash_match (tenant_id, id, line_id, rule, confidence, status, customer_account_id, settlement,
                                    on_account, shortfall, reason, reason_parts, decided_by)
            select :tenant, m.id, m.line, m.rule, m.confidence, m.status, m.customer::bigint, m.settlement::text,
                   m.on_account, m.shortfall, m.reason, m.parts::jsonb, m.by
            from unnest(:ids, :lines, :rules, :confidences, :statuses, :customers, :settlements, :onAccount,
                        :shortfalls, :reasons, :parts, :bys)
                 as m(id, line, rule, confidence, status, customer, settlement, on_account, shortfall, reason, parts,
                      by)""")
        .bind("ids", ids)
        .bind("lines", matches.stream().map(LineDecisions.NewMatch::lineId).toList())
        .bind("rules", matches.stream().map(LineDecisions.NewMatch::rule).toList())
        .bind(
            "confidences", matches.stream().map(m -> CashMatcher.rounded(m.confidence())).toList())
        .bind("statuses", matches.stream().map(LineDecisions.NewMatch::status).toList())
        .bind("customers", matches.stream().map(LineDecisions.NewMatch::customerId).toList())
        .bind(
            "settlements",
            matches.stream()
                .map(m -> m.settlement() == null ? null : m.settlement().name())
                .toList())
        .bind("onAccount", matches.stream().map(LineDecisions.NewMatch::onAccount).toList())
        .bind("shortfalls", matches.stream().map(LineDecisions.NewMatch::shortfall).toList())
        .bind(
            "reasons",
            matches.stream()
                .map(m -> m.reason().english())
                .map(text -> text.length() > 1000 ? text.substring(0, 1000) : text)
                .toList())
        .bind("parts", matches.stream().map(m -> m.reason().encoded()).toList())
        .bind("bys", matches.stream().map(LineDecisions.NewMatch::by).toList())
        .update();
    List<Long> itemMatches = new ArrayList<>();
    List<Long> invoices = new ArrayList<>();
    List<BigDecimal> amounts = new ArrayList<>();
    List<BigDecimal> writeOffs = new ArrayList<>();
    List<BigDecimal> leftOpen = new ArrayList<>();
    for (int i = 0; i < matches.size(); i++) {
      for (CashMatcher.Allocation a : matches.get(i).items()) {
        itemMatches.add(ids.get(i));
        invoices.add(a.invoiceId());
        amounts.add(a.amount());
        writeOffs.add(a.writeOff());
        leftOpen.add(a.leftOpen());
      }
    }
    if (itemMatches.isEmpty()) {
      return;
    }
    sql.sql(
            """
            insert into cash_match_item (tenant_id, match_id, invoice_id, amount, write_off, left_open)
            select :tenant, i.match, i.invoice, i.amount, i.write_off, i.left_open
            from unnest(:matches, :invoices, :amounts, :writeOffs, :leftOpen)
                 as i(match, invoice, amount, write_off, left_open)""")
        .bind("matches", itemMatches)
        .bind("invoices", invoices)
        .bind("amounts", amounts)
        .bind("writeOffs", writeOffs)
        .bind("leftOpen", leftOpen)
        .update();
  }

  /** A stored candidate as the matcher made it, to apply it as it was proposed. */
  public Optional<CashMatcher.Proposal> proposal(long lineId, long matchId) {
    List<CashMatcher.Allocation> items =
        sql.sql(
                """
            select mi.invoice_id, i.number, mi.amount, mi.write_off, mi.left_open
            from cash_match_item mi join invoice i on i.tenant_id = mi.tenant_id and i.id = mi.invoice_id
            where mi.tenant_id = :tenant and mi.match_id = :match order by i.due_date, i.id""")
            .bind("match", matchId)
            .list(
                r ->
                    new CashMatcher.Allocation(
                        r.longValue("invoice_id"),
                        r.string("number"),
                        r.decimal("amount"),
                        r.decimal("write_off"),
                        r.decimal("left_open")));
    return sql.sql(
            """
            select rule, confidence, customer_account_id, settlement, on_account, shortfall, reason,
                   reason_parts::text as reason_parts
            from cash_match
            where tenant_id = :tenant and line_id = :line and id = :match and status = 'SUGGESTED'""")
        .bind("line", lineId)
        .bind("match", matchId)
        .optional(
            r ->
                new CashMatcher.Proposal(
                    r.enumValue("rule", CashMatcher.Rule.class),
                    r.decimal("confidence"),
                    r.longValue("customer_account_id"),
                    r.enumValue("settlement", CashMatcher.Settlement.class),
                    items,
                    r.decimal("on_account"),
                    r.decimal("shortfall"),
                    Reason.stored(r.string("reason_parts"), r.string("reason"))));
  }

  /**
   * The invoice number keys (of any invoice, open or not) among these: a key that names a paid
   * invoice is no typo.
   */
  @Override
  public List<String> existingKeys(Collection<String> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    return sql.sql(
            "select distinct number_key as k from invoice where tenant_id = :tenant "
                + "and number_key = any(:keys)")
        .bind("keys", List.copyOf(keys))
        .list(r -> r.string("k"));
  }

  /**
   * The letters the keys of the tenant's open invoices start with (as {@link
   * InvoiceNumbers#leadingLetters} cuts them): a read of the open invoices' number index, some 200
   * ms at 60,000 open invoices, asked once per statement.
   */
  @Override
  public Set<String> openNumberPrefixes() {
    return Set.copyOf(
        sql.sql(
                "select distinct substring(number_key from '^[A-Z]*') as letters from invoice "
                    + "where tenant_id = :tenant and open_amount > 0 and number_key is not null")
            .list(r -> r.string("letters")));
  }

  /** A suggestion that lost its point once the line was settled. */
  public void dropSuggestions(long lineId) {
    sql.sql(
            "delete from cash_match where tenant_id = :tenant and line_id = :line and status = 'SUGGESTED'")
        .bind("line", lineId)
        .update();
  }

  public Optional<Candidate> candidate(long lineId, long matchId) {
    return candidates(lineId).stream().filter(c -> c.id() == matchId).findFirst();
  }

  /** The line's candidates and decisions, best first, each with its invoices. */
  public List<Candidate> candidates(long lineId) {
    Map<Long, List<CandidateItem>> items = new LinkedHashMap<>();
    sql.sql(
            """
            select mi.match_id, mi.invoice_id, i.number, i.currency, mi.amount, mi.write_off
            from cash_match m
            join cash_match_item mi on mi.tenant_id = m.tenant_id and mi.match_id = m.id
            join invoice i on i.tenant_id = mi.tenant_id and i.id = mi.invoice_id
            where m.tenant_id = :tenant and m.line_id = :line order by mi.match_id, i.due_date, i.id""")
        .bind("line", lineId)
        .forEach(
            r -> {
              String currency = r.string("currency").trim();
              items
                  .computeIfAbsent(r.longValue("match_id"), k -> new ArrayList<>())
                  .add(
                      new CandidateItem(
                          r.longValue("invoice_id"),
                          r.string("number"),
                          new Money(r.decimal("amount"), currency),
                          new Money(r.decimal("write_off"), currency)));
            });
    return sql.sql(
            """
            select m.id, m.rule, m.confidence, m.status, m.customer_account_id, c.number as customer_number, m.reason,
                   m.reason_parts::text as reason_parts, m.decided_by, m.decided_at
            from cash_match m left join customer_account c on c.tenant_id = m.tenant_id and c.id = m.customer_account_id
            where m.tenant_id = :tenant and m.line_id = :line
            order by case when m.status = 'SUGGESTED' then 1 else 0 end, m.confidence desc, m.id""")
        .bind("line", lineId)
        .list(
            r ->
                new Candidate(
                    r.longValue("id"),
                    r.string("rule"),
                    r.decimal("confidence"),
                    r.string("status"),
                    r.longOrNull("customer_account_id"),
                    r.string("customer_number"),
                    r.string("reason"),
                    Reason.stored(r.string("reason_parts"), r.string("reason")),
                    items.getOrDefault(r.longValue("id"), List.of()),
                    r.string("decided_by"),
                    r.timestamp("decided_at")));
  }
}
