package com.bpo.portal.it.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Browsers;
import com.bpo.portal.it.Portal;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What each user sees first (issue 16), in a real browser at desktop (1366 px) and phone (390 px)
 * size: the customer home leads with what is due, every customer screen fits a phone without
 * sideways scrolling, a dispute raised on a phone starts from what is still disputable and says the
 * right ceiling in full, and a client stakeholder's scorecard opens on the latest published month,
 * never on a month stored for a future period.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CustomerExperienceBrowserIT {
  private static final Locale US = Locale.US;
  private final List<ChromeDriver> browsers = new ArrayList<>();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @AfterEach
  void close() {
    for (int i = 0; i < browsers.size(); i++) {
      Browsers.screenshot(browsers.get(i), "experience-" + i);
      browsers.get(i).quit();
    }
  }

  @Test
  void theCustomerHomeLeadsWithBalanceOverdueAndNextDueAtDesktopSize() throws SQLException {
    Map<String, Object> expected = position("A-1001");
    ChromeDriver browser = open(1366, 900);
    WebDriverWait wait = Browsers.waitFor(browser);
    Browsers.signIn(browser, "customer.acme", "/");

    String balance =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-balance"))).getText();
    assertTrue(
        balance.contains(money((BigDecimal) expected.get("balance"))), balance + " vs " + expected);
    String overdue = browser.findElement(By.id("home-overdue")).getText();
    assertTrue(
        overdue.contains(money((BigDecimal) expected.get("overdue"))), overdue + " vs " + expected);
    long count = (Long) expected.get("count");
    assertTrue(
        overdue.contains(count == 1 ? "on 1 invoice" : "on " + count + " invoices"), overdue);
    String nextDue = browser.findElement(By.id("home-next-due")).getText();
    if (expected.get("next") != null) {
      String next =
          DateTimeFormatter.ofPattern("MMM d, yyyy", US).format((LocalDate) expected.get("next"));
      assertTrue(nextDue.contains(next), next + " vs " + nextDue);
    } else {
      assertTrue(nextDue.contains("Nothing due"), "nothing falls due ahead: " + nextDue);
    }
    assertTrue(
        browser.findElement(By.id("user-menu")).getText().contains("Wile Coyote"),
        "the full name, not the user name");
    assertNoSidewaysScroll(browser, "home at 1366 px");

    // the statement of the chosen month is a PDF
    String head =
        (String)
            browser.executeAsyncScript(
                "const done = arguments[0]; fetch(document.getElementById('home-statement-pdf').href)"
                    + ".then(r => r.arrayBuffer()).then(b => done(new TextDecoder('latin1').decode(b.slice(0, 5))))"
                    + ".catch(e => done('failed: ' + e));");
    assertEquals("%PDF-", head);

    // the invoice list opens on what is open, oldest due first, overdue ones said in days
    browser.get(Portal.URL + "/invoices");
    wait.until(
        d ->
            d.findElement(By.id("invoices-grid")).getText().contains("days overdue")
                || d.findElement(By.id("invoices-grid")).getText().contains("day overdue"));
    String grid = browser.findElement(By.id("invoices-grid")).getText();
    assertFalse(
        grid.contains("Paid\n") || grid.endsWith("Paid"),
        "paid invoices are not listed first: " + grid);
  }

  @Test
  void everyCustomerScreenFitsAPhoneWithTheUserMenuReachable() {
    ChromeDriver browser = open(390, 844);
    WebDriverWait wait = Browsers.waitFor(browser);
    Browsers.signIn(browser, "customer.acme", "/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-balance")));
    for (String path : List.of("/", "/invoices", "/customers", "/disputes", "/disputes/new")) {
      browser.get(Portal.URL + path);
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-menu")));
      sleep(1500); // lazy grids and the resize listener settle
      assertNoSidewaysScroll(browser, path + " at 390 px");
      // nor any list inside itself: its columns fit the phone (statuses wrap, the rest is one
      // tap away), so no amount or status lies beyond the screen
      assertGridsFit(browser, path + " at 390 px");
      Map<?, ?> menu =
          (Map<?, ?>)
              browser.executeScript(
                  "const r = document.getElementById('user-menu').getBoundingClientRect();"
                      + "const h = document.getElementById('portal-header').getBoundingClientRect();"
                      + "return {right: r.right, width: innerWidth, header: h.height};");
      assertTrue(
          ((Number) menu.get("right")).doubleValue() <= ((Number) menu.get("width")).doubleValue(),
          path + ": the user menu is cut off: " + menu);
      assertTrue(
          ((Number) menu.get("header")).doubleValue() <= 64, path + ": the header wraps: " + menu);
    }
    // on a phone the invoice filters fold away behind one button
    browser.get(Portal.URL + "/invoices");
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".portal-filters-toggle")));
    assertFalse(
        browser.findElement(By.id("invoice-search")).isDisplayed(),
        "filters fill the first screen");
    Browsers.screenshot(browser, "experience-phone-invoices");
  }

  @Test
  void aDisputeRaisedOnAPhoneStartsFromWhatRemainsDisputableAndQuotesThatCeiling()
      throws SQLException {
    long invoiceId;
    String number;
    BigDecimal disputable;
    try (Connection db = Portal.asOwner();
        Statement s = db.createStatement()) {
      db.setAutoCommit(false);
      s.execute("select set_config('app.tenant_id', 'acme', true)");
      try (ResultSet r =
          s.executeQuery(
              """
          select i.id, i.number, i.open_amount - i.disputed_amount disputable from invoice i
            join customer_account c on c.tenant_id = i.tenant_id and c.id = i.customer_account_id
           where c.number = 'A-1001' and i.disputed_amount > 0 and i.open_amount > i.disputed_amount
           order by i.id limit 1""")) {
        assertTrue(r.next(), "the demo has an invoice of A-1001 partly under dispute");
        invoiceId = r.getLong("id");
        number = r.getString("number");
        disputable = r.getBigDecimal("disputable");
      }
      db.commit();
    }
    ChromeDriver browser = open(390, 844);
    WebDriverWait wait = Browsers.waitFor(browser);
    Browsers.signIn(browser, "customer.acme", "/disputes/new?invoice=" + invoiceId);

    By amountField = By.cssSelector("#raise-amount-" + invoiceId + " input");
    wait.until(ExpectedConditions.presenceOfElementLocated(amountField));
    sleep(1500);
    assertEquals(
        0,
        disputable.compareTo(
            new BigDecimal(browser.findElement(amountField).getAttribute("value"))),
        "prefilled with the open amount less what is already disputed");
    Map<?, ?> field =
        (Map<?, ?>)
            browser.executeScript(
                "const r = document.getElementById('raise-amount-' + arguments[0]).getBoundingClientRect();"
                    + "return {left: r.left, right: r.right, width: innerWidth};",
                invoiceId);
    assertTrue(
        ((Number) field.get("left")).doubleValue() >= 0
            && ((Number) field.get("right")).doubleValue()
                <= ((Number) field.get("width")).doubleValue(),
        "the amount field is on screen: " + field);
    assertNoSidewaysScroll(browser, "raise a dispute at 390 px");

    // asking for more than remains: refused, and the sentence names the right ceiling, whole
    browser.findElement(amountField).clear();
    browser.findElement(amountField).sendKeys(disputable.add(BigDecimal.ONE).toPlainString());
    chooseReason(browser, "Quantity");
    wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#raise-description textarea")))
        .sendKeys("Two cartons were missing.");
    Browsers.click(browser, By.id("raise-submit"));
    String message =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("raise-amount-errors")))
            .getText();
    assertTrue(
        message.contains(number) && message.contains(money(disputable)),
        message + " should quote " + disputable);
    Map<?, ?> box =
        (Map<?, ?>)
            browser.executeScript(
                "const e = document.getElementById('raise-amount-errors');"
                    + "return {scroll: e.scrollWidth, client: e.clientWidth, right: e.getBoundingClientRect().right, width: innerWidth};");
    assertTrue(
        ((Number) box.get("scroll")).intValue() <= ((Number) box.get("client")).intValue()
            && ((Number) box.get("right")).doubleValue()
                <= ((Number) box.get("width")).doubleValue(),
        "the message is not cut off: " + box);
    Browsers.screenshot(browser, "experience-phone-raise-dispute");
  }

  @Test
  void aStakeholdersScorecardOpensOnTheLatestPublishedMonthNotOnAFutureOne() throws SQLException {
    String future = "2099-12";
    try (Connection db = Portal.asOwner();
        Statement s = db.createStatement()) {
      db.setAutoCommit(false);
      s.execute("select set_config('app.tenant_id', 'acme', true)");
      s.executeUpdate("delete from scorecard where period = '" + future + "'");
      s.executeUpdate(
          "insert into scorecard (tenant_id, period, status, overall_score, computed_at, published_at, "
              + "published_by) values ('acme', '"
              + future
              + "', 'PUBLISHED', 99.9, now(), now(), 'ops.lead')");
      db.commit();
    }
    try {
      String latest;
      String latestStatus = null;
      List<String> disputedKpis = new ArrayList<>();
      try (Connection db = Portal.asOwner();
          Statement s = db.createStatement()) {
        db.setAutoCommit(false);
        s.execute("select set_config('app.tenant_id', 'acme', true)");
        try (ResultSet r =
            s.executeQuery(
                "select period, status from scorecard where status <> 'DRAFT' and period <= '"
                    + YearMonth.now()
                    + "' order by period desc limit 1")) {
          latest = r.next() ? r.getString(1) : null;
          latestStatus = latest == null ? null : r.getString(2);
        }
        if (latest != null) {
          try (PreparedStatement p =
              db.prepareStatement(
                  "select code from scorecard_kpi where period = ? and review = 'DISPUTED' order by code")) {
            p.setString(1, latest);
            try (ResultSet r = p.executeQuery()) {
              while (r.next()) {
                disputedKpis.add(r.getString(1));
              }
            }
          }
        }
        db.commit();
      }
      assertTrue(latest != null, "the demo has a published month");
      String monthName =
          DateTimeFormatter.ofPattern("LLLL yyyy", US).format(YearMonth.parse(latest.trim()));

      ChromeDriver browser = open(1366, 900);
      WebDriverWait wait = Browsers.waitFor(browser);
      Browsers.signIn(browser, "cfo.acme", "/scorecard");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scorecard-status")));
      assertEquals(
          monthName,
          browser
              .findElement(By.id("scorecard-period"))
              .getText()
              .trim()
              .lines()
              .filter(l -> !l.isBlank() && !l.equals("Month"))
              .findFirst()
              .orElse(""));
      assertFalse(
          browser.findElement(By.id("scorecard-status")).getText().contains("Preview"),
          "an empty preview");
      if (!"PUBLISHED".equals(latestStatus)) {
        assertTrue(
            browser.findElements(By.id("scorecard-sign-off")).isEmpty(),
            "a signed-off month is signed again");
      } else if (disputedKpis.isEmpty()) {
        assertFalse(
            browser.findElements(By.id("scorecard-sign-off")).isEmpty(), "sign-off is offered");
      } else {
        assertTrue(
            browser.findElements(By.id("scorecard-sign-off")).isEmpty(),
            "sign-off is offered while " + disputedKpis + " is unanswered");
        String waits = browser.findElement(By.id("scorecard-sign-off-waits")).getText();
        disputedKpis.forEach(
            code -> assertFalse(waits.matches(".*\\b" + code + "\\b.*"), "a raw code: " + waits));
      }
      assertNoSidewaysScroll(browser, "scorecard at 1366 px");

      // the home tile of the BPO ignores the future month too
      ChromeDriver lead = open(1366, 900);
      Browsers.signIn(lead, "ops.lead", "/");
      String body =
          Browsers.waitFor(lead)
              .until(ExpectedConditions.visibilityOfElementLocated(By.id("tenant-name")))
              .findElement(By.xpath("/html/body"))
              .getText();
      assertFalse(
          body.contains("December 2099"), "the home tile treats a future month as the latest");

      browser.manage().window().setSize(new Dimension(390, 844));
      browser.navigate().refresh();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scorecard-status")));
      sleep(1000);
      assertNoSidewaysScroll(browser, "scorecard at 390 px");
    } finally {
      try (Connection db = Portal.asOwner();
          Statement s = db.createStatement()) {
        db.setAutoCommit(false);
        s.execute("select set_config('app.tenant_id', 'acme', true)");
        s.executeUpdate("delete from scorecard where period = '" + future + "'");
        db.commit();
      }
    }
  }

  @Test
  void theLanguageChosenInTheUserMenuIsUsedAtTheNextSignIn() throws SQLException {
    forgetLanguage("cfo.globex");
    try {
      ChromeDriver first = open(1366, 900);
      // the switch draws the page again: Chromium may answer "node does not belong to the document"
      // for the welcome text read in between (a WebDriverException, not a stale element); read
      // again
      var wait = Browsers.waitFor(first).ignoring(org.openqa.selenium.WebDriverException.class);
      Browsers.signIn(first, "cfo.globex", "/");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("welcome"), "Welcome"));
      Browsers.click(first, By.id("user-menu"));
      Browsers.click(first, By.xpath("//vaadin-menu-bar-item[contains(., 'Language')]"));
      Browsers.click(first, By.xpath("//vaadin-menu-bar-item[contains(., 'français')]"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("welcome"), "Bienvenue"));

      // a new browser in English, a new sign-in: the choice holds
      ChromeDriver second = open(1366, 900);
      Browsers.signIn(second, "cfo.globex", "/");
      Browsers.waitFor(second)
          .ignoring(org.openqa.selenium.WebDriverException.class)
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("welcome"), "Bienvenue"));
    } finally {
      forgetLanguage("cfo.globex");
    }
  }

  private static void forgetLanguage(String user) throws SQLException {
    try (Connection db = Portal.asOwner();
        PreparedStatement p =
            db.prepareStatement("delete from user_language where user_name = ?")) {
      p.setString(1, user);
      p.executeUpdate();
    }
  }

  /**
   * Balance, overdue (open and not disputed, past due), count and next due date of an account, from
   * the database.
   */
  private static Map<String, Object> position(String account) throws SQLException {
    try (Connection db = Portal.asOwner();
        Statement s = db.createStatement()) {
      db.setAutoCommit(false);
      s.execute("select set_config('app.tenant_id', 'acme', true)");
      try (PreparedStatement p =
          db.prepareStatement(
              """
          select coalesce(sum(i.open_amount), 0) balance,
                 coalesce(sum(i.open_amount - i.disputed_amount) filter (where i.due_date < current_date), 0) overdue,
                 count(*) filter (where i.due_date < current_date and i.open_amount > i.disputed_amount) n,
                 min(i.due_date) filter (where i.due_date >= current_date) next
            from invoice i join customer_account c on c.tenant_id = i.tenant_id and c.id = i.customer_account_id
           where c.number = ? and i.open_amount > 0""")) {
        p.setString(1, account);
        try (ResultSet r = p.executeQuery()) {
          r.next();
          Map<String, Object> result = new java.util.HashMap<>();
          result.put("balance", r.getBigDecimal("balance"));
          result.put("overdue", r.getBigDecimal("overdue"));
          result.put("count", r.getLong("n"));
          result.put("next", r.getDate("next") == null ? null : r.getDate("next").toLocalDate());
          db.commit();
          return result;
        }
      }
    }
  }

  /**
   * The select's overlay can swallow the first click while it opens: try again until the value
   * shows.
   */
  private static void chooseReason(ChromeDriver browser, String reason) {
    for (int attempt = 0; attempt < 3; attempt++) {
      Browsers.click(browser, By.id("raise-reason"));
      Browsers.click(browser, By.xpath("//vaadin-select-item[contains(., '" + reason + "')]"));
      try {
        new WebDriverWait(browser, java.time.Duration.ofSeconds(5))
            .until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("raise-reason"), reason));
        return;
      } catch (org.openqa.selenium.TimeoutException notYet) {
        // the overlay closed without choosing: open it again
      }
    }
    throw new AssertionError("could not choose the reason " + reason);
  }

  private static String money(BigDecimal amount) {
    return NumberFormat.getCurrencyInstance(US).format(amount);
  }

  @Test
  void theClientsScorecardFitsAPhone() {
    ChromeDriver browser = open(390, 844);
    WebDriverWait wait = Browsers.waitFor(browser);
    Browsers.signIn(browser, "cfo.acme", "/scorecard");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scorecard-kpis")));
    sleep(1500);
    assertNoSidewaysScroll(browser, "/scorecard at 390 px");
    assertGridsFit(browser, "/scorecard at 390 px");
  }

  /** Every grid on the page shows all its visible columns without scrolling sideways. */
  private static void assertGridsFit(ChromeDriver browser, String where) {
    List<?> grids =
        (List<?>)
            browser.executeScript(
                "return [...document.querySelectorAll('vaadin-grid')].map(g => {"
                    + " const t = g.shadowRoot.querySelector('#table');"
                    + " return {id: g.id, scroll: t.scrollWidth, client: t.clientWidth}; });");
    for (Object grid : grids) {
      Map<?, ?> table = (Map<?, ?>) grid;
      assertTrue(
          ((Number) table.get("scroll")).intValue()
              <= ((Number) table.get("client")).intValue() + 1,
          where + ": a list scrolls sideways: " + table);
    }
  }

  private static void assertNoSidewaysScroll(ChromeDriver browser, String where) {
    Map<?, ?> size =
        (Map<?, ?>)
            browser.executeScript(
                "return {scroll: document.documentElement.scrollWidth, inner: innerWidth};");
    assertTrue(
        ((Number) size.get("scroll")).intValue() <= ((Number) size.get("inner")).intValue(),
        where + ": the page scrolls sideways " + size);
  }

  private ChromeDriver open(int width, int height) {
    ChromeDriver browser = Browsers.open();
    browsers.add(browser);
    browser.manage().window().setSize(new Dimension(width, height));
    return browser;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
