package com.bpo.portal.tenantadmin;

import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes a tenant for good, after an export was handed out and the admin typed its slug: its
 * tenant-only Keycloak users (client stakeholders and customers who belong to no other tenant; BPO
 * staff keep their sign-in), its Keycloak organization, then every row of every tenant-owned table
 * and the tenant itself (the owner's function {@code delete_tenant_data}, V16). Then it proves it:
 * the tenant's rows counted in every tenant-owned table (all zero) and Keycloak asked again for the
 * organization and the users. The proof is stored ({@code tenant_deletion}) and returned.
 */
@ApplicationScoped
public class TenantDeletion {
  @Inject TenantProvisioning provisioning;
  @Inject ProvisioningSteps rows;
  @Inject KeycloakAdmin keycloak;
  @Inject AdminAudit audit;

  public JsonObject delete(String slug, String confirmation, AdminActor actor) {
    provisioning.find(slug).orElseThrow(() -> ProblemException.notFound("Tenant " + slug));
    if (!slug.equals(confirmation)) {
      audit.record(
          actor,
          "tenant.delete",
          slug,
          Json.createObjectBuilder().add("reason", "confirmation").build(),
          AdminAudit.Outcome.REFUSED);
      throw new InvalidFields(
          "Type the tenant's slug to confirm the deletion.",
          List.of(new FieldError("confirm", "must repeat the slug " + slug)));
    }
    if (!rows.hasExport(slug)) {
      audit.record(
          actor,
          "tenant.delete",
          slug,
          Json.createObjectBuilder().add("reason", "no export").build(),
          AdminAudit.Outcome.REFUSED);
      throw new ProblemException(
          "export-required",
          "Export first",
          409,
          "Tenant " + slug + " has never been exported: hand its data over before deleting it.");
    }
    try {
      Set<String> candidates = new LinkedHashSet<>(rows.clientUsernames(slug));
      String organization = keycloak.organizationId(slug).orElse(null);
      if (organization != null) {
        keycloak.members(organization).forEach(m -> candidates.add(m.username()));
      }
      JsonArrayBuilder removed = Json.createArrayBuilder();
      Set<String> removedNames = new LinkedHashSet<>();
      for (String username : candidates) {
        keycloak
            .user(username)
            .ifPresent(
                user -> {
                  boolean elsewhere =
                      keycloak.organizationsOf(user.id()).stream().anyMatch(o -> !o.equals(slug));
                  boolean clientOnly =
                      keycloak.realmRoles(user.id()).stream()
                          .noneMatch(
                              r ->
                                  TenantPeople.STAFF_ROLES.contains(r)
                                      || Roles.PLATFORM_ADMIN.equals(r));
                  if (!elsewhere && clientOnly) {
                    keycloak.deleteUser(user.id());
                    removed.add(user.username());
                    removedNames.add(user.username());
                  }
                });
      }
      if (organization != null) {
        keycloak.deleteOrganization(organization);
      }
      JsonObject deleted = parse(rows.deleteTenantData(slug));
      JsonObject remaining = parse(rows.rowCounts(slug));
      boolean noRows = remaining.values().stream().allMatch(v -> ((JsonNumber) v).longValue() == 0);
      boolean noOrganization = keycloak.organizationId(slug).isEmpty();
      JsonArrayBuilder usersLeft = Json.createArrayBuilder();
      boolean noUsers = true;
      for (String username : removedNames) {
        if (keycloak.user(username).isPresent()) {
          usersLeft.add(username);
          noUsers = false;
        }
      }
      JsonObject proof =
          Json.createObjectBuilder()
              .add("tenant", slug)
              .add("deletedRows", deleted)
              .add("remainingRows", remaining)
              .add(
                  "keycloak",
                  Json.createObjectBuilder()
                      .add("organizationRemaining", !noOrganization)
                      .add("usersDeleted", removed)
                      .add("usersRemaining", usersLeft))
              .add("complete", noRows && noOrganization && noUsers)
              .build();
      rows.recordDeletion(slug, actor, proof.toString());
      audit.record(
          actor,
          "tenant.delete",
          slug,
          proof,
          noRows && noOrganization && noUsers
              ? AdminAudit.Outcome.SUCCEEDED
              : AdminAudit.Outcome.FAILED);
      return proof;
    } catch (RuntimeException e) {
      audit.record(
          actor,
          "tenant.delete",
          slug,
          Json.createObjectBuilder().add("error", String.valueOf(e.getMessage())).build(),
          AdminAudit.Outcome.FAILED);
      throw e;
    }
  }

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }
}
