package com.bpo.portal.tenant;

import com.bpo.portal.shared.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Who is asking and for which tenant, for the length of one request. Filled once by {@link
 * TenantResolutionFilter}; read by {@link TenantBinding} and by services that need the user.
 */
@RequestScoped
public class TenantContext {
  /** HTTP session attribute under which the UI remembers the tenant the user picked. */
  public static final String SESSION_ATTRIBUTE = "portal.activeTenant";

  private PortalUser user;
  private Tenant tenant;

  void bind(PortalUser user, Tenant tenant) {
    this.user = user;
    this.tenant = tenant;
  }

  /**
   * Binds a background job's own request context to a tenant, acting as a user without roles named
   * {@code username} (the job, not a person). For scheduled jobs only, which activate that request
   * context themselves; refused once bound, so a request's caller can never be replaced.
   */
  public void bindJob(String username, Tenant tenant) {
    if (this.user != null || this.tenant != null) {
      throw new IllegalStateException("This request context is bound already");
    }
    bind(PortalUser.signedIn(username, false, java.util.List.of(tenant.id())), tenant);
  }

  public Optional<PortalUser> user() {
    return Optional.ofNullable(user);
  }

  public PortalUser requireUser() {
    if (user == null) {
      throw new ProblemException("unauthenticated", "Unauthorized", 401, "Sign in first.");
    }
    return user;
  }

  public Optional<Tenant> tenant() {
    return Optional.ofNullable(tenant);
  }

  /** Today in the tenant's time zone: what "overdue" and default periods are measured against. */
  public LocalDate today() {
    return LocalDate.now(ZoneId.of(requireTenant().timeZone()));
  }

  public Tenant requireTenant() {
    if (tenant == null) {
      throw new ProblemException(
          "no-active-tenant",
          "No active tenant",
          403,
          "This needs a tenant, and you act in none. Pick one with X-Tenant if you belong to several.");
    }
    return tenant;
  }
}
