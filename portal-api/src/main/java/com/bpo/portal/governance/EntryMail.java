package com.bpo.portal.governance;

import com.bpo.portal.mail.MailOutbox;
import com.bpo.portal.tenant.StaffMember;
import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who hears of a log entry's escalation or comment, and the mail they get (through the outbox, in
 * the caller's transaction): the level's contact and the entry's owner; for a comment, the owner
 * when someone else wrote it.
 */
@ApplicationScoped
class EntryMail {
  @Inject TenantContext context;
  @Inject MailOutbox outbox;
  @Inject GovernanceMail mail;
  @Inject EntryQueries entries;

  void escalatedOverdue(StoredEntry e, EscalationMatrix.Level level, long days) {
    escalated(e, level, mail.overdueBody(facts(e, level, days)));
  }

  void escalatedByHand(StoredEntry e, EscalationMatrix.Level level, String actor, String reason) {
    escalated(e, level, mail.manualBody(facts(e, level, 0), actor, reason));
  }

  private void escalated(StoredEntry e, EscalationMatrix.Level level, String body) {
    GovernanceMail.Facts facts = facts(e, level, 0);
    Set<String> recipients = new LinkedHashSet<>();
    Optional.ofNullable(level.contactEmail()).filter(m -> !m.isBlank()).ifPresent(recipients::add);
    Optional.ofNullable(e.owner()).flatMap(this::emailOf).ifPresent(recipients::add);
    for (String email : recipients) {
      outbox.enqueue(email, mail.escalatedSubject(facts), body);
    }
  }

  void commented(StoredEntry e, String author, String text) {
    GovernanceMail.Facts facts = facts(e, null, 0);
    Optional.ofNullable(e.owner())
        .flatMap(this::emailOf)
        .ifPresent(
            m ->
                outbox.enqueue(
                    m, mail.commentSubject(facts), mail.commentBody(facts, author, text)));
  }

  private Optional<String> emailOf(String username) {
    return entries.staff().stream()
        .filter(s -> s.username().equals(username) && s.email() != null)
        .map(StaffMember::email)
        .findFirst();
  }

  private GovernanceMail.Facts facts(StoredEntry e, EscalationMatrix.Level level, long days) {
    Tenant tenant = context.requireTenant();
    return new GovernanceMail.Facts(
        tenant.name(),
        tenant.locale(),
        EntrySummary.number(e.id()),
        e.title(),
        e.dueDate(),
        level == null ? 0 : level.level(),
        level == null ? "" : level.role(),
        days);
  }
}
