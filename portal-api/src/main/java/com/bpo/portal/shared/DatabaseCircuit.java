package com.bpo.portal.shared;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A circuit breaker in front of the database, so that the portal fails fast while PostgreSQL is
 * away and serves again as soon as it is back.
 *
 * <p>The first request that finds the database gone (a connection failure anywhere under it, see
 * {@link ServiceUnavailable#isDatabaseOutage}) opens the circuit. While it is open, every request
 * is answered 503 with Retry-After by {@link OutageFilter} before it asks the pool for a
 * connection, and readiness says DOWN, so that no server thread waits on a database that does not
 * answer. Meanwhile one probe at a time, on the scheduler rather than a request thread, asks the
 * pool for a connection every {@link #PROBE_INTERVAL_MILLIS} ms; the first that answers closes the
 * circuit (the pool has dropped its stale connections on the way, server.xml).
 *
 * <p>The state is per server; every server finds the outage and the recovery by itself.
 */
@ApplicationScoped
public class DatabaseCircuit {
  private static final Logger LOG = Logger.getLogger(DatabaseCircuit.class.getName());
  static final long PROBE_INTERVAL_MILLIS = 200;

  /** This application's circuit, for callers that are not CDI beans (filters, JAX-RS mappers). */
  private static volatile DatabaseCircuit current;

  @Resource(lookup = "jdbc/portal")
  DataSource dataSource;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ScheduledExecutorService scheduler;

  private final CircuitState state = new CircuitState();

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    current = this;
  }

  @PreDestroy
  void stop() {
    if (current == this) {
      current = null;
    }
  }

  /** True while the database is known to be away: answer 503 without asking for a connection. */
  public static boolean isOpen() {
    DatabaseCircuit circuit = current;
    return circuit != null && circuit.state.isOpen();
  }

  /** A request found the database away: open the circuit (once) and start probing. */
  public static void trip(Throwable cause) {
    DatabaseCircuit circuit = current;
    if (circuit != null) {
      circuit.open(cause);
    }
  }

  void open(Throwable cause) {
    if (state.open()) {
      LOG.warning("Database unavailable: answering 503 until a probe reaches it (" + cause + ")");
    }
    scheduleProbe(0);
  }

  private void scheduleProbe(long delayMillis) {
    if (!state.startProbing()) {
      return; // one probe at a time
    }
    try {
      scheduler.schedule(this::probe, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // the application is stopping: nobody is left to answer
      state.probed(false);
    }
  }

  private void probe() {
    boolean reached = reachable();
    state.probed(reached);
    if (reached) {
      LOG.info("Database reachable again: circuit closed");
    } else {
      scheduleProbe(PROBE_INTERVAL_MILLIS);
    }
  }

  private boolean reachable() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(1);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }
}
