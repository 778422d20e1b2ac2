package com.bpo.portal.dispute;

import com.bpo.portal.shared.AttachmentCheck;
import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.sql.Row;
import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The SQL of the dispute aggregate (dispute, its items, history, messages and attachments), for the
 * active tenant. It reads the customer's number and name and the invoices' numbers beside them; it
 * writes no other feature's table (an invoice's money changes through {@code
 * invoice.InvoiceLedger}).
 */
@ApplicationScoped
public class DisputeQueries {
  static final List<DisputeStatus> OPEN =
      List.of(DisputeStatus.NEW, DisputeStatus.IN_REVIEW, DisputeStatus.AWAITING_CUSTOMER);

  private static final String SUMMARY =
      """
      select d.id, d.kind, d.customer_account_id, c.number as customer_number, c.name as customer_name,
             d.reason_code, d.status, d.outcome, d.currency, d.disputed_amount, d.settled_amount, d.raised_at,
             d.raised_by, d.assignee, d.promised_response_on, d.first_response_due, d.resolution_due,
             d.first_response_at, d.resolved_at, d.version
      from dispute d join customer_account c on c.tenant_id = d.tenant_id and c.id = d.customer_account_id
      where d.tenant_id = :tenant""";

  /**
   * An item as a resolution or a reopening weighs it: what is not settled yet, in invoice number
   * order.
   */
  record OpenItem(long invoiceId, BigDecimal unsettled) {}

  @Inject TenantSql sql;

  /**
   * A keyset page of the queue, narrowed to {@code onlyCustomer} when present; SLA breaches as of
   * {@code now}.
   */
  Page<DisputeSummary> list(
      Optional<Long> onlyCustomer,
      DisputeFilter filter,
      DisputeSort sort,
      PageRequest page,
      OffsetDateTime now,
      boolean breachedOnly) {
    var query = sql.sql(SUMMARY).andIf(onlyCustomer, "d.customer_account_id = :own", "own");
    if (!filter.statuses().isEmpty()) {
      query.andAnyOf("d.status", "statuses", filter.statuses());
    } else if (filter.openOnly()) {
      query.andAnyOf("d.status", "statuses", OPEN);
    }
    query
        .andIf(filter.reasonCode(), "d.reason_code = :reason", "reason")
        .andIf(
            filter.invoiceId(),
            "d.id in (select di.dispute_id from dispute_item di "
                + "where di.tenant_id = :tenant and di.invoice_id = :invoice)",
            "invoice")
        .andIf(filter.customerId(), "d.customer_account_id = :customer", "customer");
    filter
        .assignee()
        .ifPresent(
            a -> {
              if (DisputeFilter.UNASSIGNED.equals(a)) {
                query.and("d.assignee is null");
              } else {
                query.and("d.assignee = :assignee", "assignee", a);
              }
            });
    query
        .andIf(
            filter.minAgeDays().map(days -> now.minusDays(days)),
            "d.raised_at <= :raisedBefore",
            "raisedBefore")
        .andIf(
            filter.maxAgeDays().map(days -> now.minusDays(days + 1L)),
            "d.raised_at > :raisedAfter",
            "raisedAfter")
        .andIf(filter.minAmount(), "d.disputed_amount >= :minAmount", "minAmount")
        .andIf(filter.maxAmount(), "d.disputed_amount <= :maxAmount", "maxAmount");
    if (breachedOnly) {
      // the same rule as SlaClock.breached, in SQL: done after the due instant, or not done and
      // past it
      query.and(
          "(d.first_response_at > d.first_response_due"
              + " or (d.first_response_at is null and d.first_response_due < :now)"
              + " or d.resolved_at > d.resolution_due or (d.resolved_at is null and d.resolution_due < :now))",
          "now",
          now);
    }
    Instant instant = now.toInstant();
    return query.keyset(sort.keyset(), page).page(r -> summary(r, instant), sort::keyOf);
  }

  Optional<DisputeSummary> summary(long id, Instant now) {
    return sql.sql(SUMMARY + " and d.id = :id").bind("id", id).optional(r -> summary(r, now));
  }

  private static DisputeSummary summary(Row r, Instant now) {
    long id = r.longValue("id");
    String currency = r.string("currency").trim();
    OffsetDateTime firstResponseDue = r.timestamp("first_response_due");
    OffsetDateTime resolutionDue = r.timestamp("resolution_due");
    return new DisputeSummary(
        id,
        DisputeSummary.number(id),
        r.enumValue("kind", Dispute.Kind.class),
        r.longValue("customer_account_id"),
        r.string("customer_number"),
        r.string("customer_name"),
        r.string("reason_code"),
        r.enumValue("status", DisputeStatus.class),
        r.enumValue("outcome", Outcome.class),
        new Money(r.decimal("disputed_amount"), currency),
        new Money(r.decimal("settled_amount"), currency),
        r.timestamp("raised_at"),
        r.string("raised_by"),
        r.string("assignee"),
        r.date("promised_response_on"),
        firstResponseDue,
        resolutionDue,
        SlaClock.breached(firstResponseDue.toInstant(), r.instant("first_response_at"), now),
        SlaClock.breached(resolutionDue.toInstant(), r.instant("resolved_at"), now),
        r.longValue("version"));
  }

  /**
   * How many open disputes (of one customer when present), and how many of those are past a target
   * now.
   */
  DisputeService.Counts openCounts(Optional<Long> onlyCustomer) {
    return sql.sql(
            """
            select count(*) as open,
                   count(*) filter (where (first_response_at is null and first_response_due < now())
                                          or resolution_due < now()) as breached
            from dispute where tenant_id = :tenant and status = any(:open)""")
        .bind("open", OPEN)
        .andIf(onlyCustomer, "customer_account_id = :customer", "customer")
        .one(r -> new DisputeService.Counts(r.longValue("open"), r.longValue("breached")));
  }

  // ---------------------------------------------------------------- items

  List<DisputeDetail.Item> items(long disputeId, String currency) {
    return sql.sql(
            """
            select i.id as invoice_id, i.number, di.line_no, di.amount, di.settled, i.open_amount
            from dispute_item di join invoice i on i.tenant_id = di.tenant_id and i.id = di.invoice_id
            where di.tenant_id = :tenant and di.dispute_id = :dispute order by i.number""")
        .bind("dispute", disputeId)
        .list(
            r ->
                new DisputeDetail.Item(
                    r.longValue("invoice_id"),
                    r.string("number"),
                    r.intOrNull("line_no"),
                    new Money(r.decimal("amount"), currency),
                    new Money(r.decimal("settled"), currency),
                    new Money(r.decimal("open_amount"), currency)));
  }

  /**
   * The dispute's items with what each has not settled yet, in invoice number order (the order
   * money is spread in).
   */
  List<OpenItem> openItems(long disputeId) {
    return sql.sql(
            """
            select di.invoice_id, di.amount - di.settled as unsettled
            from dispute_item di join invoice i on i.tenant_id = di.tenant_id and i.id = di.invoice_id
            where di.tenant_id = :tenant and di.dispute_id = :dispute order by i.number""")
        .bind("dispute", disputeId)
        .list(r -> new OpenItem(r.longValue("invoice_id"), r.decimal("unsettled")));
  }

  /** An invoice (or one of its lines) a new dispute holds an amount of. */
  record NewItem(long disputeId, long invoiceId, Integer lineNo, BigDecimal amount) {}

  /** New disputes' items, in one statement. */
  void insertItems(List<NewItem> items) {
    if (items.isEmpty()) {
      return;
    }
    sql.sql(
            """
            insert into dispute_item (tenant_id, dispute_id, invoice_id, line_no, amount)
            select :tenant, x.dispute, x.invoice, cast(x.line_no as integer), x.amount
            from unnest(:disputes, :invoices, :lineNos, :amounts) as x(dispute, invoice, line_no, amount)""")
        .bind("disputes", items.stream().map(NewItem::disputeId).toList())
        .bind("invoices", items.stream().map(NewItem::invoiceId).toList())
        .bind(
            "lineNos",
            items.stream()
                .map(i -> i.lineNo() == null ? null : i.lineNo().longValue())
                .collect(Collectors.toList()))
        .bind("amounts", items.stream().map(NewItem::amount).toList())
        .update();
  }

  /** The first event of new disputes (to NEW, from nothing), each with its action. */
  void insertRaisedEvents(List<Long> disputeIds, String actor, List<String> actions) {
    if (disputeIds.isEmpty()) {
      return;
    }
    sql.sql(
            """
            insert into dispute_event (tenant_id, dispute_id, actor, action, from_status, to_status, note)
            select :tenant, x.dispute, :actor, x.action, null, :to, null
            from unnest(:disputes, :actions) as x(dispute, action)""")
        .bind("disputes", disputeIds)
        .bind("actor", actor)
        .bind("actions", actions)
        .bind("to", DisputeStatus.NEW)
        .update();
  }

  void settleItem(long disputeId, long invoiceId, BigDecimal amount) {
    sql.sql(
            "update dispute_item set settled = settled + :amount "
                + "where tenant_id = :tenant and dispute_id = :dispute and invoice_id = :invoice")
        .bind("amount", amount)
        .bind("dispute", disputeId)
        .bind("invoice", invoiceId)
        .update();
  }

  // ---------------------------------------------------------------- history

  List<DisputeDetail.Event> events(long disputeId, boolean withNotes) {
    return sql.sql(
            """
            select at, actor, action, from_status, to_status, note from dispute_event
            where tenant_id = :tenant and dispute_id = :dispute order by at, id""")
        .bind("dispute", disputeId)
        .list(
            r ->
                new DisputeDetail.Event(
                    r.timestamp("at"),
                    r.string("actor"),
                    r.string("action"),
                    r.enumValue("from_status", DisputeStatus.class),
                    r.enumValue("to_status", DisputeStatus.class),
                    withNotes ? r.string("note") : null));
  }

  void insertEvent(
      long disputeId,
      String actor,
      String action,
      DisputeStatus from,
      DisputeStatus to,
      String note) {
    sql.sql(
            """
            insert into dispute_event (tenant_id, dispute_id, actor, action, from_status, to_status, note)
            values (:tenant, :dispute, :actor, :action, :from, :to, :note)""")
        .bind("dispute", disputeId)
        .bind("actor", actor)
        .bind("action", action)
        .bind("from", from)
        .bind("to", to)
        .bind("note", note)
        .update();
  }

  // ---------------------------------------------------------------- messages and attachments

  List<DisputeDetail.Message> messages(long disputeId, Collection<Visibility> visible) {
    return sql.sql(
            """
            select id, author, party, visibility, body, at from dispute_message
            where tenant_id = :tenant and dispute_id = :dispute and visibility = any(:visible) order by at, id""")
        .bind("dispute", disputeId)
        .bind("visible", List.copyOf(visible))
        .list(
            r ->
                new DisputeDetail.Message(
                    r.longValue("id"),
                    r.string("author"),
                    r.enumValue("party", Party.class),
                    r.enumValue("visibility", Visibility.class),
                    r.string("body"),
                    r.timestamp("at")));
  }

  void insertMessage(
      long disputeId, String author, Party party, Visibility visibility, String body) {
    sql.sql(
            """
            insert into dispute_message (tenant_id, dispute_id, author, party, visibility, body)
            values (:tenant, :dispute, :author, :party, :visibility, :body)""")
        .bind("dispute", disputeId)
        .bind("author", author)
        .bind("party", party)
        .bind("visibility", visibility)
        .bind("body", body)
        .update();
  }

  List<DisputeDetail.Attachment> attachments(long disputeId) {
    return sql.sql(
            """
            select id, file_name, media_type, size_bytes, sha256, uploaded_by, at from dispute_attachment
            where tenant_id = :tenant and dispute_id = :dispute order by at, id""")
        .bind("dispute", disputeId)
        .list(
            r ->
                new DisputeDetail.Attachment(
                    r.longValue("id"),
                    r.string("file_name"),
                    r.string("media_type"),
                    r.intValue("size_bytes"),
                    r.string("sha256").trim(),
                    r.string("uploaded_by"),
                    r.timestamp("at")));
  }

  long insertAttachment(
      long disputeId,
      AttachmentCheck.Accepted file,
      byte[] content,
      String uploadedBy,
      Party party) {
    return sql.sql(
            """
            insert into dispute_attachment (tenant_id, dispute_id, file_name, media_type, size_bytes, sha256,
                                            content, uploaded_by, party)
            values (:tenant, :dispute, :fileName, :mediaType, :size, :sha256, :content, :uploadedBy, :party)
            returning id""")
        .bind("dispute", disputeId)
        .bind("fileName", file.fileName())
        .bind("mediaType", file.mediaType())
        .bind("size", content.length)
        .bind("sha256", file.sha256())
        .bind("content", content)
        .bind("uploadedBy", uploadedBy)
        .bind("party", party)
        .one(r -> r.longValue("id"));
  }

  Optional<DisputeService.AttachmentContent> attachmentContent(long disputeId, long attachmentId) {
    return sql.sql(
            """
            select file_name, media_type, content from dispute_attachment
            where tenant_id = :tenant and dispute_id = :dispute and id = :id""")
        .bind("dispute", disputeId)
        .bind("id", attachmentId)
        .optional(
            r ->
                new DisputeService.AttachmentContent(
                    r.string("file_name"), r.string("media_type"), r.bytes("content")));
  }
}
