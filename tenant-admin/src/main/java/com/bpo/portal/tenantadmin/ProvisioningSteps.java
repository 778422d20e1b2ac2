package com.bpo.portal.tenantadmin;

import com.bpo.portal.shared.AttachmentCheck;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The database side of tenant administration. For onboarding, one short transaction per step, each
 * recorded in {@code tenant_provisioning} in the same transaction as its work: a step is either
 * done and recorded, or neither. Every write tolerates finding its row already there (a retry). The
 * other writes here (people) bind their transaction to the tenant like the request hook does.
 */
@ApplicationScoped
public class ProvisioningSteps {
  static final String DATABASE = "database";
  static final String ORGANIZATION = "organization";
  static final String PEOPLE = "people";

  /** A person to record among the tenant's staff (tenant_staff). */
  public record StaffRow(String username, String displayName, String email, String role) {}

  @Resource(lookup = "jdbc/portal")
  DataSource dataSource;

  @Inject TenantEraser eraser;

  @Inject FaultInjection faults;

  /**
   * Starts an onboarding, or finds the one a failure interrupted; answers the steps already done.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public Set<String> begin(NewTenant request, AdminActor actor) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement q =
          c.prepareStatement(
              "select status, steps_done from tenant_provisioning where slug = ? for update")) {
        q.setString(1, request.slug());
        try (ResultSet rs = q.executeQuery()) {
          if (rs.next()) {
            if (rs.getString(1).equals("COMPLETE")) {
              throw exists(request.slug());
            }
            Set<String> done = new HashSet<>(Arrays.asList((String[]) rs.getArray(2).getArray()));
            update(
                c,
                "update tenant_provisioning set request = cast(? as jsonb), updated_at = now() where slug = ?",
                describe(request),
                request.slug());
            return done;
          }
        }
      }
      try (PreparedStatement q = c.prepareStatement("select 1 from tenant where id = ?")) {
        q.setString(1, request.slug());
        try (ResultSet rs = q.executeQuery()) {
          if (rs.next()) {
            throw exists(request.slug());
          }
        }
      }
      update(
          c,
          "insert into tenant_provisioning (slug, request, status, started_by) "
              + "values (?, cast(? as jsonb), 'PROVISIONING', ?)",
          request.slug(),
          describe(request),
          actor.username());
      return new HashSet<>();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The tenant row (PROVISIONING: nobody can act in it yet), whose insert trigger adds the
   * defaults, and its branding.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void createTenantRows(NewTenant request) {
    try (Connection c = dataSource.getConnection()) {
      update(
          c,
          "insert into tenant (id, name, locale, currency, time_zone, status) "
              + "values (?, ?, ?, ?, ?, 'PROVISIONING') on conflict (id) do nothing",
          request.slug(),
          request.name().trim(),
          request.locale(),
          request.currency(),
          request.timeZone());
      bind(c, request.slug());
      AttachmentCheck.Accepted logo = request.logoImage().orElse(null);
      try (PreparedStatement upsert =
          c.prepareStatement(
              "insert into tenant_branding "
                  + "(tenant_id, primary_colour, logo, logo_media_type, logo_sha256) values (?, ?, ?, ?, ?) "
                  + "on conflict (tenant_id) do update set primary_colour = excluded.primary_colour, logo = excluded.logo, "
                  + "logo_media_type = excluded.logo_media_type, logo_sha256 = excluded.logo_sha256, "
                  + "version = tenant_branding.version + 1")) {
        upsert.setString(1, request.slug());
        upsert.setString(2, request.primaryColour());
        upsert.setBytes(3, logo == null ? null : logo.content());
        upsert.setString(4, logo == null ? null : logo.mediaType());
        upsert.setString(5, logo == null ? null : logo.sha256());
        upsert.executeUpdate();
      }
      markDone(c, request.slug(), DATABASE);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void organizationMade(String slug) {
    try (Connection c = dataSource.getConnection()) {
      markDone(c, slug, ORGANIZATION);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The first people's roles in the tenant; the fault point sits after the writes, before the step
   * is recorded.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void recordPeople(String slug, List<StaffRow> staff, String injectFault) {
    try (Connection c = dataSource.getConnection()) {
      bind(c, slug);
      for (StaffRow person : staff) {
        upsertStaff(c, slug, person);
      }
      faults.at(FaultInjection.DATABASE, injectFault);
      markDone(c, slug, PEOPLE);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void activate(String slug) {
    try (Connection c = dataSource.getConnection()) {
      update(
          c,
          "update tenant set status = 'ACTIVE', version = version + 1 where id = ? and status = 'PROVISIONING'",
          slug);
      update(
          c,
          "update tenant_provisioning set status = 'COMPLETE', last_error = null, updated_at = now() "
              + "where slug = ?",
          slug);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void recordError(String slug, String error) {
    try (Connection c = dataSource.getConnection()) {
      update(
          c,
          "update tenant_provisioning set last_error = ?, updated_at = now() where slug = ?",
          error.length() > 1000 ? error.substring(0, 1000) : error,
          slug);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Transactional
  public boolean deactivateRows(String slug, String username) {
    try (Connection c = dataSource.getConnection()) {
      bind(c, slug);
      int staff =
          update(
              c,
              "update tenant_staff set active = false where tenant_id = ? and username = ?",
              slug,
              username);
      int customer =
          update(
              c,
              "delete from customer_portal_user where tenant_id = ? and username = ?",
              slug,
              username);
      return staff + customer > 0;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Gives an active member of the tenant's staff another role there; empty if there is none. */
  @Transactional
  public java.util.Optional<StaffRow> changeStaffRole(String slug, String username, String role) {
    try (Connection c = dataSource.getConnection()) {
      bind(c, slug);
      try (PreparedStatement q =
          c.prepareStatement(
              "update tenant_staff set role = ? where tenant_id = ? "
                  + "and username = ? and active returning username, display_name, email, role")) {
        q.setString(1, role);
        q.setString(2, slug);
        q.setString(3, username);
        try (ResultSet rs = q.executeQuery()) {
          return rs.next()
              ? java.util.Optional.of(
                  new StaffRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
              : java.util.Optional.empty();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Transactional
  public void writePerson(String slug, StaffRow row, Long customerAccountId) {
    try (Connection c = dataSource.getConnection()) {
      bind(c, slug);
      if (customerAccountId == null) {
        upsertStaff(c, slug, row);
      } else {
        update(
            c,
            "insert into customer_portal_user (tenant_id, username, customer_account_id, email) "
                + "values (?, ?, ?, ?) on conflict (tenant_id, username) do update set "
                + "customer_account_id = excluded.customer_account_id, email = excluded.email",
            slug,
            row.username(),
            customerAccountId,
            row.email());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Transactional
  public Long accountId(String slug, String number) {
    try (Connection c = dataSource.getConnection()) {
      bind(c, slug);
      try (PreparedStatement q =
          c.prepareStatement(
              "select id from customer_account where tenant_id = ? and number = ?")) {
        q.setString(1, slug);
        q.setString(2, number);
        try (ResultSet rs = q.executeQuery()) {
          if (rs.next()) {
            return rs.getLong(1);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    throw new InvalidFields(
        "No such customer account.",
        List.of(new FieldError("customerAccount", "is not a customer account of this tenant")));
  }

  /** Whether an export of the tenant was handed out (deletion needs one). */
  @Transactional
  public boolean hasExport(String slug) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement("select 1 from tenant_export where slug = ? limit 1")) {
      q.setString(1, slug);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The sign-ins the tenant's rows name as client users (stakeholders and customers). */
  @Transactional
  public List<String> clientUsernames(String slug) {
    try (Connection c = dataSource.getConnection()) {
      bind(c, slug);
      // the admin record also names people added and since deactivated (no longer in the rows)
      try (PreparedStatement q =
          c.prepareStatement(
              "select username from tenant_staff where tenant_id = ? "
                  + "and role = 'client-stakeholder' union select username from customer_portal_user where tenant_id = ? "
                  + "union select coalesce(nullif(detail->>'username', ''), nullif(detail->>'stakeholder', '')) "
                  + "from admin_action where tenant_slug = ? and action in ('tenant.create', 'person.add') "
                  + "and outcome = 'SUCCEEDED' and (detail->>'role' is null or detail->>'role' in ('client-stakeholder', 'customer'))")) {
        q.setString(1, slug);
        q.setString(2, slug);
        q.setString(3, slug);
        List<String> names = new java.util.ArrayList<>();
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            if (rs.getString(1) != null) {
              names.add(rs.getString(1));
            }
          }
        }
        return names;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every row of the tenant, then the tenant, through the owner's function (V16) called by the
   * eraser role only ({@link TenantEraser}); then the provisioning record. Answers rows deleted per
   * table.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public String deleteTenantData(String slug) {
    String deleted = eraser.eraseTenantData(slug);
    try (Connection c = dataSource.getConnection()) {
      update(c, "delete from tenant_provisioning where slug = ?", slug);
      return deleted;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rows of the tenant per tenant-owned table, as JSON. */
  @Transactional(TxType.REQUIRES_NEW)
  public String rowCounts(String slug) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q = c.prepareStatement("select tenant_row_counts(?)::text")) {
      q.setString(1, slug);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void recordDeletion(String slug, AdminActor actor, String proof) {
    try (Connection c = dataSource.getConnection()) {
      update(
          c,
          "insert into tenant_deletion (slug, actor, proof) values (?, ?, cast(? as jsonb))",
          slug,
          actor.username(),
          proof);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void upsertStaff(Connection c, String slug, StaffRow person) throws SQLException {
    try (PreparedStatement upsert =
        c.prepareStatement(
            "insert into tenant_staff "
                + "(tenant_id, username, display_name, email, role, active) values (?, ?, ?, ?, ?, true) "
                + "on conflict (tenant_id, username) do update set role = excluded.role, active = true, "
                + "email = coalesce(excluded.email, tenant_staff.email)")) {
      upsert.setString(1, slug);
      upsert.setString(2, person.username());
      upsert.setString(3, person.displayName());
      upsert.setString(4, person.email());
      upsert.setString(5, person.role());
      upsert.executeUpdate();
    }
  }

  /**
   * Binds this transaction to the tenant for row-level security, as the tenant hook does for
   * requests; the CLI's seeders and checks bind their transactions with it too.
   */
  public static void bind(Connection c, String slug) throws SQLException {
    try (PreparedStatement set =
        c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
      set.setString(1, slug);
      set.execute();
    }
  }

  private static void markDone(Connection c, String slug, String step) throws SQLException {
    update(
        c,
        "update tenant_provisioning set steps_done = array_append(array_remove(steps_done, ?), ?), "
            + "updated_at = now() where slug = ?",
        step,
        step,
        slug);
  }

  static int update(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    }
  }

  private static ProblemException exists(String slug) {
    return new ProblemException(
        "tenant-exists", "Conflict", 409, "A tenant with the slug '" + slug + "' already exists.");
  }

  /** The request as recorded: never the logo's bytes or a password. */
  private static String describe(NewTenant request) {
    var json =
        Json.createObjectBuilder()
            .add("slug", request.slug())
            .add("name", request.name())
            .add("locale", request.locale())
            .add("currency", request.currency())
            .add("timeZone", request.timeZone());
    if (request.primaryColour() != null) {
      json.add("primaryColour", request.primaryColour());
    }
    if (request.stakeholder() != null) {
      json.add("stakeholder", request.stakeholder().username());
    }
    if (request.bpoLead() != null) {
      json.add("bpoLead", request.bpoLead().username());
    }
    return json.build().toString();
  }
}
