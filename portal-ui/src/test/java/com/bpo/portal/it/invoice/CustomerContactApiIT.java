package com.bpo.portal.it.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Portal;
import com.bpo.portal.it.Portal.Reply;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Customer contacts: the BPO adds them (every bad field reported at once, one primary per account),
 * a customer reads their own account's, and nobody reaches another account's or tenant's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CustomerContactApiIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @AfterAll
  static void removeTestContacts() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        s.execute("select set_config('app.tenant_id', 'acme', true)");
        s.executeUpdate("delete from customer_contact where name like 'IT contact%'");
        // the demo's primary contact of A-1002 gets its flag back if a test took it
        s.executeUpdate(
            "update customer_contact x set is_primary = true from customer_account c "
                + "where c.tenant_id = x.tenant_id and c.id = x.customer_account_id and c.number = 'A-1002' "
                + "and x.name = 'Accounts payable' and not exists (select 1 from customer_contact y "
                + "where y.tenant_id = x.tenant_id and y.customer_account_id = x.customer_account_id and y.is_primary)");
      }
      db.commit();
    }
  }

  private static long account(String number) {
    return Portal.get("/api/v1/customers?q=" + number, "agent.acme", null)
        .json()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(c -> c.getString("number").equals(number))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }

  @Test
  void theBpoAddsAContactAndANewPrimaryTakesOver() {
    long id = account("A-1002");
    Reply added =
        Portal.post(
            "/api/v1/customers/" + id + "/contacts",
            "agent.acme",
            null,
            "{\"name\": \"IT contact one\", \"role\": \"Treasurer\", \"email\": \"treasury@road-runner.example\", \"primary\": true}");
    assertEquals(201, added.status(), added.body());
    assertTrue(added.json().getBoolean("primary"));
    List<JsonObject> contacts =
        Portal.get("/api/v1/customers/" + id + "/contacts", "agent.acme", null)
            .structure()
            .asJsonArray()
            .getValuesAs(JsonObject.class);
    assertEquals("IT contact one", contacts.get(0).getString("name"), "the primary comes first");
    assertEquals(
        1,
        contacts.stream().filter(c -> c.getBoolean("primary")).count(),
        "one primary per account");
  }

  @Test
  void everyBadFieldIsReportedAtOnce() {
    long id = account("A-1002");
    Reply bad =
        Portal.post(
            "/api/v1/customers/" + id + "/contacts",
            "agent.acme",
            null,
            "{\"name\": \" \", \"email\": \"not-an-address\", \"phone\": \"call me\"}");
    assertEquals(400, bad.status(), bad.body());
    List<String> fields =
        bad.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("field"))
            .toList();
    assertTrue(fields.containsAll(List.of("name", "email", "phone")), fields.toString());
  }

  @Test
  void customersReadTheirOwnContactsOnlyAndCannotAddAny() {
    long own = account("A-1001");
    long other = account("A-1002");
    Reply mine = Portal.get("/api/v1/customers/" + own + "/contacts", "customer.acme", null);
    assertEquals(200, mine.status());
    assertFalse(mine.structure().asJsonArray().isEmpty(), "the demo seeds contacts");
    assertEquals(
        404,
        Portal.get("/api/v1/customers/" + other + "/contacts", "customer.acme", null).status());
    assertEquals(
        403,
        Portal.post(
                "/api/v1/customers/" + own + "/contacts",
                "customer.acme",
                null,
                "{\"name\": \"IT contact two\", \"email\": \"x@y.example\"}")
            .status());
    assertEquals(
        403,
        Portal.post(
                "/api/v1/customers/" + own + "/contacts",
                "cfo.acme",
                null,
                "{\"name\": \"IT contact three\", \"email\": \"x@y.example\"}")
            .status());
    assertEquals(
        404, Portal.get("/api/v1/customers/" + own + "/contacts", "cfo.globex", null).status());
  }
}
