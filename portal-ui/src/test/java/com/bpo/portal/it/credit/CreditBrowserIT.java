package com.bpo.portal.it.credit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Browsers;
import com.bpo.portal.it.Portal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A limit increase in real browsers: an agent asks for it on the account page, the client's
 * stakeholder approves it from their approvals inbox, and the account shows the new limit and its
 * history.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CreditBrowserIT {
  static final String ACCOUNT = "CR-BR";
  static final String NAME = "Credit browser fixture (test data)";
  static long account;
  private final List<ChromeDriver> browsers = new ArrayList<>();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeAll
  static void createAccount() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      remove(db);
      try (Statement s = db.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "insert into customer_account (tenant_id, number, name, country, currency, "
                      + "credit_limit) values ('acme', '"
                      + ACCOUNT
                      + "', '"
                      + NAME
                      + "', 'US', 'USD', 5000) returning id")) {
        rs.next();
        account = rs.getLong(1);
      }
      db.commit();
    }
  }

  @AfterAll
  static void removeAccount() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      remove(db);
      db.commit();
    }
  }

  private static void bind(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("select set_config('app.tenant_id', 'acme', true)");
    }
  }

  private static void remove(Connection db) throws SQLException {
    String ours =
        "(select id from customer_account where tenant_id = 'acme' and number = '" + ACCOUNT + "')";
    String approvals =
        "(select id from approval where tenant_id = 'acme' and customer_account_id in "
            + ours
            + ")";
    try (Statement s = db.createStatement()) {
      s.executeUpdate(
          "delete from approval_decision where tenant_id = 'acme' and approval_id in " + approvals);
      for (String table :
          List.of("credit_limit_change", "credit_limit_request", "credit_profile")) {
        s.executeUpdate(
            "delete from "
                + table
                + " where tenant_id = 'acme' and customer_account_id in "
                + ours);
      }
      s.executeUpdate(
          "delete from approval where tenant_id = 'acme' and customer_account_id in " + ours);
      s.executeUpdate(
          "delete from customer_account where tenant_id = 'acme' and number = '" + ACCOUNT + "'");
    }
  }

  @AfterEach
  void closeBrowsers() {
    for (int i = 0; i < browsers.size(); i++) {
      Browsers.screenshot(browsers.get(i), "credit-journey-" + i);
      browsers.get(i).quit();
    }
  }

  private ChromeDriver open() {
    ChromeDriver browser = Browsers.open();
    browsers.add(browser);
    return browser;
  }

  @Test
  void anAgentAsksForAHigherLimitTheStakeholderApprovesAndTheAccountShowsItWithItsHistory() {
    ChromeDriver agent = open();
    WebDriverWait agentWait = Browsers.waitFor(agent);
    Browsers.signIn(agent, "agent.acme", "/customer/" + account);
    agentWait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("credit-limit"), "5,000.00"));
    Browsers.click(agent, By.id("credit-request-limit"));
    agentWait
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#limit-request-limit input")))
        .sendKeys("20000.00");
    agent
        .findElement(By.cssSelector("#limit-request-reason textarea"))
        .sendKeys("Orders double for the season");
    Browsers.click(agent, By.id("limit-request-send"));
    agentWait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("credit-requests"), "Waiting for approval"));
    assertTrue(
        agent.findElement(By.id("credit-limit")).getText().contains("5,000.00"),
        "not in force before approval");

    ChromeDriver stakeholder = open();
    WebDriverWait stakeholderWait = Browsers.waitFor(stakeholder);
    Browsers.signIn(stakeholder, "cfo.acme", "/approvals");
    Browsers.click(
        stakeholder, By.xpath("//vaadin-grid-cell-content[contains(., '" + NAME + "')]"));
    stakeholderWait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("approval-detail"), "Orders double for the season"));
    Browsers.click(stakeholder, By.id("approval-approve"));
    stakeholderWait.until(
        ExpectedConditions.invisibilityOfElementLocated(By.id("approval-approve")));

    agent.navigate().refresh();
    agentWait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("credit-limit"), "20,000.00"));
    String history = agent.findElement(By.id("credit-history")).getText();
    assertTrue(
        history.contains("20,000.00")
            && history.contains("5,000.00")
            && history.contains("Carla Acme")
            && !history.contains("cfo.acme"),
        "the limit change says who approved it by name, not by login: " + history);
    assertTrue(
        agent.findElement(By.id("credit-requests")).getText().contains("Approved"),
        agent.findElement(By.id("credit-requests")).getText());
  }
}
