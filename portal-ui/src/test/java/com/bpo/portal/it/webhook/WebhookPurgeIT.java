package com.bpo.portal.it.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Portal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The purge of the webhook log, run by the delivery job (once a minute at most in the tests'
 * server, whose job runs every second): acme's log is seeded as the schema owner with deliveries of
 * each status, finished 40 days ago or 1 day ago (all made 45 days ago), each with an attempt and
 * an event of its own, plus two events no delivery names, one old and one new. With the default
 * retention of 30 days exactly the deliveries that finished 40 days ago go, with their attempts and
 * their events, and the old unnamed event; PENDING deliveries stay however old they are. The
 * endpoint is disabled, so the job never posts what is seeded.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhookPurgeIT {
  static final String DESCRIPTION = "WebhookPurgeIT (test data)";
  static final String MARK = "{\"fixture\": \"WebhookPurgeIT\"}";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeEach
  @AfterEach
  void removeFixture() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      try (Statement s = db.createStatement()) {
        // deliveries and attempts cascade from their endpoint
        s.executeUpdate(
            "delete from webhook_endpoint where tenant_id = 'acme' and description = '"
                + DESCRIPTION
                + "'");
        s.executeUpdate(
            "delete from webhook_event where tenant_id = 'acme' and data = '" + MARK + "'::jsonb");
      }
      db.commit();
    }
  }

  @Test
  void exactlyTheDeliveriesThatFinishedBeforeTheRetentionGoWithTheirAttemptsAndEvents()
      throws Exception {
    Map<String, Long> deliveries = new LinkedHashMap<>();
    Map<String, Long> events = new LinkedHashMap<>();
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      long endpoint =
          one(
              db,
              "insert into webhook_endpoint (tenant_id, url, description, events, enabled, created_by) "
                  + "values ('acme', 'https://receiver.example/purge', '"
                  + DESCRIPTION
                  + "', '{dispute.raised}', false, 'WebhookPurgeIT') returning id");
      for (String status : new String[] {"DELIVERED", "FAILED", "PENDING"}) {
        for (String age : new String[] {"old", "new"}) {
          String name = status + "-" + age;
          long event = event(db, "45 days");
          String finished =
              status.equals("PENDING")
                  ? "null"
                  : "now() - interval '" + (age.equals("old") ? "40" : "1") + " days'";
          String createdAt =
              status.equals("PENDING") && age.equals("new")
                  ? "now()"
                  : "now() - interval '45 days'";
          long delivery =
              one(
                  db,
                  "insert into webhook_delivery (tenant_id, endpoint_id, event_id, status, attempts,"
                      + " next_attempt_at, delivered_at, finished_at, created_at) values ('acme', "
                      + endpoint
                      + ", "
                      + event
                      + ", '"
                      + status
                      + "', 1, "
                      + (status.equals("PENDING") ? "now() + interval '1 hour'" : "null")
                      + ", "
                      + (status.equals("DELIVERED") ? finished : "null")
                      + ", "
                      + finished
                      + ", "
                      + createdAt
                      + ") returning id");
          one(
              db,
              "insert into webhook_attempt (tenant_id, delivery_id, attempt, started_at, duration_ms,"
                  + " status_code) values ('acme', "
                  + delivery
                  + ", 1, now() - interval '41 days', 12, 500) returning id");
          deliveries.put(name, delivery);
          events.put(name, event);
        }
      }
      events.put("unnamed-old", event(db, "45 days"));
      events.put("unnamed-new", event(db, "1 day"));
      db.commit();
    }

    Map<String, Boolean> expectedDeliveries = new TreeMap<>();
    deliveries
        .keySet()
        .forEach(name -> expectedDeliveries.put(name, !name.matches("(DELIVERED|FAILED)-old")));
    Map<String, Boolean> expectedEvents = new TreeMap<>();
    events
        .keySet()
        .forEach(name -> expectedEvents.put(name, !name.matches("(DELIVERED|FAILED|unnamed)-old")));

    // the purge visits the tenants the schema lists as having something to purge (V117): exactly
    // those with a delivery finished, or an event, before the retention, asked tenant by tenant in
    // the same snapshot (the job may purge meanwhile); acme among them now
    try (Connection db = Portal.asOwner()) {
      db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      db.setAutoCommit(false);
      java.util.Set<String> listed = strings(db, "select t from webhook_tenants_to_purge(30) t");
      java.util.Set<String> withOldLog = new java.util.TreeSet<>();
      for (String tenant : strings(db, "select id from tenant")) {
        try (java.sql.PreparedStatement bindTenant =
            db.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
          bindTenant.setString(1, tenant);
          bindTenant.execute();
        }
        if (one(
                db,
                "select count(*) from (select 1 from webhook_delivery where tenant_id = "
                    + "current_setting('app.tenant_id') and finished_at < now() - interval '30 days' "
                    + "union all select 1 from webhook_event where tenant_id = "
                    + "current_setting('app.tenant_id') and occurred_at < now() - interval '30 days') x")
            > 0) {
          withOldLog.add(tenant);
        }
      }
      db.rollback();
      assertTrue(withOldLog.contains("acme"), withOldLog.toString());
      assertEquals(withOldLog, new java.util.TreeSet<>(listed), "the tenants listed to purge");
    }

    // the purge runs within a minute (every 12th round of a one-second job); wait for its result
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(150);
    Map<String, Boolean> keptDeliveries;
    Map<String, Boolean> keptEvents;
    do {
      Thread.sleep(1000);
      keptDeliveries = present("webhook_delivery", deliveries);
      keptEvents = present("webhook_event", events);
    } while ((!keptDeliveries.equals(expectedDeliveries) || !keptEvents.equals(expectedEvents))
        && System.nanoTime() < deadline);

    assertEquals(expectedDeliveries, keptDeliveries, "deliveries kept (true) and purged (false)");
    assertEquals(expectedEvents, keptEvents, "events kept (true) and purged (false)");
    // the attempts went with their deliveries, and only those
    Map<String, Boolean> keptAttempts = new TreeMap<>();
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      for (var d : deliveries.entrySet()) {
        keptAttempts.put(
            d.getKey(),
            one(
                    db,
                    "select count(*) from webhook_attempt where tenant_id = 'acme' and delivery_id = "
                        + d.getValue())
                == 1);
      }
      db.rollback();
    }
    assertEquals(expectedDeliveries, keptAttempts, "attempts kept (true) and purged (false)");
  }

  private static long event(Connection db, String age) throws SQLException {
    return one(
        db,
        "insert into webhook_event (tenant_id, type, data, occurred_at) values ('acme', "
            + "'dispute.raised', '"
            + MARK
            + "'::jsonb, now() - interval '"
            + age
            + "') returning id");
  }

  /** Which of the named rows of {@code table} (ids) are still there. */
  private static Map<String, Boolean> present(String table, Map<String, Long> ids)
      throws SQLException {
    Map<String, Boolean> present = new TreeMap<>();
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      for (var row : ids.entrySet()) {
        present.put(
            row.getKey(),
            one(
                    db,
                    "select count(*) from "
                        + table
                        + " where tenant_id = 'acme' and id = "
                        + row.getValue())
                == 1);
      }
      db.rollback();
    }
    return present;
  }

  private static long one(Connection db, String sql) throws SQLException {
    try (PreparedStatement q = db.prepareStatement(sql);
        ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static java.util.Set<String> strings(Connection db, String sql) throws SQLException {
    java.util.Set<String> out = new java.util.TreeSet<>();
    try (Statement s = db.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      while (rows.next()) {
        out.add(rows.getString(1));
      }
    }
    return out;
  }

  private static void bind(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("select set_config('app.tenant_id', 'acme', true)");
    }
  }
}
