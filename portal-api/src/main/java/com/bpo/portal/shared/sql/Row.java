package com.bpo.portal.shared.sql;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One row of a result, read by column name (the SQL's alias). Nullable columns answer null; the
 * {@code required} readers refuse a null, so a missing value fails loudly where it is read.
 */
public final class Row {
  private final ResultSet rs;

  Row(ResultSet rs) {
    this.rs = rs;
  }

  public String string(String column) {
    return read(column, () -> rs.getString(column));
  }

  public Long longOrNull(String column) {
    return read(
        column,
        () -> {
          long v = rs.getLong(column);
          return rs.wasNull() ? null : v;
        });
  }

  public long longValue(String column) {
    return required(column, longOrNull(column));
  }

  public Integer intOrNull(String column) {
    return read(
        column,
        () -> {
          int v = rs.getInt(column);
          return rs.wasNull() ? null : v;
        });
  }

  public int intValue(String column) {
    return required(column, intOrNull(column));
  }

  public BigDecimal decimal(String column) {
    return read(column, () -> rs.getBigDecimal(column));
  }

  public boolean bool(String column) {
    return required(
        column,
        read(
            column,
            () -> {
              boolean v = rs.getBoolean(column);
              return rs.wasNull() ? null : v;
            }));
  }

  public LocalDate date(String column) {
    return read(
        column,
        () -> {
          int index = rs.findColumn(column);
          if (rs.getMetaData().getColumnType(index) == java.sql.Types.DATE) {
            // parsed by the driver; getDate would go through a Calendar in the JVM's zone (a
            // page of invoices reads a hundred dates)
            return rs.getObject(index, LocalDate.class);
          }
          java.sql.Date d = rs.getDate(index); // a timestamp or text the driver converts
          return d == null ? null : d.toLocalDate();
        });
  }

  /** A {@code timestamptz} column as an instant in UTC. */
  public OffsetDateTime timestamp(String column) {
    return read(column, () -> rs.getObject(column, OffsetDateTime.class));
  }

  public Instant instant(String column) {
    OffsetDateTime t = timestamp(column);
    return t == null ? null : t.toInstant();
  }

  /** A {@code timestamp} without time zone, read as UTC. */
  public OffsetDateTime localTimestampAsUtc(String column) {
    return read(
        column,
        () -> {
          Timestamp t = rs.getTimestamp(column);
          return t == null ? null : t.toLocalDateTime().atOffset(ZoneOffset.UTC);
        });
  }

  public <E extends Enum<E>> E enumValue(String column, Class<E> type) {
    String v = string(column);
    return v == null ? null : Enum.valueOf(type, v);
  }

  public List<String> strings(String column) {
    return read(
        column,
        () -> {
          Array a = rs.getArray(column);
          return a == null ? List.of() : List.of((String[]) a.getArray());
        });
  }

  public byte[] bytes(String column) {
    return read(column, () -> rs.getBytes(column));
  }

  private static <T> T required(String column, T value) {
    if (value == null) {
      throw new IllegalStateException("Column " + column + " is null where a value is required");
    }
    return value;
  }

  private interface Reader<T> {
    T read() throws SQLException;
  }

  private static <T> T read(String column, Reader<T> reader) {
    try {
      return reader.read();
    } catch (SQLException e) {
      throw new SqlFailure("Cannot read column " + column, e);
    }
  }
}
