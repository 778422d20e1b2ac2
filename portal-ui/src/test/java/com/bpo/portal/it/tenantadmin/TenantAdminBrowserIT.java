package com.bpo.portal.it.tenantadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Browsers;
import com.bpo.portal.it.Portal;
import com.bpo.portal.it.TenantFixtures;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A platform admin opens a tenant in the screen (with a logo and a colour, its client stakeholder
 * and BPO lead); the new stakeholder signs in and finds the portal in the tenant's colours; the
 * admin exports the tenant (progress, then a download) and deletes it by typing its slug.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantAdminBrowserIT {
  private final List<ChromeDriver> browsers = new ArrayList<>();
  private String slug;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @AfterEach
  void closeBrowsersAndRemoveTheTenant() {
    for (int i = 0; i < browsers.size(); i++) {
      Browsers.screenshot(browsers.get(i), "tenant-admin-end-" + i);
      browsers.get(i).quit();
    }
    if (slug != null) {
      TenantFixtures.remove(slug);
    }
  }

  private ChromeDriver open() {
    ChromeDriver browser = Browsers.open();
    browsers.add(browser);
    return browser;
  }

  private static void type(ChromeDriver browser, String id, String value) {
    WebElement input =
        Browsers.waitFor(browser)
            .until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + id + " input")));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
  }

  @Test
  void anAdminOpensATenantAndItsNewClientStakeholderSignsInToIt() throws IOException {
    slug = TenantFixtures.uniqueSlug("it-tb");
    String stakeholder = "cfo." + slug;
    ChromeDriver admin = open();
    WebDriverWait adminWait = Browsers.waitFor(admin);
    Browsers.signIn(admin, "admin", "/admin/tenants/new");

    type(admin, "tenant-field-slug", "Not a slug");
    Browsers.click(admin, By.id("tenant-create"));
    adminWait.until(d -> d.findElement(By.id("tenant-field-slug")).getAttribute("invalid") != null);
    Browsers.screenshot(admin, "tenant-admin-field-errors");

    type(admin, "tenant-field-slug", slug);
    type(admin, "tenant-field-name", "Browser Test " + slug + " (test data)");
    type(admin, "tenant-field-primaryColour", "#2a7d4f");
    Path logo = Files.createTempFile("logo", ".png");
    BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(new Color(0x2a, 0x7d, 0x4f));
    g.fillRect(0, 0, 64, 64);
    g.dispose();
    ImageIO.write(image, "png", logo.toFile());
    WebElement fileInput =
        (WebElement)
            ((JavascriptExecutor) admin)
                .executeScript(
                    "const u = document.getElementById('tenant-logo-upload');"
                        + " const i = u.querySelector('input[type=file]') || u.shadowRoot.querySelector('input[type=file]');"
                        + " i.hidden = false; i.style.display = 'block'; return i;");
    fileInput.sendKeys(logo.toString());
    adminWait.until(
        d -> d.findElement(By.tagName("body")).getText().contains(logo.getFileName().toString()));
    type(admin, "tenant-field-stakeholder-username", stakeholder);
    type(admin, "tenant-field-stakeholder-firstName", "Stella");
    type(admin, "tenant-field-stakeholder-lastName", "Holder");
    type(admin, "tenant-field-stakeholder-email", stakeholder + "@test.example");
    type(admin, "tenant-field-stakeholder-password", "demo");
    Browsers.screenshot(admin, "tenant-admin-form");
    Browsers.click(admin, By.id("tenant-create"));
    adminWait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("tenant-detail-status"), "Active"));
    adminWait.until(d -> d.findElement(By.id("tenant-people")).getText().contains(stakeholder));
    Browsers.screenshot(admin, "tenant-admin-detail");

    // the new client stakeholder signs in, in the tenant's colours and with its logo
    ChromeDriver client = open();
    WebDriverWait clientWait = Browsers.waitFor(client);
    Browsers.signIn(client, stakeholder, "/");
    WebElement header =
        clientWait.until(ExpectedConditions.presenceOfElementLocated(By.id("portal-header")));
    assertEquals("#2a7d4f", header.getAttribute("data-primary-colour"));
    clientWait.until(ExpectedConditions.presenceOfElementLocated(By.id("tenant-logo")));
    assertTrue(
        client.findElement(By.id("active-tenant")).getText().contains("Browser Test " + slug));
    assertTrue(client.findElement(By.id("user-menu")).getText().contains("Stella Holder"));
    Browsers.screenshot(client, "tenant-admin-stakeholder-home");

    // the export shows its progress and ends with a download; then the deletion, naming the slug
    Browsers.click(admin, By.id("export-start"));
    adminWait.until(ExpectedConditions.presenceOfElementLocated(By.id("export-link")));
    assertTrue(
        admin.findElement(By.id("export-progress-text")).getText().contains("Export ready"),
        admin.findElement(By.id("export-progress-text")).getText());
    Browsers.screenshot(admin, "tenant-admin-exported");
    Browsers.click(admin, By.id("tenant-delete"));
    WebElement confirm =
        adminWait.until(
            ExpectedConditions.presenceOfElementLocated(By.id("tenant-delete-confirm")));
    assertTrue(confirm.getAttribute("disabled") != null, "no deletion before the slug is typed");
    type(admin, "tenant-delete-slug", slug);
    adminWait.until(
        d -> d.findElement(By.id("tenant-delete-confirm")).getAttribute("disabled") == null);
    Browsers.screenshot(admin, "tenant-admin-delete-confirm");
    Browsers.click(admin, By.id("tenant-delete-confirm"));
    adminWait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("tenant-deletion-proof"), "is gone"));
    Browsers.screenshot(admin, "tenant-admin-deleted");
    assertEquals(0, TenantFixtures.organizations(slug));
    assertTrue(TenantFixtures.keycloakUser(stakeholder).isEmpty());
  }
}
