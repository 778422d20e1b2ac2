package com.bpo.portal.tenantadmin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets the integration tests break an onboarding at a named point, to prove that running it again
 * completes it. Off unless the server runs with {@code portal.tenantadmin.faults=true} (bin/portal
 * test sets it; nothing else does), so a request can never ask a production server for a fault.
 */
@ApplicationScoped
public class FaultInjection {
  /** Right after the Keycloak organization is made, before it is recorded. */
  public static final String KEYCLOAK = "keycloak";

  /** Inside the people step's database transaction, after the staff rows are written. */
  public static final String DATABASE = "database";

  public static class InjectedFault extends RuntimeException {
    InjectedFault(String point) {
      super("fault injected at " + point);
    }
  }

  private final boolean enabled;

  @Inject
  public FaultInjection(
      @ConfigProperty(name = "portal.tenantadmin.faults", defaultValue = "false") boolean enabled) {
    this.enabled = enabled;
  }

  protected FaultInjection() {
    this(false);
  }

  void at(String point, String requested) {
    if (enabled && point.equals(requested)) {
      throw new InjectedFault(point);
    }
  }
}
