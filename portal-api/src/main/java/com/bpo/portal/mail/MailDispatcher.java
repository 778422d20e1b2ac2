package com.bpo.portal.mail;

import com.bpo.portal.shared.sql.TenantsWithWork;
import com.bpo.portal.tenant.Tenant;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the outbox over SMTP every few seconds, for the tenants that have mail waiting (asked once
 * for all of them, {@link TenantsWithWork}, V114). Each tenant's mail is read in a transaction
 * bound to that tenant ({@link MailRound}, {@link MailQueue}; row-level security applies here as
 * everywhere), locked with SKIP LOCKED so that several Liberty instances never send one mail twice.
 * A failure is recorded on the mail and tried again on the next round. Without an SMTP host
 * configured the mail waits in the outbox.
 */
@ApplicationScoped
public class MailDispatcher {
  private static final Logger LOG = Logger.getLogger(MailDispatcher.class.getName());

  @Inject com.bpo.portal.tenant.TenantDirectory tenants;

  @Inject MailRound round;
  @Inject TenantsWithWork withWork;

  @Resource ManagedScheduledExecutorService scheduler;

  // optional: MicroProfile Config treats an empty default as "no value"
  @Inject
  @ConfigProperty(name = "portal.mail.smtp.host")
  java.util.Optional<String> smtpHost;

  private String host = "";

  @Inject
  @ConfigProperty(name = "portal.mail.smtp.port", defaultValue = "25")
  int port;

  @Inject
  @ConfigProperty(name = "portal.mail.from", defaultValue = "portal@bpo.example")
  String from;

  @Inject
  @ConfigProperty(name = "portal.mail.interval.seconds", defaultValue = "5")
  int intervalSeconds;

  private ScheduledFuture<?> job;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    host = smtpHost.map(String::strip).orElse("");
    if (host.isBlank()) {
      LOG.info("portal.mail.smtp.host is not set: notifications wait in the outbox until it is");
      return;
    }
    job =
        scheduler.scheduleWithFixedDelay(
            this::dispatchSafely, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    LOG.info(
        () -> "Mail goes out through " + host + ":" + port + " every " + intervalSeconds + " s");
  }

  @PreDestroy
  void stop() {
    if (job != null) {
      job.cancel(false);
    }
  }

  private void dispatchSafely() {
    try {
      dispatch();
    } catch (RuntimeException | java.util.ServiceConfigurationError e) {
      // (the last when the application stops while a round runs: its class loader is gone)
      LOG.log(Level.WARNING, "Mail round failed; the outbox keeps everything for the next one", e);
    }
  }

  /**
   * One round over the waiting mail of every tenant that has some (suspended tenants too: mail
   * already queued still goes out); returns how many were sent.
   */
  public int dispatch() {
    Set<String> waiting;
    try {
      waiting = withWork.listedBy("mail_tenants_waiting", MailQueue.MAX_ATTEMPTS);
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Could not ask which tenants have mail waiting; next round", e);
      return 0;
    }
    if (waiting.isEmpty()) {
      return 0;
    }
    int sent = 0;
    for (Tenant tenant : tenants.all()) {
      if (waiting.contains(tenant.id())) {
        sent += round.run(tenant, this::send);
      }
    }
    return sent;
  }

  private void send(String recipient, String subject, String body, MailOutbox.Attachment attachment)
      throws MessagingException {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", host);
    properties.put("mail.smtp.port", String.valueOf(port));
    properties.put("mail.smtp.connectiontimeout", "5000");
    properties.put("mail.smtp.timeout", "10000");
    MimeMessage message = new MimeMessage(Session.getInstance(properties));
    message.setFrom(new InternetAddress(from));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(recipient));
    message.setSubject(subject, "UTF-8");
    if (attachment == null) {
      message.setText(body, "UTF-8");
    } else {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(body, "UTF-8");
      MimeBodyPart attached = new MimeBodyPart();
      attached.setDataHandler(
          new jakarta.activation.DataHandler(
              new jakarta.mail.util.ByteArrayDataSource(
                  attachment.content(),
                  attachment.mediaType() == null
                      ? "application/octet-stream"
                      : attachment.mediaType())));
      attached.setFileName(attachment.fileName());
      MimeMultipart parts = new MimeMultipart();
      parts.addBodyPart(text);
      parts.addBodyPart(attached);
      message.setContent(parts);
    }
    Transport.send(message);
  }
}
