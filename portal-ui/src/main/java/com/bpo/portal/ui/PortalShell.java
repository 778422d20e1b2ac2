package com.bpo.portal.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.TargetElement;
import com.vaadin.flow.server.AppShellSettings;

/**
 * The HTML page around the app: a viewport for small screens, the icon browsers ask for, and a
 * clean way back when the server a screen was talking to is gone.
 */
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class PortalShell implements AppShellConfigurator {
  /**
   * With several servers, a user's screen lives in one server's memory (sticky sessions). When that
   * server is lost, the next click reaches another server, which does not know the sign-in and
   * answers with the sign-in redirect page instead of Vaadin's JSON; Vaadin's client would stop
   * there with "Invalid JSON response from server" (its error box is added to the body, its text
   * just after). This reloads the page instead (at most once in 30 s, so a server that keeps
   * answering so cannot loop): the reload goes through Keycloak, whose session is still valid,
   * without a form, and the user is back on the same page.
   */
  static final String RELOAD_ON_LOST_SERVER =
      """
      new MutationObserver(() => setTimeout(() => {
        const error = document.querySelector('.v-system-error');
        if (!error || !error.textContent.includes('Invalid JSON response from server')) return;
        const last = Number(sessionStorage.getItem('portal-reloaded-at') || 0);
        if (Date.now() - last < 30000) return;
        sessionStorage.setItem('portal-reloaded-at', String(Date.now()));
        location.reload();
      }, 100)).observe(document.body, {childList: true});""";

  @Override
  public void configurePage(AppShellSettings settings) {
    // browsers ask for /favicon.ico on every page; the file sits in the webapp root
    settings.addFavIcon("icon", "favicon.ico", "32x32");
    // at the end of the body: it watches the body, which does not exist yet in the head
    settings.addInlineWithContents(
        TargetElement.BODY,
        Inline.Position.APPEND,
        RELOAD_ON_LOST_SERVER,
        Inline.Wrapping.JAVASCRIPT);
  }
}
