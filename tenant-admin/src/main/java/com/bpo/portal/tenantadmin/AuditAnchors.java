package com.bpo.portal.tenantadmin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Chain heads kept outside the database, appended to {@code audit-anchors.txt} in a directory the
 * operator keeps (and copies away): per anchoring, one line per chain (the admin log, every
 * tenant's audit trail) with the time, the chain, its last sealed sequence number and that record's
 * hash, separated by spaces (plain text: greppable, and the command line needs no JSON library).
 * Someone able to rewrite the database (and recompute every hash so that the chain looks intact)
 * still cannot make it agree with heads written earlier: {@link #compare} finds it.
 */
public final class AuditAnchors {
  public static final String FILE = "audit-anchors.txt";
  public static final String ADMIN_CHAIN = "admin";
  public static final String TENANT_PREFIX = "tenant:";

  /** The head of one chain: {@code admin} or {@code tenant:<slug>}. */
  public record Head(String chain, long seq, String hash) {}

  private AuditAnchors() {}

  /** The lines of one anchoring: {@code <instant> <chain> <seq> <hash>} per head. */
  public static String lines(Instant at, List<Head> heads) {
    StringBuilder text = new StringBuilder();
    heads.forEach(
        h ->
            text.append(at)
                .append(' ')
                .append(h.chain())
                .append(' ')
                .append(h.seq())
                .append(' ')
                .append(h.hash())
                .append('\n'));
    return text.toString();
  }

  public static Head parse(String line) {
    String[] fields = line.trim().split(" ");
    if (fields.length != 4) {
      throw new IllegalArgumentException("Not an anchor line: " + line);
    }
    return new Head(fields[1], Long.parseLong(fields[2]), fields[3]);
  }

  public static void append(Path dir, String lines) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve(FILE),
        lines,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND,
        StandardOpenOption.WRITE);
  }

  /** Every head anchored in the directory, oldest first; none when nothing was anchored yet. */
  public static List<Head> read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      return List.of();
    }
    List<Head> heads = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        heads.add(parse(line));
      }
    }
    return heads;
  }

  /**
   * The heads to anchor now, given those written last: a chain whose head has not moved past the
   * last anchored one yet holds another hash there was rewritten in place, and anchoring it would
   * put the rewrite on record beside the truth. Such a chain keeps its last anchored head and is
   * handed to {@code rewritten} (the caller warns); every other chain is anchored as it is.
   */
  public static List<Head> toAnchor(
      List<Head> lastWritten, List<Head> current, java.util.function.Consumer<Head> rewritten) {
    Map<String, Head> previous = new LinkedHashMap<>();
    lastWritten.forEach(head -> previous.put(head.chain(), head));
    List<Head> heads = new ArrayList<>();
    for (Head head : current) {
      Head before = previous.get(head.chain());
      if (before != null && head.seq() <= before.seq() && !head.equals(before)) {
        rewritten.accept(head);
        heads.add(before);
      } else {
        heads.add(head);
      }
    }
    return heads;
  }

  /**
   * The anchored heads the database disagrees with, as sentences. {@code hashAt(chain, seq)} is the
   * hash the database holds at that place (empty if no record is there); a chain that no longer
   * exists ({@code exists} false: a deleted tenant) is skipped.
   */
  public static List<String> compare(
      List<Head> anchored,
      Predicate<String> exists,
      BiFunction<String, Long, Optional<String>> hashAt) {
    Map<String, Head> distinct = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Head head : anchored) {
      Head seen = distinct.putIfAbsent(head.chain() + "#" + head.seq(), head);
      if (seen != null && !seen.hash().equals(head.hash())) {
        problems.add(
            head.chain() + " record " + head.seq() + " was anchored with two different hashes");
      }
    }
    for (Head head : distinct.values()) {
      if (!exists.test(head.chain())) {
        continue;
      }
      Optional<String> stored = hashAt.apply(head.chain(), head.seq());
      if (stored.isEmpty()) {
        problems.add(
            head.chain() + " record " + head.seq() + " was anchored but is gone from the database");
      } else if (!stored.get().equals(head.hash())) {
        problems.add(
            head.chain()
                + " record "
                + head.seq()
                + " differs from its anchored hash (history rewritten)");
      }
    }
    return problems;
  }
}
