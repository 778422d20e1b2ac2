package com.bpo.portal.it.dispute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Browsers;
import com.bpo.portal.it.Portal;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dispute journey in real browsers: a customer raises a dispute on an invoice with a PDF as
 * evidence; an agent, in another browser, starts the review and resolves it by accepting part of
 * it; the customer then sees the outcome, the credited amount and the invoice's new open balance.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DisputeBrowserIT {
  static final String INVOICE = "FIX-BROWSER-DISP";
  static long invoiceId;
  private final List<ChromeDriver> browsers = new ArrayList<>();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  /**
   * An invoice of 500.00 to A-1001 (customer.acme's account), due long ago so that it lists first.
   */
  @BeforeAll
  static void createInvoice() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      removeFixture(db);
      try (PreparedStatement insert =
          db.prepareStatement(
              """
          insert into invoice (tenant_id, number, customer_account_id, issue_date, due_date, currency,
                               net_amount, tax_amount, total_amount)
          select 'acme', ?, id, date '2020-01-01', date '2020-01-31', currency, 500.00, 0, 500.00
          from customer_account where tenant_id = 'acme' and number = 'A-1001' returning id""")) {
        insert.setString(1, INVOICE);
        try (ResultSet rs = insert.executeQuery()) {
          rs.next();
          invoiceId = rs.getLong(1);
        }
      }
      db.commit();
    }
  }

  @AfterAll
  static void deleteInvoice() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      removeFixture(db);
      db.commit();
    }
  }

  private static void bind(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("select set_config('app.tenant_id', 'acme', true)");
    }
  }

  private static void removeFixture(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.executeUpdate(
          "delete from dispute where id in (select di.dispute_id from dispute_item di "
              + "join invoice i on i.tenant_id = di.tenant_id and i.id = di.invoice_id where i.number = '"
              + INVOICE
              + "')");
      s.executeUpdate(
          "delete from credit_note where invoice_id in (select id from invoice where number = '"
              + INVOICE
              + "')");
      s.executeUpdate("delete from invoice where number = '" + INVOICE + "'");
    }
  }

  @AfterEach
  void closeBrowsers() {
    for (int i = 0; i < browsers.size(); i++) {
      Browsers.screenshot(browsers.get(i), "dispute-journey-" + i);
      browsers.get(i).quit();
    }
  }

  @Test
  void aCustomerRaisesADisputeWithEvidenceAnAgentPartlyAcceptsItAndTheCustomerSeesTheNewBalance()
      throws IOException {
    ChromeDriver customer = open();
    WebDriverWait customerWait = new WebDriverWait(customer, Duration.ofSeconds(60));
    Browsers.signIn(customer, "customer.acme", "/disputes/new?invoice=" + invoiceId);

    // the invoice the customer came from is selected, its whole open amount proposed
    customerWait.until(d -> cellTexts(d, "raise-invoices").contains(INVOICE));
    Browsers.click(customer, By.id("raise-reason"));
    Browsers.click(customer, By.xpath("//vaadin-select-item[contains(., 'Quantity')]"));
    customerWait
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#raise-description textarea")))
        .sendKeys("Only 6 of the 10 pallets arrived.");
    Path evidence = Files.createTempFile("delivery-note", ".pdf");
    Files.writeString(
        evidence,
        "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
        StandardCharsets.US_ASCII);
    WebElement fileInput =
        (WebElement)
            ((JavascriptExecutor) customer)
                .executeScript(
                    "const i = document.getElementById('raise-upload').querySelector('input[type=file]')"
                        + " || document.getElementById('raise-upload').shadowRoot.querySelector('input[type=file]');"
                        + " i.hidden = false; i.style.display = 'block'; return i;");
    fileInput.sendKeys(evidence.toString());
    customerWait.until(
        d ->
            d.findElement(By.tagName("body"))
                .getText()
                .contains(evidence.getFileName().toString()));
    Browsers.click(customer, By.id("raise-submit"));

    customerWait.until(
        ExpectedConditions.textMatches(
            By.id("dispute-number"), java.util.regex.Pattern.compile("D-\\d+")));
    String number =
        customer.findElement(By.id("dispute-number")).getText().replaceAll(".*(D-\\d+).*", "$1");
    long disputeId = Long.parseLong(number.substring(2));
    assertTrue(customer.findElement(By.id("dispute-status")).getText().contains("New"));
    customerWait.until(
        d ->
            d.findElement(By.id("dispute-attachments"))
                .getText()
                .contains(evidence.getFileName().toString()));
    JsonObject invoice = Portal.get("/api/v1/invoices/" + invoiceId, "agent.acme", "acme").json();
    assertEquals("DISPUTED", invoice.getJsonObject("invoice").getString("status"));

    // an internal note of the BPO, written through the API, must never reach the customer's screen
    Portal.Reply note =
        Portal.post(
            "/api/v1/disputes/" + disputeId + "/messages",
            "agent.acme",
            "acme",
            "{\"body\": \"Internal: the carrier admits losing four pallets.\", \"visibility\": \"INTERNAL\"}");
    assertEquals(201, note.status(), note.body());

    // an agent, elsewhere, works it: review, then resolve by accepting 200.00 of the 500.00
    ChromeDriver agent = open();
    WebDriverWait agentWait = new WebDriverWait(agent, Duration.ofSeconds(60));
    Browsers.signIn(agent, "agent.acme", "/dispute/" + disputeId);
    Browsers.click(agent, By.id("dispute-action-start-review"));
    Browsers.click(agent, By.id("dispute-step-confirm"));
    agentWait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("dispute-status"), "In review"));
    Browsers.click(agent, By.id("dispute-action-resolve"));
    Browsers.click(agent, By.xpath("//vaadin-radio-button[contains(., 'Partly accepted')]"));
    agentWait
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#dispute-step-accepted input")))
        .sendKeys("200.00");
    agent
        .findElement(By.cssSelector("#dispute-step-note textarea"))
        .sendKeys("Four pallets were short; we credit them. The rest was delivered.");
    Browsers.click(agent, By.id("dispute-step-confirm"));
    agentWait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("dispute-status"), "Resolved"));

    // the customer sees the outcome, the explanation, the credit and the invoice's new balance
    customer.get(Portal.URL + "/dispute/" + disputeId);
    customerWait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("dispute-status"), "Partly accepted"));
    assertTrue(
        customer.findElement(By.id("dispute-settled")).getText().contains("200.00"),
        customer.findElement(By.id("dispute-settled")).getText());
    String thread = customer.findElement(By.id("dispute-thread")).getText();
    assertTrue(thread.contains("Four pallets were short"), thread);
    assertTrue(!thread.contains("carrier admits"), "the customer sees an internal note: " + thread);
    // the agent who explained is named, as the customer knows people; no sign-in name shows
    assertTrue(thread.contains("Arjun Agent"), thread);
    String page = customer.findElement(By.tagName("vaadin-app-layout")).getText();
    assertTrue(!page.contains("agent.acme") && !page.contains("customer.acme"), page);
    agent.navigate().refresh();
    agentWait.until(
        d -> d.findElement(By.id("dispute-thread")).getText().contains("carrier admits"));
    customer.get(Portal.URL + "/invoice/" + invoiceId);
    customerWait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("invoice-open"), "300.00"));
    assertTrue(
        customer.findElement(By.id("invoice-status")).getText().contains("Partly settled"),
        customer.findElement(By.id("invoice-status")).getText());
  }

  private ChromeDriver open() {
    ChromeDriver browser = Browsers.open();
    browsers.add(browser);
    return browser;
  }

  private static List<String> cellTexts(org.openqa.selenium.WebDriver browser, String gridId) {
    return browser.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
        .map(WebElement::getText)
        .toList();
  }
}
