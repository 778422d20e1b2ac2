package com.bpo.portal.it.cash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bpo.portal.it.Browsers;
import com.bpo.portal.it.Portal;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An agent clears three lines of the exception queue in a real browser: accepts a suggestion,
 * splits a payment over two invoices, and marks a stray payment for refund; and uploads a statement
 * on the screen, then puts a stranger's line on an account picked by name. Fixture: a CSV statement
 * booked long ago (so its lines list first) and three invoices of one customer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CashBrowserIT {
  static final String ACCOUNT = "FR7600000000000000000FIXBRCASH";
  private ChromeDriver browser;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeEach
  void fixture() throws SQLException {
    cleanUp();
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      try (Statement s = db.createStatement()) {
        s.executeUpdate(
            "insert into customer_account (tenant_id, number, name, country, currency) values "
                + "('acme', 'FIX-BR-C', 'Browser Fixture Ltd', 'US', 'USD')");
        s.executeUpdate(
            "insert into bank_account (tenant_id, account, currency, name) values ('acme', '"
                + ACCOUNT
                + "', 'USD', 'Fixture')");
      }
      invoice(db, "FIX-BR-000001", "400.00");
      invoice(db, "FIX-BR-000002", "500.00");
      invoice(db, "FIX-BR-000003", "300.00");
      db.commit();
    }
    String csv =
        "account,statement_id,entry_reference,booking_date,amount,currency,payer_name,payer_account,reference\n"
            + ACCOUNT
            + ",FIX-BR-S,BR1,2020-01-01,400.00,USD,Browser Fixture Ltd,,\n"
            + ACCOUNT
            + ",FIX-BR-S,BR2,2020-01-01,700.00,USD,Somebody,,see our mail\n"
            + ACCOUNT
            + ",FIX-BR-S,BR3,2020-01-01,50.00,USD,Stranger,,?\n";
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/cash/statements"))
            .header("Content-Type", "text/csv")
            .header("Authorization", "Bearer " + Portal.token("agent.acme"))
            .header("X-Tenant", "acme")
            .POST(HttpRequest.BodyPublishers.ofString(csv));
    Portal.Reply reply = Portal.send(request);
    assertEquals(201, reply.status(), reply.body());
    assertEquals(List.of("BR1|SUGGESTED", "BR2|UNAPPLIED", "BR3|UNAPPLIED"), lines());
  }

  @AfterEach
  void cleanUp() throws SQLException {
    if (browser != null) {
      Browsers.screenshot(browser, "cash-queue");
      browser.quit();
      browser = null;
    }
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      String lines =
          "(select l.id from bank_statement_line l join bank_statement s on s.id = l.statement_id "
              + "join bank_account a on a.id = s.bank_account_id where a.account = '"
              + ACCOUNT
              + "')";
      String customer = "(select id from customer_account where number = 'FIX-BR-C')";
      try (Statement s = db.createStatement()) {
        s.executeUpdate("delete from cash_match where line_id in " + lines);
        s.executeUpdate("delete from payer_identity where customer_account_id in " + customer);
        s.executeUpdate("delete from bank_statement_line where id in " + lines);
        s.executeUpdate(
            "delete from bank_statement where bank_account_id in (select id from bank_account where account = '"
                + ACCOUNT
                + "')");
        s.executeUpdate("delete from bank_account where account = '" + ACCOUNT + "'");
        s.executeUpdate(
            "delete from payment_allocation where invoice_id in (select id from invoice where number like 'FIX-BR-%')");
        s.executeUpdate("delete from payment where customer_account_id in " + customer);
        s.executeUpdate("delete from invoice where number like 'FIX-BR-%'");
        s.executeUpdate("delete from customer_account where number = 'FIX-BR-C'");
      }
      db.commit();
    }
  }

  @Test
  void anAgentClearsThreeLinesOneBySplittingIt() throws SQLException {
    browser = Browsers.open();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    Browsers.signIn(browser, "agent.acme", "/cash");

    // a suggestion, applied as proposed
    open("BR1");
    Browsers.click(browser, By.cssSelector("[id^='cash-accept-']"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("cash-line-dialog")));

    // a payment nobody announced, split over two invoices found by number
    open("BR2");
    Browsers.click(browser, By.id("cash-split"));
    choose(wait, 0, "fix-br-2");
    choose(wait, 1, "FIX-BR-000003");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("cash-split-remaining"), "0.00"));
    Browsers.click(browser, By.id("cash-split-save"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("cash-line-dialog")));

    // money that is not ours goes back
    open("BR3");
    wait.until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cash-refund-note input")))
        .sendKeys("Not a customer of ours");
    Browsers.click(browser, By.id("cash-refund"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("cash-line-dialog")));

    // the dialog closes as the decision is sent: wait for the last one to be stored
    List<String> decided = List.of("BR1|APPLIED", "BR2|APPLIED", "BR3|REFUND_REQUESTED");
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(
            d -> {
              try {
                return lines().equals(decided);
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    assertEquals(decided, lines());
    assertEquals(
        List.of("FIX-BR-000001|0.00", "FIX-BR-000002|0.00", "FIX-BR-000003|100.00"),
        rows(
            "select number || '|' || open_amount from invoice where number like 'FIX-BR-%' order by number"));
  }

  @Test
  void anAgentUploadsAStatementOnTheScreenAndPutsAStrangersLineOnAnAccountTheyPick()
      throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("fix-br-upload", ".csv");
    java.nio.file.Files.writeString(
        file,
        "account,statement_id,entry_reference,booking_date,amount,currency,payer_name,payer_account,reference\n"
            + ACCOUNT
            + ",FIX-BR-U,BRU1,2020-01-02,60.00,USD,Nobody we know,,?\n");
    browser = Browsers.open();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    Browsers.signIn(browser, "agent.acme", "/cash");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cash-upload")));
    WebElement fileInput =
        (WebElement)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "const u = document.getElementById('cash-upload');"
                        + " const i = u.querySelector('input[type=file]') || u.shadowRoot.querySelector('input[type=file]');"
                        + " i.hidden = false; i.style.display = 'block'; return i;");
    fileInput.sendKeys(file.toString());
    // imported through the screen as through the API: matched, and said so
    wait.until(d -> d.findElement(By.tagName("body")).getText().contains("Statement FIX-BR-U"));
    assertEquals(List.of("BRU1|UNAPPLIED"), lines("FIX-BR-U"));

    // nobody recognised the payer: the agent picks the customer whose account takes it
    open("BRU1");
    wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#cash-on-account-customer input")))
        .sendKeys("FIX-BR-C");
    wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-combo-box-item[contains(., 'Browser Fixture Ltd')]")))
        .click();
    Browsers.click(browser, By.id("cash-on-account"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("cash-line-dialog")));
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(
            d -> {
              try {
                return lines("FIX-BR-U").equals(List.of("BRU1|ON_ACCOUNT"));
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    assertEquals(
        List.of("Browser Fixture Ltd|60.00"),
        rows(
            "select c.name || '|' || l.on_account_amount from bank_statement_line l "
                + "join customer_account c on c.id = l.customer_account_id where l.entry_ref = 'BRU1'"));
    java.nio.file.Files.deleteIfExists(file);
  }

  /** The grid reloads after each decision, so the button is looked up again until a click lands. */
  private void open(String entryRef) {
    By button = By.cssSelector("vaadin-button[aria-label='Open bank line " + entryRef + "']");
    // the previous line's dialog must be gone first: while it closes, its fields are still in the
    // page and a wait for "a dialog" would find it instead of this line's
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> d.findElements(By.id("cash-line-dialog")).isEmpty());
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              d.findElement(button).click();
              return true;
            });
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("cash-line-dialog")));
  }

  /**
   * Types a number into a row's invoice box: the box looks it up and proposes what is left of the
   * line.
   */
  private void choose(WebDriverWait wait, int row, String number) {
    wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#cash-split-invoice-" + row + " input")))
        .sendKeys(number + Keys.ENTER);
    wait.until(
        d ->
            !d.findElement(By.cssSelector("#cash-split-amount-" + row + " input"))
                .getAttribute("value")
                .isBlank());
  }

  private static List<String> lines() throws SQLException {
    return lines("FIX-BR-S");
  }

  private static List<String> lines(String statement) throws SQLException {
    return rows(
        "select l.entry_ref || '|' || l.status from bank_statement_line l join bank_statement s "
            + "on s.id = l.statement_id where s.statement_id = '"
            + statement
            + "' order by l.entry_ref");
  }

  private static void bind(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("select set_config('app.tenant_id', 'acme', true)");
    }
  }

  private static void invoice(Connection db, String number, String total) throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            """
        insert into invoice (tenant_id, number, customer_account_id, issue_date, due_date, currency,
                             net_amount, tax_amount, total_amount)
        select 'acme', ?, id, date '2019-12-01', date '2019-12-31', 'USD', ?, 0, ? from customer_account
        where number = 'FIX-BR-C'""")) {
      insert.setString(1, number);
      insert.setBigDecimal(2, new BigDecimal(total));
      insert.setBigDecimal(3, new BigDecimal(total));
      assertEquals(1, insert.executeUpdate());
    }
  }

  private static List<String> rows(String sql) throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        List<String> out = new ArrayList<>();
        while (rs.next()) {
          out.add(rs.getString(1));
        }
        db.rollback();
        return out;
      }
    }
  }
}
