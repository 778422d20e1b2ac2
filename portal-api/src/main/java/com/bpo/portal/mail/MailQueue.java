package com.bpo.portal.mail;

import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;

/**
 * One tenant's waiting mail, sent in one transaction bound to that tenant (row-level security
 * applies here as everywhere): the batch is locked with SKIP LOCKED, each mail marked sent or
 * failed as it goes, and the round stops at the first failure (the server is likely down for all of
 * them).
 */
@TenantService
public class MailQueue {
  static final int BATCH = 50;
  static final int MAX_ATTEMPTS = 20;

  /** How a mail leaves: SMTP in the server, anything in a test. */
  public interface Sender {
    /** {@code attachment} may be null. */
    void send(String recipient, String subject, String body, MailOutbox.Attachment attachment)
        throws MessagingException;
  }

  @Inject MailQueries queries;

  /** Returns how many were sent. */
  public int sendWaiting(Sender sender) {
    int sent = 0;
    for (MailQueries.Waiting mail : queries.lockWaiting(MAX_ATTEMPTS, BATCH)) {
      try {
        sender.send(mail.recipient(), mail.subject(), mail.body(), mail.attachment());
        queries.markSent(mail.id());
        sent++;
      } catch (MessagingException e) {
        queries.markFailed(mail.id(), String.valueOf(e.getMessage()));
        break;
      }
    }
    return sent;
  }
}
