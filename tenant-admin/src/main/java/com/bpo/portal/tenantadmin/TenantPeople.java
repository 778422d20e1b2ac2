package com.bpo.portal.tenantadmin;

import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The people of a tenant: BPO staff assigned to it with a role, client users and customer users
 * invited to it (a customer bound to one customer account), and deactivation. Keycloak holds the
 * sign-in, the realm role and the organization membership; the portal holds the role in the tenant
 * ({@code tenant_staff}) and a customer's account ({@code customer_portal_user}). Keycloak is
 * changed first and every call there tolerates a repeat, so a failed step is safe to run again.
 */
@ApplicationScoped
public class TenantPeople {
  static final Set<String> STAFF_ROLES = Set.of(Roles.BPO_LEAD, Roles.BPO_AGENT);
  static final Set<String> CLIENT_ROLES = Set.of(Roles.CLIENT_STAKEHOLDER, Roles.CUSTOMER);

  /** Someone who works in or for the tenant, as its people list shows them. */
  public record Person(
      String username,
      String displayName,
      String email,
      String role,
      boolean active,
      String customerAccount) {}

  @Resource(lookup = "jdbc/portal")
  DataSource dataSource;

  @Inject KeycloakAdmin keycloak;
  @Inject TenantProvisioning provisioning;
  @Inject AdminAudit audit;
  @Inject ProvisioningSteps rows;

  @Transactional
  public List<Person> list(String slug) {
    requireTenant(slug);
    String sql =
        "select username, display_name, email, role, active, null from tenant_staff where tenant_id = ? "
            + "union all select u.username, u.username, u.email, 'customer', true, a.number from customer_portal_user u "
            + "join customer_account a on a.tenant_id = u.tenant_id and a.id = u.customer_account_id where u.tenant_id = ? "
            + "order by 5 desc, 4, 1";
    try (Connection c = dataSource.getConnection()) {
      ProvisioningSteps.bind(c, slug);
      try (PreparedStatement q = c.prepareStatement(sql)) {
        q.setString(1, slug);
        q.setString(2, slug);
        List<Person> people = new ArrayList<>();
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            people.add(
                new Person(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getBoolean(5),
                    rs.getString(6)));
          }
        }
        return people;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Adds someone to the tenant with a role: BPO staff (bpo-lead, bpo-agent) must already have a
   * sign-in; a client stakeholder or customer is made if missing (an invitation). A customer needs
   * the number of the customer account they will see.
   */
  public Person add(
      String slug, NewPerson person, String role, String customerAccount, AdminActor actor) {
    List<FieldError> problems = new ArrayList<>();
    if (person == null) {
      throw new InvalidFields(
          "Name the person to add.", List.of(new FieldError("username", "is required")));
    }
    boolean staff =
        role != null && STAFF_ROLES.contains(role); // List.of(...).contains(null) throws
    problems.addAll(
        person.problems("", !staff && keycloak.user(String.valueOf(person.username())).isEmpty()));
    if (!staff && (role == null || !CLIENT_ROLES.contains(role))) {
      problems.add(
          new FieldError(
              "role", "must be one of bpo-lead, bpo-agent, client-stakeholder, customer"));
    }
    if (Roles.CUSTOMER.equals(role) && (customerAccount == null || customerAccount.isBlank())) {
      problems.add(new FieldError("customerAccount", "is required for a customer"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidFields("The person has invalid fields.", problems);
    }
    TenantProvisioning.TenantSummary tenant = requireTenant(slug);
    if (tenant.status().equals("PROVISIONING")) {
      throw new ProblemException(
          "tenant-provisioning",
          "Not open yet",
          409,
          "Tenant " + slug + " is still being opened: complete its creation first.");
    }
    Long accountId = Roles.CUSTOMER.equals(role) ? rows.accountId(slug, customerAccount) : null;
    if (staff && keycloak.user(person.username()).isEmpty()) {
      throw new InvalidFields(
          "BPO staff need a sign-in first.",
          List.of(
              new FieldError(
                  "username", "has no sign-in: BPO staff are made by the BPO's identity team")));
    }
    String organization =
        keycloak
            .organizationId(slug)
            .orElseThrow(
                () ->
                    new ProblemException(
                        "organization-missing",
                        "Keycloak organization missing",
                        409,
                        "Tenant "
                            + slug
                            + " has no Keycloak organization: run its creation again to complete it."));
    ProvisioningSteps.StaffRow row = provisioning.addPerson(organization, person, role);
    rows.writePerson(slug, row, accountId);
    audit.record(
        actor,
        "person.add",
        slug,
        Json.createObjectBuilder()
            .add("username", row.username())
            .add("role", role)
            .add("customerAccount", customerAccount == null ? "" : customerAccount)
            .build(),
        AdminAudit.Outcome.SUCCEEDED);
    return new Person(row.username(), row.displayName(), row.email(), role, true, customerAccount);
  }

  /**
   * The roles a member of the tenant's staff can be given there (customers are bound to an
   * account).
   */
  static final Set<String> TENANT_STAFF_ROLES =
      Set.of(Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER);

  /**
   * Gives a member of the tenant's staff another role in this tenant only: the role they act with
   * here (TenantRole), whatever they are in the tenant's neighbours. Keycloak is not involved.
   */
  public Person changeRole(String slug, String username, String role, AdminActor actor) {
    if (role == null || !TENANT_STAFF_ROLES.contains(role)) {
      throw new InvalidFields(
          "The role is invalid.",
          List.of(
              new FieldError("role", "must be one of bpo-lead, bpo-agent, client-stakeholder")));
    }
    requireTenant(slug);
    ProvisioningSteps.StaffRow row =
        rows.changeStaffRole(slug, username, role)
            .orElseThrow(
                () -> ProblemException.notFound("Staff member " + username + " in tenant " + slug));
    audit.record(
        actor,
        "person.role",
        slug,
        Json.createObjectBuilder().add("username", username).add("role", role).build(),
        AdminAudit.Outcome.SUCCEEDED);
    return new Person(row.username(), row.displayName(), row.email(), row.role(), true, null);
  }

  /**
   * Takes someone out of the tenant: no longer a member of its organization, inactive among its
   * staff, a customer's account binding removed. A client user left with no tenant at all is
   * disabled in Keycloak; BPO staff keep their sign-in for their other tenants.
   */
  public void deactivate(String slug, String username, AdminActor actor) {
    requireTenant(slug);
    KeycloakAdmin.User user =
        keycloak.user(username).orElseThrow(() -> ProblemException.notFound("User " + username));
    boolean known = rows.deactivateRows(slug, username);
    String organization = keycloak.organizationId(slug).orElse(null);
    boolean member =
        organization != null
            && keycloak.members(organization).stream().anyMatch(m -> m.id().equals(user.id()));
    if (!known && !member) {
      throw ProblemException.notFound("User " + username + " in tenant " + slug);
    }
    if (member) {
      keycloak.removeMember(organization, user.id());
    }
    boolean clientOnly =
        keycloak.realmRoles(user.id()).stream()
            .noneMatch(r -> STAFF_ROLES.contains(r) || Roles.PLATFORM_ADMIN.equals(r));
    if (clientOnly && keycloak.organizationsOf(user.id()).isEmpty()) {
      keycloak.setUserEnabled(user.id(), false);
    }
    audit.record(
        actor,
        "person.deactivate",
        slug,
        Json.createObjectBuilder().add("username", username).build(),
        AdminAudit.Outcome.SUCCEEDED);
  }

  private TenantProvisioning.TenantSummary requireTenant(String slug) {
    return provisioning.find(slug).orElseThrow(() -> ProblemException.notFound("Tenant " + slug));
  }
}
