package com.bpo.portal.it.identity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Browsers;
import com.bpo.portal.it.Portal;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core (Deque's accessibility engine, from npm: {@code bin/portal test} installs it and names
 * its script in {@code PORTAL_AXE_SCRIPT}) on every screen each role reaches from the menu, as that
 * role, at desktop width, and the customer's screens on a 390 px phone too: no serious or critical
 * violation of WCAG 2.1 A and AA. Each failure names the screen, the rule and the elements.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessibilityBrowserIT {
  private static final List<String> LEAD =
      List.of(
          "/",
          "/invoices",
          "/invoices/import",
          "/customers",
          "/receivables/aging",
          "/collections",
          "/collections/runs",
          "/collections/strategies",
          "/collections/reminders", // the customer's: the lead is shown "not found", with a title
          "/cash",
          "/approvals",
          "/credit/reviews",
          "/close",
          "/disputes",
          "/disputes/analysis",
          "/disputes/settings",
          "/scorecard",
          "/governance",
          "/governance/board",
          "/governance/meetings",
          "/procedures",
          "/procedures/reviews",
          "/audit",
          "/webhooks");
  private static final List<String> AGENT =
      List.of("/", "/invoices", "/customers", "/collections", "/cash", "/disputes");
  private static final List<String> STAKEHOLDER =
      List.of("/", "/scorecard", "/governance", "/procedures", "/close", "/approvals", "/audit");
  private static final List<String> CUSTOMER =
      List.of(
          "/", "/invoices", "/disputes", "/disputes/new", "/remittances", "/collections/reminders");
  private static final List<String> ADMIN =
      List.of("/admin/tenants", "/admin/tenants/new", "/admin/actions");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @Test
  void everyScreenOfTheBpoLeadHasNoSeriousOrCriticalViolation() {
    assertNoViolations("ops.lead", LEAD, null);
  }

  @Test
  void everyDetailScreenHasNoSeriousOrCriticalViolation() throws SQLException {
    long customer = id("select id from customer_account where number = 'A-1001'");
    long invoice =
        id(
            "select id from invoice where customer_account_id = "
                + customer
                + " order by id limit 1");
    long dispute =
        id(
            "select id from dispute where customer_account_id = "
                + customer
                + " order by id limit 1");
    List<String> found = new ArrayList<>();
    found.addAll(
        scan(
            "ops.lead",
            List.of(
                "/invoice/" + invoice,
                "/dispute/" + dispute,
                "/customer/" + customer,
                "/collections/account/" + customer,
                "/governance/entry/" + id("select id from governance_entry order by id limit 1"),
                "/governance/meeting/"
                    + id("select id from governance_meeting order by id limit 1"),
                "/procedure/" + id("select id from procedure order by id limit 1")),
            null));
    found.addAll(
        scan(
            "customer.acme",
            List.of("/invoice/" + invoice, "/dispute/" + dispute),
            new Dimension(390, 844)));
    found.addAll(scan("admin", List.of("/admin/tenant/acme"), null));
    assertTrue(found.isEmpty(), String.join("\n", found));
  }

  /** The first id the query finds in acme, read as the owner. */
  private static long id(String query) throws SQLException {
    try (Connection db = Portal.asOwner();
        Statement s = db.createStatement()) {
      db.setAutoCommit(false);
      s.execute("select set_config('app.tenant_id', 'acme', true)");
      try (ResultSet rs = s.executeQuery(query)) {
        if (!rs.next()) {
          throw new IllegalStateException("nothing in acme for: " + query);
        }
        return rs.getLong(1);
      }
    }
  }

  @Test
  void everyScreenOfTheAgentAndTheClientStakeholderHasNoSeriousOrCriticalViolation() {
    List<String> found = new ArrayList<>();
    found.addAll(scan("agent.acme", AGENT, null));
    found.addAll(scan("cfo.acme", STAKEHOLDER, null));
    assertTrue(found.isEmpty(), String.join("\n", found));
  }

  @Test
  void everyScreenOfTheCustomerHasNoSeriousOrCriticalViolationOnADesktopOrAPhone() {
    List<String> found = new ArrayList<>();
    found.addAll(scan("customer.acme", CUSTOMER, null));
    found.addAll(scan("customer.acme", CUSTOMER, new Dimension(390, 844)));
    assertTrue(found.isEmpty(), String.join("\n", found));
  }

  @Test
  void everyScreenOfThePlatformAdminHasNoSeriousOrCriticalViolation() {
    assertNoViolations("admin", ADMIN, null);
  }

  private static void assertNoViolations(String user, List<String> paths, Dimension size) {
    List<String> found = scan(user, paths, size);
    assertTrue(found.isEmpty(), String.join("\n", found));
  }

  /** Signs in as the user, opens each screen and runs axe on it; one line per violation. */
  private static List<String> scan(String user, List<String> paths, Dimension size) {
    String axe = axeScript();
    ChromeDriver browser = Browsers.open();
    List<String> found = new ArrayList<>();
    try {
      if (size != null) {
        browser.manage().window().setSize(size);
      }
      browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
      Browsers.signIn(browser, user, paths.get(0));
      String width = size == null ? "desktop" : size.getWidth() + " px";
      for (String path : paths) {
        browser.get(Portal.URL + path);
        awaitSettled(browser);
        browser.executeScript(axe);
        Object answer =
            browser.executeAsyncScript(
                """
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                                   resultTypes: ['violations']})
                  .then(r => done(JSON.stringify(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({id: v.id, impact: v.impact, help: v.help,
                                nodes: v.nodes.slice(0, 3).map(n => JSON.stringify(n.target))})))))
                  .catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));
                """);
        JsonArray violations = Json.createReader(new StringReader((String) answer)).readArray();
        for (JsonValue value : violations) {
          JsonObject v = value.asJsonObject();
          found.add(
              user
                  + " "
                  + path
                  + " ("
                  + width
                  + "): "
                  + v.getString("impact")
                  + " "
                  + v.getString("id")
                  + ": "
                  + v.getString("help")
                  + " "
                  + v.getJsonArray("nodes"));
        }
      }
    } finally {
      browser.quit();
    }
    return found;
  }

  /** The screen drawn: Vaadin's client has no request under way and the layout is there. */
  private static void awaitSettled(ChromeDriver browser) {
    Browsers.waitFor(browser)
        .ignoring(org.openqa.selenium.JavascriptException.class)
        .until(
            d ->
                Boolean.TRUE.equals(
                    browser.executeScript(
                        "return !!document.querySelector('vaadin-app-layout') && !!window.Vaadin"
                            + " && !!window.Vaadin.Flow && Object.values(window.Vaadin.Flow.clients)"
                            + ".every(c => !c.isActive || !c.isActive())")));
    // grids fetch their first rows and web components upgrade after the server's answer
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String axeScript() {
    String path = System.getenv("PORTAL_AXE_SCRIPT");
    if (path == null || path.isBlank()) {
      throw new IllegalStateException(
          "PORTAL_AXE_SCRIPT names axe.min.js; bin/portal test installs axe-core and sets it");
    }
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
