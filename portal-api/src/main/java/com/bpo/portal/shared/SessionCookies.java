package com.bpo.portal.shared;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Marks the session cookie Secure where the portal is served over TLS ({@code cookies.secure=true},
 * a server.xml variable, or the environment variable {@code COOKIES_SECURE}). web.xml cannot say it
 * for one setup and not the other, and a Secure cookie is never sent back over plain http, so the
 * local setup keeps it off. Set while the application starts, the only time the Servlet API allows.
 */
@WebListener
public class SessionCookies implements ServletContextListener {
  static final String SETTING = "cookies.secure";

  @Override
  public void contextInitialized(ServletContextEvent event) {
    boolean secure =
        ConfigProvider.getConfig().getOptionalValue(SETTING, Boolean.class).orElse(false);
    apply(event.getServletContext().getSessionCookieConfig(), secure);
  }

  static void apply(SessionCookieConfig cookie, boolean secure) {
    if (secure) {
      cookie.setSecure(true);
    }
  }
}
