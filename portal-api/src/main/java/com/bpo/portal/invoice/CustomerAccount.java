package com.bpo.portal.invoice;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A debtor of the client: who is invoiced, on which terms, up to which credit limit. */
@Entity
@Table(name = "customer_account")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(
    name = "tenant_id",
    contextProperty = "eclipselink.tenant-id",
    primaryKey = true)
@Cacheable(false)
public class CustomerAccount {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_account_id")
  @SequenceGenerator(
      name = "customer_account_id",
      sequenceName = "customer_account_id_seq",
      allocationSize = 50)
  private Long id;

  private String number;
  private String name;
  private String country;
  private String currency;

  @Column(name = "payment_terms_days")
  private int paymentTermsDays;

  @Column(name = "credit_limit")
  private BigDecimal creditLimit;

  private String collector;

  @Version private long version;

  protected CustomerAccount() {}

  public Long id() {
    return id;
  }

  public String number() {
    return number;
  }

  public String name() {
    return name;
  }

  public String country() {
    return country;
  }

  public String currency() {
    return currency;
  }

  public int paymentTermsDays() {
    return paymentTermsDays;
  }

  public BigDecimal creditLimit() {
    return creditLimit;
  }

  public String collector() {
    return collector;
  }

  public long version() {
    return version;
  }
}
