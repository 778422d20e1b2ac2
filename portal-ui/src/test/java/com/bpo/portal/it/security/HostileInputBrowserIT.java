package com.bpo.portal.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.bpo.portal.it.Browsers;
import com.bpo.portal.it.Portal;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Hostile strings, stored through the API as any client could, come back as the same JSON strings
 * and show on every screen as text: in customer names, a dispute's description and messages, and a
 * scorecard's comments. No injected element reaches the page and no script runs (no alert).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileInputBrowserIT {
  static final List<String> HOSTILE =
      List.of(
          "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>");
  static final String INVOICE = "FIX-HOSTILE-INPUT";
  static final String CUSTOMER_PREFIX = "XSS-HOSTILE-";
  static final String PERIOD = "2018-11";
  static long disputeId;
  static final List<Long> customerIds = new ArrayList<>();
  private final List<ChromeDriver> browsers = new ArrayList<>();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeAll
  static void storeHostileStringsThroughTheApi() throws SQLException {
    removeFixtures();
    // customer names: a CSV import, the API's way to make customer accounts
    StringBuilder csv =
        new StringBuilder(
            "customer_number,name,country,currency,payment_terms_days,credit_limit\n");
    for (int i = 0; i < HOSTILE.size(); i++) {
      csv.append(CUSTOMER_PREFIX)
          .append(i + 1)
          .append(",\"")
          .append(HOSTILE.get(i).replace("\"", "\"\""))
          .append("\",FR,EUR,30,1000.00\n");
    }
    Portal.Reply imported =
        Portal.send(
            HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/imports?kind=customers"))
                .header("Authorization", "Bearer " + Portal.token("agent.acme"))
                .header("X-Tenant", "acme")
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())));
    assertEquals(201, imported.status(), imported.body());
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      try (PreparedStatement s =
          db.prepareStatement(
              "select id from customer_account where number like ? order by number")) {
        s.setString(1, CUSTOMER_PREFIX + "%");
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            customerIds.add(rs.getLong(1));
          }
        }
      }
      long invoiceId;
      try (PreparedStatement insert =
          db.prepareStatement(
              """
          insert into invoice (tenant_id, number, customer_account_id, issue_date, due_date, currency,
                               net_amount, tax_amount, total_amount)
          select 'acme', ?, id, date '2020-01-01', date '2020-01-31', currency, 100.00, 0, 100.00
          from customer_account where tenant_id = 'acme' and number = 'A-1001' returning id""")) {
        insert.setString(1, INVOICE);
        try (ResultSet rs = insert.executeQuery()) {
          rs.next();
          invoiceId = rs.getLong(1);
        }
      }
      db.commit();

      // a dispute's description and messages, as the customer writes them
      String dispute =
          Json.createObjectBuilder()
              .add("reasonCode", "QUANTITY")
              .add("description", String.join(" ", HOSTILE))
              .add(
                  "items",
                  Json.createArrayBuilder()
                      .add(
                          Json.createObjectBuilder()
                              .add("invoiceId", invoiceId)
                              .add("amount", "100.00")))
              .build()
              .toString();
      Portal.Reply raised = Portal.post("/api/v1/disputes", "customer.acme", null, dispute);
      assertEquals(201, raised.status(), raised.body());
      disputeId = raised.json().getJsonObject("dispute").getJsonNumber("id").longValue();
      for (String h : HOSTILE) {
        Portal.Reply posted =
            Portal.post(
                "/api/v1/disputes/" + disputeId + "/messages",
                "customer.acme",
                null,
                Json.createObjectBuilder()
                    .add("body", h)
                    .add("visibility", "CUSTOMER")
                    .build()
                    .toString());
        assertEquals(201, posted.status(), posted.body());
      }
    }

    // a scorecard's comments, by the client's stakeholder once the BPO has published it
    Portal.Reply computed =
        Portal.post("/api/v1/scorecards/" + PERIOD + "/compute", "ops.lead", "acme", "");
    assertEquals(200, computed.status(), computed.body());
    long version = computed.json().getJsonNumber("version").longValue();
    Portal.Reply published =
        Portal.post(
            "/api/v1/scorecards/" + PERIOD + "/publish",
            "ops.lead",
            "acme",
            "{\"version\": " + version + "}");
    assertEquals(200, published.status(), published.body());
    for (String h : HOSTILE) {
      Portal.Reply commented =
          Portal.post(
              "/api/v1/scorecards/" + PERIOD + "/comments",
              "cfo.acme",
              null,
              Json.createObjectBuilder().add("body", h).build().toString());
      assertEquals(200, commented.status(), commented.body());
    }
  }

  @AfterAll
  static void removeFixtures() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      try (Statement s = db.createStatement()) {
        s.executeUpdate(
            "delete from dispute where id in (select di.dispute_id from dispute_item di "
                + "join invoice i on i.tenant_id = di.tenant_id and i.id = di.invoice_id where i.number = '"
                + INVOICE
                + "')");
        s.executeUpdate("delete from invoice where number = '" + INVOICE + "'");
        s.executeUpdate(
            "delete from customer_account where number like '" + CUSTOMER_PREFIX + "%'");
        s.executeUpdate("delete from scorecard where period = '" + PERIOD + "'");
      }
      db.commit();
    }
  }

  private static void bind(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("select set_config('app.tenant_id', 'acme', true)");
    }
  }

  @AfterEach
  void closeBrowsers() {
    for (int i = 0; i < browsers.size(); i++) {
      Browsers.screenshot(browsers.get(i), "hostile-input-" + i);
      browsers.get(i).quit();
    }
  }

  @Test
  void hostileStringsAreStoredAsGivenAndComeBackAsJsonStrings() {
    for (int i = 0; i < HOSTILE.size(); i++) {
      Portal.Reply customer =
          Portal.get("/api/v1/customers/" + customerIds.get(i), "agent.acme", "acme");
      assertEquals(200, customer.status(), customer.body());
      assertTrue(customer.contentType().startsWith("application/json"), customer.contentType());
      assertEquals(HOSTILE.get(i), customer.json().getString("name"));
    }
    JsonObject dispute = Portal.get("/api/v1/disputes/" + disputeId, "customer.acme", null).json();
    assertEquals(String.join(" ", HOSTILE), dispute.getString("description"));
    List<String> messages =
        dispute.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
            .map(m -> m.getString("body"))
            .toList();
    assertTrue(messages.containsAll(HOSTILE), messages.toString());
    List<String> comments =
        Portal.get("/api/v1/scorecards?period=" + PERIOD, "cfo.acme", null)
            .json()
            .getJsonArray("comments")
            .getValuesAs(JsonObject.class)
            .stream()
            .map(c -> c.getString("body"))
            .toList();
    assertEquals(HOSTILE, comments);
  }

  @Test
  void hostileStringsRenderAsTextOnEveryScreenThatShowsThem() {
    ChromeDriver customer = open();
    Browsers.signIn(customer, "customer.acme", "/dispute/" + disputeId);
    sessionCookieIsHttpOnlyAndSameSite(customer);
    showsLiterally(customer, "dispute-description", List.of(String.join(" ", HOSTILE)));
    showsLiterally(customer, "dispute-thread", HOSTILE);
    assertNothingInjected(customer, "the customer's dispute");

    ChromeDriver agent = open();
    Browsers.signIn(agent, "agent.acme", "/dispute/" + disputeId);
    showsLiterally(agent, "dispute-thread", HOSTILE);
    assertNothingInjected(agent, "the agent's dispute");
    agent.get(Portal.URL + "/disputes");
    new WebDriverWait(agent, java.time.Duration.ofSeconds(60))
        .until(d -> cells(d, "disputes-grid").size() > 0);
    assertNothingInjected(agent, "the dispute list");
    agent.get(Portal.URL + "/customers");
    Browsers.click(agent, By.cssSelector("vaadin-text-field[placeholder] input"));
    agent
        .findElement(By.cssSelector("vaadin-text-field[placeholder] input"))
        .sendKeys(CUSTOMER_PREFIX);
    new WebDriverWait(agent, java.time.Duration.ofSeconds(60))
        .until(d -> cells(d, "customers-grid").containsAll(HOSTILE));
    assertNothingInjected(agent, "the customer list");
    for (int i = 0; i < HOSTILE.size(); i++) {
      agent.get(Portal.URL + "/customer/" + customerIds.get(i));
      String expected = HOSTILE.get(i);
      new WebDriverWait(agent, java.time.Duration.ofSeconds(60))
          .until(d -> d.findElement(By.tagName("body")).getText().contains(expected));
      assertEquals(CUSTOMER_PREFIX + (i + 1) + " · " + expected, agent.getTitle());
      assertNothingInjected(agent, "customer " + expected);
    }

    ChromeDriver client = open();
    Browsers.signIn(client, "cfo.acme", "/scorecard?period=" + PERIOD);
    showsLiterally(client, "scorecard-comments", HOSTILE);
    assertNothingInjected(client, "the scorecard");
  }

  /** Not hostile input, but seen best here, in a real browser after a real sign-in. */
  private static void sessionCookieIsHttpOnlyAndSameSite(ChromeDriver browser) {
    new WebDriverWait(browser, java.time.Duration.ofSeconds(60))
        .until(d -> d.manage().getCookieNamed("JSESSIONID") != null);
    org.openqa.selenium.Cookie session = browser.manage().getCookieNamed("JSESSIONID");
    assertTrue(session.isHttpOnly(), "JSESSIONID is HttpOnly");
    assertEquals("Lax", session.getSameSite(), "JSESSIONID is SameSite=Lax");
    for (org.openqa.selenium.Cookie c : browser.manage().getCookies()) {
      assertTrue(
          c.getSameSite() != null && !c.getSameSite().equals("None"),
          c.getName() + " has SameSite " + c.getSameSite());
    }
  }

  private static void showsLiterally(ChromeDriver browser, String id, List<String> texts) {
    new WebDriverWait(browser, java.time.Duration.ofSeconds(60))
        .until(
            d -> {
              String shown = d.findElement(By.id(id)).getText();
              return texts.stream().allMatch(shown::contains);
            });
  }

  /**
   * No alert is open, and no element that a payload would have made exists, in the page or any
   * shadow root.
   */
  private static void assertNothingInjected(ChromeDriver browser, String where) {
    try {
      String text = browser.switchTo().alert().getText();
      fail("an alert fired on " + where + ": " + text);
    } catch (NoAlertPresentException expected) {
      // as it should be
    }
    @SuppressWarnings("unchecked")
    List<Object> injected =
        (List<Object>)
            browser.executeScript(
                """
        const found = [];
        const walk = root => root.querySelectorAll('*').forEach(e => {
          const tag = e.tagName.toLowerCase();
          if ((tag === 'img' && e.getAttribute('src') === 'x') || e.hasAttribute('onerror') || e.hasAttribute('onload')
              || (tag === 'script' && e.textContent.includes('alert(1)'))) {
            found.push(e.outerHTML);
          }
          if (e.shadowRoot) { walk(e.shadowRoot); }
        });
        walk(document);
        return found;""");
    assertTrue(injected.isEmpty(), "injected into " + where + ": " + injected);
  }

  private static List<String> cells(org.openqa.selenium.WebDriver browser, String gridId) {
    return browser.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
        .map(e -> e.getText())
        .collect(Collectors.toList());
  }

  private ChromeDriver open() {
    ChromeDriver browser = Browsers.open();
    browsers.add(browser);
    return browser;
  }
}
