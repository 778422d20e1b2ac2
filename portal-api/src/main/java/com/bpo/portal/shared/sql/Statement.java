package com.bpo.portal.shared.sql;

import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One native statement with named parameters ({@code :name}; {@code ::type} casts are left alone),
 * built up with optional conditions and a keyset, then run once. A collection parameter is bound as
 * an SQL array, for {@code = any(:ids)}.
 */
public final class Statement {
  static final String TENANT = "tenant";

  private final Supplier<Connection> connection;
  private final StringBuilder text;
  private final Map<String, Object> params = new LinkedHashMap<>();
  private PageRequest page;
  private int fetchSize;

  Statement(Supplier<Connection> connection, String text) {
    this.connection = connection;
    this.text = new StringBuilder(text);
  }

  public Statement bind(String name, Object value) {
    params.put(name, value);
    return this;
  }

  /** Appends {@code and <condition>} and binds its one parameter. */
  public Statement and(String condition, String name, Object value) {
    text.append(" and ").append(condition);
    return bind(name, value);
  }

  /**
   * Appends {@code and <column> = :name} for one value, {@code and <column> = any(:name)} for
   * several. One value must be an equality: the planner then walks an index that leads with the
   * column in the list's order (invoices by status then due date: 0.2 ms for a first page at a
   * million invoices), which it cannot do for {@code = any(array)} (24 ms, the rows filtered one by
   * one). {@code values} must not be empty.
   */
  public Statement andAnyOf(String column, String name, Collection<?> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("andAnyOf needs at least one value for " + column);
    }
    return values.size() == 1
        ? and(column + " = :" + name, name, values.iterator().next())
        : and(column + " = any(:" + name + ")", name, List.copyOf(values));
  }

  /** Appends {@code and <condition>}, which has no parameter. */
  public Statement and(String condition) {
    text.append(" and ").append(condition);
    return this;
  }

  /** Appends {@code and <condition>} only when the value is present. */
  public <T> Statement andIf(Optional<T> value, String condition, String name) {
    value.ifPresent(v -> and(condition, name, v));
    return this;
  }

  /**
   * Appends text as it is (group by, a join, a sub-select), trusted SQL written by the query class.
   */
  public Statement append(String sql) {
    text.append(' ').append(sql);
    return this;
  }

  /**
   * Appends the keyset condition for the page's cursor, the order and a limit of one more row than
   * the page holds (the extra row only says there is more). Finish with {@link #page}.
   */
  public Statement keyset(Keyset keyset, PageRequest page) {
    this.page = page;
    page.after()
        .ifPresent(
            key -> {
              text.append(" and ").append(keyset.afterPredicate());
              try {
                // a cursor this API issued has the sort value and the id, or the id alone
                int parts = keyset.sortColumn().equals(keyset.idColumn()) ? 1 : 2;
                if (key.size() != parts) {
                  throw new IllegalArgumentException("a cursor of " + key.size() + " parts");
                }
                if (!keyset.sortColumn().equals(keyset.idColumn())) {
                  bind("afterKey", keyset.parse().apply(key.get(0)));
                }
                bind("afterId", Long.valueOf(key.get(key.size() - 1)));
              } catch (RuntimeException e) {
                throw new com.bpo.portal.shared.ProblemException(
                    "invalid-cursor",
                    "Invalid cursor",
                    400,
                    "The cursor is not one this API issued.");
              }
            });
    text.append(keyset.orderBy()).append(" limit ").append(page.limit() + 1);
    return this;
  }

  /** Rows fetched per round trip when streaming a long result ({@link #forEach}). */
  public Statement fetchSize(int rows) {
    this.fetchSize = rows;
    return this;
  }

  public <T> List<T> list(Function<Row, T> mapper) {
    List<T> rows = new ArrayList<>();
    forEach(row -> rows.add(mapper.apply(row)));
    return rows;
  }

  /** The page after {@link #keyset}: {@code keyOf} gives a row's cursor (sort value, then id). */
  public <T> Page<T> page(Function<Row, T> mapper, Function<T, List<String>> keyOf) {
    if (page == null) {
      throw new IllegalStateException("page() needs keyset() first");
    }
    return page.page(list(mapper), keyOf);
  }

  public <T> Optional<T> optional(Function<Row, T> mapper) {
    List<T> rows = list(mapper);
    if (rows.size() > 1) {
      throw new IllegalStateException("Expected at most one row, got " + rows.size() + ": " + text);
    }
    return rows.stream().findFirst();
  }

  public <T> T one(Function<Row, T> mapper) {
    return optional(mapper)
        .orElseThrow(() -> new IllegalStateException("Expected one row: " + text));
  }

  /**
   * Streams every row to the consumer, without holding them (use {@link #fetchSize} for long
   * results).
   */
  public void forEach(Consumer<Row> consumer) {
    try (PreparedStatement ps = prepare()) {
      if (fetchSize > 0) {
        ps.setFetchSize(fetchSize);
      }
      try (ResultSet rs = ps.executeQuery()) {
        Row row = new Row(rs);
        while (rs.next()) {
          consumer.accept(row);
        }
      }
    } catch (SQLException e) {
      throw new SqlFailure("Query failed", e);
    }
  }

  /** Runs an insert, update or delete; answers the number of rows it touched. */
  public int update() {
    try (PreparedStatement ps = prepare()) {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new SqlFailure("Statement failed", e);
    }
  }

  private PreparedStatement prepare() throws SQLException {
    List<String> order = new ArrayList<>();
    String jdbc = positional(text.toString(), order);
    Connection c = connection.get();
    PreparedStatement ps = c.prepareStatement(jdbc);
    try {
      for (int i = 0; i < order.size(); i++) {
        String name = order.get(i);
        if (!params.containsKey(name)) {
          throw new IllegalArgumentException("No value bound for :" + name);
        }
        set(c, ps, i + 1, params.get(name));
      }
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
    return ps;
  }

  static void set(Connection c, PreparedStatement ps, int index, Object value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.NULL);
    } else if (value instanceof Collection<?> values) {
      ps.setArray(
          index,
          c.createArrayOf(arrayType(values), values.stream().map(Statement::plain).toArray()));
    } else if (value instanceof Enum<?> e) {
      ps.setString(index, e.name());
    } else if (value instanceof Instant i) {
      ps.setObject(index, i.atOffset(java.time.ZoneOffset.UTC));
    } else if (value instanceof LocalDate
        || value instanceof OffsetDateTime
        || value instanceof Timestamp) {
      ps.setObject(index, value);
    } else {
      ps.setObject(index, value);
    }
  }

  private static Object plain(Object value) {
    return value instanceof Enum<?> e ? e.name() : value;
  }

  private static String arrayType(Collection<?> values) {
    Object first =
        values.stream()
            .filter(java.util.Objects::nonNull)
            .map(v -> (Object) v)
            .findFirst()
            .orElse("");
    if (first instanceof Long || first instanceof Integer) {
      return "bigint";
    }
    if (first instanceof BigDecimal) {
      return "numeric";
    }
    if (first instanceof LocalDate) {
      return "date";
    }
    if (first instanceof Boolean) {
      return "boolean";
    }
    return "text";
  }

  /** The distinct parameter names of a text, in order of appearance. */
  static Set<String> names(String sql) {
    List<String> order = new ArrayList<>();
    positional(sql, order);
    return new LinkedHashSet<>(order);
  }

  /** Rewrites {@code :name} to {@code ?}, skipping quoted text, comments and {@code ::} casts. */
  static String positional(String sql, List<String> order) {
    StringBuilder out = new StringBuilder(sql.length());
    int n = sql.length();
    for (int i = 0; i < n; i++) {
      char ch = sql.charAt(i);
      if (ch == '\'' || ch == '"') {
        int end = sql.indexOf(ch, i + 1);
        end = end < 0 ? n - 1 : end;
        out.append(sql, i, end + 1);
        i = end;
      } else if (ch == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? n - 1 : end;
        out.append(sql, i, end + 1);
        i = end;
      } else if (ch == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        out.append("::");
        i++;
      } else if (ch == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
        int j = i + 1;
        while (j < n && Character.isJavaIdentifierPart(sql.charAt(j))) {
          j++;
        }
        order.add(sql.substring(i + 1, j));
        out.append('?');
        i = j - 1;
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
