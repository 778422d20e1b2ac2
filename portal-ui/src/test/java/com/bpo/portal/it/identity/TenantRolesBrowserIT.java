package com.bpo.portal.it.identity;

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
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person, two tenants, two menus: duo.staff leads acme (dispute settings, escalation matrix,
 * audit trail in the menu) and is an agent in globex (none of them, and the lead's screen refused
 * by its address).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantRolesBrowserIT {
  private static final List<String> LEAD_ONLY =
      List.of("disputes/settings", "governance/escalation", "audit");

  private ChromeDriver browser;
  private WebDriverWait wait;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeEach
  void openBrowser() {
    browser = Browsers.open();
    wait = Browsers.waitFor(browser);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theMenuIsTheOneOfTheRoleInTheActiveTenant() {
    Browsers.signIn(browser, "duo.staff", "/");
    wait.until(ExpectedConditions.textToBe(By.id("tenant-name"), "Acme Industries"));
    assertTrue(welcome().contains("BPO team lead"), welcome());
    List<String> acme = menuPaths();
    assertTrue(acme.containsAll(LEAD_ONLY), acme.toString());
    Browsers.screenshot(browser, "duo-staff-acme-lead");

    wait.until(ExpectedConditions.elementToBeClickable(By.id("tenant-switcher"))).click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-select-item[contains(., 'Globex Corporation')]")))
        .click();
    wait.until(ExpectedConditions.textToBe(By.id("tenant-name"), "Globex Corporation"));
    wait.until(d -> welcome().contains("BPO agent"));
    List<String> globex = menuPaths();
    assertTrue(globex.contains("disputes"), "an agent works disputes: " + globex);
    assertFalse(globex.stream().anyMatch(LEAD_ONLY::contains), globex.toString());
    Browsers.screenshot(browser, "duo-staff-globex-agent");

    browser.get(Portal.URL + "/disputes/settings");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-found")));
    assertTrue(
        browser.findElements(By.id("settings-save")).isEmpty(),
        "the lead's screen is refused to an agent");
  }

  @Test
  void thePlatformAdminAssignsTheRoleInOneTenantFromItsPeopleList() {
    String role = "person-role-duo.staff";
    try {
      Browsers.signIn(browser, "admin", "/admin/tenant/globex");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(role)));
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
      Browsers.screenshot(browser, "tenant-people-roles-1366");
      Browsers.click(browser, By.id(role));
      wait.until(
              ExpectedConditions.elementToBeClickable(
                  By.xpath(
                      "//vaadin-select-item[@role='option' and contains(., 'BPO team lead')]")))
          .click();
      wait.until(
          d ->
              "bpo-lead"
                  .equals(
                      Portal.get("/api/v1/me", "duo.staff", "globex")
                          .json()
                          .getString("tenantRole")));
      assertTrue(
          Portal.get("/api/v1/me", "duo.staff", "acme")
              .json()
              .getString("tenantRole")
              .equals("bpo-lead"));
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
      Browsers.screenshot(browser, "tenant-people-roles-390");
    } finally {
      Portal.put(
          "/api/v1/admin/tenants/globex/people/duo.staff/role",
          "admin",
          null,
          "{\"role\": \"bpo-agent\"}");
    }
  }

  private String welcome() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("welcome"))).getText();
  }

  private List<String> menuPaths() {
    By items = By.cssSelector("vaadin-side-nav-item");
    wait.until(ExpectedConditions.presenceOfElementLocated(items));
    return browser.findElements(items).stream()
        .map(e -> e.getAttribute("path"))
        .filter(p -> p != null)
        .toList();
  }
}
