package com.bpo.portal.cash;

import com.bpo.portal.cash.CashMatcher.OpenInvoice;
import com.bpo.portal.cash.CashMatcher.Payer;
import com.bpo.portal.cash.CashMatcher.PayerSource;
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

/**
 * The SQL of matching: the evidence for a line (open invoices by number key, the payer's identity
 * and open invoices, remittance advices; invoices and customers are read from the invoice feature's
 * tables, never written), the candidates and decisions stored per line, and the payer identities
 * learned from them.
 */
@ApplicationScoped
public class MatchQueries implements Ledger {
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
    keys.forEach(k -> out.put(k, new ArrayList<>()));
    if (keys.isEmpty()) {
      return out;
    }
    sql.sql(
            """
            select k.key, i.*
            from unnest(:keys) as k(key)
            cross join lateral (%s and number_key = k.key limit :limit) i"""
                .formatted(OPEN_INVOICE))
        .bind("keys", List.copyOf(keys))
        .bind("limit", KEY_LOOKUP_LIMIT)
        .forEach(r -> out.get(r.string("key")).add(openInvoice(r)));
    return out;
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
        .list(MatchQueries::openInvoice);
  }

  public boolean customerExists(long customerId) {
    return sql.sql("select id from customer_account where tenant_id = :tenant and id = :id")
        .bind("id", customerId)
        .optional(r -> r.longValue("id"))
        .isPresent();
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

  /**
   * The payer by bank account, then by a learned name no other customer has paid under, then by a
   * customer of exactly that name.
   */
  @Override
  public Optional<Payer> payer(String accountKey, String nameKey, String rawName) {
    if (!accountKey.isEmpty()) {
      Optional<Long> byAccount = identity("ACCOUNT", accountKey);
      if (byAccount.isPresent()) {
        return byAccount.map(c -> new Payer(c, PayerSource.ACCOUNT));
      }
    }
    if (!nameKey.isEmpty()) {
      Optional<Long> byName = identity("NAME", nameKey);
      if (byName.isPresent()) {
        return byName.map(c -> new Payer(c, PayerSource.LEARNED_NAME));
      }
    }
    if (rawName.isBlank()) {
      return Optional.empty();
    }
    List<Long> named =
        sql.sql(
                "select id from customer_account where tenant_id = :tenant and lower(name) = lower(:name)")
            .bind("name", rawName.strip())
            .append("limit 2")
            .list(r -> r.longValue("id"));
    return named.size() == 1
        ? Optional.of(new Payer(named.get(0), PayerSource.CUSTOMER_NAME))
        : Optional.empty();
  }

  private Optional<Long> identity(String kind, String key) {
    return sql.sql(
            "select customer_account_id from payer_identity where tenant_id = :tenant and kind = :kind and key = :key and not shared")
        .bind("kind", kind)
        .bind("key", key)
        .optional(r -> r.longValue("customer_account_id"));
  }

  /**
   * Remembers who paid for whom. An account seen for another customer now points at the latest one;
   * a name seen for another customer is shared from then on and identifies nobody ({@link #payer}).
   */
  public void learn(String kind, String key, long customerId) {
    if (key.isEmpty()) {
      return;
    }
    sql.sql(
            """
            insert into payer_identity (tenant_id, kind, key, customer_account_id) values (:tenant, :kind, :key, :customer)
            on conflict (tenant_id, kind, key) do update set customer_account_id = excluded.customer_account_id,
                hits = case when payer_identity.customer_account_id = excluded.customer_account_id
                            then payer_identity.hits + 1 else 1 end,
                shared = payer_identity.shared
                         or (payer_identity.kind = 'NAME'
                             and payer_identity.customer_account_id <> excluded.customer_account_id),
                learned_at = now()""")
        .bind("kind", kind)
        .bind("key", key)
        .bind("customer", customerId)
        .update();
  }

  // ---------------------------------------------------------------- remittance advices

  public record Advice(long id, long customerId, List<Long> invoiceIds) {}

  /**
   * Open advices for a line: those whose payment reference the line's reference contains, or the
   * payer's advices for exactly the line's amount.
   */
  public List<Advice> openAdvices(
      String reference, Optional<Long> payer, BigDecimal amount, String currency) {
    return sql.sql(
            """
            select a.id, a.customer_account_id, array_agg(i.invoice_id::text order by i.invoice_id) as invoices
            from remittance_advice a
            join remittance_advice_item i on i.tenant_id = a.tenant_id and i.advice_id = a.id
            where a.tenant_id = :tenant and a.line_id is null and a.currency = :currency
              and ((a.payment_reference <> '' and strpos(upper(:reference), upper(a.payment_reference)) > 0)
                   or (a.customer_account_id = :payer and a.amount = :amount))
            group by a.id, a.customer_account_id order by a.id limit 5""")
        .bind("currency", currency)
        .bind("reference", reference)
        .bind("payer", payer.orElse(-1L))
        .bind("amount", amount)
        .list(
            r ->
                new Advice(
                    r.longValue("id"),
                    r.longValue("customer_account_id"),
                    r.strings("invoices").stream().map(Long::valueOf).toList()));
  }

  @Override
  public List<OpenInvoice> advisedInvoices(
      String reference, Optional<Long> payer, BigDecimal amount, String currency) {
    return openAdvices(reference, payer, amount, currency).stream()
        .findFirst()
        .map(a -> openInvoicesById(a.invoiceIds()))
        .orElse(List.of());
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
