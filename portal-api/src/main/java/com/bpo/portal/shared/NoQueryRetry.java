package com.bpo.portal.shared;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * Switches off EclipseLink's own retry of a read query that failed on a broken connection (three
 * more attempts, five seconds apart): while the database is away, a request in flight would wait
 * ten seconds and more before its 503. {@link DatabaseCircuit} answers for the outage instead.
 */
public class NoQueryRetry implements SessionCustomizer {
  @Override
  public void customize(Session session) {
    if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
      login.setQueryRetryAttemptCount(0);
      login.setDelayBetweenConnectionAttempts(0);
    }
  }
}
