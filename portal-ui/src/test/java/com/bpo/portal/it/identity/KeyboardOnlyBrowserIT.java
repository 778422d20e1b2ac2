package com.bpo.portal.it.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Browsers;
import com.bpo.portal.it.Portal;
import com.bpo.portal.it.TenantFixtures;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.sql.SQLException;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The two flows issue 16 asks to work without a mouse, driven by keys only once the page is open: a
 * customer raises a dispute (changing the amount inside the invoice grid's cell, choosing a reason,
 * writing the description, submitting), and a client stakeholder signs a scorecard off through its
 * confirmation dialog. Each step moves the focus with Tab until the element it needs has it, so the
 * test fails if a control cannot be reached or worked from the keyboard, not if the tab order
 * merely changes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeyboardOnlyBrowserIT {
  static final String MONTH = "2018-07";
  private static final int MAX_TABS = 60;
  private final List<ChromeDriver> browsers = new ArrayList<>();

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
    for (int i = 0; i < browsers.size(); i++) {
      Browsers.screenshot(browsers.get(i), "keyboard-" + i);
      browsers.get(i).quit();
    }
  }

  @Test
  void aCustomerRaisesADisputeWithTheKeyboardAloneEditingTheAmountInTheGrid() {
    JsonObject invoice = undisputedOpenInvoice();
    long invoiceId = invoice.getJsonNumber("id").longValue();
    ChromeDriver browser = open();
    WebDriverWait wait = Browsers.waitFor(browser);
    Browsers.signIn(browser, "customer.acme", "/disputes/new?invoice=" + invoiceId);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("raise-invoices")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("raise-amount-" + invoiceId)));

    // into the grid's body, along a row to the amount column, down to the invoice's row, and into
    // its field (Enter); Escape leaves the field with what was typed
    tabUntil(browser, "a cell of the invoice grid's body", BODY_CELL_OF_GRID);
    for (int i = 0; i < 6 && !focusIn(browser, AMOUNT_COLUMN); i++) {
      keys(browser, Keys.ARROW_RIGHT);
    }
    for (int i = 0; i < 200 && !focusIn(browser, AMOUNT_CELL.formatted(invoiceId)); i++) {
      keys(browser, Keys.ARROW_DOWN);
    }
    assertTrue(
        focusIn(browser, AMOUNT_CELL.formatted(invoiceId)),
        "arrow keys reach the amount cell of the invoice");
    keys(browser, Keys.ENTER);
    wait.until(d -> focusIn((ChromeDriver) d, FIELD_FOCUSED.formatted(invoiceId)));
    // clear what the field was prefilled with (End, then Backspace), then type the amount
    keys(browser, Keys.END);
    for (int i = 0; i < 24; i++) {
      keys(browser, Keys.BACK_SPACE);
    }
    keys(browser, "10.00");
    assertEquals(
        "10.00",
        browser.executeScript(
            "return document.getElementById('raise-amount-" + invoiceId + "').value"),
        "the amount field holds what was typed");
    keys(browser, Keys.ESCAPE);

    // a reason from the list, a description, and submit, each reached with Tab
    tabUntil(browser, "the reason", "return focusedIds().includes('raise-reason')");
    keys(browser, Keys.ARROW_DOWN);
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-select-overlay")));
    keys(browser, Keys.ENTER);
    wait.until(
        d ->
            !String.valueOf(
                    ((ChromeDriver) d)
                        .executeScript("return document.getElementById('raise-reason').value"))
                .isEmpty());
    tabUntil(browser, "the description", "return focusedIds().includes('raise-description')");
    keys(browser, "Raised without a mouse: the pallet count is wrong.");
    tabUntil(browser, "the submit button", "return focusedIds().includes('raise-submit')");
    keys(browser, Keys.ENTER);

    wait.until(ExpectedConditions.urlMatches(".*/dispute/\\d+$"));
    String url = browser.getCurrentUrl();
    long disputeId = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    JsonObject dispute = Portal.get("/api/v1/disputes/" + disputeId, "customer.acme", null).json();
    assertEquals(
        0,
        new BigDecimal("10.00")
            .compareTo(
                new BigDecimal(
                    dispute
                        .getJsonObject("dispute")
                        .getJsonObject("disputed")
                        .getString("amount"))),
        "the amount typed in the grid's cell is the one disputed: " + dispute);
    assertTrue(
        dispute.toString().contains("Raised without a mouse"), "the description typed is kept");
  }

  @Test
  void aStakeholderSignsAScorecardOffWithTheKeyboardAlone() {
    ChromeDriver browser = open();
    WebDriverWait wait = Browsers.waitFor(browser);
    Browsers.signIn(browser, "cfo.acme", "/scorecard?period=" + MONTH);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("scorecard-status"), "Published"));

    tabUntil(browser, "Sign off", "return focusedIds().includes('scorecard-sign-off')");
    keys(browser, Keys.ENTER);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("scorecard-sign-off-confirm")));
    tabUntil(
        browser,
        "the dialog's Sign off",
        "return focusedIds().includes('scorecard-sign-off-confirm')");
    keys(browser, Keys.ENTER);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("scorecard-status"), "Signed off"));

    JsonObject stored = Portal.get("/api/v1/scorecards?period=" + MONTH, "ops.lead", "acme").json();
    assertEquals("SIGNED_OFF", stored.getString("status"));
    assertEquals("cfo.acme", stored.getString("signedOffBy"));
  }

  // ------------------------------------------------------------------ keyboard helpers

  /**
   * The ids of the focused element and of every element (and shadow host) around it, so that a step
   * can ask whether the focus is inside a given control.
   */
  private static final String FOCUSED_IDS =
      """
      function focusedIds() {
        const ids = [];
        let e = document.activeElement;
        while (e && e.shadowRoot && e.shadowRoot.activeElement) { e = e.shadowRoot.activeElement; }
        for (let n = e; n; n = n.parentElement || (n.getRootNode && n.getRootNode().host) || null) {
          if (n.id) { ids.push(n.id); }
        }
        return ids;
      }
      """;

  /** Focus on a cell of the grid's body (its rows live in the shadow tbody #items). */
  private static final String BODY_CELL_OF_GRID =
      """
      const grid = document.getElementById('raise-invoices');
      const cell = grid.shadowRoot && grid.shadowRoot.activeElement;
      return document.activeElement === grid && !!cell && !!cell.closest('#items');
      """;

  /** The content (light DOM) of the focused body cell of the grid, or null. */
  private static final String FOCUSED_CELL_CONTENT =
      """
      const grid = document.getElementById('raise-invoices');
      const cell = grid.shadowRoot && grid.shadowRoot.activeElement;
      const slot =
          document.activeElement === grid && cell && cell.closest('#items') && cell.querySelector('slot');
      const content = slot ? slot.assignedElements()[0] : null;
      """;

  /** Focus on a body cell of the amount column (whatever the row). */
  private static final String AMOUNT_COLUMN =
      FOCUSED_CELL_CONTENT
          + "return !!content && !!content.querySelector('vaadin-big-decimal-field');";

  /** Focus on the body cell whose content is the amount field of that invoice. */
  private static final String AMOUNT_CELL =
      FOCUSED_CELL_CONTENT + "return !!content && !!content.querySelector('#raise-amount-%d');";

  /** The amount field's own input has the focus (the grid's interaction mode). */
  private static final String FIELD_FOCUSED =
      """
      return focusedIds().includes('raise-amount-%d');
      """;

  private ChromeDriver open() {
    ChromeDriver browser = Browsers.open();
    browsers.add(browser);
    return browser;
  }

  private static boolean focusIn(ChromeDriver browser, String condition) {
    return Boolean.TRUE.equals(
        browser.executeScript(FOCUSED_IDS + "return (function() {" + condition + "})();"));
  }

  /** Presses Tab until {@code condition} holds, failing after {@link #MAX_TABS} presses. */
  private static void tabUntil(ChromeDriver browser, String what, String condition) {
    for (int i = 0; i < MAX_TABS; i++) {
      if (focusIn(browser, condition)) {
        return;
      }
      keys(browser, Keys.TAB);
    }
    throw new AssertionError(
        what
            + " is not reached with Tab within "
            + MAX_TABS
            + " presses; focus is on "
            + browser.executeScript(FOCUSED_IDS + "return focusedIds();"));
  }

  /** Keys to whatever has the focus, as a person types them. */
  private static void keys(ChromeDriver browser, CharSequence... keys) {
    new Actions(browser).sendKeys(keys).perform();
  }

  private static JsonObject undisputedOpenInvoice() {
    return Portal.get("/api/v1/invoices?status=OPEN&limit=50", "customer.acme", null)
        .json()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(i -> new BigDecimal(i.getJsonObject("open").getString("amount")).signum() > 0)
        .findFirst()
        .orElseThrow(() -> new AssertionError("customer.acme has an open invoice to dispute"));
  }
}
