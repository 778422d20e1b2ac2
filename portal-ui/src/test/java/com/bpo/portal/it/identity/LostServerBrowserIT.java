package com.bpo.portal.it.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Browsers;
import com.bpo.portal.it.Portal;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a signed-in screen user sees when the server holding their screen is lost (a cluster node
 * killed: docs/SCALING.md). The loss is made here by dropping the portal's own cookies (its session
 * and Liberty's sign-in) and keeping Keycloak's, which is what another server sees of the user: no
 * session, no sign-in, a valid Keycloak session. The next click must not leave the user at Vaadin's
 * "Invalid JSON response from server"; the page reloads itself through Keycloak without a form and
 * the user is back on the same screen ({@code PortalShell.RELOAD_ON_LOST_SERVER}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LostServerBrowserIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @Test
  void aScreenWhoseServerIsLostComesBackSignedInOnTheSamePageWithoutAForm() {
    ChromeDriver browser = Browsers.open();
    try {
      WebDriverWait wait = Browsers.waitFor(browser);
      Browsers.signIn(browser, "agent.acme", "/customers");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("customers-grid")));

      // cookies are per host, not per port: Keycloak's (on the same localhost) stay
      for (Cookie cookie : browser.manage().getCookies()) {
        String name = cookie.getName();
        if (!name.startsWith("KEYCLOAK_")
            && !name.startsWith("AUTH_SESSION")
            && !name.startsWith("KC_")) {
          browser.manage().deleteCookie(cookie);
        }
      }
      browser.executeScript("sessionStorage.removeItem('portal-reloaded-at')");
      // a click that asks the server: the side navigation to the invoices
      Browsers.click(browser, By.cssSelector("vaadin-side-nav-item[path='invoices']"));

      try {
        awaitBack(browser);
      } catch (org.openqa.selenium.TimeoutException e) {
        Browsers.screenshot(browser, "lost-server-not-back");
        throw new AssertionError(
            "not back on the page at "
                + browser.getCurrentUrl()
                + "; the page says: "
                + browser.findElement(By.tagName("body")).getText(),
            e);
      }
      Browsers.screenshot(browser, "lost-server-back");
      assertTrue(
          browser.getCurrentUrl().startsWith(Portal.URL + "/customers"), browser.getCurrentUrl());
      assertFalse(
          browser.findElements(By.id("username")).stream().anyMatch(e -> e.isDisplayed()),
          "no sign-in form");
      assertTrue(
          browser.findElement(By.tagName("body")).getText().contains("A-1001"),
          "the customers are shown again");
    } finally {
      browser.quit();
    }
  }

  private static void awaitBack(ChromeDriver browser) {
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(
            d ->
                d.getCurrentUrl().startsWith(Portal.URL)
                    && !d.findElements(By.id("customers-grid")).isEmpty()
                    && d.findElements(By.cssSelector(".v-system-error")).isEmpty()
                    && Boolean.TRUE.equals(
                        browser.executeScript(
                            "return sessionStorage.getItem('portal-reloaded-at') !== null")));
  }
}
