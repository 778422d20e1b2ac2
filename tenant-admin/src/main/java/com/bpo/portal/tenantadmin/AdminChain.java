package com.bpo.portal.tenantadmin;

import com.bpo.portal.audit.HashChain;
import java.time.Instant;
import java.util.Objects;

/**
 * Checks the platform's admin log chain (V36) without trusting the database's hashing: rebuilds
 * each record's canonical text (as {@code admin_action_canonical}), hashes it onto the previous
 * hash and compares; a gap in {@code seq}, a broken link or a changed record breaks it. Fed in seq
 * order.
 */
public final class AdminChain {
  /** A record as stored, with {@code detail} as PostgreSQL prints the jsonb (canonical). */
  public record Link(
      long id,
      Instant occurredAt,
      String actor,
      String action,
      String tenantSlug,
      String detail,
      String requestId,
      String outcome,
      long seq,
      String prevHash,
      String hash) {}

  /** Intact, or where and why it breaks; {@code lastSeq}/{@code lastHash} are the head checked. */
  public record Verification(
      boolean intact, long checked, Long brokenAt, String problem, long lastSeq, String lastHash) {}

  private final HashChain chain = new HashChain("admin record", "written");

  static String canonical(Link link) {
    return String.join(
        "|",
        Long.toString(link.id()),
        HashChain.micros(link.occurredAt()),
        link.actor(),
        link.action(),
        Objects.toString(link.tenantSlug(), ""),
        link.detail(),
        Objects.toString(link.requestId(), ""),
        link.outcome());
  }

  static String hash(String previousHash, Link link) {
    return HashChain.hash(previousHash, canonical(link));
  }

  /** Takes the next record in seq order; after the first break the rest is only counted. */
  public void accept(Link link) {
    chain.accept(link.seq(), link.id(), link.prevHash(), link.hash(), canonical(link));
  }

  public Verification result() {
    return new Verification(
        chain.intact(),
        chain.checked(),
        chain.brokenAt(),
        chain.problem(),
        chain.lastSeq(),
        chain.lastHash());
  }
}
