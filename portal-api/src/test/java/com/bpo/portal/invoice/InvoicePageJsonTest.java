package com.bpo.portal.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.Page;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The invoice page's own writer against JSON-B, which every other answer of the API goes through.
 */
class InvoicePageJsonTest {
  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final String[] CURRENCIES = {"EUR", "USD", "JPY", "CHF", "GBP"};
  // what a name or number may hold: quotes, backslashes, controls, line separators, accents, emoji
  private static final String[] PIECES = {
    "Acme", " ", "\"", "\\", "/", "\n", "\t", "\u0001", "\u001f", "\u2028", "é", "Ω", "😀", "<", "&"
  };

  @Test
  void writesWhatJsonBWritesForRandomPages() {
    Random random = new Random(20261206);
    for (int i = 0; i < 2_000; i++) {
      Page<InvoiceSummary> page = randomPage(random);
      assertEquals(JSONB.toJson(page), written(page), "page " + i);
    }
  }

  @Test
  void anEmptyLastPageKeepsItsNullCursor() {
    Page<InvoiceSummary> page = new Page<>(List.of(), null);
    assertEquals("{\"items\":[],\"next\":null}", written(page));
    assertEquals(JSONB.toJson(page), written(page));
  }

  @Test
  void aFieldWrittenDifferentlyIsSeen() {
    // the comparison above must be able to fail: a page whose only difference is one amount's
    // scale writes differently, in both writers
    InvoiceSummary a = row(1L, Money.of("10.0", "EUR"));
    InvoiceSummary b = row(1L, Money.of("10.00", "EUR"));
    assertNotEquals(written(new Page<>(List.of(a), null)), written(new Page<>(List.of(b), null)));
    assertTrue(written(new Page<>(List.of(b), null)).contains("\"amount\":\"10.00\""));
  }

  @Test
  void takesOnlyPagesOfInvoiceSummaries() throws Exception {
    InvoicePageJson writer = new InvoicePageJson();
    Type invoices =
        InvoicePageJsonTest.class.getDeclaredMethod("invoicePage").getGenericReturnType();
    Type strings = InvoicePageJsonTest.class.getDeclaredMethod("stringPage").getGenericReturnType();
    assertTrue(invoices instanceof ParameterizedType);
    assertTrue(writer.isWriteable(Page.class, invoices, null, MediaType.APPLICATION_JSON_TYPE));
    assertFalse(writer.isWriteable(Page.class, strings, null, MediaType.APPLICATION_JSON_TYPE));
    assertFalse(writer.isWriteable(Page.class, Page.class, null, MediaType.APPLICATION_JSON_TYPE));
    assertFalse(writer.isWriteable(List.class, invoices, null, MediaType.APPLICATION_JSON_TYPE));
  }

  Page<InvoiceSummary> invoicePage() {
    return null;
  }

  Page<String> stringPage() {
    return null;
  }

  private static String written(Page<InvoiceSummary> page) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InvoicePageJson.write(page, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static InvoiceSummary row(Long id, Money total) {
    return new InvoiceSummary(
        id,
        "INV-1",
        2L,
        "C-2",
        "Coyote",
        LocalDate.of(2026, 1, 2),
        LocalDate.of(2026, 2, 1),
        total,
        total,
        InvoiceStatus.OPEN);
  }

  private static Page<InvoiceSummary> randomPage(Random random) {
    int size = random.nextInt(6);
    List<InvoiceSummary> rows = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
      rows.add(
          new InvoiceSummary(
              maybe(random, random.nextLong()),
              maybe(random, text(random)),
              maybe(random, (long) random.nextInt(Integer.MAX_VALUE)),
              maybe(random, text(random)),
              maybe(random, text(random)),
              maybe(random, date(random)),
              maybe(random, date(random)),
              maybe(random, money(random, currency)),
              maybe(random, money(random, currency)),
              maybe(
                  random, InvoiceStatus.values()[random.nextInt(InvoiceStatus.values().length)])));
    }
    return new Page<>(rows, maybe(random, text(random)));
  }

  private static <T> T maybe(Random random, T value) {
    return random.nextInt(8) == 0 ? null : value;
  }

  private static String text(Random random) {
    StringBuilder s = new StringBuilder();
    for (int i = random.nextInt(6); i > 0; i--) {
      s.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return s.toString();
  }

  private static LocalDate date(Random random) {
    return LocalDate.ofEpochDay(random.nextInt(200_000) - 50_000);
  }

  private static Money money(Random random, String currency) {
    BigDecimal amount =
        BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000_000L, random.nextInt(5));
    return new Money(amount, currency);
  }
}
