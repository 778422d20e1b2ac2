package com.bpo.portal.mail;

import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;

/**
 * Queues a mail in the caller's transaction: it goes out only if the change it reports commits, and
 * a down SMTP server delays it instead of failing the change or losing the mail. The one way any
 * feature sends mail.
 */
@TenantService
public class MailOutbox {
  @Inject MailQueries queries;

  public void enqueue(String recipient, String subject, String body) {
    if (recipient == null || recipient.isBlank()) {
      return;
    }
    queries.enqueue(recipient.strip(), subject, body);
  }

  /** A file sent with the mail (a letter as PDF, ...). */
  public record Attachment(String fileName, String mediaType, byte[] content) {}

  /** Queues a mail with one attachment. */
  public void enqueue(String recipient, String subject, String body, Attachment attachment) {
    if (recipient == null || recipient.isBlank()) {
      return;
    }
    queries.enqueue(recipient.strip(), subject, body, attachment);
  }
}
