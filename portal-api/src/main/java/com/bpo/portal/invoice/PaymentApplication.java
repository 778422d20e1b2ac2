package com.bpo.portal.invoice;

import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.tenant.TenantService;
import com.bpo.portal.webhook.WebhookEventType;
import com.bpo.portal.webhook.WebhookEvents;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The invoice feature's door for money received: records a customer's payment and applies it to
 * their invoices (raising each invoice's paid amount, and its written-off amount by what the caller
 * writes off under its tolerance), in the caller's transaction. What is not applied stays on the
 * payment, on account. Cash application (bank statements) calls it; nothing else writes invoice
 * money for a payment outside the CSV import.
 */
@TenantService
public class PaymentApplication {
  @Inject PaymentQueries queries;
  @Inject ReceivablesQueries balances;
  @Inject WebhookEvents webhooks;

  /** An amount applied to one invoice, and what is written off on it in the same stroke. */
  public record Application(long invoiceId, BigDecimal amount, BigDecimal writeOff) {
    public Application {
      writeOff = writeOff == null ? BigDecimal.ZERO : writeOff;
    }
  }

  /**
   * Runs many applications (a bank statement's lines) in this transaction with the receivable
   * balances folded once at the end, not once per invoice updated (V106: the same deferral as the
   * invoice import's). Nothing in {@code work} may read {@code receivable_balance}: it is behind
   * until the fold. When {@code work} fails, the transaction must roll back (its commit is refused
   * without the fold).
   */
  public <T> T inOneFold(java.util.function.Supplier<T> work) {
    balances.deferBalances();
    T result = work.get();
    balances.foldDeferredBalances();
    return result;
  }

  /** A payment to record and apply: what {@link #apply} takes, for {@link #applyAll}. */
  public record PaymentRequest(
      String reference,
      long customerId,
      LocalDate receivedOn,
      Money amount,
      List<Application> applications) {}

  /**
   * Records one payment from a customer (its reference unique in the tenant) and applies it, as
   * {@link #applyAll} does many: what a person's decision on a bank line makes. The invoices are
   * locked; each must be the customer's, in the payment's currency and open for its amount plus
   * write-off, and together they take no more than the payment.
   *
   * @return the payment's id
   */
  public long apply(PaymentRequest payment) {
    return applyAll(List.of(payment)).get(0);
  }

  /**
   * Records and applies many payments as {@link #apply} does one, each checked against what the
   * ones before it left open, and written together: one statement for the payments, one for their
   * allocations and one for the invoices (each invoice once), so that the statement triggers of the
   * ledger run once for all of them. A bank statement's block of lines comes this way. Nothing is
   * written when one of them cannot be applied: the answer names a problem of the first request
   * found wrong, every request's own shape (and a reference given twice) checked first, then each
   * against the invoices, in order.
   *
   * @return the payments' ids, in the order given
   */
  public List<Long> applyAll(List<PaymentRequest> requests) {
    if (requests.isEmpty()) {
      return List.of();
    }
    Set<Long> invoiceIds = new java.util.TreeSet<>();
    Set<String> references = new HashSet<>();
    for (PaymentRequest request : requests) {
      checkShape(request);
      if (!references.add(request.reference())) {
        throw new ProblemException(
            "conflict", "Conflict", 409, "A payment '" + request.reference() + "' is given twice.");
      }
      request.applications().forEach(a -> invoiceIds.add(a.invoiceId()));
    }
    Map<Long, PaymentQueries.OpenInvoice> invoices =
        queries.lockInvoices(invoiceIds).stream()
            .collect(Collectors.toMap(PaymentQueries.OpenInvoice::id, Function.identity()));
    // what each invoice still has open once the payments before have been applied
    Map<Long, BigDecimal> open = new HashMap<>();
    invoices.values().forEach(i -> open.put(i.id(), i.open()));
    for (PaymentRequest request : requests) {
      checkAgainst(request, invoices, open);
    }
    List<String> existing = queries.existingPayments(references);
    if (!existing.isEmpty()) {
      throw new ProblemException(
          "conflict", "Conflict", 409, "A payment '" + existing.get(0) + "' is already recorded.");
    }
    List<Long> paymentIds = queries.insertPayments(requests);
    List<Long> allocationPayments = new ArrayList<>();
    List<Long> allocationInvoices = new ArrayList<>();
    List<BigDecimal> allocationAmounts = new ArrayList<>();
    // each invoice once; the invoices were locked above in id order, and the balances' statement
    // trigger takes its keys in key order (V92, V106)
    Map<Long, BigDecimal[]> perInvoice = new java.util.TreeMap<>();
    for (int p = 0; p < requests.size(); p++) {
      for (Application a : requests.get(p).applications()) {
        if (a.amount().signum() > 0) {
          allocationPayments.add(paymentIds.get(p));
          allocationInvoices.add(a.invoiceId());
          allocationAmounts.add(a.amount());
        }
        BigDecimal[] sums =
            perInvoice.computeIfAbsent(
                a.invoiceId(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        sums[0] = sums[0].add(a.amount());
        sums[1] = sums[1].add(a.writeOff());
      }
    }
    queries.insertAllocations(allocationPayments, allocationInvoices, allocationAmounts);
    queries.payAll(
        List.copyOf(perInvoice.keySet()),
        perInvoice.values().stream().map(v -> v[0]).toList(),
        perInvoice.values().stream().map(v -> v[1]).toList());
    List<Map<String, Object>> applied = new ArrayList<>();
    for (int p = 0; p < requests.size(); p++) {
      PaymentRequest request = requests.get(p);
      applied.add(
          Map.of(
              "paymentId", paymentIds.get(p),
              "reference", request.reference(),
              "customerAccountId", request.customerId(),
              "currency", request.amount().currency(),
              "amount", request.amount().amount().toPlainString(),
              "receivedOn", request.receivedOn().toString(),
              "invoiceIds", request.applications().stream().map(Application::invoiceId).toList()));
    }
    webhooks.publishAll(WebhookEventType.PAYMENT_APPLIED, applied);
    return paymentIds;
  }

  /** The checks that need no invoice: each invoice once, amounts positive, no more than paid. */
  private static void checkShape(PaymentRequest request) {
    List<FieldError> errors = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    BigDecimal applied = BigDecimal.ZERO;
    List<Application> applications = request.applications();
    for (int i = 0; i < applications.size(); i++) {
      Application a = applications.get(i);
      if (!seen.add(a.invoiceId())) {
        errors.add(
            new FieldError("allocations[" + i + "].invoiceId", "names the same invoice twice"));
      }
      if (a.amount().signum() < 0
          || a.writeOff().signum() < 0
          || a.amount().add(a.writeOff()).signum() == 0) {
        errors.add(new FieldError("allocations[" + i + "].amount", "must be positive"));
      }
      applied = applied.add(a.amount());
    }
    if (request.amount().amount().signum() <= 0) {
      errors.add(new FieldError("amount", "must be positive"));
    }
    if (applied.compareTo(request.amount().amount()) > 0) {
      errors.add(
          new FieldError(
              "allocations",
              "apply "
                  + applied.toPlainString()
                  + ", more than the payment's "
                  + request.amount().amount().toPlainString()));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The payment cannot be applied as it is.", errors);
    }
  }

  /**
   * Each invoice the customer's, in the payment's currency and open for what it takes (after the
   * payments before this one); takes it from {@code open}.
   */
  private static void checkAgainst(
      PaymentRequest request,
      Map<Long, PaymentQueries.OpenInvoice> invoices,
      Map<Long, BigDecimal> open) {
    List<FieldError> errors = new ArrayList<>();
    List<Application> applications = request.applications();
    for (int i = 0; i < applications.size(); i++) {
      Application a = applications.get(i);
      PaymentQueries.OpenInvoice invoice = invoices.get(a.invoiceId());
      String field = "allocations[" + i + "]";
      if (invoice == null || invoice.customerId() != request.customerId()) {
        errors.add(new FieldError(field + ".invoiceId", "no such invoice of this customer"));
      } else if (!invoice.currency().equals(request.amount().currency())) {
        errors.add(
            new FieldError(
                field + ".invoiceId",
                "invoice " + invoice.number() + " is in " + invoice.currency()));
      } else if (a.amount().add(a.writeOff()).compareTo(open.get(invoice.id())) > 0) {
        errors.add(
            new FieldError(
                field + ".amount",
                "is more than the "
                    + open.get(invoice.id()).toPlainString()
                    + " still open on invoice "
                    + invoice.number()));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The payment cannot be applied as it is.", errors);
    }
    for (Application a : applications) {
      open.merge(a.invoiceId(), a.amount().add(a.writeOff()).negate(), BigDecimal::add);
    }
  }
}
