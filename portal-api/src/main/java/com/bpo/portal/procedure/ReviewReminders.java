package com.bpo.portal.procedure;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reminds procedure owners of reviews coming due and overdue, by mail through the outbox. A round goes
 * over each tenant in a transaction bound to it (row-level security applies), locks the procedures it
 * reminds with SKIP LOCKED (several servers never remind twice) and records on each which review date
 * it reminded for, so that one due date gets one "due" and one "overdue" mail. Today is read from the
 * injected {@link Clock} in the tenant's time zone.
 */
@ApplicationScoped
public class ReviewReminders {
  private static final Logger LOG = Logger.getLogger(ReviewReminders.class.getName());

  @Resource(lookup = "jdbc/portal")
  DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "portal.procedure.reminder.interval.minutes", defaultValue = "60")
  int intervalMinutes;

  /** The clock "today" is read from: the system's, unless a producer of {@link Clock} is deployed (tests). */
  @Inject Instance<Clock> clocks;

  private ScheduledFuture<?> job;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (intervalMinutes <= 0) {
      LOG.info("portal.procedures.reminders.interval.minutes is 0: reminders go out only when a lead asks");
      return;
    }
    job = scheduler.scheduleWithFixedDelay(this::roundSafely, 1, intervalMinutes, TimeUnit.MINUTES);
  }

  @PreDestroy
  void stop() {
    if (job != null) {
      job.cancel(false);
    }
  }

  private void roundSafely() {
    try {
      round();
    } catch (RuntimeException | SQLException | java.util.ServiceConfigurationError e) {
      LOG.log(Level.WARNING, "Review reminder round failed; the next round tries again", e);
    }
  }

  /** One round over every tenant; returns how many reminders were queued. */
  public int round() throws SQLException {
    List<String[]> tenants = new ArrayList<>();
    try (Connection db = dataSource.getConnection();
         PreparedStatement q = db.prepareStatement("select id, locale, time_zone from tenant where status = 'ACTIVE' order by id");
         ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        tenants.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
      }
    }
    int queued = 0;
    for (String[] tenant : tenants) {
      try (Connection db = dataSource.getConnection()) {
        db.setAutoCommit(false);
        try (PreparedStatement bind = db.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
          bind.setString(1, tenant[0]);
          bind.execute();
        }
        Clock clock = clocks != null && clocks.isResolvable() ? clocks.get() : Clock.systemUTC();
        queued += remind(db, tenant[0], tenant[1], LocalDate.now(clock.withZone(ZoneId.of(tenant[2]))));
        db.commit();
      }
    }
    return queued;
  }

  /**
   * Queues the reminders due on {@code today} for one tenant, on a connection already bound to it and
   * inside the caller's transaction (the service runs it in its own for "send now").
   */
  static int remind(Connection db, String tenant, String locale, LocalDate today) throws SQLException {
    int queued = 0;
    try (PreparedStatement due = db.prepareStatement("""
            select p.id, p.title, p.process_area, p.next_review_on, p.reminded_due_for, p.reminded_overdue_for, s.email
            from procedure p
            left join tenant_staff s on s.tenant_id = p.tenant_id and s.username = p.owner and s.active
            where p.tenant_id = ? and p.next_review_on is not null and p.next_review_on <= ?
            order by p.next_review_on, p.id for update of p skip locked""");
         PreparedStatement mail = db.prepareStatement(
             "insert into mail_outbox (tenant_id, recipient, subject, body) values (?, ?, ?, ?)");
         PreparedStatement mark = db.prepareStatement("""
             update procedure set reminded_due_for = case when ? then next_review_on else reminded_due_for end,
                                  reminded_overdue_for = case when ? then next_review_on else reminded_overdue_for end
             where tenant_id = ? and id = ?""")) {
      due.setString(1, tenant);
      due.setObject(2, today.plusDays(ReviewSchedule.DUE_SOON_DAYS));
      try (ResultSet rs = due.executeQuery()) {
        while (rs.next()) {
          LocalDate next = rs.getObject(4, LocalDate.class);
          Optional<ReviewSchedule.Reminder> reminder = ReviewSchedule.reminder(next, today,
              rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class));
          if (reminder.isEmpty()) {
            continue;
          }
          String email = rs.getString(7);
          if (email != null && !email.isBlank()) {
            ProcedureMail.Text text = ProcedureMail.reviewReminder(locale, reminder.get(), rs.getString(2),
                areaWords(rs.getString(3)), next);
            mail.setString(1, tenant);
            mail.setString(2, email.strip());
            mail.setString(3, text.subject());
            mail.setString(4, text.body());
            mail.executeUpdate();
            queued++;
          }
          mark.setBoolean(1, reminder.get() == ReviewSchedule.Reminder.DUE);
          mark.setBoolean(2, reminder.get() == ReviewSchedule.Reminder.OVERDUE);
          mark.setString(3, tenant);
          mark.setLong(4, rs.getLong(1));
          mark.executeUpdate();
        }
      }
    }
    return queued;
  }

  private static String areaWords(String area) {
    String words = area.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
