package com.bpo.portal.invoice;

import com.bpo.portal.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One invoice with what happened to it: lines, payments applied, credit notes. */
public record InvoiceDetail(
    InvoiceSummary invoice,
    Money net,
    Money tax,
    Money paid,
    Money credited,
    Money writtenOff,
    long version,
    List<Line> lines,
    List<AppliedPayment> payments,
    List<CreditNoteRef> creditNotes) {
  public record Line(
      int lineNo,
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal taxRate,
      Money net,
      Money tax) {}

  public record AppliedPayment(String reference, LocalDate receivedOn, Money applied) {}

  public record CreditNoteRef(String number, LocalDate issuedOn, Money amount, String reason) {}
}
