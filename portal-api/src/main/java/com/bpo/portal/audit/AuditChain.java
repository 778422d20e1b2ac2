package com.bpo.portal.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * Checks a tenant's chain of audit records without trusting the database's own hashing: it rebuilds
 * each record's canonical text (the same fields, order and formats as {@code audit_canonical} in
 * V13), hashes it onto the previous hash, and compares. Fed the sealed records in chain order, it
 * finds an edited record (its hash no longer matches), a removed one (a gap in the sequence or a
 * broken link) and a reordering (the links no longer meet).
 */
public final class AuditChain {
  /** A sealed record as stored: its content, and its place on the chain. */
  public record Link(
      long id,
      String tenantId,
      Instant occurredAt,
      String actor,
      String action,
      String entity,
      String entityId,
      String before,
      String after,
      String requestId,
      long sealSeq,
      String prevHash,
      String hash) {}

  /** The outcome: intact, or the first sequence number where the chain breaks and why. */
  public record Verification(
      boolean intact,
      long checked,
      Long brokenAt,
      String problem,
      String lastHash,
      long unsealed) {}

  private final HashChain chain = new HashChain("record", "sealed");

  static String canonical(Link link) {
    return String.join(
        "|",
        Long.toString(link.id()),
        link.tenantId(),
        HashChain.micros(link.occurredAt()),
        link.actor(),
        link.action(),
        link.entity(),
        Objects.toString(link.entityId(), ""),
        Objects.toString(link.before(), ""),
        Objects.toString(link.after(), ""),
        Objects.toString(link.requestId(), ""));
  }

  static String hash(String previousHash, Link link) {
    return HashChain.hash(previousHash, canonical(link));
  }

  /** Takes the next record in chain order; after the first break the rest is only counted. */
  public void accept(Link link) {
    chain.accept(link.sealSeq(), link.id(), link.prevHash(), link.hash(), canonical(link));
  }

  public Verification result(long unsealed) {
    return new Verification(
        chain.intact(),
        chain.checked(),
        chain.brokenAt(),
        chain.problem(),
        chain.lastHash(),
        unsealed);
  }
}
