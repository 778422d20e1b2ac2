package com.bpo.portal.it.close;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Browsers;
import com.bpo.portal.it.Portal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The close in real browsers, on a month of acme's with no activity (May 2019): the lead enters the
 * ledger balance, sees the reconciliation explained and publishes after confirming; the client's
 * stakeholder finds it waiting, signs it off after confirming, and nothing is left to do.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CloseBrowserIT {
  static final String MONTH = "2019-05";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeEach
  @AfterEach
  void noCloseForTheMonth() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        s.execute("select set_config('app.tenant_id', 'acme', true)");
        s.executeUpdate("delete from month_close_comment where period = '" + MONTH + "'");
        s.executeUpdate("delete from month_close where period = '" + MONTH + "'");
        s.executeUpdate("delete from reconciling_item where period = '" + MONTH + "'");
        s.executeUpdate("delete from ledger_balance where period = '" + MONTH + "'");
      }
      db.commit();
    }
  }

  @Test
  void theLeadPublishesTheCloseAndTheStakeholderSignsItOff() {
    ChromeDriver lead = Browsers.open();
    try {
      WebDriverWait wait = Browsers.waitFor(lead);
      Browsers.signIn(lead, "ops.lead", "/close?period=" + MONTH);
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("close-status"), "Draft"));
      wait.until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector("#close-ledger-amount input")))
          .sendKeys("0.00");
      Browsers.click(lead, By.id("close-ledger-save"));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("close-unexplained-USD"), "Explained"));
      Browsers.click(lead, By.id("close-publish"));
      Browsers.click(lead, By.id("close-confirm"));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("close-status"), "Published"));
      Browsers.screenshot(lead, "close-published");
    } finally {
      lead.quit();
    }

    ChromeDriver stakeholder = Browsers.open();
    try {
      WebDriverWait wait = Browsers.waitFor(stakeholder);
      Browsers.signIn(stakeholder, "cfo.acme", "/close?period=" + MONTH);
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("close-status"), "awaiting sign-off"));
      Browsers.click(stakeholder, By.id("close-sign-off"));
      Browsers.click(stakeholder, By.id("close-confirm"));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("close-status"), "Signed off"));
      assertTrue(
          stakeholder.findElements(By.id("close-sign-off")).isEmpty(), "nothing left to sign");
      Browsers.screenshot(stakeholder, "close-signed-off");
    } finally {
      stakeholder.quit();
    }
    assertEquals(
        "SIGNED_OFF",
        Portal.get("/api/v1/close/" + MONTH, "cfo.acme", null).json().getString("status"));
  }
}
