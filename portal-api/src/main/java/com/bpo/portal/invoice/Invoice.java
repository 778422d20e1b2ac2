package com.bpo.portal.invoice;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * An invoice to a customer account. Open amount and status are computed by the database from the
 * totals that payments, credit notes and write-offs keep up to date.
 */
@Entity
@Table(name = "invoice")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(
    name = "tenant_id",
    contextProperty = "eclipselink.tenant-id",
    primaryKey = true)
@Cacheable(false)
public class Invoice {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_id")
  @SequenceGenerator(name = "invoice_id", sequenceName = "invoice_id_seq", allocationSize = 50)
  private Long id;

  private String number;

  @Column(name = "customer_account_id")
  private Long customerAccountId;

  @Column(name = "issue_date")
  private LocalDate issueDate;

  @Column(name = "due_date")
  private LocalDate dueDate;

  private String currency;

  @Column(name = "net_amount")
  private BigDecimal netAmount;

  @Column(name = "tax_amount")
  private BigDecimal taxAmount;

  @Column(name = "total_amount")
  private BigDecimal totalAmount;

  @Column(name = "paid_amount")
  private BigDecimal paidAmount;

  @Column(name = "credited_amount")
  private BigDecimal creditedAmount;

  @Column(name = "written_off_amount")
  private BigDecimal writtenOffAmount;

  private boolean disputed;

  @Column(name = "open_amount", insertable = false, updatable = false)
  private BigDecimal openAmount;

  @Enumerated(EnumType.STRING)
  @Column(insertable = false, updatable = false)
  private InvoiceStatus status;

  @Version private long version;

  protected Invoice() {}

  public Long id() {
    return id;
  }

  public String number() {
    return number;
  }

  public Long customerAccountId() {
    return customerAccountId;
  }

  public LocalDate issueDate() {
    return issueDate;
  }

  public LocalDate dueDate() {
    return dueDate;
  }

  public String currency() {
    return currency;
  }

  public BigDecimal netAmount() {
    return netAmount;
  }

  public BigDecimal taxAmount() {
    return taxAmount;
  }

  public BigDecimal totalAmount() {
    return totalAmount;
  }

  public BigDecimal paidAmount() {
    return paidAmount;
  }

  public BigDecimal creditedAmount() {
    return creditedAmount;
  }

  public BigDecimal writtenOffAmount() {
    return writtenOffAmount;
  }

  public BigDecimal openAmount() {
    return openAmount;
  }

  public InvoiceStatus status() {
    return status;
  }

  public long version() {
    return version;
  }
}
