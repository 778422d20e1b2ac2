package com.bpo.portal.tenant;

import com.bpo.portal.shared.Problem;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Arrays;

/**
 * Enforces {@code @RolesAllowed} on the REST API with the role the caller holds in the ACTIVE
 * tenant ({@link PortalUser#roles()}), not the realm roles in the token's groups claim.
 *
 * <p>Why a filter of our own: Liberty's own check (restfulWS's {@code LibertyAuthFilter}, priority
 * 2001) allows a call when EITHER the JAX-RS {@code SecurityContext} OR the servlet request's
 * {@code isUserInRole} (the container's groups, i.e. the realm roles) holds the role; a realm role
 * would therefore still open every tenant. This filter runs first (priority 2000), refuses with 403
 * what the tenant role does not allow, and installs a {@code SecurityContext} that answers from the
 * tenant role, so that Liberty's check then agrees for the calls it lets through.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class TenantRoleFilter implements ContainerRequestFilter {
  @Context ResourceInfo resource;
  @Inject TenantContext context;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return;
    }
    PortalUser user = context.user().orElse(null);
    if (user == null) {
      request.abortWith(
          refusal(Problem.of("unauthenticated", "Unauthorized", 401, "Sign in first.")));
      return;
    }
    request.setSecurityContext(new TenantSecurityContext(request.getSecurityContext(), user));
    if (!allowed(method, resource.getResourceClass(), user)) {
      request.abortWith(
          refusal(
              Problem.of(
                  "forbidden", "Forbidden", 403, "Your role in this tenant does not allow this.")));
    }
  }

  /**
   * Jakarta Annotations' rules: the method's annotation wins over the class's; none means allowed.
   */
  static boolean allowed(Method method, Class<?> type, PortalUser user) {
    if (method.isAnnotationPresent(DenyAll.class)) {
      return false;
    }
    if (method.isAnnotationPresent(PermitAll.class)) {
      return true;
    }
    RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
    if (roles == null) {
      if (type.isAnnotationPresent(DenyAll.class)) {
        return false;
      }
      roles = type.getAnnotation(RolesAllowed.class);
    }
    return roles == null || Arrays.stream(roles.value()).anyMatch(user::hasRole);
  }

  private static Response refusal(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  private record TenantSecurityContext(SecurityContext container, PortalUser user)
      implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return container.getUserPrincipal();
    }

    @Override
    public boolean isUserInRole(String role) {
      return user.hasRole(role);
    }

    @Override
    public boolean isSecure() {
      return container.isSecure();
    }

    @Override
    public String getAuthenticationScheme() {
      return container.getAuthenticationScheme();
    }
  }
}
