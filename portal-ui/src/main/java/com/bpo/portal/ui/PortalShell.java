package com.bpo.portal.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;

/** The HTML page around the app: a viewport for small screens. */
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class PortalShell implements AppShellConfigurator {}
