package com.bpo.portal.ui.audit;

import com.bpo.portal.audit.AuditTrail;
import com.bpo.portal.tenant.TenantContext;
import com.vaadin.flow.server.VaadinSession;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Records a sign-in in the audit trail the first time a browser session works in a tenant (Keycloak
 * authenticates; this is where the portal first sees the person act for that tenant). Switching to
 * another tenant in the same session records a sign-in there too, since each tenant keeps its own
 * trail.
 */
public final class SignIns {
  private static final String RECORDED = SignIns.class.getName() + ".tenants";

  private SignIns() {}

  @SuppressWarnings("unchecked")
  public static void recordOnce(AuditTrail trail, TenantContext context, VaadinSession session) {
    if (context.tenant().isEmpty() || session == null) {
      return;
    }
    String tenant = context.requireTenant().id();
    Set<String> recorded = (Set<String>) session.getAttribute(RECORDED);
    if (recorded == null) {
      recorded = new HashSet<>();
      session.setAttribute(RECORDED, recorded);
    }
    if (recorded.add(tenant)) {
      trail.record(
          AuditTrail.SIGN_IN,
          "session",
          null,
          Map.of("role", context.requireUser().primaryRole().orElse(""), "door", "portal"));
    }
  }
}
