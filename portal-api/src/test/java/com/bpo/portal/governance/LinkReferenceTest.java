package com.bpo.portal.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkReferenceTest {
  @Test
  void readsTheNumberThePortalShowsForEachKind() {
    assertEquals(Optional.of(1952L), LinkReference.id(LinkKind.DISPUTE, "D-1952"));
    assertEquals(Optional.of(1952L), LinkReference.id(LinkKind.DISPUTE, " d-1952 "));
    assertEquals(Optional.of(12L), LinkReference.id(LinkKind.ENTRY, "G-12"));
    assertEquals(Optional.of(3L), LinkReference.id(LinkKind.PROCEDURE, "P-3"));
  }

  @Test
  void readsBackTheNumbersTheOtherScreensWrite() {
    // the prefixes live here and in DisputeSummary/EntrySummary: they must not drift apart
    assertEquals(
        Optional.of(1952L),
        LinkReference.id(LinkKind.DISPUTE, com.bpo.portal.dispute.DisputeSummary.number(1952)));
    assertEquals(Optional.of(12L), LinkReference.id(LinkKind.ENTRY, EntrySummary.number(12)));
  }

  @Test
  void acceptsTheBareNumberAHashOrAMissingDash() {
    assertEquals(Optional.of(1952L), LinkReference.id(LinkKind.DISPUTE, "1952"));
    assertEquals(Optional.of(1952L), LinkReference.id(LinkKind.DISPUTE, "#1952"));
    assertEquals(Optional.of(1952L), LinkReference.id(LinkKind.DISPUTE, "D1952"));
  }

  @Test
  void refusesAnotherKindsPrefixLettersZeroAndNumbersBeyondALong() {
    assertEquals(Optional.empty(), LinkReference.id(LinkKind.ENTRY, "D-1952"));
    assertEquals(Optional.empty(), LinkReference.id(LinkKind.DISPUTE, "G-12"));
    assertEquals(Optional.empty(), LinkReference.id(LinkKind.DISPUTE, "dispute"));
    assertEquals(Optional.empty(), LinkReference.id(LinkKind.DISPUTE, "D-0"));
    assertEquals(Optional.empty(), LinkReference.id(LinkKind.DISPUTE, "D-" + "9".repeat(19)));
    assertEquals(Optional.empty(), LinkReference.id(LinkKind.DISPUTE, null));
  }

  @Test
  void invoicesAreNamedByTheirOwnNumberNotAnId() {
    assertEquals(Optional.empty(), LinkReference.id(LinkKind.INVOICE, "1952"));
    assertEquals(Optional.of("INV-2026-0042"), LinkReference.invoiceNumber("  INV-2026-0042 "));
    assertEquals(Optional.empty(), LinkReference.invoiceNumber(" "));
    assertEquals(Optional.empty(), LinkReference.invoiceNumber("x".repeat(65)));
  }
}
