package com.bpo.portal.cash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bpo.portal.cash.MatchQueries.Learned;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A block's learned payer identities are written in rounds ({@link MatchQueries#rounds}), as one
 * statement may not update a row twice: the rounds must write what the list written in order
 * writes.
 */
class LearnRoundsTest {
  private static Learned name(String key, long customer) {
    return new Learned("NAME", key, customer);
  }

  @Test
  void eachIdentitysLearningsKeepTheirOrderOnePerRound() {
    List<Learned> learned =
        List.of(
            name("MARTIN", 1),
            new Learned("ACCOUNT", "MARTIN", 1),
            name("MARTIN", 2),
            name("", 3),
            name("DURAND", 4),
            name("MARTIN", 1));
    assertEquals(
        List.of(
            List.of(name("MARTIN", 1), new Learned("ACCOUNT", "MARTIN", 1), name("DURAND", 4)),
            List.of(name("MARTIN", 2)),
            List.of(name("MARTIN", 1))),
        MatchQueries.rounds(learned));
  }

  @Test
  void theRoundsLeaveEveryIdentityAsLearningInOrderLeavesIt() {
    Random random = new Random(18);
    for (int run = 0; run < 200; run++) {
      List<Learned> learned = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        learned.add(
            new Learned(
                random.nextBoolean() ? "NAME" : "ACCOUNT",
                "K" + random.nextInt(8),
                random.nextInt(3)));
      }
      assertEquals(
          InMemoryIdentities.after(learned),
          InMemoryIdentities.after(
              MatchQueries.rounds(learned).stream().flatMap(List::stream).toList()));
    }
  }

  /** Identities as {@link BulkLedger.Identity#learned} leaves them, learned in a given order. */
  private static final class InMemoryIdentities {
    static java.util.Map<String, BulkLedger.Identity> after(List<Learned> learned) {
      java.util.Map<String, BulkLedger.Identity> out = new java.util.HashMap<>();
      for (Learned l : learned) {
        String id = l.kind() + ":" + l.key();
        out.put(
            id,
            BulkLedger.Identity.learned(
                java.util.Optional.ofNullable(out.get(id)), l.kind(), l.customerId()));
      }
      return out;
    }
  }
}
