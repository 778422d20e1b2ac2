package com.bpo.portal.audit;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals new audit records onto their tenant's hash chain every few seconds, in a transaction of its
 * own through {@code audit_seal()} (V13), which runs with the owner's rights and lets one instance
 * seal at a time. Until sealed a record is already append-only; sealing makes an edit detectable.
 */
@ApplicationScoped
public class AuditSealer {
  private static final Logger LOG = Logger.getLogger(AuditSealer.class.getName());

  @Resource(lookup = "jdbc/portal")
  DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "portal.audit.seal.interval.seconds", defaultValue = "5")
  int intervalSeconds;

  private ScheduledFuture<?> job;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    job =
        scheduler.scheduleWithFixedDelay(
            this::sealSafely, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (job != null) {
      job.cancel(false);
    }
  }

  private void sealSafely() {
    try {
      seal();
    } catch (RuntimeException | SQLException | java.util.ServiceConfigurationError e) {
      LOG.log(
          Level.WARNING, "Sealing the audit trail failed; the records wait for the next round", e);
    }
  }

  /** Seals what is committed and unsealed; returns how many records it sealed. */
  public int seal() throws SQLException {
    try (Connection db = dataSource.getConnection()) {
      db.setAutoCommit(false);
      try (PreparedStatement seal = db.prepareStatement("select audit_seal(10000)");
          ResultSet rs = seal.executeQuery()) {
        rs.next();
        int sealed = rs.getInt(1);
        db.commit();
        return sealed;
      } catch (SQLException e) {
        db.rollback();
        throw e;
      }
    }
  }
}
