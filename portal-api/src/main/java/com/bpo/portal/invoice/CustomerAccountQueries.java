package com.bpo.portal.invoice;

import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;

/**
 * The SQL of the customer account aggregate beyond its JPA entity (which EclipseLink already
 * narrows to the tenant): its contacts, and the portal users bound to it.
 */
@ApplicationScoped
public class CustomerAccountQueries {
  @Inject TenantSql sql;

  List<CustomerContact> contacts(long customerId) {
    return sql.sql(
            """
            select id, name, role, email, phone, is_primary from customer_contact
            where tenant_id = :tenant and customer_account_id = :customer order by is_primary desc, name, id""")
        .bind("customer", customerId)
        .list(
            r ->
                new CustomerContact(
                    r.longValue("id"),
                    r.string("name"),
                    r.string("role"),
                    r.string("email"),
                    r.string("phone"),
                    r.bool("is_primary")));
  }

  /** The account's primary contact is no longer primary (a new one takes over). */
  void clearPrimary(long customerId) {
    sql.sql(
            "update customer_contact set is_primary = false "
                + "where tenant_id = :tenant and customer_account_id = :customer and is_primary")
        .bind("customer", customerId)
        .update();
  }

  long insertContact(
      long customerId,
      String name,
      String role,
      String email,
      String phone,
      boolean primary,
      String createdBy) {
    return sql.sql(
            """
            insert into customer_contact (tenant_id, customer_account_id, name, role, email, phone, is_primary, created_by)
            values (:tenant, :customer, :name, :role, :email, :phone, :primary, :createdBy) returning id""")
        .bind("customer", customerId)
        .bind("name", name)
        .bind("role", role)
        .bind("email", email)
        .bind("phone", phone)
        .bind("primary", primary)
        .bind("createdBy", createdBy)
        .one(r -> r.longValue("id"));
  }

  /**
   * The mail addresses of the portal users bound to the account (its customers' sign-ins), by
   * username.
   */
  public List<PortalUserContact> portalUserContacts(long customerId) {
    return sql.sql(
            """
            select username, email from customer_portal_user
            where tenant_id = :tenant and customer_account_id = :customer and email is not null order by username""")
        .bind("customer", customerId)
        .list(r -> new PortalUserContact(r.string("username"), r.string("email")));
  }

  void setCreditLimit(long customerId, BigDecimal limit) {
    sql.sql(
            """
            update customer_account set credit_limit = :limit, version = version + 1
            where tenant_id = :tenant and id = :customer""")
        .bind("limit", limit)
        .bind("customer", customerId)
        .update();
  }
}
