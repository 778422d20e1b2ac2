package com.bpo.portal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {
  private static final Instant AT = Instant.parse("2026-11-23T09:15:30.123456Z");

  /**
   * Seals records the way audit_seal() does: each hash over the previous hash and the canonical
   * text.
   */
  private static List<AuditChain.Link> sealed(int count) {
    List<AuditChain.Link> links = new ArrayList<>();
    String previous = null;
    for (int i = 1; i <= count; i++) {
      AuditChain.Link unsealed = link(i, "{\"status\": \"OPEN\"}", null, 0, null, null);
      String hash = AuditChain.hash(previous, unsealed);
      links.add(link(i, unsealed.after(), null, i, previous, hash));
      previous = hash;
    }
    return links;
  }

  private static AuditChain.Link link(
      long id, String after, String requestId, long seq, String prev, String hash) {
    return new AuditChain.Link(
        id,
        "acme",
        AT.plusSeconds(id),
        "agent.acme",
        "UPDATE",
        "dispute",
        "42",
        "{\"status\": \"NEW\"}",
        after,
        requestId,
        seq,
        prev,
        hash);
  }

  private static AuditChain.Verification verify(List<AuditChain.Link> links) {
    AuditChain chain = new AuditChain();
    links.forEach(chain::accept);
    return chain.result(0);
  }

  @Test
  void anUntouchedChainVerifies() {
    AuditChain.Verification result = verify(sealed(5));
    assertTrue(result.intact());
    assertEquals(5, result.checked());
    assertNull(result.brokenAt());
  }

  @Test
  void anEmptyChainIsIntact() {
    assertTrue(verify(List.of()).intact());
  }

  @Test
  void anEditedValueBreaksTheChainAtThatRecord() {
    List<AuditChain.Link> links = new ArrayList<>(sealed(5));
    AuditChain.Link third = links.get(2);
    links.set(
        2,
        new AuditChain.Link(
            third.id(),
            third.tenantId(),
            third.occurredAt(),
            third.actor(),
            third.action(),
            third.entity(),
            third.entityId(),
            third.before(),
            "{\"status\": \"CLOSED\"}",
            third.requestId(),
            third.sealSeq(),
            third.prevHash(),
            third.hash()));
    AuditChain.Verification result = verify(links);
    assertFalse(result.intact());
    assertEquals(3L, result.brokenAt());
    assertTrue(result.problem().contains("changed"), result.problem());
  }

  @Test
  void anEditedActorOrTimeIsCaughtToo() {
    List<AuditChain.Link> links = new ArrayList<>(sealed(3));
    AuditChain.Link first = links.get(0);
    links.set(
        0,
        new AuditChain.Link(
            first.id(),
            first.tenantId(),
            first.occurredAt().plusNanos(1000),
            first.actor(),
            first.action(),
            first.entity(),
            first.entityId(),
            first.before(),
            first.after(),
            first.requestId(),
            first.sealSeq(),
            first.prevHash(),
            first.hash()));
    assertEquals(1L, verify(links).brokenAt());
  }

  @Test
  void aRemovedRecordLeavesAGap() {
    List<AuditChain.Link> links = new ArrayList<>(sealed(5));
    links.remove(1);
    AuditChain.Verification result = verify(links);
    assertFalse(result.intact());
    assertEquals(2L, result.brokenAt());
  }

  @Test
  void aRemovedRecordWithRenumberedSequenceStillBreaksTheLinks() {
    List<AuditChain.Link> links = new ArrayList<>(sealed(4));
    links.remove(1);
    AuditChain.Link third = links.get(1);
    links.set(
        1,
        new AuditChain.Link(
            third.id(),
            third.tenantId(),
            third.occurredAt(),
            third.actor(),
            third.action(),
            third.entity(),
            third.entityId(),
            third.before(),
            third.after(),
            third.requestId(),
            2,
            third.prevHash(),
            third.hash()));
    assertEquals(2L, verify(links).brokenAt());
  }

  @Test
  void aRecordRehashedWithoutItsSuccessorsIsCaughtAtTheNextLink() {
    List<AuditChain.Link> links = new ArrayList<>(sealed(4));
    AuditChain.Link second = links.get(1);
    AuditChain.Link forged =
        new AuditChain.Link(
            second.id(),
            second.tenantId(),
            second.occurredAt(),
            second.actor(),
            second.action(),
            second.entity(),
            second.entityId(),
            second.before(),
            "{\"status\": \"PAID\"}",
            second.requestId(),
            2,
            second.prevHash(),
            null);
    links.set(
        1,
        new AuditChain.Link(
            forged.id(),
            forged.tenantId(),
            forged.occurredAt(),
            forged.actor(),
            forged.action(),
            forged.entity(),
            forged.entityId(),
            forged.before(),
            forged.after(),
            forged.requestId(),
            2,
            forged.prevHash(),
            AuditChain.hash(forged.prevHash(), forged)));
    AuditChain.Verification result = verify(links);
    assertEquals(3L, result.brokenAt());
    assertTrue(result.problem().contains("does not link"), result.problem());
  }

  @Test
  void canonicalTextMatchesTheDatabaseFormat() {
    AuditChain.Link link =
        new AuditChain.Link(
            7,
            "acme",
            AT,
            "cfo.acme",
            "INSERT",
            "scorecard_comment",
            null,
            null,
            "{\"body\": \"ok\"}",
            "req-12345678",
            1,
            null,
            null);
    // the same as audit_canonical(): microseconds in UTC, empty text for absent values
    assertEquals(
        "7|acme|2026-11-23T09:15:30.123456Z|cfo.acme|INSERT|scorecard_comment|||{\"body\": \"ok\"}|req-12345678",
        AuditChain.canonical(link));
  }

  @Test
  void unsealedRecordsAreReported() {
    AuditChain chain = new AuditChain();
    sealed(2).forEach(chain::accept);
    assertEquals(3, chain.result(3).unsealed());
  }
}
