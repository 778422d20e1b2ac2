package com.bpo.portal.it.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bpo.portal.it.Browsers;
import com.bpo.portal.it.Portal;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Collections in a real browser. A collector works three accounts from the top of the worklist by
 * keyboard: open the first, log a call (Alt+L, Ctrl+Enter), next (Alt+N), record a promise (Alt+P),
 * next, log a call. The fixture's three accounts (FIX-COLLB-*) are agent.acme's, each with a
 * promise broken yesterday and a large overdue amount, so that they lead the worklist. A customer
 * proposes a promise to pay from an overdue invoice of theirs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CollectionsBrowserIT {
  static final String FIXTURE = "FIX-COLLB-";
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));
  private final List<ChromeDriver> browsers = new ArrayList<>();
  static long customerInvoice;
  static long promisesBefore;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeAll
  static void createFixture() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      deleteFixture(db);
      for (int i = 1; i <= 3; i++) {
        long account;
        try (PreparedStatement insert =
            db.prepareStatement(
                "insert into customer_account (tenant_id, number, name, "
                    + "country, currency, collector) values ('acme', ?, ?, 'US', 'USD', 'agent.acme') returning id")) {
          insert.setString(1, FIXTURE + i);
          insert.setString(2, "Browser fixture " + i + " (test data)");
          try (ResultSet rs = insert.executeQuery()) {
            rs.next();
            account = rs.getLong(1);
          }
        }
        try (Statement s = db.createStatement()) {
          BigDecimal total = new BigDecimal("9000000.00").subtract(BigDecimal.valueOf(i * 1000L));
          s.executeUpdate(
              "insert into invoice (tenant_id, number, customer_account_id, issue_date, due_date, currency, "
                  + "net_amount, tax_amount, total_amount) values ('acme', '"
                  + FIXTURE
                  + i
                  + "-1', "
                  + account
                  + ", '"
                  + TODAY.minusDays(60)
                  + "', '"
                  + TODAY.minusDays(30)
                  + "', 'USD', "
                  + total
                  + ", 0, "
                  + total
                  + ")");
          s.executeUpdate(
              "insert into collection_account (tenant_id, customer_account_id, risk_class) values ('acme', "
                  + account
                  + ", 'HIGH')");
          s.executeUpdate(
              "insert into promise_to_pay (tenant_id, customer_account_id, currency, amount, promised_on, "
                  + "status, made_on, decided_on, created_by) values ('acme', "
                  + account
                  + ", 'USD', 100.00, '"
                  + TODAY.minusDays(4)
                  + "', 'BROKEN', '"
                  + TODAY.minusDays(10)
                  + "', '"
                  + TODAY.minusDays(1)
                  + "', 'it')");
        }
      }
      try (Statement s = db.createStatement()) {
        ResultSet open =
            s.executeQuery(
                "select min(i.id) from invoice i join customer_account c on c.tenant_id = "
                    + "i.tenant_id and c.id = i.customer_account_id where i.tenant_id = 'acme' and c.number = 'A-1001' "
                    + "and i.open_amount > i.disputed_amount + 5 and i.due_date < '"
                    + TODAY
                    + "'");
        open.next();
        customerInvoice = open.getLong(1);
        ResultSet max =
            s.executeQuery(
                "select coalesce(max(id), 0) from promise_to_pay where tenant_id = 'acme'");
        max.next();
        promisesBefore = max.getLong(1);
      }
      db.commit();
    }
  }

  @AfterAll
  static void removeFixture() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      deleteFixture(db);
      try (Statement s = db.createStatement()) {
        s.executeUpdate(
            "delete from promise_to_pay where tenant_id = 'acme' and created_by = 'customer.acme' and id > "
                + promisesBefore);
      }
      db.commit();
    }
  }

  private static void bind(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("select set_config('app.tenant_id', 'acme', true)");
    }
  }

  private static void deleteFixture(Connection db) throws SQLException {
    String accounts =
        "(select id from customer_account where tenant_id = 'acme' and number like '"
            + FIXTURE
            + "%')";
    try (Statement s = db.createStatement()) {
      s.executeUpdate(
          "delete from dunning_notice where tenant_id = 'acme' and customer_account_id in "
              + accounts);
      s.executeUpdate(
          "delete from promise_to_pay where tenant_id = 'acme' and customer_account_id in "
              + accounts);
      s.executeUpdate(
          "delete from invoice where tenant_id = 'acme' and customer_account_id in " + accounts);
      s.executeUpdate(
          "delete from customer_account where tenant_id = 'acme' and number like '"
              + FIXTURE
              + "%'");
    }
  }

  @AfterEach
  void closeBrowsers(org.junit.jupiter.api.TestInfo test) {
    for (int i = 0; i < browsers.size(); i++) {
      Browsers.screenshot(
          browsers.get(i),
          "collections-" + test.getTestMethod().map(m -> m.getName()).orElse("") + "-" + i);
      browsers.get(i).quit();
    }
  }

  @Test
  void aCollectorWorksThreeAccountsFromTheWorklistByKeyboard() throws SQLException {
    ChromeDriver agent = open();
    WebDriverWait wait =
        (WebDriverWait) Browsers.waitFor(agent).ignoring(StaleElementReferenceException.class);
    Browsers.signIn(agent, "agent.acme", "/collections");
    // the lazy grid may render its rows again while they arrive: find the link afresh until Enter
    // lands
    wait.ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              d.findElement(By.id("worklist-open-" + FIXTURE + "1")).sendKeys(Keys.ENTER);
              return true;
            });
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("account-title"), FIXTURE + "1"));

    logCall(agent, wait);
    next(agent, wait, FIXTURE + "2");
    // record a promise: Alt+P, the amount typed over the suggestion, Ctrl+Enter
    new Actions(agent).keyDown(Keys.ALT).sendKeys("p").keyUp(Keys.ALT).perform();
    WebElement amount =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#promise-amount input")));
    amount.sendKeys(Keys.chord(Keys.CONTROL, "a"), "5000.00");
    new Actions(agent).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
    wait.until(
        d ->
            d.findElements(By.cssSelector("#account-promises vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().contains("5,000.00")));
    next(agent, wait, FIXTURE + "3");
    logCall(agent, wait);

    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      assertEquals(
          List.of(FIXTURE + "1:CALL:agent.acme", FIXTURE + "3:CALL:agent.acme"),
          rows(
              db,
              "select c.number || ':' || a.kind || ':' || a.created_by from collection_activity a join customer_account c "
                  + "on c.tenant_id = a.tenant_id and c.id = a.customer_account_id where a.tenant_id = 'acme' "
                  + "and c.number like '"
                  + FIXTURE
                  + "%' order by c.number"));
      assertEquals(
          List.of(FIXTURE + "2:OPEN:5000.00"),
          rows(
              db,
              "select c.number || ':' || t.status || ':' || t.amount "
                  + "from promise_to_pay t join customer_account c on c.tenant_id = t.tenant_id and c.id = t.customer_account_id "
                  + "where t.tenant_id = 'acme' and c.number like '"
                  + FIXTURE
                  + "%' and t.status <> 'BROKEN'"));
      db.rollback();
    }
  }

  @Test
  void aLeadPicksCollectorsByNameAndGivesAnAccountToAnother() throws SQLException {
    ChromeDriver lead = open();
    WebDriverWait wait =
        (WebDriverWait) Browsers.waitFor(lead).ignoring(StaleElementReferenceException.class);
    Browsers.signIn(lead, "ops.lead", "/collections");
    try {
      // every account, not only those due today (the other test may have worked these already)
      Browsers.click(lead, By.id("worklist-due-only"));
      // whose worklist: picked by the name people know, not typed as a sign-in name
      pick(lead, wait, "worklist-collector", "Arjun", "Arjun Agent");
      wait.until(
          ExpectedConditions.presenceOfElementLocated(By.id("worklist-open-" + FIXTURE + "1")));
      // the first fixture account's row checkbox: the selection cell of the row holding its link
      wait.until(
          d -> {
            WebElement box =
                (WebElement)
                    lead.executeScript(
                        "const content = document.getElementById(arguments[0])"
                            + ".closest('vaadin-grid-cell-content');"
                            + "const row = content.assignedSlot.parentElement.parentElement;"
                            + "const slot = row.firstElementChild.querySelector('slot').name;"
                            + "return document.querySelector('#worklist-grid vaadin-grid-cell-content[slot=\"'"
                            + " + slot + '\"] vaadin-checkbox');",
                        "worklist-open-" + FIXTURE + "1");
            box.click();
            return true;
          });
      pick(lead, wait, "worklist-reassign-to", "Olivia", "Olivia Lead");
      Browsers.click(lead, By.id("worklist-reassign"));
      // Arjun's worklist no longer holds the account given away
      wait.until(
          ExpectedConditions.invisibilityOfElementLocated(By.id("worklist-open-" + FIXTURE + "1")));
      try (Connection db = Portal.asOwner()) {
        db.setAutoCommit(false);
        bind(db);
        assertEquals(
            List.of(FIXTURE + "1:ops.lead", FIXTURE + "2:agent.acme", FIXTURE + "3:agent.acme"),
            rows(
                db,
                "select number || ':' || collector from customer_account where tenant_id = 'acme' "
                    + "and number like '"
                    + FIXTURE
                    + "%' order by number"));
        db.rollback();
      }
    } finally {
      try (Connection db = Portal.asOwner()) {
        db.setAutoCommit(false);
        bind(db);
        try (Statement s = db.createStatement()) {
          s.executeUpdate(
              "update customer_account set collector = 'agent.acme' where tenant_id = 'acme' "
                  + "and number like '"
                  + FIXTURE
                  + "%'");
        }
        db.commit();
      }
    }
  }

  /** Types into a combo box and picks the item showing {@code shown}. */
  private static void pick(
      ChromeDriver browser, WebDriverWait wait, String id, String typed, String shown) {
    WebElement input =
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + id + " input")));
    input.click();
    input.sendKeys(typed);
    Browsers.click(
        browser,
        By.xpath("//vaadin-combo-box-item[contains(normalize-space(.), '" + shown + "')]"));
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(By.tagName("vaadin-combo-box-overlay")));
  }

  @Test
  void aCustomerProposesAPromiseToPayFromAnOverdueInvoice() throws SQLException {
    ChromeDriver customer = open();
    WebDriverWait wait =
        (WebDriverWait) Browsers.waitFor(customer).ignoring(StaleElementReferenceException.class);
    Browsers.signIn(customer, "customer.acme", "/invoice/" + customerInvoice);
    Browsers.click(customer, By.id("invoice-propose-promise"));
    Browsers.click(customer, By.id("propose-open"));
    WebElement amount =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#promise-amount input")));
    amount.sendKeys(Keys.chord(Keys.CONTROL, "a"), "3.00");
    Browsers.click(customer, By.id("promise-save"));
    wait.until(ExpectedConditions.urlContains("/collections/reminders"));
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db);
      assertEquals(
          List.of("PROPOSED:3.00:true:" + customerInvoice),
          rows(
              db,
              "select t.status || ':' || t.amount || ':' "
                  + "|| t.proposed_by_customer || ':' || pi.invoice_id from promise_to_pay t join promise_invoice pi on "
                  + "pi.tenant_id = t.tenant_id and pi.promise_id = t.id where t.tenant_id = 'acme' and t.created_by = "
                  + "'customer.acme' and t.id > "
                  + promisesBefore));
      db.rollback();
    }
  }

  private static void logCall(ChromeDriver browser, WebDriverWait wait) {
    new Actions(browser).keyDown(Keys.ALT).sendKeys("l").keyUp(Keys.ALT).perform();
    WebElement outcome =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("activity-outcome")));
    outcome.click();
    Browsers.click(browser, By.xpath("//vaadin-select-item[contains(., 'Left a message')]"));
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(By.tagName("vaadin-select-overlay")));
    new Actions(browser).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
    wait.until(
        d ->
            d.findElements(By.cssSelector("#account-timeline vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().contains("Left a message")));
  }

  private static void next(ChromeDriver browser, WebDriverWait wait, String expected) {
    new Actions(browser).keyDown(Keys.ALT).sendKeys("n").keyUp(Keys.ALT).perform();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("account-title"), expected));
  }

  private static List<String> rows(Connection db, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  private ChromeDriver open() {
    ChromeDriver browser = Browsers.open();
    browsers.add(browser);
    return browser;
  }
}
