package com.bpo.portal.shared;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API; Liberty's mpJwt (see server.xml) authenticates every request under /api/. */
@ApplicationPath("/api/v1")
@DeclareRoles({
  Roles.PLATFORM_ADMIN,
  Roles.BPO_LEAD,
  Roles.BPO_AGENT,
  Roles.CLIENT_STAKEHOLDER,
  Roles.CUSTOMER
})
@OpenAPIDefinition(
    info =
        @Info(
            title = "BPO Client Portal API",
            version = "1",
            description =
                "Order-to-Cash portal. Send a Keycloak bearer token; pick the tenant with X-Tenant."),
    security = @SecurityRequirement(name = PortalRestApplication.BEARER),
    components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
@SecurityScheme(
    securitySchemeName = PortalRestApplication.BEARER,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description =
        "A Keycloak access token (typ Bearer, audience portal-api) of realm 'portal'. Checked as"
            + " RFC8725 recommends: RS256 signature against the realm's keys (no 'none'), issuer,"
            + " audience, expiry and token type.")
public class PortalRestApplication extends Application {
  /** The one security scheme of the API, which every operation requires. */
  public static final String BEARER = "bearer";
}
