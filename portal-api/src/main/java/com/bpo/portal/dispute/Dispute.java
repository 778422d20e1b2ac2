package com.bpo.portal.dispute;

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
import java.time.OffsetDateTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * A dispute or short-payment deduction. Its status changes only through {@link DisputeWorkflow};
 * {@code version} catches two people working it at once.
 */
@Entity
@Table(name = "dispute")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(
    name = "tenant_id",
    contextProperty = "eclipselink.tenant-id",
    primaryKey = true)
@Cacheable(false)
public class Dispute {
  public enum Kind {
    DISPUTE,
    DEDUCTION
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dispute_id")
  @SequenceGenerator(name = "dispute_id", sequenceName = "dispute_id_seq", allocationSize = 50)
  private Long id;

  @Enumerated(EnumType.STRING)
  private Kind kind;

  @Column(name = "customer_account_id")
  private Long customerAccountId;

  @Column(name = "reason_code")
  private String reasonCode;

  @Enumerated(EnumType.STRING)
  private DisputeStatus status;

  @Enumerated(EnumType.STRING)
  private Outcome outcome;

  private String currency;

  @Column(name = "disputed_amount")
  private BigDecimal disputedAmount;

  @Column(name = "settled_amount")
  private BigDecimal settledAmount;

  private String description;

  @Column(name = "raised_by")
  private String raisedBy;

  @Column(name = "raised_at")
  private OffsetDateTime raisedAt;

  private String assignee;

  @Column(name = "promised_response_on")
  private LocalDate promisedResponseOn;

  @Column(name = "first_response_due")
  private OffsetDateTime firstResponseDue;

  @Column(name = "resolution_due")
  private OffsetDateTime resolutionDue;

  @Column(name = "first_response_at")
  private OffsetDateTime firstResponseAt;

  @Column(name = "resolved_at")
  private OffsetDateTime resolvedAt;

  @Column(name = "closed_at")
  private OffsetDateTime closedAt;

  @Version private long version;

  protected Dispute() {}

  Dispute(
      Kind kind,
      long customerAccountId,
      String reasonCode,
      String currency,
      BigDecimal disputedAmount,
      String description,
      String raisedBy,
      OffsetDateTime raisedAt,
      SlaClock.Targets targets) {
    this.kind = kind;
    this.customerAccountId = customerAccountId;
    this.reasonCode = reasonCode;
    this.status = DisputeStatus.NEW;
    this.currency = currency;
    this.disputedAmount = disputedAmount;
    this.settledAmount = BigDecimal.ZERO;
    this.description = description;
    this.raisedBy = raisedBy;
    this.raisedAt = raisedAt;
    this.promisedResponseOn = targets.promisedResponseOn();
    this.firstResponseDue =
        OffsetDateTime.ofInstant(targets.firstResponseDue(), raisedAt.getOffset());
    this.resolutionDue = OffsetDateTime.ofInstant(targets.resolutionDue(), raisedAt.getOffset());
  }

  /** Moves to {@code next}, stamping the moments the SLA and the reopen window are measured by. */
  void moveTo(DisputeStatus next, Outcome outcome, OffsetDateTime now) {
    if (next == DisputeStatus.RESOLVED) {
      this.outcome = outcome;
      this.resolvedAt = now;
    } else if (next == DisputeStatus.CLOSED) {
      this.closedAt = now;
    } else if (status == DisputeStatus.RESOLVED || status == DisputeStatus.CLOSED) {
      // reopened: the earlier outcome stays in the history; the resolution clock runs again
      this.outcome = null;
      this.resolvedAt = null;
      this.closedAt = null;
    }
    this.status = next;
  }

  /** The first thing the BPO does that the customer can see is the first response. */
  boolean respond(OffsetDateTime now) {
    if (firstResponseAt == null) {
      firstResponseAt = now;
      return true;
    }
    return false;
  }

  void assignTo(String username) {
    this.assignee = username;
  }

  void settle(BigDecimal amount) {
    this.settledAmount = settledAmount.add(amount);
  }

  public Long id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  public Long customerAccountId() {
    return customerAccountId;
  }

  public String reasonCode() {
    return reasonCode;
  }

  public DisputeStatus status() {
    return status;
  }

  public Outcome outcome() {
    return outcome;
  }

  public String currency() {
    return currency;
  }

  public BigDecimal disputedAmount() {
    return disputedAmount;
  }

  public BigDecimal settledAmount() {
    return settledAmount;
  }

  public String description() {
    return description;
  }

  public String raisedBy() {
    return raisedBy;
  }

  public OffsetDateTime raisedAt() {
    return raisedAt;
  }

  public String assignee() {
    return assignee;
  }

  public LocalDate promisedResponseOn() {
    return promisedResponseOn;
  }

  public OffsetDateTime firstResponseDue() {
    return firstResponseDue;
  }

  public OffsetDateTime resolutionDue() {
    return resolutionDue;
  }

  public OffsetDateTime firstResponseAt() {
    return firstResponseAt;
  }

  public OffsetDateTime resolvedAt() {
    return resolvedAt;
  }

  public OffsetDateTime closedAt() {
    return closedAt;
  }

  public long version() {
    return version;
  }
}
