package com.bpo.portal.tenantadmin.cli;

import com.bpo.portal.webhook.WebhookSignature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The demo tenants' webhooks: both are test tenants (their endpoints may point at a receiver on the
 * developer's machine, docs/WEBHOOKS.md), and each has one endpoint, switched off so that nothing
 * is posted to its example address until someone points it at a real receiver. Runs once per tenant
 * (bound by the caller).
 */
final class DemoWebhooks {
  private final Connection db;

  DemoWebhooks(Connection db) {
    this.db = db;
  }

  void seed(String tenant, String lead) throws SQLException {
    try (PreparedStatement q =
        db.prepareStatement("update tenant set test_mode = true where id = ?")) {
      q.setString(1, tenant);
      q.executeUpdate();
    }
    try (PreparedStatement q =
        db.prepareStatement("select exists (select 1 from webhook_endpoint where tenant_id = ?)")) {
      q.setString(1, tenant);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        if (rs.getBoolean(1)) {
          return;
        }
      }
    }
    long id;
    try (PreparedStatement q =
        db.prepareStatement(
            "insert into webhook_endpoint (tenant_id, url, description, events, enabled, created_by) "
                + "values (?, ?, ?, ?, false, ?) returning id")) {
      q.setString(1, tenant);
      q.setString(2, "https://hooks." + tenant + ".example/portal");
      q.setString(3, "ERP dispute feed (demo data; switched off)");
      q.setArray(
          4,
          db.createArrayOf(
              "text", new String[] {"dispute.raised", "dispute.resolved", "payment.applied"}));
      q.setString(5, lead);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    try (PreparedStatement q =
        db.prepareStatement(
            "insert into webhook_secret (tenant_id, endpoint_id, secret) values (?, ?, ?)")) {
      q.setString(1, tenant);
      q.setLong(2, id);
      q.setString(3, WebhookSignature.newSecret());
      q.executeUpdate();
    }
  }
}
