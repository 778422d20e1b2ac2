package com.bpo.portal.tenantadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminChainTest {
  private static final Instant AT = Instant.parse("2026-12-04T10:15:30.123456Z");

  /** A chain of n records as the database's trigger writes them. */
  private static List<AdminChain.Link> chain(int n) {
    List<AdminChain.Link> links = new ArrayList<>();
    String prev = null;
    for (int i = 1; i <= n; i++) {
      AdminChain.Link draft =
          new AdminChain.Link(
              100 + i,
              AT.plusSeconds(i),
              "admin",
              "tenant.suspend",
              "acme",
              "{\"version\": " + i + "}",
              "req-" + i,
              "SUCCEEDED",
              i,
              prev,
              null);
      String hash = AdminChain.hash(prev, draft);
      links.add(withHash(draft, prev, hash));
      prev = hash;
    }
    return links;
  }

  private static AdminChain.Link withHash(AdminChain.Link l, String prev, String hash) {
    return new AdminChain.Link(
        l.id(),
        l.occurredAt(),
        l.actor(),
        l.action(),
        l.tenantSlug(),
        l.detail(),
        l.requestId(),
        l.outcome(),
        l.seq(),
        prev,
        hash);
  }

  private static AdminChain.Verification verify(List<AdminChain.Link> links) {
    AdminChain chain = new AdminChain();
    links.forEach(chain::accept);
    return chain.result();
  }

  @Test
  void theCanonicalTextIsTheDatabasesOne() {
    AdminChain.Link link =
        new AdminChain.Link(
            7,
            AT,
            "admin",
            "person.role",
            null,
            "{\"role\": \"bpo-agent\"}",
            null,
            "SUCCEEDED",
            1,
            null,
            null);
    assertEquals(
        "7|2026-12-04T10:15:30.123456Z|admin|person.role||{\"role\": \"bpo-agent\"}||SUCCEEDED",
        AdminChain.canonical(link));
  }

  @Test
  void anUntouchedChainIsIntactAndEndsAtItsHead() {
    List<AdminChain.Link> links = chain(5);
    AdminChain.Verification result = verify(links);
    assertTrue(result.intact(), result.problem());
    assertEquals(5, result.lastSeq());
    assertEquals(links.get(4).hash(), result.lastHash());
  }

  @Test
  void anEditedRecordIsFound() {
    List<AdminChain.Link> links = new ArrayList<>(chain(5));
    AdminChain.Link third = links.get(2);
    links.set(
        2,
        new AdminChain.Link(
            third.id(),
            third.occurredAt(),
            third.actor(),
            third.action(),
            "globex",
            third.detail(),
            third.requestId(),
            third.outcome(),
            third.seq(),
            third.prevHash(),
            third.hash()));
    AdminChain.Verification result = verify(links);
    assertFalse(result.intact());
    assertEquals(3L, result.brokenAt());
  }

  @Test
  void aRemovedRecordIsFound() {
    List<AdminChain.Link> links = new ArrayList<>(chain(5));
    links.remove(1);
    AdminChain.Verification result = verify(links);
    assertFalse(result.intact());
    assertEquals(2L, result.brokenAt());
  }
}
