package com.bpo.portal.invoice.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {
  private static final IdempotencyKeys.Stored ANSWERED =
      new IdempotencyKeys.Stored("INVOICES", "abc", 17L);

  @Test
  void theSameKindAndBodyAgainReplaysTheFirstRun() {
    assertEquals(
        new IdempotencyKeys.Claim(IdempotencyKeys.State.REPLAY, 17L),
        IdempotencyKeys.decide(ImportKind.INVOICES, "abc", ANSWERED));
  }

  @Test
  void anotherBodyOrKindWithTheSameKeyIsAReuse() {
    assertEquals(
        IdempotencyKeys.State.REUSED,
        IdempotencyKeys.decide(ImportKind.INVOICES, "abd", ANSWERED).state());
    assertEquals(
        IdempotencyKeys.State.REUSED,
        IdempotencyKeys.decide(ImportKind.CUSTOMERS, "abc", ANSWERED).state());
  }

  @Test
  void theSameBodyWhileTheFirstUploadRunsIsToldItIsRunning() {
    assertEquals(
        IdempotencyKeys.State.RUNNING,
        IdempotencyKeys.decide(
                ImportKind.INVOICES, "abc", new IdempotencyKeys.Stored("INVOICES", "abc", null))
            .state());
  }
}
