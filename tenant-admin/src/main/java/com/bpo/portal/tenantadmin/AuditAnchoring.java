package com.bpo.portal.tenantadmin;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes the heads of every chain (the admin log's and each tenant's audit trail's) outside the
 * database on a schedule: a line appended to {@link AuditAnchors#FILE} under {@code
 * portal.audit.anchor.dir} (bin/portal: {@code $PORTAL_STATE_DIR/audit-anchors}), only when a head
 * moved (never a head rewritten in place: see {@link AuditAnchors#toAnchor}). {@code bin/portal
 * audit verify} compares the database with every line. Without a directory configured nothing is
 * anchored (and a warning says so once).
 */
@ApplicationScoped
public class AuditAnchoring {
  private static final Logger LOG = Logger.getLogger(AuditAnchoring.class.getName());

  @Resource(lookup = "jdbc/portal")
  DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "portal.audit.anchor.dir", defaultValue = "")
  String directory;

  @Inject
  @ConfigProperty(name = "portal.audit.anchor.interval.seconds", defaultValue = "300")
  int intervalSeconds;

  private ScheduledFuture<?> job;
  private List<AuditAnchors.Head> lastWritten = List.of();

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (directory == null || directory.isBlank()) {
      LOG.warning(
          "portal.audit.anchor.dir is not set: audit chain heads are not anchored outside the database");
      return;
    }
    job =
        scheduler.scheduleWithFixedDelay(
            this::anchorSafely, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (job != null) {
      job.cancel(false);
    }
  }

  private void anchorSafely() {
    try {
      anchor();
    } catch (IOException | SQLException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Anchoring the audit chain heads failed; trying again at the next round",
          e);
    }
  }

  /** Appends the current heads if any moved since the last line written; true if it wrote. */
  synchronized boolean anchor() throws SQLException, IOException {
    List<AuditAnchors.Head> heads =
        AuditAnchors.toAnchor(
            lastWritten,
            heads(),
            rewritten ->
                LOG.severe(
                    "The "
                        + rewritten.chain()
                        + " chain's record "
                        + rewritten.seq()
                        + " no longer has the hash anchored for it: its history was rewritten."
                        + " The earlier head stays anchored; run bin/portal audit verify."));
    if (heads.equals(lastWritten)) {
      return false;
    }
    AuditAnchors.append(Path.of(directory), AuditAnchors.lines(Instant.now(), heads));
    lastWritten = heads;
    return true;
  }

  private List<AuditAnchors.Head> heads() throws SQLException {
    List<AuditAnchors.Head> heads = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement q =
                c.prepareStatement("select seq, hash from admin_action order by seq desc limit 1");
            ResultSet rs = q.executeQuery()) {
          if (rs.next()) {
            heads.add(
                new AuditAnchors.Head(AuditAnchors.ADMIN_CHAIN, rs.getLong(1), rs.getString(2)));
          }
        }
        List<String> tenants = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("select id from tenant order by id");
            ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            tenants.add(rs.getString(1));
          }
        }
        c.commit();
        for (String tenant : tenants) {
          // each tenant's trail is visible only bound to that tenant (row-level security)
          ProvisioningSteps.bind(c, tenant);
          try (PreparedStatement q =
              c.prepareStatement(
                  "select seal_seq, hash from audit_event "
                      + "where tenant_id = ? and seal_seq is not null order by seal_seq desc limit 1")) {
            q.setString(1, tenant);
            try (ResultSet rs = q.executeQuery()) {
              if (rs.next()) {
                heads.add(
                    new AuditAnchors.Head(
                        AuditAnchors.TENANT_PREFIX + tenant, rs.getLong(1), rs.getString(2)));
              }
            }
          }
          c.commit();
        }
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
    return heads;
  }
}
