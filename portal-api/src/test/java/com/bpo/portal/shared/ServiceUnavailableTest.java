package com.bpo.portal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.junit.jupiter.api.Test;

class ServiceUnavailableTest {
  @Test
  void aConnectionFailureWrappedByEclipseLinkAndJpaIsAnOutage() {
    SQLException refused = new SQLException("Connection to localhost:5433 refused", "08001");
    Throwable wrapped = new PersistenceException(DatabaseException.sqlException(refused));
    assertTrue(ServiceUnavailable.isDatabaseOutage(wrapped));
  }

  @Test
  void theServerShuttingDownIsAnOutage() {
    SQLException shutdown =
        new SQLException("terminating connection due to administrator command", "57P01");
    assertTrue(ServiceUnavailable.isDatabaseOutage(new RuntimeException(shutdown)));
  }

  @Test
  void thePoolFailingToMakeAConnectionIsAnOutage() {
    assertTrue(
        ServiceUnavailable.isDatabaseOutage(
            new SQLException(
                "DSRA0010E", new jakarta.resource.ResourceException("no connection"))));
  }

  @Test
  void aNextExceptionCounts() {
    SQLException batch = new SQLException("batch failed", "XX000");
    batch.setNextException(new SQLException("I/O error", "08006"));
    assertTrue(ServiceUnavailable.isDatabaseOutage(batch));
  }

  @Test
  void aBadStatementOrAConstraintIsNot() {
    assertFalse(
        ServiceUnavailable.isDatabaseOutage(
            new PersistenceException(
                DatabaseException.sqlException(new SQLException("duplicate key", "23505")))));
    assertFalse(ServiceUnavailable.isDatabaseOutage(new SQLException("syntax error", "42601")));
    assertFalse(ServiceUnavailable.isDatabaseOutage(new IllegalStateException("no")));
  }

  @Test
  void theProblemIs503() {
    assertEquals(503, ServiceUnavailable.problem().status());
  }
}
