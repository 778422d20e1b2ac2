package com.bpo.portal.mail;

import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The SQL of the mail outbox ({@code mail_outbox}), for the active tenant. */
@ApplicationScoped
public class MailQueries {
  /** A mail waiting to go out. */
  public record Waiting(
      long id, String recipient, String subject, String body, MailOutbox.Attachment attachment) {}

  @Inject TenantSql sql;

  void enqueue(String recipient, String subject, String body) {
    sql.sql(
            "insert into mail_outbox (tenant_id, recipient, subject, body) values (:tenant, :recipient, :subject, :body)")
        .bind("recipient", recipient)
        .bind("subject", subject)
        .bind("body", body)
        .update();
  }

  void enqueue(String recipient, String subject, String body, MailOutbox.Attachment attachment) {
    sql.sql(
            """
            insert into mail_outbox (tenant_id, recipient, subject, body, attachment_name, attachment_type, attachment)
            values (:tenant, :recipient, :subject, :body, :name, :type, :content)""")
        .bind("recipient", recipient)
        .bind("subject", subject)
        .bind("body", body)
        .bind("name", attachment.fileName())
        .bind("type", attachment.mediaType())
        .bind("content", attachment.content())
        .update();
  }

  /**
   * The oldest waiting mail not yet tried {@code maxAttempts} times, locked; rows another instance
   * holds are skipped, so two instances never send one mail twice.
   */
  List<Waiting> lockWaiting(int maxAttempts, int limit) {
    return sql.sql(
            """
            select id, recipient, subject, body, attachment_name, attachment_type, attachment from mail_outbox
            where tenant_id = :tenant and sent_at is null and attempts < :maxAttempts
            order by id limit :limit for update skip locked""")
        .bind("maxAttempts", maxAttempts)
        .bind("limit", limit)
        .list(
            r ->
                new Waiting(
                    r.longValue("id"),
                    r.string("recipient"),
                    r.string("subject"),
                    r.string("body"),
                    r.string("attachment_name") == null
                        ? null
                        : new MailOutbox.Attachment(
                            r.string("attachment_name"),
                            r.string("attachment_type"),
                            r.bytes("attachment"))));
  }

  void markSent(long id) {
    sql.sql(
            "update mail_outbox set sent_at = now(), attempts = attempts + 1, last_error = null "
                + "where tenant_id = :tenant and id = :id")
        .bind("id", id)
        .update();
  }

  void markFailed(long id, String error) {
    sql.sql(
            "update mail_outbox set attempts = attempts + 1, last_error = :error where tenant_id = :tenant and id = :id")
        .bind("error", error)
        .bind("id", id)
        .update();
  }
}
