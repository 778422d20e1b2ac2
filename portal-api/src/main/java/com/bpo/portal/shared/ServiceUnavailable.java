package com.bpo.portal.shared;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure that means "the database is not there right now" rather than "this request
 * is wrong", wherever it sits in the chain Liberty and EclipseLink wrap it in: a {@code
 * PersistenceException} around EclipseLink's {@code DatabaseException} around the driver's {@link
 * SQLException} with a connection SQLState (class 08, or 57P: the server shutting down), or the
 * pool's {@code ResourceException} when no connection can be made. Such failures answer 503 with a
 * Retry-After, never a stack trace; the pool drops its stale connections by itself (server.xml).
 */
public final class ServiceUnavailable {
  /**
   * Seconds a client should wait before trying again: the circuit ({@link DatabaseCircuit}) probes
   * five times a second, so the portal answers again within a second of the database's return.
   */
  public static final int RETRY_AFTER_SECONDS = 2;

  private ServiceUnavailable() {}

  public static boolean isDatabaseOutage(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth++ < 50; t = next(t)) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException
          || t instanceof ConnectException
          || isA(t, "jakarta.resource.ResourceException")) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }

  public static Problem problem() {
    return Problem.of(
        "service-unavailable",
        "Service unavailable",
        503,
        "The portal cannot reach its database just now. Nothing was changed; try again in a moment.");
  }

  /** By name: the Connector API is Liberty's, not visible to applications that do not enable it. */
  private static boolean isA(Throwable t, String className) {
    for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
      if (c.getName().equals(className)) {
        return true;
      }
    }
    return false;
  }

  /** SQLException keeps its chain in getNextException too; the cause wins when both are set. */
  private static Throwable next(Throwable t) {
    if (t.getCause() != null && t.getCause() != t) {
      return t.getCause();
    }
    return t instanceof SQLException sql ? sql.getNextException() : null;
  }
}
