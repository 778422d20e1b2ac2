package com.bpo.portal.tenantadmin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Checks the platform's admin log chain (V36) without trusting the database's hashing: rebuilds
 * each record's canonical text (as {@code admin_action_canonical}), hashes it onto the previous
 * hash and compares; a gap in {@code seq}, a broken link or a changed record breaks it. Fed in seq
 * order.
 */
public final class AdminChain {
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

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

  private long expectedSeq = 1;
  private String previousHash;
  private long checked;
  private Long brokenAt;
  private String problem;

  static String canonical(Link link) {
    return String.join(
        "|",
        Long.toString(link.id()),
        MICROS.format(link.occurredAt()),
        link.actor(),
        link.action(),
        Objects.toString(link.tenantSlug(), ""),
        link.detail(),
        Objects.toString(link.requestId(), ""),
        link.outcome());
  }

  static String hash(String previousHash, Link link) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (Objects.toString(previousHash, "") + "|" + canonical(link))
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java has SHA-256", e);
    }
  }

  /** Takes the next record in seq order; after the first break the rest is only counted. */
  public void accept(Link link) {
    checked++;
    if (brokenAt != null) {
      return;
    }
    if (link.seq() != expectedSeq) {
      fail(
          expectedSeq,
          "admin record " + expectedSeq + " is missing (found " + link.seq() + " next)");
    } else if (!Objects.equals(link.prevHash(), previousHash)) {
      fail(link.seq(), "admin record " + link.seq() + " does not link to the record before it");
    } else if (!hash(previousHash, link).equals(link.hash())) {
      fail(
          link.seq(),
          "admin record "
              + link.seq()
              + " (id "
              + link.id()
              + ") was changed after it was written");
    }
    previousHash = link.hash();
    expectedSeq = link.seq() + 1;
  }

  private void fail(long at, String why) {
    brokenAt = at;
    problem = why;
  }

  public Verification result() {
    return new Verification(
        brokenAt == null, checked, brokenAt, problem, expectedSeq - 1, previousHash);
  }
}
