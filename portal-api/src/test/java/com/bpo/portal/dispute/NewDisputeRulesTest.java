package com.bpo.portal.dispute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.invoice.InvoiceLedger.OpenInvoice;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NewDisputeRulesTest {
  private static final Set<String> REASONS = Set.of("PRICING", "TAX");

  private static NewDispute request(
      String kind, String reason, String description, NewDispute.Item... items) {
    return new NewDispute(kind, reason, description, Arrays.asList(items));
  }

  private static NewDispute.Item item(Long invoice, String amount) {
    return new NewDispute.Item(invoice, null, amount);
  }

  private static List<String> fields(Runnable check) {
    InvalidFields invalid = assertThrows(InvalidFields.class, check::run);
    return invalid.toProblem().errors().stream().map(FieldError::field).toList();
  }

  @Test
  void requestsAreGroupedSoThatNoGroupNamesAnInvoiceTwice() {
    NewDispute a = request("DEDUCTION", "PRICING", "a", item(1L, "1"), item(2L, "1"));
    NewDispute b = request("DEDUCTION", "PRICING", "b", item(3L, "1"));
    NewDispute c = request("DEDUCTION", "PRICING", "c", item(4L, "1"), item(2L, "1"));
    NewDispute d = request("DEDUCTION", "PRICING", "d", item(5L, "1"));
    NewDispute e = request("DEDUCTION", "PRICING", "e", item(5L, "1"));
    assertEquals(
        List.of(List.of(a, b), List.of(c, d), List.of(e)),
        NewDisputeRules.onDifferentInvoices(List.of(a, b, c, d, e)),
        "c names 2 as a does, e names 5 as d does: each starts a group, in order");
    assertEquals(List.of(List.of(a, b, d)), NewDisputeRules.onDifferentInvoices(List.of(a, b, d)));
    assertEquals(List.of(), NewDisputeRules.onDifferentInvoices(List.of()));
    // an item without an invoice is the checks' business (a field error), not the grouping's
    NewDispute none =
        new NewDispute("DEDUCTION", "PRICING", "x", Arrays.asList(item(null, "1"), null));
    assertEquals(List.of(List.of(none, a)), NewDisputeRules.onDifferentInvoices(List.of(none, a)));
  }

  @Test
  void aGoodRequestIsCheckedIntoAmountsByInvoice() {
    var checked =
        NewDisputeRules.check(
            request(null, "PRICING", "  Wrong price  ", item(10L, "12.5"), item(11L, "7")),
            false,
            REASONS);
    assertEquals(Dispute.Kind.DISPUTE, checked.kind());
    assertEquals("Wrong price", checked.description());
    assertEquals(List.of(10L, 11L), List.copyOf(checked.amounts().keySet()));
    assertEquals(new BigDecimal("12.50"), checked.amounts().get(10L));
    assertEquals(new BigDecimal("19.50"), checked.total());
  }

  @Test
  void everyBadFieldIsReportedAtOnce() {
    assertEquals(
        List.of(
            "kind",
            "reasonCode",
            "description",
            "items[0].invoiceId",
            "items[1].amount",
            "items[3].invoiceId"),
        fields(
            () ->
                NewDisputeRules.check(
                    request(
                        "REFUND",
                        "NOPE",
                        " ",
                        item(null, "1.00"),
                        item(5L, "0"),
                        item(6L, "1.00"),
                        item(6L, "2.00")),
                    true,
                    REASONS)));
  }

  @Test
  void onlyTheBpoLogsADeduction() {
    assertEquals(
        List.of("kind"),
        fields(
            () ->
                NewDisputeRules.check(
                    request("DEDUCTION", "TAX", "short paid", item(1L, "5.00")), false, REASONS)));
    assertEquals(
        Dispute.Kind.DEDUCTION,
        NewDisputeRules.check(
                request("DEDUCTION", "TAX", "short paid", item(1L, "5.00")), true, REASONS)
            .kind());
  }

  @Test
  void aDisputeNamesOneToFiftyInvoices() {
    assertEquals(
        List.of("items"),
        fields(() -> NewDisputeRules.check(request(null, "TAX", "x"), false, REASONS)));
    List<NewDispute.Item> many = new ArrayList<>();
    for (long i = 1; i <= NewDisputeRules.MAX_ITEMS + 1; i++) {
      many.add(item(i, "1.00"));
    }
    assertTrue(
        fields(() -> NewDisputeRules.check(new NewDispute(null, "TAX", "x", many), false, REASONS))
            .contains("items"));
  }

  @Test
  void aDescriptionHasAtMostItsLimit() {
    String longest = "x".repeat(NewDisputeRules.MAX_DESCRIPTION);
    NewDisputeRules.check(request(null, "TAX", longest, item(1L, "1.00")), false, REASONS);
    assertEquals(
        List.of("description"),
        fields(
            () ->
                NewDisputeRules.check(
                    request(null, "TAX", longest + "x", item(1L, "1.00")), false, REASONS)));
  }

  @Test
  void amountsArePositiveWithAtMostTwoDecimalsAndFitTheColumn() {
    assertEquals(Optional.of(new BigDecimal("0.01")), NewDisputeRules.positiveAmount("0.01"));
    assertEquals(
        Optional.of(new BigDecimal("99999999999999999.99")),
        NewDisputeRules.positiveAmount("99999999999999999.99"));
    for (String bad :
        new String[] {null, "", "0", "-1", "0.001", "abc", "1e999999999", "100000000000000000"}) {
      assertEquals(Optional.empty(), NewDisputeRules.positiveAmount(bad), bad);
    }
  }

  private static OpenInvoice invoice(
      long id, long customer, String currency, String open, String disputed) {
    return new OpenInvoice(
        id, "INV-" + id, customer, currency, new BigDecimal(open), new BigDecimal(disputed));
  }

  private static Map<Long, OpenInvoice> invoices(OpenInvoice... all) {
    Map<Long, OpenInvoice> byId = new LinkedHashMap<>();
    for (OpenInvoice i : all) {
      byId.put(i.id(), i);
    }
    return byId;
  }

  @Test
  void anAmountMayReachWhatIsOpenAndNotAlreadyDisputedButNotMore() {
    var exact = NewDisputeRules.check(request(null, "TAX", "x", item(1L, "60.00")), false, REASONS);
    var target =
        NewDisputeRules.checkInvoices(
            exact, invoices(invoice(1, 7, "EUR", "100.00", "40.00")), c -> true, (i, l) -> true);
    assertEquals(new NewDisputeRules.Target(7, "EUR"), target);
    var oneCentMore =
        NewDisputeRules.check(request(null, "TAX", "x", item(1L, "60.01")), false, REASONS);
    assertEquals(
        List.of("items[0].amount"),
        fields(
            () ->
                NewDisputeRules.checkInvoices(
                    oneCentMore,
                    invoices(invoice(1, 7, "EUR", "100.00", "40.00")),
                    c -> true,
                    (i, l) -> true)));
  }

  @Test
  void invoicesOfOneCustomerInOneCurrencyThatTheCallerSees() {
    var checked =
        NewDisputeRules.check(
            request(
                null,
                "TAX",
                "x",
                item(1L, "1.00"),
                item(2L, "1.00"),
                item(3L, "1.00"),
                item(4L, "1.00"),
                item(5L, "1.00")),
            false,
            REASONS);
    var found =
        invoices(
            invoice(1, 7, "EUR", "10.00", "0.00"),
            invoice(2, 8, "EUR", "10.00", "0.00"),
            invoice(3, 7, "USD", "10.00", "0.00"),
            invoice(5, 9, "EUR", "10.00", "0.00"));
    assertEquals(
        List.of(
            "items[1].invoiceId", "items[2].invoiceId", "items[3].invoiceId", "items[4].invoiceId"),
        fields(() -> NewDisputeRules.checkInvoices(checked, found, c -> c != 9, (i, l) -> true)),
        "another customer, another currency, missing, and not visible (reported as missing)");
  }

  @Test
  void aNamedLineMustExistOnItsInvoice() {
    var checked =
        NewDisputeRules.check(
            new NewDispute(null, "TAX", "x", List.of(new NewDispute.Item(1L, 3, "1.00"))),
            false,
            REASONS);
    var found = invoices(invoice(1, 7, "EUR", "10.00", "0.00"));
    assertEquals(
        List.of("items[0].lineNo"),
        fields(() -> NewDisputeRules.checkInvoices(checked, found, c -> true, (i, l) -> l != 3)));
    NewDisputeRules.checkInvoices(checked, found, c -> true, (i, l) -> i == 1 && l == 3);
  }
}
