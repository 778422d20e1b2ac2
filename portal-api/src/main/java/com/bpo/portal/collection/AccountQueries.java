package com.bpo.portal.collection;

import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Collections' own record of an account ({@code collection_account}: risk, type, language, hold,
 * next action) and the tenant's settings. A missing row reads as the defaults; a write makes it.
 */
@ApplicationScoped
public class AccountQueries {
  @Inject TenantSql sql;

  public boolean accountExists(long accountId) {
    return sql.sql("select 1 as one from customer_account where tenant_id = :tenant and id = :id")
        .bind("id", accountId)
        .optional(r -> true)
        .isPresent();
  }

  /** Locks the account's row (made with the defaults when missing) and answers its version. */
  public long lock(long accountId) {
    sql.sql(
            "insert into collection_account (tenant_id, customer_account_id, language) "
                + "select :tenant, :id, case when t.locale like 'fr%' then 'fr' else 'en' end from tenant t "
                + "where t.id = :tenant on conflict do nothing")
        .bind("id", accountId)
        .update();
    return sql.sql(
            "select version from collection_account where tenant_id = :tenant and customer_account_id = :id "
                + "for update")
        .bind("id", accountId)
        .one(r -> r.longValue("version"));
  }

  /** Writes the profile over a locked row whose version the caller checked; bumps the version. */
  public void update(
      long accountId,
      RiskClass risk,
      CustomerType type,
      String language,
      boolean onHold,
      String holdReason,
      LocalDate nextActionOn) {
    sql.sql(
            """
        update collection_account set risk_class = :risk, customer_type = :type, language = :language,
               on_hold = :hold, hold_reason = :reason, next_action_on = :next, version = version + 1
        where tenant_id = :tenant and customer_account_id = :id""")
        .bind("id", accountId)
        .bind("risk", risk)
        .bind("type", type)
        .bind("language", language)
        .bind("hold", onHold)
        .bind("reason", holdReason)
        .bind("next", nextActionOn)
        .update();
  }

  /**
   * After a contact: the next action the collector set (none keeps the account due) and the contact
   * time.
   */
  public void contacted(long accountId, LocalDate nextActionOn, boolean contact) {
    lock(accountId);
    sql.sql(
            "update collection_account set next_action_on = :next, "
                + "last_contact_at = case when cast(:contact as boolean) then now() else last_contact_at end "
                + "where tenant_id = :tenant and customer_account_id = :id")
        .bind("id", accountId)
        .bind("next", nextActionOn)
        .bind("contact", contact)
        .update();
  }

  /** Puts the account on hold (a credit-hold step). */
  public void hold(long accountId, String reason) {
    lock(accountId);
    sql.sql(
            "update collection_account set on_hold = true, hold_reason = :reason, version = version + 1 "
                + "where tenant_id = :tenant and customer_account_id = :id")
        .bind("id", accountId)
        .bind("reason", reason)
        .update();
  }

  public CollectionSettings settings() {
    return sql.sql(
            "select promise_tolerance_days, promise_tolerance_amount, auto_release, version "
                + "from collection_settings where tenant_id = :tenant")
        .optional(
            r ->
                new CollectionSettings(
                    r.intValue("promise_tolerance_days"),
                    r.decimal("promise_tolerance_amount"),
                    r.bool("auto_release"),
                    r.longValue("version")))
        .orElse(CollectionSettings.DEFAULTS);
  }

  /**
   * Saves the settings if {@code version} is the current one; false when someone changed them
   * meanwhile.
   */
  public boolean saveSettings(CollectionSettings settings, long version) {
    sql.sql("insert into collection_settings (tenant_id) values (:tenant) on conflict do nothing")
        .update();
    return sql.sql(
                """
        update collection_settings set promise_tolerance_days = :days, promise_tolerance_amount = :amount,
               auto_release = :auto, version = version + 1
        where tenant_id = :tenant and version = :version""")
            .bind("days", settings.promiseToleranceDays())
            .bind("amount", settings.promiseToleranceAmount())
            .bind("auto", settings.autoRelease())
            .bind("version", version)
            .update()
        == 1;
  }

  /**
   * Where a customer's letters go: the primary contact's mail, else any contact's, else the portal
   * user's.
   */
  public Optional<String> recipient(long accountId) {
    return sql.sql(
            """
        select email from (
          select c.email, case when c.is_primary then 0 else 1 end as rank, c.id
          from customer_contact c
          where c.tenant_id = :tenant and c.customer_account_id = :id and c.email is not null
          union all
          select u.email, 2, 0 from customer_portal_user u
          where u.tenant_id = :tenant and u.customer_account_id = :id and u.email is not null
        ) e order by rank, id limit 1""")
        .bind("id", accountId)
        .optional(r -> r.string("email"));
  }

  /** The collector's mail address, from the tenant's staff. */
  public Optional<String> staffEmail(String username) {
    return sql.sql(
            "select email from tenant_staff where tenant_id = :tenant and username = :u and email is not null")
        .bind("u", username)
        .optional(r -> r.string("email"));
  }

  /** Whether the username is one of the tenant's active BPO staff (who may collect). */
  public boolean isActiveCollector(String username) {
    return sql.sql(
            "select 1 as one from tenant_staff where tenant_id = :tenant and username = :u and active "
                + "and role in ('bpo-agent', 'bpo-lead')")
        .bind("u", username)
        .optional(r -> true)
        .isPresent();
  }

  public Optional<String> collectorOf(long accountId) {
    return sql.sql("select collector from customer_account where tenant_id = :tenant and id = :id")
        .bind("id", accountId)
        .optional(r -> r.string("collector"));
  }
}
