package com.bpo.portal.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.regex.Pattern;

/** An outsourcing client of the BPO. Its id is the slug, also the Keycloak organization alias. */
@Entity
@Table(name = "tenant")
public class Tenant {
  public static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");

  @Id private String id;
  private String name;
  private String locale;
  private String currency;

  @Column(name = "time_zone")
  private String timeZone;

  @Enumerated(EnumType.STRING)
  private TenantStatus status;

  /** A platform setting (V90), written by tenant administration only: see {@link #testMode()}. */
  @Column(name = "test_mode", insertable = false, updatable = false)
  private boolean testMode;

  @Column(name = "created_at", insertable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Version private long version;

  protected Tenant() {}

  public Tenant(String id, String name, String locale, String currency, String timeZone) {
    if (id == null || !SLUG.matcher(id).matches()) {
      throw new IllegalArgumentException("tenant slug must match " + SLUG.pattern());
    }
    this.id = id;
    this.name = Objects.requireNonNull(name);
    this.locale = Objects.requireNonNull(locale);
    this.currency = Objects.requireNonNull(currency);
    this.timeZone = Objects.requireNonNull(timeZone);
    this.status = TenantStatus.ACTIVE;
  }

  /**
   * A tenant as a request reads it ({@link TenantDirectory#membership}): for reading, never to be
   * merged or persisted.
   */
  static Tenant asRead(
      String id,
      String name,
      String locale,
      String currency,
      String timeZone,
      TenantStatus status,
      boolean testMode) {
    Tenant tenant = new Tenant(id, name, locale, currency, timeZone);
    tenant.status = java.util.Objects.requireNonNull(status);
    tenant.testMode = testMode;
    return tenant;
  }

  /**
   * Suspended, nobody acts in the tenant (its data is kept); active again, everyone who belongs
   * does.
   */
  public void changeStatus(TenantStatus status) {
    this.status = java.util.Objects.requireNonNull(status);
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String locale() {
    return locale;
  }

  public String currency() {
    return currency;
  }

  public String timeZone() {
    return timeZone;
  }

  public TenantStatus status() {
    return status;
  }

  /**
   * A tenant for testing (the demo tenants, a test's tenant): its webhooks may go to plain http and
   * private addresses. Switched by platform admins only (tenant administration's test-mode switch,
   * audited), never by the tenant's own people.
   */
  public boolean testMode() {
    return testMode;
  }

  public boolean isActive() {
    return status == TenantStatus.ACTIVE;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public long version() {
    return version;
  }
}
