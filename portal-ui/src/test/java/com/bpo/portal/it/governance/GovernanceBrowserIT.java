package com.bpo.portal.it.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Browsers;
import com.bpo.portal.it.Portal;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The governance journey in real browsers: a lead plans a weekly operations call and captures an
 * action in it; a client stakeholder, in another browser, comments on the action; time passes, the
 * action falls overdue, the escalation round runs, and the stakeholder sees it escalated with the
 * escalation in its history, and the lead sees it in the board's escalated column.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GovernanceBrowserIT {
  static final String PREFIX = "IT-GOV-BROWSER ";
  private final List<ChromeDriver> browsers = new ArrayList<>();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeAll
  @AfterAll
  static void removeFixture() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        s.execute("select set_config('app.tenant_id', 'acme', true)");
        s.executeUpdate("delete from governance_entry where title like '" + PREFIX + "%'");
        s.executeUpdate("delete from governance_meeting where title like '" + PREFIX + "%'");
      }
      db.commit();
    }
  }

  @AfterEach
  void closeBrowsers() {
    for (int i = 0; i < browsers.size(); i++) {
      Browsers.screenshot(browsers.get(i), "governance-journey-" + i);
      browsers.get(i).quit();
    }
  }

  @Test
  void aLeadCapturesAnActionInAMeetingAStakeholderCommentsAndItEscalatesWhenOverdue() {
    // the lead plans the meeting and captures an action in it
    ChromeDriver lead = open();
    WebDriverWait leadWait = Browsers.waitFor(lead);
    Browsers.signIn(lead, "ops.lead", "/governance/meetings");
    Browsers.click(lead, By.id("meetings-plan"));
    WebElement title =
        leadWait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#meeting-title input")));
    title.sendKeys(Keys.chord(Keys.CONTROL, "a"), PREFIX + "weekly operations call");
    Browsers.click(lead, By.id("meeting-save"));
    leadWait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("meeting-heading"), PREFIX));
    long meeting =
        Long.parseLong(lead.getCurrentUrl().replaceAll(".*/governance/meeting/(\\d+).*", "$1"));

    Browsers.click(lead, By.id("meeting-capture"));
    leadWait
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#entry-title input")))
        .sendKeys(PREFIX + "Clear the unapplied cash backlog");
    lead.findElement(By.cssSelector("#entry-description textarea"))
        .sendKeys("Agreed in the weekly call.");
    Browsers.click(lead, By.id("entry-save"));
    leadWait.until(
        d ->
            cellTexts(d, "meeting-captured").stream()
                .anyMatch(t -> t.contains("unapplied cash backlog")));

    JsonObject captured =
        Portal.get("/api/v1/governance/entries?meeting=" + meeting, "ops.lead", "acme")
            .json()
            .getJsonArray("items")
            .getJsonObject(0);
    long entry = captured.getJsonNumber("id").longValue();
    assertEquals("ACTION", captured.getString("type"));
    assertEquals("OPEN", captured.getString("status"));

    // the client stakeholder comments on it
    ChromeDriver stakeholder = open();
    WebDriverWait stakeholderWait = Browsers.waitFor(stakeholder);
    Browsers.signIn(stakeholder, "cfo.acme", "/governance/entry/" + entry);
    stakeholderWait
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#entry-comment textarea")))
        .sendKeys("We need this before the month-end close.");
    Browsers.click(stakeholder, By.id("entry-comment-post"));
    stakeholderWait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("entry-thread"), "before the month-end close"));

    // time passes: the action is due three days ago, and the escalation round runs
    JsonObject now =
        Portal.get("/api/v1/governance/entries/" + entry, "ops.lead", "acme")
            .json()
            .getJsonObject("entry");
    LocalDate due = LocalDate.now(ZoneId.of("America/New_York")).minusDays(3);
    String edit =
        Json.createObjectBuilder()
            .add("title", now.getString("title"))
            .add("area", now.getString("area"))
            .add("priority", now.getString("priority"))
            .add("dueDate", due.toString())
            .add("description", "Agreed in the weekly call.")
            .add("version", now.getJsonNumber("version").longValue())
            .build()
            .toString();
    Portal.Reply moved =
        Portal.send(
            HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/governance/entries/" + entry))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + Portal.token("ops.lead"))
                .header("X-Tenant", "acme")
                .PUT(HttpRequest.BodyPublishers.ofString(edit)));
    assertEquals(200, moved.status(), moved.body());
    Portal.Reply run = Portal.post("/api/v1/governance/escalations/run", "ops.lead", "acme", "");
    assertEquals(200, run.status(), run.body());

    // the stakeholder sees it escalated, overdue, and why in its history
    stakeholder.navigate().refresh();
    stakeholderWait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("entry-status"), "Escalated"));
    assertTrue(
        stakeholder.findElement(By.id("entry-due-value")).getText().contains("Overdue"),
        stakeholder.findElement(By.id("entry-due-value")).getText());
    stakeholderWait.until(d -> cellTexts(d, "entry-history").contains("Escalated as overdue"));
    assertTrue(cellTexts(stakeholder, "entry-history").contains("Commented"));

    // and the lead's board shows it in the escalated column
    lead.get(Portal.URL + "/governance/board");
    leadWait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("board-escalated"), "unapplied cash backlog"));
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
