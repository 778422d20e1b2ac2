package com.bpo.portal.shared.sql;

import java.sql.SQLException;

/**
 * A statement the database refused, carrying its SQLSTATE so callers can tell a conflict from a
 * bug.
 */
public class SqlFailure extends RuntimeException {
  private final String sqlState;

  public SqlFailure(String message, SQLException cause) {
    super(message + ": " + cause.getMessage(), cause);
    this.sqlState = cause.getSQLState();
  }

  public String sqlState() {
    return sqlState;
  }

  /** 23505: a unique key would be broken. */
  public boolean isUniqueViolation() {
    return "23505".equals(sqlState);
  }

  /** 23503: a foreign key would be broken. */
  public boolean isForeignKeyViolation() {
    return "23503".equals(sqlState);
  }
}
