package com.bpo.portal.it.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Browsers;
import com.bpo.portal.it.Portal;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's view: headless Debian Chromium signs in through Keycloak's real two-step login and
 * lands on the tenant home; the customers screen shows only the tenant's (or the customer's own)
 * rows.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserLoginIT {
  private ChromeDriver browser;
  private WebDriverWait wait;
  private String testName;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeEach
  void openBrowser(TestInfo info) {
    testName = info.getTestMethod().orElseThrow().getName();
    browser = Browsers.open();
    wait = Browsers.waitFor(browser);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      Browsers.screenshot(browser, testName);
      browser.quit();
    }
  }

  @Test
  void aClientStakeholderSignsInThroughKeycloakAndSeesTheirTenantHome() {
    signIn("cfo.acme", "/");
    assertEquals("Acme Industries", textOf("tenant-name"));
    String welcome = textOf("welcome");
    assertTrue(
        welcome.contains("Carla Fontaine") && welcome.contains("Client stakeholder"), welcome);
  }

  @Test
  void theCustomersScreenShowsOnlyTheActiveTenantsAccounts() {
    signIn("agent.acme", "/customers");
    List<String> numbers = gridColumn("customers-grid", "A-1001");
    assertTrue(numbers.contains("A-1006"), numbers.toString());
    assertFalse(numbers.stream().anyMatch(n -> n.startsWith("G-")), numbers.toString());
  }

  @Test
  void aCustomerSeesOnlyTheirOwnAccount() {
    signIn("customer.acme", "/customers");
    // "My account" is the customer's own account page, not a list of one
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("statement-grid")));
    String page = browser.findElement(By.tagName("body")).getText();
    assertTrue(page.contains("A-1001"), page);
    assertFalse(page.contains("A-1002") || page.contains("G-2001"), page);
  }

  @Test
  void aLeadServingTwoTenantsSwitchesTheActiveTenantAndSeesOnlyItsData() {
    signIn("ops.lead", "/");
    assertEquals("Acme Industries", textOf("tenant-name"));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("tenant-switcher"))).click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-select-item[contains(., 'Globex Corporation')]")))
        .click();
    wait.until(ExpectedConditions.textToBe(By.id("tenant-name"), "Globex Corporation"));

    browser.get(Portal.URL + "/customers");
    List<String> numbers = gridColumn("customers-grid", "G-2001");
    assertFalse(numbers.stream().anyMatch(n -> n.startsWith("A-")), numbers.toString());
  }

  @Test
  void anAgentFiltersTheInvoiceGridAndOpensAnInvoice() {
    signIn("agent.acme", "/invoices");
    gridColumn("invoices-grid", "Paid");
    WebElement search =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("#invoice-search input")));
    search.sendKeys("INV-0000012");
    // the lazy filter applies after a pause; wait until only matching numbers are left
    wait.until(
        d -> {
          List<String> numbers = numbersIn("invoices-grid");
          return !numbers.isEmpty() && numbers.stream().allMatch(n -> n.startsWith("INV-0000012"));
        });
    List<String> numbers = numbersIn("invoices-grid");
    browser.findElements(By.cssSelector("#invoices-grid vaadin-grid-cell-content")).stream()
        .filter(c -> c.getText().equals(numbers.get(0)))
        .findFirst()
        .orElseThrow()
        .click();
    wait.until(ExpectedConditions.textToBe(By.id("invoice-number"), "Invoice " + numbers.get(0)));
    assertTrue(
        browser.findElements(By.cssSelector("#invoice-lines vaadin-grid-cell-content")).stream()
            .anyMatch(c -> c.getText().equals("1")),
        "the invoice shows its lines");
  }

  @Test
  void aCustomerCannotOpenAnotherCustomersInvoiceByItsAddress() {
    long neighbours =
        Portal.get("/api/v1/invoices?q=INV-&limit=50", "agent.acme", "acme")
            .json()
            .getJsonArray("items")
            .getValuesAs(jakarta.json.JsonObject.class)
            .stream()
            .filter(i -> !i.getString("customerNumber").equals("A-1001"))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValue();
    signIn("customer.acme", "/");
    textOf("tenant-name");
    browser.get(Portal.URL + "/invoice/" + neighbours);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-found")));
    assertTrue(browser.findElements(By.id("invoice-number")).isEmpty(), "no invoice is shown");
  }

  private List<String> numbersIn(String gridId) {
    return browser.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
        .map(WebElement::getText)
        .filter(t -> t.startsWith("INV-"))
        .toList();
  }

  private void signIn(String username, String path) {
    Browsers.signIn(browser, username, path);
  }

  private String textOf(String id) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
  }

  /**
   * Cell texts of a Vaadin grid (rendered into light-DOM cell contents), once a known value shows.
   */
  private List<String> gridColumn(String gridId, String expected) {
    By cells = By.cssSelector("#" + gridId + " vaadin-grid-cell-content");
    wait.until(
        d -> d.findElements(cells).stream().map(WebElement::getText).anyMatch(expected::equals));
    return browser.findElements(cells).stream()
        .map(WebElement::getText)
        .filter(t -> !t.isBlank())
        .toList();
  }
}
