package com.bpo.portal.tenantadmin;

import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Opens tenants in one operation that can be run again, lists them, suspends and resumes them.
 * Platform-level, so deliberately not {@code @TenantService}: the tenant table is the registry
 * above all tenants and carries no row-level policy; where a step writes tenant-owned rows it binds
 * its own transaction to that tenant.
 *
 * <p>Opening runs as steps (database rows, Keycloak organization, first people, activation), each
 * idempotent and recorded when done. A failure leaves the tenant PROVISIONING (nobody can act in
 * it, the screen shows the error) and the same request completes it.
 */
@ApplicationScoped
public class TenantProvisioning {
  /** A line of the registry: a tenant, or an onboarding that has not made its tenant row yet. */
  public record TenantSummary(
      String id,
      String name,
      String locale,
      String currency,
      String timeZone,
      String status,
      long version,
      boolean testMode,
      String lastError,
      List<String> stepsDone) {
    public boolean isActive() {
      return "ACTIVE".equals(status);
    }
  }

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Resource(lookup = "jdbc/portal")
  DataSource dataSource;

  @Inject ProvisioningSteps steps;
  @Inject KeycloakAdmin keycloak;
  @Inject FaultInjection faults;
  @Inject AdminAudit audit;

  @Transactional
  public List<TenantSummary> list() {
    return query(null);
  }

  @Transactional
  public Optional<TenantSummary> find(String slug) {
    return query(slug).stream().findFirst();
  }

  private List<TenantSummary> query(String slug) {
    try (Connection c = dataSource.getConnection()) {
      return query(c, slug);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<TenantSummary> query(Connection c, String slug) throws SQLException {
    String sql =
        "select coalesce(t.id, p.slug), coalesce(t.name, p.request->>'name'), "
            + "coalesce(t.locale, p.request->>'locale'), coalesce(t.currency, p.request->>'currency'), "
            + "coalesce(t.time_zone, p.request->>'timeZone'), coalesce(t.status, 'PROVISIONING'), coalesce(t.version, 0), "
            + "coalesce(t.test_mode, false), case when p.status = 'PROVISIONING' then p.last_error end, coalesce(p.steps_done, '{}') "
            + "from tenant t full join tenant_provisioning p on p.slug = t.id "
            + "where cast(? as text) is null or coalesce(t.id, p.slug) = ? order by 2, 1";
    try (PreparedStatement q = c.prepareStatement(sql)) {
      q.setString(1, slug);
      q.setString(2, slug);
      List<TenantSummary> tenants = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          tenants.add(
              new TenantSummary(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getLong(7),
                  rs.getBoolean(8),
                  rs.getString(9),
                  Arrays.asList((String[]) rs.getArray(10).getArray())));
        }
      }
      return tenants;
    }
  }

  /**
   * Opens a tenant, or completes one a failure interrupted. {@code injectFault} names a fault point
   * for the tests ({@link FaultInjection}); it does nothing unless the server enables faults.
   */
  public TenantSummary create(NewTenant request, AdminActor actor, String injectFault) {
    List<Problem.FieldError> problems = request.problems();
    String slug = request.slug();
    if (!problems.isEmpty()) {
      audit.record(
          actor,
          "tenant.create",
          Tenant.SLUG.matcher(String.valueOf(slug)).matches() ? slug : null,
          Json.createObjectBuilder()
              .add(
                  "invalid",
                  problems.stream()
                      .map(Problem.FieldError::field)
                      .collect(Json::createArrayBuilder, (a, f) -> a.add(f), (a, b) -> {})
                      .build())
              .build(),
          AdminAudit.Outcome.REFUSED);
      throw new InvalidFields("The new tenant has invalid fields.", problems);
    }
    Set<String> done;
    try {
      done = steps.begin(request, actor);
    } catch (ProblemException refused) {
      audit.record(
          actor,
          "tenant.create",
          slug,
          Json.createObjectBuilder().add("reason", refused.getMessage()).build(),
          AdminAudit.Outcome.REFUSED);
      throw refused;
    }
    try {
      if (!done.contains(ProvisioningSteps.DATABASE)) {
        steps.createTenantRows(request);
      }
      String organization = keycloak.ensureOrganization(slug, request.name().trim());
      faults.at(FaultInjection.KEYCLOAK, injectFault);
      if (!done.contains(ProvisioningSteps.ORGANIZATION)) {
        steps.organizationMade(slug);
      }
      List<ProvisioningSteps.StaffRow> staff = new ArrayList<>();
      if (request.stakeholder() != null) {
        staff.add(addPerson(organization, request.stakeholder(), Roles.CLIENT_STAKEHOLDER));
      }
      if (request.bpoLead() != null) {
        staff.add(addPerson(organization, request.bpoLead(), Roles.BPO_LEAD));
      }
      steps.recordPeople(slug, staff, injectFault);
      steps.activate(slug);
    } catch (RuntimeException e) {
      steps.recordError(
          slug, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      audit.record(
          actor,
          "tenant.create",
          slug,
          Json.createObjectBuilder().add("error", String.valueOf(e.getMessage())).build(),
          AdminAudit.Outcome.FAILED);
      if (e instanceof ProblemException problem) {
        throw problem;
      }
      throw new ProblemException(
          "provisioning-incomplete",
          "Provisioning incomplete",
          503,
          "Tenant "
              + slug
              + " is not complete yet ("
              + e.getMessage()
              + "). Nobody can use it; "
              + "send the same creation again to complete it.");
    }
    audit.record(
        actor,
        "tenant.create",
        slug,
        Json.createObjectBuilder()
            .add("name", request.name())
            .add(
                "stakeholder",
                request.stakeholder() == null ? "" : request.stakeholder().username())
            .add("bpoLead", request.bpoLead() == null ? "" : request.bpoLead().username())
            .build(),
        AdminAudit.Outcome.SUCCEEDED);
    return find(slug).orElseThrow();
  }

  /**
   * A Keycloak sign-in (found or made) with the role, made a member of the tenant's organization.
   */
  ProvisioningSteps.StaffRow addPerson(String organization, NewPerson person, String role) {
    KeycloakAdmin.User user =
        keycloak.ensureUser(
            person.username(),
            person.email(),
            person.firstName(),
            person.lastName(),
            person.password(),
            person.temporary());
    keycloak.grantRealmRole(user.id(), role);
    keycloak.addMember(organization, user.id());
    String name =
        person.firstName() == null && person.lastName() == null && user.firstName() != null
            ? (user.firstName() + " " + (user.lastName() == null ? "" : user.lastName())).trim()
            : person.displayName();
    return new ProvisioningSteps.StaffRow(
        user.username(), name, person.email() != null ? person.email() : user.email(), role);
  }

  /**
   * Suspends or reactivates a tenant, and disables or enables its Keycloak organization with it,
   * with the version the caller saw: a change made meanwhile by another admin answers 409 instead
   * of being overwritten. A tenant still being opened has neither.
   */
  @Transactional
  public Tenant changeStatus(String slug, TenantStatus status, Long version, AdminActor actor) {
    Tenant tenant = em.find(Tenant.class, slug);
    if (tenant == null) {
      throw ProblemException.notFound("Tenant " + slug);
    }
    if (version == null || version != tenant.version()) {
      throw changedMeanwhile(slug, tenant.version(), version);
    }
    if (tenant.status() == TenantStatus.PROVISIONING || status == TenantStatus.PROVISIONING) {
      throw new ProblemException(
          "tenant-provisioning",
          "Not open yet",
          409,
          "Tenant " + slug + " is still being opened: complete its creation first.");
    }
    tenant.changeStatus(status);
    em.flush();
    // sign-in follows the registry: a suspended tenant's organization is disabled in Keycloak.
    // Called
    // inside the transaction, so a Keycloak failure leaves the status unchanged (and the call
    // repeatable).
    keycloak.setOrganizationEnabled(slug, status == TenantStatus.ACTIVE);
    audit.record(
        actor,
        status == TenantStatus.SUSPENDED ? "tenant.suspend" : "tenant.resume",
        slug,
        Json.createObjectBuilder().add("version", tenant.version()).build(),
        AdminAudit.Outcome.SUCCEEDED);
    return tenant;
  }

  /**
   * Switches a tenant's webhook test mode on or off, with the version the caller saw (a change made
   * meanwhile answers 409). In test mode the tenant's webhook endpoints may use plain http and
   * loopback or private addresses ({@code webhook.EndpointUrlCheck}): for a test tenant whose
   * receiver runs on a developer's machine, never for a tenant with real systems. Switched off,
   * such endpoints are refused when saved and at their next delivery attempt. The column belongs to
   * the registry (the Tenant entity maps it read-only), so it is written here in SQL; the version
   * moves with it as with any other change of the tenant.
   */
  @Transactional
  public TenantSummary changeTestMode(String slug, Boolean on, Long version, AdminActor actor) {
    if (on == null) {
      throw new InvalidFields(
          "Say whether test mode is on.",
          List.of(new Problem.FieldError("testMode", "is required: true or false")));
    }
    try (Connection c = dataSource.getConnection()) {
      boolean before;
      long current;
      try (PreparedStatement q =
          c.prepareStatement("select test_mode, version from tenant where id = ? for update")) {
        q.setString(1, slug);
        try (ResultSet rs = q.executeQuery()) {
          if (!rs.next()) {
            throw ProblemException.notFound("Tenant " + slug);
          }
          before = rs.getBoolean(1);
          current = rs.getLong(2);
        }
      }
      if (version == null || version != current) {
        throw changedMeanwhile(slug, current, version);
      }
      if (before != on) {
        try (PreparedStatement update =
            c.prepareStatement(
                "update tenant set test_mode = ?, version = version + 1 where id = ?")) {
          update.setBoolean(1, on);
          update.setString(2, slug);
          update.executeUpdate();
        }
      }
      TenantSummary changed = query(c, slug).get(0);
      audit.record(
          actor,
          on ? "tenant.test-mode.on" : "tenant.test-mode.off",
          slug,
          Json.createObjectBuilder()
              .add("testMode", on)
              .add("before", before)
              .add("version", changed.version())
              .build(),
          AdminAudit.Outcome.SUCCEEDED);
      return changed;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** 409: the tenant was changed by someone else since the caller read its version. */
  private static ProblemException changedMeanwhile(String slug, long current, Long sent) {
    return new ProblemException(
        "conflict",
        "Changed meanwhile",
        409,
        "Tenant "
            + slug
            + " changed meanwhile (version "
            + current
            + ", you sent "
            + sent
            + "). Reload and try again.");
  }
}
