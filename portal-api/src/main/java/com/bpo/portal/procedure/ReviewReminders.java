package com.bpo.portal.procedure;

import com.bpo.portal.mail.MailOutbox;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * Reminds procedure owners of reviews coming due and overdue, by mail through the outbox. It locks
 * the procedures it reminds with SKIP LOCKED (several servers never remind twice) and records on
 * each which review date it reminded for, so that one due date gets one "due" and one "overdue"
 * mail. Run for each tenant by {@link ReviewReminderJob}, or by a lead's "send now".
 */
@TenantService
public class ReviewReminders {
  @Inject TenantContext context;
  @Inject ProcedureQueries queries;
  @Inject MailOutbox outbox;

  /**
   * Queues the reminders due on {@code today} for the active tenant; returns how many were queued.
   */
  public int remind(LocalDate today) {
    String locale = context.requireTenant().locale();
    int queued = 0;
    for (ProcedureQueries.ReviewDue due :
        queries.reviewsToRemind(today.plusDays(ReviewSchedule.DUE_SOON_DAYS))) {
      Optional<ReviewSchedule.Reminder> reminder =
          ReviewSchedule.reminder(
              due.nextReview(), today, due.remindedDueFor(), due.remindedOverdueFor());
      if (reminder.isEmpty()) {
        continue;
      }
      String email = due.ownerEmail();
      if (email != null && !email.isBlank()) {
        ProcedureMail.Text text =
            ProcedureMail.reviewReminder(
                locale,
                reminder.get(),
                due.title(),
                areaWords(due.area().name()),
                due.nextReview());
        outbox.enqueue(email, text.subject(), text.body());
        queued++;
      }
      queries.markReminded(due.id(), reminder.get());
    }
    return queued;
  }

  private static String areaWords(String area) {
    String words = area.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
