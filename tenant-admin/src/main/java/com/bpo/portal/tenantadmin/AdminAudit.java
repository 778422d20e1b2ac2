package com.bpo.portal.tenantadmin;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The platform admins' record of what they did: who, when, what, on which tenant, and how it ended.
 * Each record is written in its own transaction, so a failed action is recorded as failed rather
 * than rolled away with it. The table is append-only for the application (insert and select only)
 * and not tenant-owned, so it outlives a deleted tenant.
 */
@ApplicationScoped
public class AdminAudit {
  public enum Outcome {
    SUCCEEDED,
    FAILED,
    REFUSED
  }

  public record Entry(
      long id,
      OffsetDateTime occurredAt,
      String actor,
      String action,
      String tenantSlug,
      String detail,
      String requestId,
      String outcome) {}

  @Resource(lookup = "jdbc/portal")
  DataSource dataSource;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(
      AdminActor actor, String action, String tenantSlug, JsonObject detail, Outcome outcome) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "insert into admin_action "
                    + "(actor, action, tenant_slug, detail, request_id, outcome) values (?, ?, ?, cast(? as jsonb), ?, ?)")) {
      insert.setString(1, actor.username());
      insert.setString(2, action);
      insert.setString(3, tenantSlug);
      insert.setString(4, detail == null ? "{}" : detail.toString());
      insert.setString(5, actor.requestId());
      insert.setString(6, outcome.name());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not record the administrative action " + action, e);
    }
  }

  /**
   * The most recent first, a page after the id last seen (keyset: a deep page costs what the first
   * does).
   */
  @Transactional
  public List<Entry> recent(Long beforeId, String tenantSlug, int limit) {
    String sql =
        "select id, occurred_at, actor, action, tenant_slug, detail::text, request_id, outcome "
            + "from admin_action where (cast(? as bigint) is null or id < ?) and (cast(? as text) is null or tenant_slug = ?) "
            + "order by id desc limit ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement q = c.prepareStatement(sql)) {
      q.setObject(1, beforeId);
      q.setObject(2, beforeId);
      q.setString(3, tenantSlug);
      q.setString(4, tenantSlug);
      q.setInt(5, limit);
      List<Entry> entries = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          entries.add(
              new Entry(
                  rs.getLong(1),
                  rs.getObject(2, OffsetDateTime.class),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8)));
        }
      }
      return entries;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the administrative actions", e);
    }
  }
}
