package com.bpo.portal.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Checks a tenant's chain of audit records without trusting the database's own hashing: it rebuilds
 * each record's canonical text (the same fields, order and formats as {@code audit_canonical} in
 * V13), hashes it onto the previous hash, and compares. Fed the sealed records in chain order, it
 * finds an edited record (its hash no longer matches), a removed one (a gap in the sequence or a
 * broken link) and a reordering (the links no longer meet).
 */
public final class AuditChain {
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

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

  private long expectedSeq = 1;
  private String previousHash;
  private long checked;
  private Long brokenAt;
  private String problem;

  static String canonical(Link link) {
    return String.join(
        "|",
        Long.toString(link.id()),
        link.tenantId(),
        MICROS.format(link.occurredAt()),
        link.actor(),
        link.action(),
        link.entity(),
        Objects.toString(link.entityId(), ""),
        Objects.toString(link.before(), ""),
        Objects.toString(link.after(), ""),
        Objects.toString(link.requestId(), ""));
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

  /** Takes the next record in chain order; after the first break the rest is only counted. */
  public void accept(Link link) {
    checked++;
    if (brokenAt != null) {
      return;
    }
    if (link.sealSeq() != expectedSeq) {
      fail(
          expectedSeq, "record " + expectedSeq + " is missing (found " + link.sealSeq() + " next)");
    } else if (!Objects.equals(link.prevHash(), previousHash)) {
      fail(link.sealSeq(), "record " + link.sealSeq() + " does not link to the record before it");
    } else if (!hash(previousHash, link).equals(link.hash())) {
      fail(
          link.sealSeq(),
          "record " + link.sealSeq() + " (id " + link.id() + ") was changed after it was sealed");
    }
    previousHash = link.hash();
    expectedSeq = link.sealSeq() + 1;
  }

  private void fail(long at, String why) {
    brokenAt = at;
    problem = why;
  }

  public Verification result(long unsealed) {
    return new Verification(brokenAt == null, checked, brokenAt, problem, previousHash, unsealed);
  }
}
