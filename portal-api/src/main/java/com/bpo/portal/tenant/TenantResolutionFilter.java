package com.bpo.portal.tenant;

import com.bpo.portal.shared.Problem;
import com.bpo.portal.shared.Roles;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.util.Optional;

/**
 * Resolves, once per request and after authentication, who the user is and which tenant they act
 * in. The API names the tenant in the {@code X-Tenant} header, the UI keeps the user's pick in the
 * HTTP session; either way it must be one of the token's memberships and an active tenant. The
 * user's role is then their membership's role in that tenant, read with the tenant in one round
 * trip ({@link TenantDirectory#membership}: {@code tenant_staff.role}, or {@code customer}), which
 * every role check reads: {@link TenantRoleFilter} for the API, the UI's access control and menu.
 */
@WebFilter(urlPatterns = "/*", filterName = "tenantResolution")
public class TenantResolutionFilter extends HttpFilter {
  public static final String TENANT_HEADER = "X-Tenant";
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject TenantContext context;
  @Inject TenantDirectory directory;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Principal principal = request.getUserPrincipal();
    if (principal == null) {
      chain.doFilter(request, response);
      return;
    }
    // of the realm's roles only platform-admin counts; a tenant role comes from membership (below)
    PortalUser user =
        PortalUser.signedIn(
            principal.getName(),
            request.isUserInRole(Roles.PLATFORM_ADMIN),
            IdentityClaims.organizations(principal));

    boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    Optional<String> requested =
        api ? Optional.ofNullable(request.getHeader(TENANT_HEADER)) : uiChoice(request);

    var resolution = ActiveTenantResolver.resolve(user.tenantIds(), requested);
    if (!api && resolution instanceof ActiveTenantResolver.NotMember) {
      // a stale pick (membership withdrawn since): forget it and fall back to the default
      request.getSession().removeAttribute(TenantContext.SESSION_ATTRIBUTE);
      resolution = ActiveTenantResolver.resolve(user.tenantIds(), Optional.empty());
    }
    if (!api && resolution instanceof ActiveTenantResolver.Ambiguous several) {
      resolution = new ActiveTenantResolver.Active(several.choices().get(0));
    }

    Tenant tenant = null;
    if (resolution instanceof ActiveTenantResolver.Active active) {
      // the tenant and the user's roles in it, in one round trip (V107)
      Optional<TenantDirectory.Membership> found =
          directory
              .membership(active.tenantId(), user.username())
              .filter(m -> m.tenant().isActive());
      if (found.isEmpty()) {
        refuse(
            response,
            Problem.of(
                "tenant-unavailable",
                "Tenant unavailable",
                403,
                "The tenant '" + active.tenantId() + "' does not exist or is suspended."),
            api);
        return;
      }
      tenant = found.get().tenant();
      user = user.inTenant(TenantRole.strongest(found.get().roles()));
    } else if (resolution instanceof ActiveTenantResolver.NotMember notMember) {
      refuse(
          response,
          Problem.of(
              "not-a-member",
              "Forbidden",
              403,
              "You do not belong to the tenant '" + notMember.requested() + "'."),
          api);
      return;
    } else if (resolution instanceof ActiveTenantResolver.Ambiguous ambiguous) {
      refuse(
          response,
          Problem.of(
              "tenant-required",
              "Tenant required",
              400,
              "You belong to several tenants "
                  + ambiguous.choices()
                  + ": name one in the "
                  + TENANT_HEADER
                  + " header."),
          api);
      return;
    }
    context.bind(user, tenant);
    chain.doFilter(request, response);
  }

  private static Optional<String> uiChoice(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null
        ? Optional.empty()
        : Optional.ofNullable((String) session.getAttribute(TenantContext.SESSION_ATTRIBUTE));
  }

  private static void refuse(HttpServletResponse response, Problem problem, boolean api)
      throws IOException {
    response.setStatus(problem.status());
    if (api) {
      response.setContentType(Problem.MEDIA_TYPE);
      response.getWriter().write(JSON.toJson(problem));
    } else {
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write(problem.title() + ": " + problem.detail());
    }
  }
}
