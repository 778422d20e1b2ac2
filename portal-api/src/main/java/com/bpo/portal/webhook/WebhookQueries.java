package com.bpo.portal.webhook;

import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.sql.Keyset;
import com.bpo.portal.shared.sql.Row;
import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of webhooks: webhook_endpoint, webhook_secret, webhook_event (the outbox),
 * webhook_delivery and webhook_attempt, for the active tenant.
 */
@ApplicationScoped
public class WebhookQueries {
  private static final String ENDPOINT =
      "select id, url, description, events, enabled, created_by, created_at, secret_rotated_at,"
          + " version from webhook_endpoint where tenant_id = :tenant";
  private static final String DELIVERY =
      """
      select d.id, d.endpoint_id, e.url, d.event_id, ev.type, d.status, d.attempts, d.next_attempt_at,
             d.last_status_code, d.last_error, d.delivered_at, d.redelivery_of, d.created_at
      from webhook_delivery d
      join webhook_endpoint e on e.tenant_id = d.tenant_id and e.id = d.endpoint_id
      join webhook_event ev on ev.tenant_id = d.tenant_id and ev.id = d.event_id
      where d.tenant_id = :tenant""";

  /** A delivery claimed for one attempt: what to post where, and the secrets that sign it. */
  public record Claimed(
      long deliveryId,
      int attempt,
      String url,
      String eventType,
      String body,
      List<String> secrets) {}

  @Inject TenantSql sql;

  // ---------------------------------------------------------------- the outbox

  /**
   * Writes the event and one pending delivery per enabled endpoint that wants it, in the caller's
   * transaction; nothing at all when no endpoint wants it (most changes of most tenants).
   */
  int publish(String type, String dataJson) {
    return publishAll(type, List.of(dataJson));
  }

  /** Whether an enabled endpoint of the tenant wants events of this type. */
  boolean wanted(String type) {
    return sql.sql(
            """
            select exists (select 1 from webhook_endpoint
                           where tenant_id = :tenant and enabled and :type = any(events)) as wanted""")
        .bind("type", type)
        .one(r -> r.bool("wanted"));
  }

  /**
   * {@link #publish} for many events of one type, in the order given (their ids ascend in that
   * order), in one statement.
   */
  int publishAll(String type, List<String> dataJson) {
    return sql.sql(
            """
            with wanted as (
                select id from webhook_endpoint
                where tenant_id = :tenant and enabled and :type = any(events)),
            event as (
                insert into webhook_event (tenant_id, type, data)
                select :tenant, :type, cast(d.data as jsonb)
                from unnest(cast(:data as text[])) with ordinality as d(data, n)
                where exists (select 1 from wanted)
                order by d.n
                returning id)
            insert into webhook_delivery (tenant_id, endpoint_id, event_id)
            select :tenant, w.id, event.id from wanted w cross join event order by event.id, w.id""")
        .bind("type", type)
        .bind("data", dataJson)
        .update();
  }

  // ---------------------------------------------------------------- endpoints

  List<WebhookEndpoint> endpoints() {
    return sql.sql(ENDPOINT + " order by id").list(WebhookQueries::endpoint);
  }

  Optional<WebhookEndpoint> endpoint(long id) {
    return sql.sql(ENDPOINT + " and id = :id").bind("id", id).optional(WebhookQueries::endpoint);
  }

  long countEndpoints() {
    return sql.sql("select count(*) as n from webhook_endpoint where tenant_id = :tenant")
        .one(r -> r.longValue("n"));
  }

  long insertEndpoint(
      String url, String description, List<String> events, boolean enabled, String createdBy) {
    return sql.sql(
            """
            insert into webhook_endpoint (tenant_id, url, description, events, enabled, created_by)
            values (:tenant, :url, :description, :events, :enabled, :createdBy) returning id""")
        .bind("url", url)
        .bind("description", description)
        .bind("events", events)
        .bind("enabled", enabled)
        .bind("createdBy", createdBy)
        .one(r -> r.longValue("id"));
  }

  /** Changes an endpoint if it is still at {@code version}; answers whether it was. */
  boolean updateEndpoint(
      long id, long version, String url, String description, List<String> events, boolean enabled) {
    return sql.sql(
                """
            update webhook_endpoint set url = :url, description = :description, events = :events,
                   enabled = :enabled, version = version + 1
            where tenant_id = :tenant and id = :id and version = :version""")
            .bind("url", url)
            .bind("description", description)
            .bind("events", events)
            .bind("enabled", enabled)
            .bind("id", id)
            .bind("version", version)
            .update()
        == 1;
  }

  /** Deletes an endpoint with its secrets, deliveries and their attempts (the events stay). */
  boolean deleteEndpoint(long id) {
    return sql.sql("delete from webhook_endpoint where tenant_id = :tenant and id = :id")
            .bind("id", id)
            .update()
        == 1;
  }

  void insertSecret(long endpointId, String secret) {
    sql.sql(
            "insert into webhook_secret (tenant_id, endpoint_id, secret) values (:tenant, :endpoint, :secret)")
        .bind("endpoint", endpointId)
        .bind("secret", secret)
        .update();
  }

  /**
   * A rotation: the current secret keeps signing for {@code graceSeconds}, secrets whose grace has
   * ended are dropped, and the new one becomes current.
   */
  void rotateSecret(long endpointId, String secret, long graceSeconds) {
    sql.sql(
            """
            delete from webhook_secret
            where tenant_id = :tenant and endpoint_id = :endpoint and expires_at <= now()""")
        .bind("endpoint", endpointId)
        .update();
    sql.sql(
            """
            update webhook_secret set expires_at = now() + make_interval(secs => :grace)
            where tenant_id = :tenant and endpoint_id = :endpoint and expires_at is null""")
        .bind("endpoint", endpointId)
        .bind("grace", (double) graceSeconds)
        .update();
    insertSecret(endpointId, secret);
    sql.sql(
            """
            update webhook_endpoint set secret_rotated_at = now(), version = version + 1
            where tenant_id = :tenant and id = :endpoint""")
        .bind("endpoint", endpointId)
        .update();
  }

  // ---------------------------------------------------------------- the delivery log

  Page<WebhookDelivery> deliveries(
      Optional<Long> endpoint, Optional<WebhookDelivery.Status> status, PageRequest page) {
    return sql.sql(DELIVERY)
        .andIf(endpoint, "d.endpoint_id = :endpoint", "endpoint")
        .andIf(status.map(Enum::name), "d.status = :status", "status")
        .keyset(Keyset.byId("d.id", true), page)
        .page(WebhookQueries::delivery, d -> List.of(String.valueOf(d.id())));
  }

  Optional<WebhookDelivery> delivery(long id) {
    return sql.sql(DELIVERY + " and d.id = :id").bind("id", id).optional(WebhookQueries::delivery);
  }

  List<WebhookDelivery.Attempt> attempts(long deliveryId) {
    return sql.sql(
            """
            select attempt, started_at, duration_ms, status_code, response_excerpt, error
            from webhook_attempt where tenant_id = :tenant and delivery_id = :delivery
            order by attempt, id""")
        .bind("delivery", deliveryId)
        .list(
            r ->
                new WebhookDelivery.Attempt(
                    r.intValue("attempt"),
                    r.timestamp("started_at"),
                    r.intValue("duration_ms"),
                    r.intOrNull("status_code"),
                    r.string("response_excerpt"),
                    r.string("error")));
  }

  /** A new delivery of the same event to the same endpoint, due now. */
  long redeliver(long deliveryId) {
    return sql.sql(
            """
            insert into webhook_delivery (tenant_id, endpoint_id, event_id, redelivery_of)
            select tenant_id, endpoint_id, event_id, id from webhook_delivery
            where tenant_id = :tenant and id = :id returning id""")
        .bind("id", deliveryId)
        .one(r -> r.longValue("id"));
  }

  // ---------------------------------------------------------------- the delivery job

  /**
   * Claims up to {@code limit} due deliveries to enabled endpoints: each counts one more attempt
   * and is leased for {@code leaseSeconds} (its next attempt moved that far), so that neither this
   * instance nor another claims it again while it is being posted outside any transaction. Rows
   * another instance holds are skipped. If this instance dies meanwhile, the lease runs out and the
   * delivery is simply due again.
   */
  List<Claimed> claim(int limit, long leaseSeconds) {
    List<Long> ids =
        sql.sql(
                """
            with due as (
                select d.id from webhook_delivery d
                join webhook_endpoint e on e.tenant_id = d.tenant_id and e.id = d.endpoint_id
                where d.tenant_id = :tenant and d.status = 'PENDING' and d.next_attempt_at <= now()
                  and e.enabled
                order by d.next_attempt_at, d.id
                limit :limit
                for update of d skip locked)
            update webhook_delivery d
            set attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => :lease)
            from due where d.tenant_id = :tenant and d.id = due.id
            returning d.id""")
            .bind("limit", limit)
            .bind("lease", (double) leaseSeconds)
            .list(r -> r.longValue("id"));
    if (ids.isEmpty()) {
      return List.of();
    }
    // the body is built here, from the stored event, so a redelivery sends the same document
    return sql.sql(
            """
            select d.id, d.attempts, e.url, ev.type,
                   json_build_object('id', 'evt_' || ev.id, 'type', ev.type,
                                     'createdAt', to_char(ev.occurred_at at time zone 'UTC',
                                                          'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                     'tenant', ev.tenant_id, 'data', ev.data)::text as body,
                   array(select s.secret from webhook_secret s
                         where s.tenant_id = d.tenant_id and s.endpoint_id = d.endpoint_id
                           and (s.expires_at is null or s.expires_at > now())
                         order by s.expires_at is not null, s.id desc) as secrets
            from webhook_delivery d
            join webhook_endpoint e on e.tenant_id = d.tenant_id and e.id = d.endpoint_id
            join webhook_event ev on ev.tenant_id = d.tenant_id and ev.id = d.event_id
            where d.tenant_id = :tenant and d.id = any(:ids) order by d.id""")
        .bind("ids", ids)
        .list(
            r ->
                new Claimed(
                    r.longValue("id"),
                    r.intValue("attempts"),
                    r.string("url"),
                    r.string("type"),
                    r.string("body"),
                    r.strings("secrets")));
  }

  void insertAttempt(long deliveryId, int attempt, WebhookPost.Outcome outcome) {
    sql.sql(
            """
            insert into webhook_attempt (tenant_id, delivery_id, attempt, started_at, duration_ms,
                                         status_code, response_excerpt, error)
            values (:tenant, :delivery, :attempt, :startedAt, :duration, :statusCode, :excerpt, :error)""")
        .bind("delivery", deliveryId)
        .bind("attempt", attempt)
        .bind("startedAt", outcome.startedAt())
        .bind("duration", outcome.durationMs())
        .bind("statusCode", outcome.statusCode())
        .bind("excerpt", outcome.responseExcerpt())
        .bind("error", outcome.error())
        .update();
  }

  void markDelivered(long deliveryId, Integer statusCode) {
    sql.sql(
            """
            update webhook_delivery set status = 'DELIVERED', delivered_at = now(), finished_at = now(),
                   next_attempt_at = null, last_status_code = :statusCode, last_error = null
            where tenant_id = :tenant and id = :id""")
        .bind("statusCode", statusCode)
        .bind("id", deliveryId)
        .update();
  }

  /** A failed attempt: tried again in {@code waitSeconds}, or given up when that is null. */
  void markFailedAttempt(long deliveryId, Integer statusCode, String error, Long waitSeconds) {
    sql.sql(
            """
            update webhook_delivery
            set status = case when :retry then 'PENDING' else 'FAILED' end,
                next_attempt_at = case when :retry then now() + make_interval(secs => :wait) end,
                finished_at = case when :retry then null else now() end,
                last_status_code = :statusCode, last_error = :error
            where tenant_id = :tenant and id = :id""")
        .bind("retry", waitSeconds != null)
        .bind("wait", waitSeconds == null ? 0d : (double) waitSeconds)
        .bind("statusCode", statusCode)
        .bind("error", error)
        .bind("id", deliveryId)
        .update();
  }

  // ---------------------------------------------------------------- the purge

  /**
   * Deletes up to {@code limit} deliveries in one of {@code statuses} that finished before {@code
   * cutoff}, oldest first, with their attempts (by cascade). Rows another instance's purge holds
   * are skipped, so two purges never wait on each other; a row deleted twice is simply not found.
   */
  int purgeDeliveries(Instant cutoff, List<WebhookDelivery.Status> statuses, int limit) {
    return sql.sql(
            """
            delete from webhook_delivery
            where tenant_id = :tenant and id in (
                select id from webhook_delivery
                where tenant_id = :tenant and finished_at < :cutoff and status = any(:statuses)
                order by finished_at, id
                limit :limit
                for update skip locked)""")
        .bind("cutoff", cutoff)
        .bind("statuses", statuses)
        .bind("limit", limit)
        .update();
  }

  /**
   * Deletes up to {@code limit} events older than {@code cutoff} that no delivery names any more
   * (their deliveries purged, or their endpoint deleted). A redelivery made meanwhile locks the
   * event it names, and a locked event is skipped.
   */
  int purgeEvents(Instant cutoff, int limit) {
    return sql.sql(
            """
            delete from webhook_event
            where tenant_id = :tenant and id in (
                select ev.id from webhook_event ev
                where ev.tenant_id = :tenant and ev.occurred_at < :cutoff
                  and not exists (select 1 from webhook_delivery d
                                  where d.tenant_id = ev.tenant_id and d.event_id = ev.id)
                order by ev.occurred_at, ev.id
                limit :limit
                for update skip locked)""")
        .bind("cutoff", cutoff)
        .bind("limit", limit)
        .update();
  }

  // ---------------------------------------------------------------- rows

  private static WebhookEndpoint endpoint(Row r) {
    return new WebhookEndpoint(
        r.longValue("id"),
        r.string("url"),
        r.string("description"),
        r.strings("events"),
        r.bool("enabled"),
        r.string("created_by"),
        r.timestamp("created_at"),
        r.timestamp("secret_rotated_at"),
        r.longValue("version"));
  }

  private static WebhookDelivery delivery(Row r) {
    return new WebhookDelivery(
        r.longValue("id"),
        r.longValue("endpoint_id"),
        r.string("url"),
        r.longValue("event_id"),
        r.string("type"),
        r.enumValue("status", WebhookDelivery.Status.class),
        r.intValue("attempts"),
        r.timestamp("next_attempt_at"),
        r.intOrNull("last_status_code"),
        r.string("last_error"),
        r.timestamp("delivered_at"),
        r.longOrNull("redelivery_of"),
        r.timestamp("created_at"),
        List.of());
  }
}
