package com.bpo.portal.mail;

import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Queues a mail in the caller's transaction: it goes out only if the change it reports commits,
 * and a down SMTP server delays it instead of failing the change or losing the mail.
 */
@TenantService
public class MailOutbox {
  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject TenantContext context;

  public void enqueue(String recipient, String subject, String body) {
    if (recipient == null || recipient.isBlank()) {
      return;
    }
    em.createNativeQuery("insert into mail_outbox (tenant_id, recipient, subject, body) values (?1, ?2, ?3, ?4)")
        .setParameter(1, context.requireTenant().id())
        .setParameter(2, recipient.strip())
        .setParameter(3, subject)
        .setParameter(4, body)
        .executeUpdate();
  }

  /** A file sent with the mail (a letter as PDF, ...). */
  public record Attachment(String fileName, String mediaType, byte[] content) {}

  /** Queues a mail with one attachment. */
  public void enqueue(String recipient, String subject, String body, Attachment attachment) {
    if (recipient == null || recipient.isBlank()) {
      return;
    }
    em.createNativeQuery("insert into mail_outbox (tenant_id, recipient, subject, body, attachment_name, "
            + "attachment_type, attachment) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .setParameter(1, context.requireTenant().id())
        .setParameter(2, recipient.strip())
        .setParameter(3, subject)
        .setParameter(4, body)
        .setParameter(5, attachment.fileName())
        .setParameter(6, attachment.mediaType())
        .setParameter(7, attachment.content())
        .executeUpdate();
  }
}
