package com.bpo.portal.ui;

import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.TenantContext;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.function.Predicate;

/**
 * Checks each view's {@code @PermitAll} / {@code @RolesAllowed} against the signed-in user's roles
 * before navigation; a view without either annotation is refused. Liberty has authenticated
 * everyone already (web.xml), so no login view is needed here. The roles are those of the user's
 * membership of the ACTIVE tenant ({@link PortalUser#roles()}), not the container's groups (the
 * realm roles), which Vaadin would read by default.
 */
@ApplicationScoped
public class AccessControl {
  @Inject TenantContext context;

  void install(@Observes ServiceInitEvent event) {
    NavigationAccessControl control = new TenantRoleAccessControl(context);
    event.getSource().addUIInitListener(event2 -> event2.getUI().addBeforeEnterListener(control));
  }

  private static final class TenantRoleAccessControl extends NavigationAccessControl {
    private final transient TenantContext context;

    TenantRoleAccessControl(TenantContext context) {
      this.context = context;
    }

    @Override
    protected Predicate<String> getRolesChecker(VaadinRequest request) {
      return role -> context.user().map(u -> u.hasRole(role)).orElse(false);
    }
  }
}
