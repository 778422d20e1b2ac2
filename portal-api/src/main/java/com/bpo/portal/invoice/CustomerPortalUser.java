package com.bpo.portal.invoice;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A customer's sign-in, bound to the one account it may see. */
@Entity
@Table(name = "customer_portal_user")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(
    name = "tenant_id",
    contextProperty = "eclipselink.tenant-id",
    primaryKey = true)
@Cacheable(false)
public class CustomerPortalUser {
  @Id private String username;

  @Column(name = "customer_account_id")
  private Long customerAccountId;

  protected CustomerPortalUser() {}

  public String username() {
    return username;
  }

  public Long customerAccountId() {
    return customerAccountId;
  }
}
