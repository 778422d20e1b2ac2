package com.bpo.portal.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The nightly check's order of work: the server that claims the tenant's day folds the allocation
 * days (V103) before it compares the summaries; a day another server has claimed does neither.
 */
class ReceivableBalancesTest {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 5);

  /** The queries the check calls, recorded in order; the claim succeeds when {@code claimed}. */
  private static final class RecordedQueries extends ReceivablesQueries {
    final List<String> calls = new ArrayList<>();
    final boolean claimed;

    RecordedQueries(boolean claimed) {
      this.claimed = claimed;
    }

    @Override
    boolean claimCheck(LocalDate day) {
      calls.add("claim " + day);
      return claimed;
    }

    @Override
    long compactAllocationDays() {
      calls.add("fold");
      return 0;
    }

    @Override
    List<BalanceDrift> drift() {
      calls.add("compare");
      return List.of();
    }
  }

  private static ReceivableBalances checkWith(RecordedQueries queries) {
    ReceivableBalances balances = new ReceivableBalances();
    balances.queries = queries;
    return balances;
  }

  @Test
  void theServerThatClaimsTheDayFoldsTheAllocationDaysBeforeItCompares() {
    RecordedQueries queries = new RecordedQueries(true);
    assertEquals(List.of(), checkWith(queries).checkOnce(DAY).orElseThrow());
    assertEquals(List.of("claim " + DAY, "fold", "compare"), queries.calls);
  }

  @Test
  void aDayAnotherServerClaimedIsNeitherFoldedNorCompared() {
    RecordedQueries queries = new RecordedQueries(false);
    assertTrue(checkWith(queries).checkOnce(DAY).isEmpty());
    assertEquals(List.of("claim " + DAY), queries.calls);
  }
}
