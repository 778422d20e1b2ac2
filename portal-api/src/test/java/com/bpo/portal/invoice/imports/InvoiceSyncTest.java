package com.bpo.portal.invoice.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceSyncTest {
  private static final LocalDate ISSUED = LocalDate.of(2026, 11, 1);
  private static final LocalDate DUE = LocalDate.of(2026, 12, 1);
  private static final BigDecimal ZERO = BigDecimal.ZERO;

  private static InvoiceRow line(int no, String description, String price) {
    return new InvoiceRow(
        no,
        "INV-1",
        "A-1",
        ISSUED,
        DUE,
        "EUR",
        no,
        description,
        new BigDecimal("2"),
        new BigDecimal(price),
        new BigDecimal("0.2"),
        new BigDecimal("0"));
  }

  private static final String LINES =
      InvoiceSync.lines(List.of(line(2, "Support", "50"), line(1, "Licence", "100.5")));

  private static InvoiceSync.Incoming file(LocalDate due, String total, String lines) {
    return new InvoiceSync.Incoming("INV-1", 7, ISSUED, due, "EUR", new BigDecimal(total), lines);
  }

  private static InvoiceSync.Stored untouched() {
    return new InvoiceSync.Stored(
        42, 7, ISSUED, DUE, "EUR", new BigDecimal("361.20"), LINES, ZERO, ZERO, ZERO, false, ZERO);
  }

  private static InvoiceSync.Stored workedOn(
      String paid, String credited, String writtenOff, boolean disputed) {
    return new InvoiceSync.Stored(
        42,
        7,
        ISSUED,
        DUE,
        "EUR",
        new BigDecimal("361.20"),
        LINES,
        new BigDecimal(paid),
        new BigDecimal(credited),
        new BigDecimal(writtenOff),
        disputed,
        ZERO);
  }

  @Test
  void linesReadAsTheTableKeepsThemInLineOrderWithFourPlaces() {
    assertEquals(
        "1\u001fLicence\u001f2.0000\u001f100.5000\u001f0.2000"
            + "\u001e2\u001fSupport\u001f2.0000\u001f50.0000\u001f0.2000",
        LINES);
  }

  @Test
  void aNewNumberIsCreatedAndTheSameInvoiceIsUnchanged() {
    assertEquals(Sync.CREATE, InvoiceSync.decide(file(DUE, "361.20", LINES), null));
    assertEquals(Sync.UNCHANGED, InvoiceSync.decide(file(DUE, "361.2", LINES), untouched()));
  }

  @Test
  void aChangedDueDateOrAmountOfAnInvoiceNobodyWorkedOnIsAnUpdateOfExactlyThat() {
    Sync due = InvoiceSync.decide(file(DUE.plusDays(15), "361.20", LINES), untouched());
    assertEquals(Sync.Action.UPDATE, due.action());
    assertEquals(List.of("due_date"), due.changed());
    String cheaper = InvoiceSync.lines(List.of(line(1, "Licence", "90"), line(2, "Support", "50")));
    Sync amount = InvoiceSync.decide(file(DUE, "336.00", cheaper), untouched());
    assertEquals(List.of("invoice_total", "lines"), amount.changed());
    String renamed =
        InvoiceSync.lines(List.of(line(1, "Licence 2027", "100.5"), line(2, "Support", "50")));
    assertEquals(
        List.of("lines"), InvoiceSync.decide(file(DUE, "361.20", renamed), untouched()).changed());
  }

  @Test
  void aChangeToAnInvoiceTheBpoWorkedOnIsRefusedWithTheReason() {
    InvoiceSync.Incoming later = file(DUE.plusDays(15), "361.20", LINES);
    Sync disputed = InvoiceSync.decide(later, workedOn("0", "0", "0", true));
    assertEquals(Sync.Action.REFUSE, disputed.action());
    assertEquals("due_date", disputed.field());
    assertEquals(
        "invoice 'INV-1' changed (due_date) but the BPO has worked on it: it is under dispute; "
            + "an import never overwrites that work",
        disputed.reason());
    assertEquals(
        "invoice 'INV-1' changed (due_date) but the BPO has worked on it: it has 100.00 paid, "
            + "has 5.00 written off; an import never overwrites that work",
        InvoiceSync.decide(later, workedOn("100.00", "0", "5.00", false)).reason());
    assertEquals(
        Sync.Action.REFUSE, InvoiceSync.decide(later, workedOn("0", "10.00", "0", false)).action());
  }

  @Test
  void anInvoiceTheBpoWorkedOnThatDidNotChangeIsUnchangedNotRefused() {
    assertEquals(
        Sync.UNCHANGED,
        InvoiceSync.decide(file(DUE, "361.20", LINES), workedOn("361.20", "0", "0", true)));
  }

  @Test
  void anInvoiceNeverMovesToAnotherAccountOrCurrency() {
    InvoiceSync.Stored elsewhere =
        new InvoiceSync.Stored(
            42,
            8,
            ISSUED,
            DUE,
            "EUR",
            new BigDecimal("361.20"),
            LINES,
            ZERO,
            ZERO,
            ZERO,
            false,
            ZERO);
    assertEquals(
        "customer_number", InvoiceSync.decide(file(DUE, "361.20", LINES), elsewhere).field());
    InvoiceSync.Stored dollars =
        new InvoiceSync.Stored(
            42,
            7,
            ISSUED,
            DUE,
            "USD",
            new BigDecimal("361.20"),
            LINES,
            ZERO,
            ZERO,
            ZERO,
            false,
            ZERO);
    assertEquals("currency", InvoiceSync.decide(file(DUE, "361.20", LINES), dollars).field());
  }
}
