package com.bpo.portal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PageRequestTest {
  @Test
  void theLimitDefaultsTo50() {
    assertEquals(50, PageRequest.of(null, null).limit());
  }

  @Test
  void aLimitOutsideOneTo500IsRefusedAs400() {
    assertEquals(
        400, assertThrows(ProblemException.class, () -> PageRequest.of(501, null)).status());
    assertEquals(400, assertThrows(ProblemException.class, () -> PageRequest.of(0, null)).status());
  }

  @Test
  void aCursorRoundTripsTheLastRowsKeyIncludingSeparatorsInValues() {
    String cursor = PageRequest.encode(List.of("A-1002", "with space/and:colon", ""));
    assertEquals(
        List.of("A-1002", "with space/and:colon", ""),
        PageRequest.of(10, cursor).after().orElseThrow());
  }

  @Test
  void aCursorThisApiDidNotIssueIsRefused() {
    assertEquals(
        400,
        assertThrows(ProblemException.class, () -> PageRequest.of(10, "%%%not-base64")).status());
  }

  @Test
  void aFullPagePlusOneRowHasANextCursorAtItsLastItem() {
    Page<String> page = PageRequest.of(2, null).page(List.of("a", "b", "c"), s -> List.of(s));
    assertEquals(List.of("a", "b"), page.items());
    assertEquals(List.of("b"), PageRequest.of(2, page.next()).after().orElseThrow());
  }

  @Test
  void theLastPageHasNoNextCursor() {
    Page<String> page =
        PageRequest.of(2, null)
            .page(List.of("a", "b"), Function.<String>identity().andThen(List::of));
    assertEquals(List.of("a", "b"), page.items());
    assertNull(page.next());
  }
}
