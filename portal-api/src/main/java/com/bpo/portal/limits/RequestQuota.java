package com.bpo.portal.limits;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Counts a user's requests per fixed window in PostgreSQL, so that several Liberty instances share
 * one count: a single statement bumps the window's counter atomically (insert ... on conflict do
 * update ... returning) and forgets the user's earlier windows. It commits on its own, outside any
 * business transaction: a refused or failed request still counts.
 */
@ApplicationScoped
public class RequestQuota {
  private static final String COUNT =
      """
      with forgotten as (
        delete from request_quota where user_name = ? and bucket = ? and window_start < ?
      )
      insert into request_quota as q (user_name, bucket, window_start, hits) values (?, ?, ?, 1)
      on conflict (user_name, bucket, window_start) do update set hits = q.hits + 1
      returning q.hits""";

  @Resource(lookup = "jdbc/portal")
  DataSource dataSource;

  /**
   * Counts one more request of {@code user} in the window starting at {@code window}; returns the
   * count.
   */
  public int count(String user, String bucket, Instant window) throws SQLException {
    Timestamp start = Timestamp.from(window);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(COUNT)) {
      c.setAutoCommit(true);
      s.setString(1, user);
      s.setString(2, bucket);
      s.setTimestamp(3, start);
      s.setString(4, user);
      s.setString(5, bucket);
      s.setTimestamp(6, start);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
