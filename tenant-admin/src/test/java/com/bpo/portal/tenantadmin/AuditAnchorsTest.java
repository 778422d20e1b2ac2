package com.bpo.portal.tenantadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditAnchorsTest {
  private static final AuditAnchors.Head ADMIN = new AuditAnchors.Head("admin", 12, "aa");
  private static final AuditAnchors.Head ACME = new AuditAnchors.Head("tenant:acme", 340, "bb");

  @Test
  void linesAreWrittenAndReadBackInOrder(@TempDir Path dir) throws Exception {
    AuditAnchors.append(
        dir, AuditAnchors.lines(Instant.parse("2026-12-04T10:00:00Z"), List.of(ADMIN)));
    AuditAnchors.append(
        dir, AuditAnchors.lines(Instant.parse("2026-12-04T10:05:00Z"), List.of(ADMIN, ACME)));
    assertEquals(List.of(ADMIN, ADMIN, ACME), AuditAnchors.read(dir));
    assertEquals(
        List.of(
            "2026-12-04T10:00:00Z admin 12 aa",
            "2026-12-04T10:05:00Z admin 12 aa",
            "2026-12-04T10:05:00Z tenant:acme 340 bb"),
        Files.readAllLines(dir.resolve(AuditAnchors.FILE)));
  }

  @Test
  void nothingAnchoredYetIsNoHead(@TempDir Path dir) throws Exception {
    assertEquals(List.of(), AuditAnchors.read(dir.resolve("absent")));
  }

  @Test
  void aDatabaseThatAgreesWithEveryAnchoredHeadPasses() {
    Map<String, String> db = Map.of("admin#12", "aa", "tenant:acme#340", "bb");
    assertEquals(
        List.of(),
        AuditAnchors.compare(
            List.of(ADMIN, ACME, ADMIN),
            c -> true,
            (c, s) -> Optional.ofNullable(db.get(c + "#" + s))));
  }

  @Test
  void aRewrittenOrMissingRecordIsAMismatch() {
    List<String> problems =
        AuditAnchors.compare(
            List.of(ADMIN, ACME),
            c -> true,
            (c, s) -> c.equals("admin") ? Optional.of("recomputed") : Optional.empty());
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("admin record 12 differs"), problems.get(0));
    assertTrue(
        problems.get(1).contains("tenant:acme record 340 was anchored but is gone"),
        problems.get(1));
  }

  @Test
  void aDeletedTenantsAnchorsAreSkippedButTheAdminLogIsNot() {
    List<String> problems =
        AuditAnchors.compare(
            List.of(ADMIN, ACME), c -> !c.equals("tenant:acme"), (c, s) -> Optional.of("other"));
    assertEquals(1, problems.size(), problems.toString());
  }

  @Test
  void twoDifferentHashesAnchoredForOneRecordAreAMismatchToo() {
    List<String> problems =
        AuditAnchors.compare(
            List.of(ADMIN, new AuditAnchors.Head("admin", 12, "zz")),
            c -> true,
            (c, s) -> Optional.of("aa"));
    assertTrue(
        problems.stream().anyMatch(p -> p.contains("two different hashes")), problems.toString());
  }

  @Test
  void aHeadRewrittenInPlaceIsNotAnchoredButTheOthersMove() {
    List<AuditAnchors.Head> last =
        List.of(
            new AuditAnchors.Head("admin", 47, "aa"),
            new AuditAnchors.Head("tenant:acme", 300, "bb"));
    List<AuditAnchors.Head> now =
        List.of(
            new AuditAnchors.Head("admin", 47, "forged"),
            new AuditAnchors.Head("tenant:acme", 301, "cc"),
            new AuditAnchors.Head("tenant:globex", 5, "dd"));
    List<AuditAnchors.Head> reported = new java.util.ArrayList<>();
    assertEquals(
        List.of(
            new AuditAnchors.Head("admin", 47, "aa"),
            new AuditAnchors.Head("tenant:acme", 301, "cc"),
            new AuditAnchors.Head("tenant:globex", 5, "dd")),
        AuditAnchors.toAnchor(last, now, reported::add));
    assertEquals(List.of(new AuditAnchors.Head("admin", 47, "forged")), reported);
  }

  @Test
  void aHeadThatMovedOnIsAnchoredEvenWithANewHash() {
    List<AuditAnchors.Head> reported = new java.util.ArrayList<>();
    List<AuditAnchors.Head> now = List.of(new AuditAnchors.Head("admin", 48, "ee"));
    assertEquals(
        now,
        AuditAnchors.toAnchor(
            List.of(new AuditAnchors.Head("admin", 47, "aa")), now, reported::add));
    assertEquals(List.of(), reported);
  }
}
