package com.bpo.portal.it.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Browsers;
import com.bpo.portal.it.Portal;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The procedure journey in real browsers: a lead drafts a new version of a procedure in force and
 * submits it; the client's stakeholder, in another browser, approves it; the lead makes it
 * effective; an agent reads it and acknowledges it, and the acknowledgement is on record.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProcedureBrowserIT {
  static final String TITLE = "FIX-PROC-BROWSER-" + UUID.randomUUID().toString().substring(0, 8);
  static final String WORD = "Reconcile the lockbox file before 10:00";
  static long procedureId;
  private final List<ChromeDriver> browsers = new ArrayList<>();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  /**
   * A procedure whose version 1 is in force since a month ago (written as the application would
   * have).
   */
  @BeforeAll
  static void createProcedure() throws SQLException {
    Portal.Reply created =
        Portal.post(
            "/api/v1/procedures",
            "ops.lead",
            "acme",
            Json.createObjectBuilder()
                .add("title", TITLE)
                .add("processArea", "CASH_APPLICATION")
                .add("clientApprovalRequired", true)
                .add(
                    "content",
                    "# Lockbox\n\n1. Download the lockbox file.\n2. Post the receipts.\n")
                .build()
                .toString());
    assertEquals(201, created.status(), created.body());
    procedureId = created.json().getJsonObject("procedure").getJsonNumber("id").longValue();
    LocalDate monthAgo = LocalDate.now(ZoneId.of("America/New_York")).minusDays(30);
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        s.execute("select set_config('app.tenant_id', 'acme', true)");
      }
      try (PreparedStatement update =
          db.prepareStatement(
              "update procedure_version set status = 'EFFECTIVE', "
                  + "approved_by = 'cfo.acme', approved_at = now() - interval '31 days', effective_from = ? "
                  + "where tenant_id = 'acme' and procedure_id = ? and number = 1")) {
        update.setObject(1, monthAgo);
        update.setLong(2, procedureId);
        assertEquals(1, update.executeUpdate());
      }
      db.commit();
    }
  }

  @AfterAll
  static void deleteProcedure() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        s.execute("select set_config('app.tenant_id', 'acme', true)");
        s.executeUpdate("delete from mail_outbox where subject like '%" + TITLE + "%'");
        s.executeUpdate("delete from procedure where title = '" + TITLE + "'");
      }
      db.commit();
    }
  }

  @AfterEach
  void closeBrowsers() {
    for (int i = 0; i < browsers.size(); i++) {
      Browsers.screenshot(browsers.get(i), "procedure-journey-" + i);
      browsers.get(i).quit();
    }
  }

  @Test
  void aLeadDraftsANewVersionAStakeholderApprovesItAndAnAgentAcknowledgesIt() {
    String page = "/procedure/" + procedureId;

    // the lead opens a draft from the version in force, edits it with a live preview, and submits
    // it
    ChromeDriver lead = open();
    WebDriverWait leadWait = Browsers.waitFor(lead);
    Browsers.signIn(lead, "ops.lead", page);
    leadWait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("procedure-title"), TITLE));
    Browsers.click(lead, By.id("procedure-new-draft"));
    Browsers.click(lead, By.id("procedure-edit-draft"));
    WebElement text =
        leadWait.until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("#draft-content textarea")));
    text.sendKeys(
        Keys.chord(Keys.CONTROL, Keys.END),
        "3. " + WORD + ".\n<script>document.title='owned'</script>\n");
    leadWait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("draft-preview"), WORD));
    assertTrue(
        lead.findElements(By.cssSelector("#draft-preview script")).isEmpty(),
        "the preview runs no script");
    lead.findElement(By.cssSelector("#draft-note input")).sendKeys("Lockbox cut-off");
    Browsers.click(lead, By.id("draft-save"));
    leadWait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("procedure-open-text"), WORD));
    Browsers.click(lead, By.id("procedure-step-submit"));
    Browsers.click(lead, By.id("step-confirm"));
    leadWait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("procedure-open-status"), "In review"));
    assertTrue(
        lead.findElements(By.id("procedure-step-approve")).isEmpty(),
        "the client approves, not the lead");

    // the client's stakeholder approves it
    ChromeDriver stakeholder = open();
    WebDriverWait stakeholderWait = Browsers.waitFor(stakeholder);
    Browsers.signIn(stakeholder, "cfo.acme", page);
    stakeholderWait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("procedure-open-text"), WORD));
    assertTrue(stakeholder.findElements(By.id("procedure-edit-draft")).isEmpty());
    Browsers.click(stakeholder, By.id("procedure-step-approve"));
    Browsers.click(stakeholder, By.id("step-confirm"));
    stakeholderWait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("procedure-open-status"), "Approved"));

    // the lead puts it in force from today
    lead.navigate().refresh();
    Browsers.click(lead, By.id("procedure-step-make-effective"));
    Browsers.click(lead, By.id("step-confirm"));
    leadWait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("procedure-effective-caption"), "Version 2"));
    assertFalse("owned".equals(lead.getTitle()));

    // an agent reads it and acknowledges it
    ChromeDriver agent = open();
    WebDriverWait agentWait = Browsers.waitFor(agent);
    Browsers.signIn(agent, "agent.acme", page);
    agentWait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("procedure-effective"), WORD));
    assertTrue(agent.findElements(By.cssSelector("#procedure-effective script")).isEmpty());
    Browsers.click(agent, By.id("procedure-acknowledge"));
    agentWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("procedure-acknowledged")));
    assertTrue(
        agent.findElement(By.id("procedure-acks")).getText().contains("Arjun Agent"),
        agent.findElement(By.id("procedure-acks")).getText());

    JsonObject acks =
        Portal.get("/api/v1/procedures/" + procedureId + "/acknowledgements", "ops.lead", "acme")
            .json();
    assertEquals(2, acks.getInt("number"));
    assertTrue(
        acks.getJsonArray("acknowledged").stream()
            .anyMatch(a -> a.asJsonObject().getString("username").equals("agent.acme")),
        acks.toString());
    assertFalse(
        acks.getJsonArray("pending").stream()
            .anyMatch(p -> p.asJsonObject().getString("username").equals("agent.acme")),
        acks.toString());
    JsonObject detail = Portal.get("/api/v1/procedures/" + procedureId, "cfo.acme", "acme").json();
    assertEquals(
        "SUPERSEDED", detail.getJsonArray("versions").getJsonObject(1).getString("status"));
    assertEquals(
        "cfo.acme", detail.getJsonArray("versions").getJsonObject(0).getString("approvedBy"));
  }

  private ChromeDriver open() {
    ChromeDriver browser = Browsers.open();
    browsers.add(browser);
    return browser;
  }
}
