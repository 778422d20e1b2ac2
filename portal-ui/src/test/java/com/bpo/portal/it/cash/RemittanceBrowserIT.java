package com.bpo.portal.it.cash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Browsers;
import com.bpo.portal.it.Portal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Remittance advice in a real browser (issue 18), on a 390 px phone: customer.acme goes from the
 * home to "Tell us about a payment", names a payment by its reference, picks two of their open
 * invoices (an amount on one), sends it, and sees it listed; the page never scrolls sideways.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RemittanceBrowserIT {
  static final String REFERENCE = "IT-RA-" + System.currentTimeMillis();
  private final List<ChromeDriver> browsers = new ArrayList<>();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @AfterAll
  static void removeAdvices() throws SQLException {
    try (Connection db = Portal.asOwner();
        Statement s = db.createStatement()) {
      db.setAutoCommit(false);
      s.execute("select set_config('app.tenant_id', 'acme', true)");
      s.executeUpdate(
          "delete from remittance_advice where payment_reference like 'IT-RA-%' "
              + "and entered_by = 'customer.acme'");
      db.commit();
    }
  }

  @AfterEach
  void closeBrowsers() {
    for (int i = 0; i < browsers.size(); i++) {
      Browsers.screenshot(browsers.get(i), "remittance-" + i);
      browsers.get(i).quit();
    }
  }

  @Test
  void aCustomerTellsAPaymentCoveringTwoOpenInvoicesOnAPhone() throws SQLException {
    // the two open invoices the form lists first (by due date), in the account's currency
    List<String> open =
        rows(
            "select i.id || ':' || i.number from invoice i join customer_account c on c.tenant_id = i.tenant_id "
                + "and c.id = i.customer_account_id where c.number = 'A-1001' and i.open_amount > 0 "
                + "and i.currency = c.currency and i.status in ('OPEN', 'PARTIALLY_PAID', 'DISPUTED') "
                + "order by i.due_date, i.id limit 2");
    assertEquals(2, open.size(), "customer.acme has two open invoices: " + open);
    String[] first = open.get(0).split(":", 2);
    String[] second = open.get(1).split(":", 2);

    ChromeDriver browser = Browsers.open();
    browsers.add(browser);
    browser.manage().window().setSize(new Dimension(390, 844));
    WebDriverWait wait =
        (WebDriverWait) Browsers.waitFor(browser).ignoring(StaleElementReferenceException.class);
    Browsers.signIn(browser, "customer.acme", "/");
    Browsers.click(browser, By.id("home-remittance"));
    wait.until(ExpectedConditions.urlContains("/remittances"));
    wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#remittance-reference input")))
        .sendKeys(REFERENCE);
    for (String number : List.of(first[1], second[1])) {
      // the selection checkbox is named after the row's invoice number (Accessible)
      By box = By.xpath("//vaadin-checkbox[input[@aria-label='Select: " + number + "']]");
      wait.until(ExpectedConditions.presenceOfElementLocated(box));
      Browsers.click(browser, box);
    }
    By secondAmount = By.cssSelector("#remittance-item-amount-" + second[0] + " input");
    wait.until(ExpectedConditions.presenceOfElementLocated(secondAmount)).sendKeys("1.25");
    sleep(1000); // the resize listener and the lazy grid settle
    assertNoSidewaysScroll(browser, "the form at 390 px");
    Browsers.screenshot(browser, "remittance-form-390");
    Browsers.click(browser, By.id("remittance-send"));

    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("remittance-list"), REFERENCE));
    String listed = browser.findElement(By.id("remittance-list")).getText();
    assertTrue(
        listed.contains(first[1]) && listed.contains(second[1]),
        "the advice lists both invoices: " + listed);
    sleep(500);
    assertNoSidewaysScroll(browser, "the list at 390 px");
    browser.executeScript(
        "arguments[0].scrollIntoView()", browser.findElement(By.id("remittance-list")));
    Browsers.screenshot(browser, "remittance-list-390");

    assertEquals(
        List.of("CUSTOMER:true:" + first[0] + ":", "CUSTOMER:true:" + second[0] + ":1.25"),
        rows(
            "select a.source || ':' || (a.currency = c.currency) || ':' || i.invoice_id || ':' || coalesce(i.amount::text, '') "
                + "from remittance_advice a join remittance_advice_item i on i.tenant_id = a.tenant_id "
                + "and i.advice_id = a.id join customer_account c on c.tenant_id = a.tenant_id "
                + "and c.id = a.customer_account_id where a.payment_reference = '"
                + REFERENCE
                + "' and c.number = 'A-1001' and a.entered_by = 'customer.acme' "
                + "order by i.invoice_id = "
                + second[0]));

    // the same page at desktop width, for a person to look at
    browser.manage().window().setSize(new Dimension(1366, 900));
    browser.navigate().refresh();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("remittance-list"), REFERENCE));
    assertNoSidewaysScroll(browser, "the page at 1366 px");
    Browsers.screenshot(browser, "remittance-1366");
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
}
