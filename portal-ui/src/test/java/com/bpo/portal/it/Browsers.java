package com.bpo.portal.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser tests share: Debian's headless Chromium, Keycloak's two-step sign-in, clicks,
 * screenshots.
 */
public final class Browsers {
  private Browsers() {}

  /**
   * A fresh headless Chromium with its own profile, in English, with the flags this closed network
   * needs.
   */
  public static ChromeDriver open() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    try {
      options.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--window-size=1280,900",
          "--lang=en-US",
          "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ChromeDriver(options);
  }

  public static WebDriverWait waitFor(ChromeDriver browser) {
    return new WebDriverWait(browser, Duration.ofSeconds(60));
  }

  /**
   * Keycloak's login is identity-first when organizations are on: a username page, then a password
   * page.
   */
  public static void signIn(ChromeDriver browser, String username, String path) {
    // Chromium may answer "aborted by navigation" while the login page replaces itself: try again
    org.openqa.selenium.support.ui.FluentWait<org.openqa.selenium.WebDriver> wait =
        waitFor(browser).ignoring(org.openqa.selenium.WebDriverException.class);
    browser.get(Portal.URL + path);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
    browser.findElement(By.cssSelector("[type=submit]")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password"))).sendKeys("demo");
    browser.findElement(By.cssSelector("[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains(Portal.URL));
  }

  /** Scrolled to the middle of the window first: a field at the bottom edge can miss the click. */
  public static void click(ChromeDriver browser, By what) {
    // a notification may lie over the button for a few seconds, or the element be redrawn: try
    // again
    waitFor(browser)
        .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> {
              WebElement element = d.findElement(what);
              browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
              if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
              }
              element.click();
              return true;
            });
  }

  /** A screenshot into target/screenshots, for a person to look at after the run. */
  public static void screenshot(ChromeDriver browser, String name) {
    try {
      Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
