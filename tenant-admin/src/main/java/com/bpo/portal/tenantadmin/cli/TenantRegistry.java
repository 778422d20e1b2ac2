package com.bpo.portal.tenantadmin.cli;

import com.bpo.portal.tenantadmin.NewTenant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The tenant registry from the command line: list, and open a tenant by the same rules as the API.
 */
final class TenantRegistry {
  private final Connection connection;

  TenantRegistry(Connection connection) {
    this.connection = connection;
  }

  List<String> list() throws SQLException {
    List<String> lines = new ArrayList<>();
    try (PreparedStatement q =
            connection.prepareStatement(
                "select id, name, locale, currency, time_zone, status from tenant order by name");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        lines.add(
            String.format(
                "%-16s %-32s %-6s %s %-20s %s",
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6)));
      }
    }
    return lines;
  }

  void create(String slug, String name, String locale, String currency, String timeZone)
      throws SQLException {
    NewTenant request = new NewTenant(slug, name, locale, currency, timeZone);
    if (!request.problems().isEmpty()) {
      throw new IllegalArgumentException(
          request.problems().stream()
              .map(p -> p.field() + " " + p.message())
              .collect(Collectors.joining("; ")));
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into tenant (id, name, locale, currency, time_zone) values (?, ?, ?, ?, ?)")) {
      insert.setString(1, slug);
      insert.setString(2, name.trim());
      insert.setString(3, locale);
      insert.setString(4, currency);
      insert.setString(5, timeZone);
      insert.executeUpdate();
    }
  }

  /**
   * Suspends or reactivates a tenant: a suspended tenant keeps its data, but nobody can act in it.
   */
  void setStatus(String slug, String status) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "update tenant set status = ?, version = version + 1 " + "where id = ?")) {
      update.setString(1, status);
      update.setString(2, slug);
      if (update.executeUpdate() != 1) {
        throw new IllegalArgumentException("no tenant '" + slug + "'");
      }
    }
  }

  /** The tenant's currency; opens the tenant (named after its slug) if it does not exist yet. */
  String currencyOf(String slug) throws SQLException {
    try (PreparedStatement q =
        connection.prepareStatement("select currency from tenant where id = ?")) {
      q.setString(1, slug);
      try (ResultSet rs = q.executeQuery()) {
        if (rs.next()) {
          return rs.getString(1);
        }
      }
    }
    create(slug, "Tenant " + slug, "en", "EUR", "UTC");
    return "EUR";
  }
}
