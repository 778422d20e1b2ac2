package com.bpo.portal.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;

/** The HTML page around the app: a viewport for small screens, and the icon browsers ask for. */
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class PortalShell implements AppShellConfigurator {
  @Override
  public void configurePage(AppShellSettings settings) {
    // browsers ask for /favicon.ico on every page; the file sits in the webapp root
    settings.addFavIcon("icon", "favicon.ico", "32x32");
  }
}
