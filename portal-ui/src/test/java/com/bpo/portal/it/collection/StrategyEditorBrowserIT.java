package com.bpo.portal.it.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Browsers;
import com.bpo.portal.it.Portal;
import java.sql.Connection;
import java.sql.ResultSet;
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
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The strategy editor in a real browser (issue 17). A lead starts a new version of a strategy from
 * the list, changes one step's day, saves by keyboard (Ctrl+Enter), confirms, and sees the version
 * listed; a step on the same day as another is refused by the service and the error lands on that
 * step's field. The fixture strategy (ZZ_BROWSER_IT) has the highest rank and a balance floor no
 * account reaches, so that the versions written here change no dunning run of other tests.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StrategyEditorBrowserIT {
  static final String CODE = "ZZ_BROWSER_IT";
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));
  private final List<ChromeDriver> browsers = new ArrayList<>();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeAll
  static void createFixture() throws SQLException {
    try (Connection db = Portal.asOwner();
        Statement s = db.createStatement()) {
      db.setAutoCommit(false);
      s.execute("select set_config('app.tenant_id', 'acme', true)");
      s.executeUpdate("delete from collection_strategy where code = '" + CODE + "'");
      ResultSet id =
          s.executeQuery(
              "insert into collection_strategy (tenant_id, code, version_no, name, rank, min_balance, "
                  + "effective_from, created_by) values ('acme', '"
                  + CODE
                  + "', 1, 'Browser test strategy', 10000, 999999999999.00, '"
                  + TODAY.minusYears(1)
                  + "', 'it') returning id");
      id.next();
      long strategy = id.getLong(1);
      s.executeUpdate(
          "insert into collection_strategy_step (tenant_id, strategy_id, step_no, day_offset, level, action, "
              + "template_key, needs_release) values ('acme', "
              + strategy
              + ", 1, -5, 0, 'MAIL', 'friendly', false), ('acme', "
              + strategy
              + ", 2, 10, 1, 'MAIL', 'first_reminder', true)");
      db.commit();
    }
  }

  @AfterAll
  static void removeFixture() throws SQLException {
    try (Connection db = Portal.asOwner();
        Statement s = db.createStatement()) {
      db.setAutoCommit(false);
      s.execute("select set_config('app.tenant_id', 'acme', true)");
      s.executeUpdate("delete from collection_strategy where code = '" + CODE + "'");
      db.commit();
    }
  }

  @AfterEach
  void closeBrowsers(TestInfo test) {
    for (int i = 0; i < browsers.size(); i++) {
      Browsers.screenshot(
          browsers.get(i),
          "strategy-editor-" + test.getTestMethod().map(m -> m.getName()).orElse("") + "-" + i);
      browsers.get(i).quit();
    }
  }

  @Test
  void aLeadAddsAVersionWithOneStepChangedAndSeesItListed() throws SQLException {
    int before = versions();
    ChromeDriver lead = open();
    WebDriverWait wait = Browsers.waitFor(lead);
    openEditor(lead, wait);
    Browsers.screenshot(lead, "strategy-editor-1366");
    WebElement days = dayField(lead, wait, 1);
    days.sendKeys(Keys.chord(Keys.CONTROL, "a"), "12", Keys.TAB);
    new Actions(lead).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
    Browsers.click(lead, By.id("strategy-confirm-save"));
    wait.until(ExpectedConditions.urlMatches(".*/collections/strategies$"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("strategies-grid"), CODE + " v" + (before + 1)));
    sleep(1000); // the grid settles its column widths
    Browsers.screenshot(lead, "strategy-list-1366");
    assertEquals(
        List.of("-5:0:MAIL:friendly:false", "12:1:MAIL:first_reminder:true"),
        steps(before + 1),
        "the new version has the changed day and the rest as it was");
    assertEquals(
        List.of("-5:0:MAIL:friendly:false", "10:1:MAIL:first_reminder:true"),
        steps(1),
        "the first version is untouched");

    // the new version on a phone: the form wraps instead of scrolling sideways
    lead.manage().window().setSize(new Dimension(390, 844));
    openEditor(lead, wait);
    dayField(lead, wait, 0);
    Browsers.screenshot(lead, "strategy-editor-390");
  }

  @Test
  void aStepOnTheSameDayAsAnotherIsRefusedOnThatStepsField() throws SQLException {
    int before = versions();
    ChromeDriver lead = open();
    WebDriverWait wait = Browsers.waitFor(lead);
    openEditor(lead, wait);
    // the last step moved onto the first step's day: the form lets it pass, the service refuses it
    int last = dayFieldCount(lead) - 1;
    String firstDay = dayField(lead, wait, 0).getAttribute("value");
    dayField(lead, wait, last).sendKeys(Keys.chord(Keys.CONTROL, "a"), firstDay, Keys.TAB);
    Browsers.click(lead, By.id("strategy-save"));
    Browsers.click(lead, By.id("strategy-confirm-save"));
    By field = By.id("strategy-step-" + last + "-days");
    wait.until(d -> invalid(lead, field));
    String message =
        (String) lead.executeScript("return arguments[0].errorMessage;", lead.findElement(field));
    assertEquals("Another step is on this day", message);
    assertTrue(
        !invalid(lead, By.id("strategy-step-0-days")), "only the step the service named is marked");
    assertTrue(lead.getCurrentUrl().contains("/collections/strategies/edit"), "the form stays");
    Browsers.screenshot(lead, "strategy-editor-error-1366");
    assertEquals(before, versions(), "nothing was stored");
  }

  private static void openEditor(ChromeDriver lead, WebDriverWait wait) {
    if (!lead.getCurrentUrl().startsWith(Portal.URL)) {
      Browsers.signIn(lead, "ops.lead", "/collections/strategies");
    } else {
      lead.get(Portal.URL + "/collections/strategies");
    }
    Browsers.click(lead, By.id("strategy-new-version-" + CODE));
    wait.until(ExpectedConditions.urlContains("/collections/strategies/edit?code=" + CODE));
  }

  private static WebElement dayField(ChromeDriver browser, WebDriverWait wait, int step) {
    return wait.ignoring(StaleElementReferenceException.class)
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#strategy-step-" + step + "-days input")));
  }

  private static boolean invalid(ChromeDriver browser, By field) {
    return Boolean.TRUE.equals(
        browser.executeScript("return arguments[0].invalid;", browser.findElement(field)));
  }

  private static int dayFieldCount(ChromeDriver browser) {
    return browser.findElements(By.cssSelector("vaadin-integer-field[id$='-days']")).size();
  }

  private static int versions() throws SQLException {
    List<String> n = rows("select count(*) from collection_strategy where code = '" + CODE + "'");
    return Integer.parseInt(n.get(0));
  }

  private static List<String> steps(int version) throws SQLException {
    return rows(
        "select t.day_offset || ':' || t.level || ':' || t.action || ':' || t.template_key || ':' || t.needs_release "
            + "from collection_strategy_step t join collection_strategy s on s.tenant_id = t.tenant_id "
            + "and s.id = t.strategy_id where s.code = '"
            + CODE
            + "' and s.version_no = "
            + version
            + " order by t.day_offset");
  }

  private static List<String> rows(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection db = Portal.asOwner();
        Statement s = db.createStatement()) {
      db.setAutoCommit(false);
      s.execute("select set_config('app.tenant_id', 'acme', true)");
      try (ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
      }
      db.commit();
    }
    return rows;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ChromeDriver open() {
    ChromeDriver browser = Browsers.open();
    browsers.add(browser);
    browser.manage().window().setSize(new Dimension(1366, 900));
    return browser;
  }
}
