package com.bpo.portal.ui.cash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.cash.CashRecords.NewRemittance;
import com.bpo.portal.cash.CashRecords.RemittanceItem;
import com.bpo.portal.invoice.InvoiceStatus;
import com.bpo.portal.invoice.InvoiceSummary;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.Problem.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemittanceFormTest {
  private static InvoiceSummary invoice(long id, String number, int dueDay, String open) {
    Money amount = new Money(new BigDecimal(open), "USD");
    return new InvoiceSummary(
        id,
        number,
        1L,
        "A-1001",
        "Acme",
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 2, dueDay),
        amount,
        amount,
        InvoiceStatus.OPEN);
  }

  private static final List<InvoiceSummary> OPEN =
      List.of(invoice(11, "INV-11", 3, "100.00"), invoice(12, "INV-12", 9, "250.00"));

  @Test
  void aPaymentIsSentInTheAccountsCurrencyWithTheChosenInvoicesAndTheirAmounts() {
    RemittanceForm form = new RemittanceForm("USD", OPEN);
    List<NewRemittance> sent = new ArrayList<>();
    form.addSaveListener(e -> sent.add(e.request()));
    form.paymentReference.setValue(" TRF-2026-0042 ");
    form.invoices.select(OPEN.get(1));
    form.invoices.select(OPEN.get(0));
    form.amountField(OPEN.get(1)).setValue("200.5");
    form.save();
    assertEquals(
        List.of(
            new NewRemittance(
                null,
                "TRF-2026-0042",
                null,
                "USD",
                List.of(new RemittanceItem(11L, null), new RemittanceItem(12L, "200.5")))),
        sent);
  }

  @Test
  void nothingIsSentWithoutAnInvoiceOrWithAnUnboundedAmount() {
    RemittanceForm form = new RemittanceForm("USD", OPEN);
    List<NewRemittance> sent = new ArrayList<>();
    form.addSaveListener(e -> sent.add(e.request()));
    form.amount.setValue("1e99999");
    form.save();
    assertEquals(List.of(), sent);
    assertTrue(form.amount.isInvalid());
    assertFalse(form.invoiceErrors.getText().isEmpty());
  }

  @Test
  void theServicesErrorsLandOnTheirFieldsAndNameTheInvoice() {
    RemittanceForm form = new RemittanceForm("USD", OPEN);
    form.paymentReference.setValue("TRF-2026-0043");
    form.invoices.select(OPEN.get(0));
    form.invoices.select(OPEN.get(1));
    form.save();
    List<String> rest =
        form.showErrors(
            new InvalidFields(
                "no",
                List.of(
                    new FieldError(
                        "paymentReference", "give the payment's reference or its amount"),
                    new FieldError("items[1].invoiceId", "no such invoice of this customer"))));
    assertEquals(List.of(), rest);
    assertTrue(form.paymentReference.isInvalid());
    assertTrue(form.amountField(OPEN.get(1)).isInvalid(), "the second invoice sent, by due date");
    assertFalse(form.amountField(OPEN.get(0)).isInvalid());
  }

  @Test
  void aReferenceTooVagueToNameOnePaymentIsRefusedAtItsField() {
    RemittanceForm form = new RemittanceForm("USD", OPEN);
    List<NewRemittance> sent = new ArrayList<>();
    form.addSaveListener(e -> sent.add(e.request()));
    form.invoices.select(OPEN.get(0));
    form.paymentReference.setValue("PAY");
    form.save();
    assertEquals(List.of(), sent);
    assertTrue(form.paymentReference.isInvalid());
    form.paymentReference.setValue("PAYMENT");
    form.save();
    assertEquals(List.of(), sent, "six letters but no digit");
    form.paymentReference.setValue("PAY-77");
    form.save();
    assertEquals(1, sent.size());
    assertFalse(form.paymentReference.isInvalid());
    assertTrue(RemittanceForm.namesOnePayment(""), "no reference: the amount names the payment");
  }
}
