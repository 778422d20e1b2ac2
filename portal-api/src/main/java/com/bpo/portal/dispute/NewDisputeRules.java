package com.bpo.portal.dispute;

import com.bpo.portal.invoice.InvoiceLedger.OpenInvoice;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem.FieldError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * What makes a new dispute acceptable, without a database: first the request on its own (kind,
 * reason, description, one amount per invoice), then against the invoices it names, read and locked
 * by the caller: one customer, one currency, each amount within what is open and not already under
 * dispute, lines that exist. Every bad field is reported at once, as {@link InvalidFields}.
 */
final class NewDisputeRules {
  static final int MAX_DESCRIPTION = 4000;
  static final int MAX_ITEMS = 50;

  /** numeric(19, 2): at most 17 digits before the point. */
  private static final int MAX_INTEGER_DIGITS = 17;

  /** The request as checked: amounts and line numbers by invoice id, in the request's order. */
  record Checked(
      Dispute.Kind kind,
      String reasonCode,
      String description,
      Map<Long, BigDecimal> amounts,
      Map<Long, Integer> lines) {
    BigDecimal total() {
      return amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /** Whose invoices the dispute is over, and in which currency. */
  record Target(long customerId, String currency) {}

  /** Tells whether an invoice has a line of that number. */
  interface Lines {
    boolean exists(long invoiceId, int lineNo);
  }

  private NewDisputeRules() {}

  /** The request on its own; {@code byBpo} when the BPO logs it (only the BPO logs a deduction). */
  static Checked check(NewDispute request, boolean byBpo, Set<String> activeReasonCodes) {
    List<FieldError> errors = new ArrayList<>();
    Dispute.Kind kind = Dispute.Kind.DISPUTE;
    if (request.kind() != null && !request.kind().isBlank()) {
      try {
        kind = Dispute.Kind.valueOf(request.kind());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("kind", "must be DISPUTE or DEDUCTION"));
      }
    }
    if (kind == Dispute.Kind.DEDUCTION && !byBpo) {
      errors.add(new FieldError("kind", "a short-payment deduction is logged by the BPO"));
    }
    if (request.reasonCode() == null || !activeReasonCodes.contains(request.reasonCode())) {
      errors.add(
          new FieldError(
              "reasonCode", "must be one of " + activeReasonCodes.stream().sorted().toList()));
    }
    String description = request.description() == null ? "" : request.description().strip();
    if (description.isEmpty() || description.length() > MAX_DESCRIPTION) {
      errors.add(new FieldError("description", "must be 1 to " + MAX_DESCRIPTION + " characters"));
    }
    List<NewDispute.Item> items = request.items() == null ? List.of() : request.items();
    if (items.isEmpty() || items.size() > MAX_ITEMS) {
      errors.add(new FieldError("items", "must name 1 to " + MAX_ITEMS + " invoices"));
    }
    Map<Long, BigDecimal> amounts = new LinkedHashMap<>();
    Map<Long, Integer> lines = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      NewDispute.Item item = items.get(i);
      String field = "items[" + i + "]";
      if (item == null || item.invoiceId() == null) {
        errors.add(new FieldError(field + ".invoiceId", "is required"));
        continue;
      }
      if (amounts.containsKey(item.invoiceId())) {
        errors.add(new FieldError(field + ".invoiceId", "names the same invoice twice"));
        continue;
      }
      Optional<BigDecimal> amount = positiveAmount(item.amount());
      if (amount.isEmpty()) {
        errors.add(
            new FieldError(field + ".amount", "must be a positive amount with at most 2 decimals"));
        continue;
      }
      amounts.put(item.invoiceId(), amount.get());
      if (item.lineNo() != null) {
        lines.put(item.invoiceId(), item.lineNo());
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The dispute cannot be raised as it is.", errors);
    }
    return new Checked(kind, request.reasonCode(), description, amounts, lines);
  }

  /**
   * Requests in groups, in order, none of which names an invoice another of the same group names: a
   * group is raised together, checked against the invoices as they were before it, so a request
   * naming an invoice of an earlier request of the list starts the next group.
   */
  static List<List<NewDispute>> onDifferentInvoices(List<NewDispute> requests) {
    List<List<NewDispute>> groups = new ArrayList<>();
    List<NewDispute> group = new ArrayList<>();
    Set<Long> named = new HashSet<>();
    for (NewDispute request : requests) {
      Set<Long> invoices = new HashSet<>();
      if (request.items() != null) {
        request.items().stream()
            .filter(i -> i != null && i.invoiceId() != null)
            .forEach(i -> invoices.add(i.invoiceId()));
      }
      if (invoices.stream().anyMatch(named::contains)) {
        groups.add(group);
        group = new ArrayList<>();
        named = new HashSet<>();
      }
      group.add(request);
      named.addAll(invoices);
    }
    if (!group.isEmpty()) {
      groups.add(group);
    }
    return groups;
  }

  /**
   * The checked request against its invoices ({@code invoices} by id; a missing one, or one the
   * caller may not see, is reported as not existing).
   */
  static Target checkInvoices(
      Checked checked,
      Map<Long, OpenInvoice> invoices,
      LongPredicate visibleCustomer,
      Lines lines) {
    List<FieldError> errors = new ArrayList<>();
    Long customerId = null;
    String currency = null;
    int i = -1;
    for (Map.Entry<Long, BigDecimal> item : checked.amounts().entrySet()) {
      i++;
      long invoiceId = item.getKey();
      String field = "items[" + i + "]";
      OpenInvoice invoice = invoices.get(invoiceId);
      if (invoice == null || !visibleCustomer.test(invoice.customerId())) {
        errors.add(
            new FieldError(field + ".invoiceId", "no such invoice")); // as if it did not exist
        continue;
      }
      if (customerId == null) {
        customerId = invoice.customerId();
        currency = invoice.currency();
      } else if (customerId != invoice.customerId()) {
        errors.add(
            new FieldError(
                field + ".invoiceId",
                "belongs to another customer; raise one dispute per customer"));
        continue;
      } else if (!currency.equals(invoice.currency())) {
        errors.add(
            new FieldError(
                field + ".invoiceId", "is in another currency; raise one dispute per currency"));
        continue;
      }
      BigDecimal available = invoice.available();
      if (item.getValue().compareTo(available) > 0) {
        errors.add(
            new FieldError(
                field + ".amount",
                "is more than the "
                    + available.toPlainString()
                    + " "
                    + currency
                    + " of invoice "
                    + invoice.number()
                    + " still open and not already disputed"));
      }
      Integer lineNo = checked.lines().get(invoiceId);
      if (lineNo != null && !lines.exists(invoiceId, lineNo)) {
        errors.add(
            new FieldError(
                field + ".lineNo", "invoice " + invoice.number() + " has no line " + lineNo));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The dispute cannot be raised as it is.", errors);
    }
    return new Target(customerId, currency);
  }

  /**
   * A positive amount with at most 2 decimals (and no more digits than the column holds), or empty.
   */
  static Optional<BigDecimal> positiveAmount(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      // bounded before any arithmetic: "1e9999999" would otherwise widen to ten million digits
      BigDecimal amount = com.bpo.portal.shared.Decimals.parse(text, MAX_INTEGER_DIGITS, 2);
      return amount.signum() > 0
          ? Optional.of(amount.setScale(2, RoundingMode.UNNECESSARY))
          : Optional.empty();
    } catch (com.bpo.portal.shared.Decimals.Invalid e) {
      return Optional.empty();
    }
  }
}
