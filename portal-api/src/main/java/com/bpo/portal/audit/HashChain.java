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
 * The walk a hash chain is checked by, whatever its records: each record's SHA-256 over the
 * previous hash, {@code |} and the record's canonical text (as the database computes it), a
 * sequence without gaps and links that meet. {@link AuditChain} (a tenant's audit trail) and the
 * tenant-admin's {@code AdminChain} (the platform's admin log) give it their records' canonical
 * text. After the first break the rest is only counted.
 */
public final class HashChain {
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final String noun;
  private final String changedWhen;
  private long expectedSeq = 1;
  private String previousHash;
  private long checked;
  private Long brokenAt;
  private String problem;

  /**
   * {@code noun} names a record in the problem ("record"), {@code changedWhen} says when it was
   * fixed ("sealed").
   */
  public HashChain(String noun, String changedWhen) {
    this.noun = noun;
    this.changedWhen = changedWhen;
  }

  /** A timestamp as the canonical texts write it: UTC, microseconds. */
  public static String micros(Instant instant) {
    return MICROS.format(instant);
  }

  /** The hex SHA-256 of {@code previousHash|canonical} (an empty previous hash at the start). */
  public static String hash(String previousHash, String canonical) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (Objects.toString(previousHash, "") + "|" + canonical)
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java has SHA-256", e);
    }
  }

  /** Takes the next record in chain order. */
  public void accept(long seq, long id, String prevHash, String hash, String canonical) {
    checked++;
    if (brokenAt != null) {
      return;
    }
    if (seq != expectedSeq) {
      fail(expectedSeq, noun + " " + expectedSeq + " is missing (found " + seq + " next)");
    } else if (!Objects.equals(prevHash, previousHash)) {
      fail(seq, noun + " " + seq + " does not link to the record before it");
    } else if (!hash(previousHash, canonical).equals(hash)) {
      fail(seq, noun + " " + seq + " (id " + id + ") was changed after it was " + changedWhen);
    }
    previousHash = hash;
    expectedSeq = seq + 1;
  }

  private void fail(long at, String why) {
    brokenAt = at;
    problem = why;
  }

  public boolean intact() {
    return brokenAt == null;
  }

  public long checked() {
    return checked;
  }

  /** The sequence number where the chain breaks; null while intact. */
  public Long brokenAt() {
    return brokenAt;
  }

  public String problem() {
    return problem;
  }

  /** The last record's hash taken (the head, when intact). */
  public String lastHash() {
    return previousHash;
  }

  /** The last sequence number taken. */
  public long lastSeq() {
    return expectedSeq - 1;
  }
}
