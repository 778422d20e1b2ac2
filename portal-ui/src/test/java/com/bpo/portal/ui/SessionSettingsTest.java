package com.bpo.portal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The session settings that the deployment descriptor and server.xml carry: a session ends after 30
 * idle minutes even with a tab open (Vaadin's heartbeat does not count), its cookie is HttpOnly and
 * SameSite, and Vaadin's CSRF check is never switched off.
 */
class SessionSettingsTest {
  private static final Path WEB_XML = Path.of("src/main/webapp/WEB-INF/web.xml");
  private static final Path SERVER_XML = Path.of("src/main/liberty/config/server.xml");

  /** The setting as a web.xml parameter, a property or a string in code (a comment may name it). */
  private static final Pattern SETTING_XSRF_OFF =
      Pattern.compile(
          "disable-xsrf-protection\\s*(</param-name>|=|\"|:)|disableXsrfProtection|DISABLE_XSRF");

  @Test
  void anIdleSessionEndsAfterThirtyMinutesWhateverTheHeartbeat() throws IOException {
    String web = Files.readString(WEB_XML);
    Matcher timeout = Pattern.compile("<session-timeout>(\\d+)</session-timeout>").matcher(web);
    assertTrue(timeout.find());
    assertEquals(30, Integer.parseInt(timeout.group(1)));
    assertTrue(
        web.replaceAll("\\s", "")
            .contains("<param-name>closeIdleSessions</param-name><param-value>true</param-value>"),
        "closeIdleSessions");
  }

  @Test
  void cookiesAreHttpOnlyAndSameSite() throws IOException {
    String web = Files.readString(WEB_XML).replaceAll("\\s", "");
    assertTrue(web.contains("<http-only>true</http-only>"));
    assertTrue(
        web.contains(
            "<attribute-name>SameSite</attribute-name><attribute-value>Lax</attribute-value>"));
    assertTrue(
        Files.readString(SERVER_XML).contains("<samesite lax=\"*\"/>"),
        "Liberty's own cookies too");
  }

  @Test
  void cookiesAreSecureWhereTlsIsUsedBySetting() throws IOException {
    String server = Files.readString(SERVER_XML);
    assertTrue(server.contains("<variable name=\"cookies.secure\""), "one setting for production");
    assertTrue(
        server.contains("<webAppSecurity ssoRequiresSSL=\"${cookies.secure}\"/>"),
        "Liberty's sign-on cookie");
    assertTrue(
        Files.readString(
                Path.of("../portal-api/src/main/java/com/bpo/portal/shared/SessionCookies.java"))
            .contains("setSecure(true)"),
        "the session cookie");
  }

  @Test
  void bearerTokensNeedThePortalsAudienceAndExpireWithinSeconds() throws IOException {
    String server = Files.readString(SERVER_XML);
    assertTrue(server.contains("audiences=\"${jwt.audiences}\""));
    assertTrue(server.contains("<variable name=\"jwt.audiences\" defaultValue=\"portal-api\"/>"));
    Matcher skew =
        Pattern.compile("<variable name=\"jwt.clock.skew\" defaultValue=\"(\\d+)s\"/>")
            .matcher(server);
    assertTrue(skew.find());
    assertTrue(Integer.parseInt(skew.group(1)) <= 5, "clock skew " + skew.group(1) + " s");
    assertTrue(
        Files.readString(WEB_XML).contains("com.bpo.portal.tenant.AccessTokens"),
        "the token type check");
  }

  @Test
  void libertysOwnPagesGetTheSecurityHeaders() throws IOException {
    String server = Files.readString(SERVER_XML);
    for (String header :
        new String[] {
          "X-Content-Type-Options: nosniff",
          "X-Frame-Options: DENY",
          "Content-Security-Policy: default-src 'self';"
        }) {
      assertTrue(server.contains("<setIfMissing>" + header), header);
    }
  }

  @Test
  void vaadinsCsrfProtectionStaysOn() throws IOException {
    try (var sources = Files.walk(Path.of("src/main"))) {
      assertTrue(sources.filter(Files::isRegularFile).noneMatch(SessionSettingsTest::disablesXsrf));
    }
    assertTrue(
        SETTING_XSRF_OFF.matcher("<param-name>disable-xsrf-protection</param-name>").find(),
        "the check can fail");
  }

  private static boolean disablesXsrf(Path file) {
    try {
      return SETTING_XSRF_OFF.matcher(Files.readString(file)).find();
    } catch (IOException e) {
      return false; // not text
    }
  }
}
