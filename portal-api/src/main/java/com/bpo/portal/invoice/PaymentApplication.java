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
import java.util.Comparator;
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
  @Inject WebhookEvents webhooks;

  /** An amount applied to one invoice, and what is written off on it in the same stroke. */
  public record Application(long invoiceId, BigDecimal amount, BigDecimal writeOff) {
    public Application {
      writeOff = writeOff == null ? BigDecimal.ZERO : writeOff;
    }
  }

  /**
   * Records the payment {@code reference} (unique in the tenant) of {@code amount} from the
   * customer and applies it. The invoices are locked; each must be the customer's, in the payment's
   * currency and open for its amount plus write-off, and together they take no more than the
   * payment.
   *
   * @return the payment's id
   */
  public long apply(
      String reference,
      long customerId,
      LocalDate receivedOn,
      Money amount,
      List<Application> applications) {
    List<FieldError> errors = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    BigDecimal applied = BigDecimal.ZERO;
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
    if (amount.amount().signum() <= 0) {
      errors.add(new FieldError("amount", "must be positive"));
    }
    if (applied.compareTo(amount.amount()) > 0) {
      errors.add(
          new FieldError(
              "allocations",
              "apply "
                  + applied.toPlainString()
                  + ", more than the payment's "
                  + amount.amount().toPlainString()));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The payment cannot be applied as it is.", errors);
    }
    Map<Long, PaymentQueries.OpenInvoice> invoices =
        queries.lockInvoices(seen).stream()
            .collect(Collectors.toMap(PaymentQueries.OpenInvoice::id, Function.identity()));
    for (int i = 0; i < applications.size(); i++) {
      Application a = applications.get(i);
      PaymentQueries.OpenInvoice invoice = invoices.get(a.invoiceId());
      String field = "allocations[" + i + "]";
      if (invoice == null || invoice.customerId() != customerId) {
        errors.add(new FieldError(field + ".invoiceId", "no such invoice of this customer"));
      } else if (!invoice.currency().equals(amount.currency())) {
        errors.add(
            new FieldError(
                field + ".invoiceId",
                "invoice " + invoice.number() + " is in " + invoice.currency()));
      } else if (a.amount().add(a.writeOff()).compareTo(invoice.open()) > 0) {
        errors.add(
            new FieldError(
                field + ".amount",
                "is more than the "
                    + invoice.open().toPlainString()
                    + " still open on invoice "
                    + invoice.number()));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The payment cannot be applied as it is.", errors);
    }
    if (queries.paymentExists(reference)) {
      throw new ProblemException(
          "conflict", "Conflict", 409, "A payment '" + reference + "' is already recorded.");
    }
    long paymentId = queries.insertPayment(reference, customerId, receivedOn, amount);
    // paid in due-date order: each invoice update adds to its key of receivable_balance (V92), and
    // two payments of one customer that take those keys in the same order cannot deadlock
    List<Application> inKeyOrder = new ArrayList<>(applications);
    inKeyOrder.sort(
        Comparator.comparing((Application a) -> invoices.get(a.invoiceId()).dueDate())
            .thenComparing(Application::invoiceId));
    for (Application a : inKeyOrder) {
      if (a.amount().signum() > 0) {
        queries.insertAllocation(paymentId, a.invoiceId(), a.amount());
      }
      queries.pay(a.invoiceId(), a.amount(), a.writeOff());
    }
    webhooks.publish(
        WebhookEventType.PAYMENT_APPLIED,
        Map.of(
            "paymentId", paymentId,
            "reference", reference,
            "customerAccountId", customerId,
            "currency", amount.currency(),
            "amount", amount.amount().toPlainString(),
            "receivedOn", receivedOn.toString(),
            "invoiceIds", applications.stream().map(Application::invoiceId).toList()));
    return paymentId;
  }
}
