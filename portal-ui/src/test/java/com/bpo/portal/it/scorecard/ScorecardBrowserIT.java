package com.bpo.portal.it.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Browsers;
import com.bpo.portal.it.Portal;
import com.bpo.portal.it.TenantFixtures;
import jakarta.json.JsonObject;
import java.sql.SQLException;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A client stakeholder's month end in a real browser: the BPO has published a scorecard; the
 * stakeholder opens it, drills from DSO into the receivables behind it, comes back and signs off.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScorecardBrowserIT {
  static final String MONTH = "2018-06";
  private ChromeDriver browser;
  private WebDriverWait wait;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeAll
  static void publishAScorecard() throws SQLException {
    TenantFixtures.publishScorecard("acme", MONTH);
  }

  @AfterAll
  static void removeMonth() throws SQLException {
    TenantFixtures.removeScorecard("acme", MONTH);
  }

  @AfterEach
  void close() {
    if (browser != null) {
      Browsers.screenshot(browser, "scorecard-sign-off");
      browser.quit();
    }
  }

  @Test
  void aStakeholderOpensTheScorecardDrillsIntoDsoAndSignsOff() {
    browser = Browsers.open();
    wait = Browsers.waitFor(browser);
    Browsers.signIn(browser, "cfo.acme", "/scorecard?period=" + MONTH);

    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("scorecard-status"), "Published"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scorecard-kpis")));
    // the DSO row is shown, named in words (not its code), and its name is the drill link
    assertEquals(
        "Days sales outstanding",
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scorecard-drill-dso")))
            .getText());

    // drill from DSO into the receivables behind it
    click(By.id("scorecard-drill-dso"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("aging-chart")));
    browser.navigate().back();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("scorecard-status"), "Published"));

    // sign off, confirming in the dialog
    click(By.id("scorecard-sign-off"));
    click(By.id("scorecard-sign-off-confirm"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("scorecard-status"), "Signed off"));
    assertTrue(browser.findElements(By.id("scorecard-sign-off")).isEmpty(), "nothing left to sign");

    JsonObject stored = Portal.get("/api/v1/scorecards?period=" + MONTH, "ops.lead", "acme").json();
    assertEquals("SIGNED_OFF", stored.getString("status"));
    assertEquals("cfo.acme", stored.getString("signedOffBy"));
  }

  private void click(By what) {
    Browsers.click(browser, what);
  }
}
