package com.bpo.portal.mail;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the outbox over SMTP every few seconds. Each tenant's mail is read in a transaction bound
 * to that tenant (row-level security applies here as everywhere), locked with SKIP LOCKED so that
 * several Liberty instances never send one mail twice. A failure is recorded on the mail and tried
 * again on the next round. Without an SMTP host configured the mail waits in the outbox.
 */
@ApplicationScoped
public class MailDispatcher {
  private static final Logger LOG = Logger.getLogger(MailDispatcher.class.getName());
  private static final int BATCH = 50;
  private static final int MAX_ATTEMPTS = 20;

  @Resource(lookup = "jdbc/portal")
  DataSource dataSource;

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
    job = scheduler.scheduleWithFixedDelay(this::dispatchSafely, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    LOG.info(() -> "Mail goes out through " + host + ":" + port + " every " + intervalSeconds + " s");
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
    } catch (RuntimeException | SQLException | java.util.ServiceConfigurationError e) {
      // (the last when the application stops while a round runs: its class loader is gone)
      LOG.log(Level.WARNING, "Mail round failed; the outbox keeps everything for the next one", e);
    }
  }

  /** One round over every tenant's waiting mail; returns how many were sent. */
  public int dispatch() throws SQLException {
    int sent = 0;
    for (String tenant : tenants()) {
      sent += dispatch(tenant);
    }
    return sent;
  }

  private List<String> tenants() throws SQLException {
    List<String> tenants = new ArrayList<>();
    try (Connection db = dataSource.getConnection();
         PreparedStatement q = db.prepareStatement("select id from tenant order by id");
         ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        tenants.add(rs.getString(1));
      }
    }
    return tenants;
  }

  private int dispatch(String tenant) throws SQLException {
    int sent = 0;
    try (Connection db = dataSource.getConnection()) {
      db.setAutoCommit(false);
      try (PreparedStatement bind = db.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
        bind.setString(1, tenant);
        bind.execute();
      }
      try (PreparedStatement pending = db.prepareStatement(
              "select id, recipient, subject, body, attachment_name, attachment_type, attachment from mail_outbox where tenant_id = ? and sent_at is null "
                  + "and attempts < ? order by id limit ? for update skip locked");
           PreparedStatement done = db.prepareStatement(
              "update mail_outbox set sent_at = now(), attempts = attempts + 1, last_error = null "
                  + "where tenant_id = ? and id = ?");
           PreparedStatement failed = db.prepareStatement(
              "update mail_outbox set attempts = attempts + 1, last_error = ? where tenant_id = ? and id = ?")) {
        pending.setString(1, tenant);
        pending.setInt(2, MAX_ATTEMPTS);
        pending.setInt(3, BATCH);
        try (ResultSet rs = pending.executeQuery()) {
          while (rs.next()) {
            long id = rs.getLong(1);
            try {
              send(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getBytes(7));
              done.setString(1, tenant);
              done.setLong(2, id);
              done.executeUpdate();
              sent++;
            } catch (MessagingException e) {
              failed.setString(1, String.valueOf(e.getMessage()));
              failed.setString(2, tenant);
              failed.setLong(3, id);
              failed.executeUpdate();
              // the server is likely down for all of them: leave the rest of this round for the next
              break;
            }
          }
        }
      }
      db.commit();
    }
    return sent;
  }

  private void send(String recipient, String subject, String body, String fileName, String mediaType, byte[] file)
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
    if (file == null) {
      message.setText(body, "UTF-8");
    } else {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(body, "UTF-8");
      MimeBodyPart attached = new MimeBodyPart();
      attached.setDataHandler(new jakarta.activation.DataHandler(
          new jakarta.mail.util.ByteArrayDataSource(file, mediaType == null ? "application/octet-stream" : mediaType)));
      attached.setFileName(fileName);
      MimeMultipart parts = new MimeMultipart();
      parts.addBodyPart(text);
      parts.addBodyPart(attached);
      message.setContent(parts);
    }
    Transport.send(message);
  }
}
