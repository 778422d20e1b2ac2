package com.bpo.portal.shared.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A statement prepared once and run many times on the transaction's connection, for bulk paths (an
 * import's look-ups and JDBC batches) where preparing it per row would cost. As with {@link
 * Statement}, its text names {@code :tenant} (bound by {@link TenantSql#prepare} for every run),
 * parameters are bound by name and rows read by column name. Bind, then query or add to the batch;
 * close it with the work it serves. Parameters stay bound between runs until bound again.
 */
public final class PreparedSql implements AutoCloseable {
  private final Connection connection;
  private final String text;
  private final List<String> order = new ArrayList<>();
  private final Map<String, Object> params = new HashMap<>();
  private final PreparedStatement ps;
  private int batched;

  PreparedSql(Connection connection, String text, String tenant) {
    this.connection = connection;
    this.text = text;
    String jdbc = Statement.positional(text, order);
    try {
      this.ps = connection.prepareStatement(jdbc);
    } catch (SQLException e) {
      throw new SqlFailure("Cannot prepare " + text, e);
    }
    params.put(Statement.TENANT, tenant);
  }

  public PreparedSql bind(String name, Object value) {
    if (Statement.TENANT.equals(name)) {
      throw new IllegalArgumentException(":tenant is bound from the context, never by the caller");
    }
    params.put(name, value);
    return this;
  }

  public <T> Optional<T> optional(Function<Row, T> mapper) {
    List<T> rows = list(mapper);
    if (rows.size() > 1) {
      throw new IllegalStateException("Expected at most one row, got " + rows.size() + ": " + text);
    }
    return rows.stream().findFirst();
  }

  public <T> List<T> list(Function<Row, T> mapper) {
    setAll();
    List<T> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      Row row = new Row(rs);
      while (rs.next()) {
        rows.add(mapper.apply(row));
      }
    } catch (SQLException e) {
      throw new SqlFailure("Query failed", e);
    }
    return rows;
  }

  /** Queues one run with the parameters bound now. */
  public void addBatch() {
    setAll();
    try {
      ps.addBatch();
      batched++;
    } catch (SQLException e) {
      throw new SqlFailure("Cannot add to the batch of " + text, e);
    }
  }

  /** Runs what {@link #addBatch} queued, if anything. */
  public void executeBatch() {
    if (batched == 0) {
      return;
    }
    try {
      ps.executeBatch();
      batched = 0;
    } catch (SQLException e) {
      throw new SqlFailure("Batch failed", e.getNextException() != null ? e.getNextException() : e);
    }
  }

  private void setAll() {
    try {
      for (int i = 0; i < order.size(); i++) {
        String name = order.get(i);
        if (!params.containsKey(name)) {
          throw new IllegalArgumentException("No value bound for :" + name);
        }
        Statement.set(connection, ps, i + 1, params.get(name));
      }
    } catch (SQLException e) {
      throw new SqlFailure("Cannot bind the parameters of " + text, e);
    }
  }

  @Override
  public void close() {
    try {
      ps.close();
    } catch (SQLException e) {
      throw new SqlFailure("Cannot close " + text, e);
    }
  }
}
