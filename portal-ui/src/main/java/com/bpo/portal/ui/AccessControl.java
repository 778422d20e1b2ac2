package com.bpo.portal.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Checks each view's {@code @PermitAll} / {@code @RolesAllowed} against the signed-in user's roles
 * before navigation; a view without either annotation is refused. Liberty has authenticated
 * everyone already (web.xml), so no login view is needed here.
 */
@ApplicationScoped
public class AccessControl {
  void install(@Observes ServiceInitEvent event) {
    NavigationAccessControl control = new NavigationAccessControl();
    event.getSource().addUIInitListener(event2 -> event2.getUI().addBeforeEnterListener(control));
  }
}
