package com.bpo.portal.it.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Portal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin log is hash-chained in the database, its head and every tenant trail's head are written
 * outside it on a schedule, and `audit verify` (the command line bin/portal runs) compares the two:
 * an edit breaks the chain, and a history rewritten with every hash recomputed, which the chain
 * alone cannot see, disagrees with the anchored head.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditAnchorsIT {
  private static final Path ANCHORS =
      Path.of(System.getenv().getOrDefault("PORTAL_AUDIT_ANCHOR_DIR", "../.portal/audit-anchors"));

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  record Run(int exit, String output) {}

  @Test
  void anEditAndARewrittenHistoryAreBothFoundAndTheRestoredLogVerifiesAgain() throws Exception {
    // an admin action (a refused deletion) extends the admin chain; wait until its head is anchored
    assertEquals(
        400,
        Portal.post(
                "/api/v1/admin/tenants/globex/deletion",
                "admin",
                null,
                "{\"confirm\": \"not-globex\"}")
            .status());
    long seq;
    String detail;
    try (Connection db = Portal.asOwner();
        Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select seq, detail::text from admin_action order by seq desc limit 1")) {
      assertTrue(rs.next());
      seq = rs.getLong(1);
      detail = rs.getString(2);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!anchoredAdminSeqs().contains(seq)) {
      assertTrue(
          System.nanoTime() < deadline,
          "the admin head " + seq + " was never anchored in " + ANCHORS);
      Thread.sleep(500);
    }

    Run clean = verify();
    assertEquals(0, clean.exit(), clean.output());
    assertTrue(clean.output().contains("the database agrees"), clean.output());

    try {
      setDetail(seq, "{\"edited\": true}", false);
      Run edited = verify();
      assertEquals(1, edited.exit(), edited.output());
      assertTrue(edited.output().contains("was changed after it was written"), edited.output());

      setDetail(seq, "{\"edited\": true}", true); // the hashes recomputed: the chain looks intact
      Run rewritten = verify();
      assertEquals(1, rewritten.exit(), rewritten.output());
      assertTrue(rewritten.output().contains("(admin log)          intact"), rewritten.output());
      assertTrue(
          rewritten.output().contains("ANCHOR MISMATCH: admin record " + seq), rewritten.output());
    } finally {
      setDetail(seq, detail, true);
    }
    Run restored = verify();
    assertEquals(0, restored.exit(), restored.output());
  }

  private static List<Long> anchoredAdminSeqs() throws IOException {
    Path file = ANCHORS.resolve("audit-anchors.txt");
    List<Long> seqs = new ArrayList<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] fields = line.split(" "); // <instant> <chain> <seq> <hash>
        if (fields.length == 4 && fields[1].equals("admin")) {
          seqs.add(Long.parseLong(fields[2]));
        }
      }
    }
    return seqs;
  }

  /**
   * As someone with the owner's rights would: change a record, and optionally recompute the chain
   * after it.
   */
  private static void setDetail(long seq, String detail, boolean recompute) throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        s.execute("select pg_advisory_xact_lock(hashtext('admin_action_chain'))");
      }
      try (PreparedStatement update =
          db.prepareStatement("update admin_action set detail = cast(? as jsonb) where seq = ?")) {
        update.setString(1, detail);
        update.setLong(2, seq);
        assertEquals(1, update.executeUpdate());
      }
      if (recompute) {
        try (PreparedStatement rechain =
            db.prepareStatement(
                """
            do $$
            declare a admin_action; prev text;
            begin
                select hash into prev from admin_action where seq = %d - 1;
                for a in select * from admin_action where seq >= %d order by seq loop
                    prev := encode(sha256(convert_to(coalesce(prev, '') || '|' || admin_action_canonical(a), 'UTF8')), 'hex');
                    update admin_action set hash = prev where id = a.id;
                    update admin_action set prev_hash = prev where seq = a.seq + 1;
                end loop;
            end
            $$"""
                    .formatted(seq, seq))) {
          rechain.execute();
        }
      }
      db.commit();
    }
  }

  /** `audit verify` as bin/portal runs it: the admin command line, with the same environment. */
  private static Run verify() throws IOException, InterruptedException {
    Path tenantAdmin = Path.of("..", "tenant-admin", "target");
    String classpath =
        tenantAdmin.resolve("tenant-admin-0.1.0-SNAPSHOT.jar")
            + java.io.File.pathSeparator
            + tenantAdmin.resolve("cli-lib")
            + "/*";
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath,
                "com.bpo.portal.tenantadmin.cli.PortalAdminCli",
                "audit",
                "verify")
            .redirectErrorStream(true);
    builder.environment().put("PORTAL_AUDIT_ANCHOR_DIR", ANCHORS.toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "audit verify did not finish");
    return new Run(process.exitValue(), output);
  }
}
