package com.bpo.portal.dispute;

import com.bpo.portal.invoice.CustomerAccountService;
import com.bpo.portal.mail.MailOutbox;
import com.bpo.portal.shared.Money;
import com.bpo.portal.tenant.StaffMember;
import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.UserLanguages;
import com.bpo.portal.webhook.WebhookEventType;
import com.bpo.portal.webhook.WebhookEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who hears of a dispute's changes, and with which words: the desk's team mailbox, the assignee,
 * the customer's portal users. Mail goes only through {@link MailOutbox}, in the change's
 * transaction.
 */
@ApplicationScoped
public class DisputeNotices {
  @Inject TenantContext context;
  @Inject MailOutbox outbox;
  @Inject DisputeMail mail;
  @Inject CustomerAccountService accounts;
  @Inject UserLanguages languages;
  @Inject WebhookEvents webhooks;
  @Inject DisputeDesk desk;

  void raised(Dispute dispute, DisputeSettings settings) {
    webhooks.publish(WebhookEventType.DISPUTE_RAISED, webhookData(dispute));
    DisputeMail.Facts facts = facts(dispute);
    outbox.enqueue(
        settings.teamEmail(), mail.newDisputeSubject(facts), mail.newDisputeForTeam(facts));
    for (Addressee to : customers(dispute, facts)) {
      outbox.enqueue(
          to.email(), mail.newDisputeSubject(to.facts()), mail.newDisputeForCustomer(to.facts()));
    }
  }

  void resolved(Dispute dispute, String note) {
    webhooks.publish(WebhookEventType.DISPUTE_RESOLVED, webhookData(dispute));
    DisputeMail.Facts facts = facts(dispute);
    for (Addressee to : customers(dispute, facts)) {
      outbox.enqueue(
          to.email(), mail.resolvedSubject(to.facts()), mail.resolvedForCustomer(to.facts(), note));
    }
  }

  void askedCustomer(Dispute dispute, String question) {
    DisputeMail.Facts facts = facts(dispute);
    for (Addressee to : customers(dispute, facts)) {
      outbox.enqueue(
          to.email(),
          mail.questionSubject(to.facts()),
          mail.questionForCustomer(to.facts(), question));
    }
  }

  void reopenedByCustomer(Dispute dispute, DisputeSettings settings, String note) {
    DisputeMail.Facts facts = facts(dispute);
    outbox.enqueue(
        settings.teamEmail(), mail.reopenedSubject(facts), mail.reopenedForTeam(facts, note));
  }

  /**
   * The customer's reply goes to the team mailbox and to the assignee (once, if they are the same).
   */
  void customerReplied(
      Dispute dispute, DisputeSettings settings, List<StaffMember> staff, String reply) {
    webhooks.publish(WebhookEventType.DISPUTE_CUSTOMER_MESSAGE, webhookData(dispute));
    DisputeMail.Facts facts = facts(dispute);
    // the team mailbox reads the tenant's language, the assignee their own
    Map<String, DisputeMail.Facts> recipients = new LinkedHashMap<>();
    if (settings.teamEmail() != null) {
      recipients.put(settings.teamEmail(), facts);
    }
    if (dispute.assignee() != null) {
      staff.stream()
          .filter(s -> s.username().equals(dispute.assignee()) && s.email() != null)
          .forEach(s -> recipients.putIfAbsent(s.email(), inLanguageOf(s.username(), facts)));
    }
    recipients.forEach(
        (email, told) ->
            outbox.enqueue(email, mail.replySubject(told), mail.replyForTeam(told, reply)));
  }

  /** A mail's recipient, with the facts in the language they chose (the tenant's otherwise). */
  private record Addressee(String email, DisputeMail.Facts facts) {}

  /**
   * One language lookup per portal user of the account: a handful of people, so a query each is
   * accepted here.
   */
  private List<Addressee> customers(Dispute dispute, DisputeMail.Facts facts) {
    return accounts.portalUserContacts(dispute.customerAccountId()).stream()
        .map(c -> new Addressee(c.email(), inLanguageOf(c.username(), facts)))
        .toList();
  }

  /** The facts in the language the person chose, else in the tenant's. */
  private DisputeMail.Facts inLanguageOf(String username, DisputeMail.Facts facts) {
    return languages.of(username).map(facts::in).orElse(facts);
  }

  /** What a webhook says of a dispute: ids, amounts and states, no free text. */
  private static Map<String, Object> webhookData(Dispute d) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("disputeId", d.id());
    data.put("number", DisputeSummary.number(d.id()));
    data.put("customerAccountId", d.customerAccountId());
    data.put("status", d.status().name());
    data.put("outcome", d.outcome() == null ? null : d.outcome().name());
    data.put("currency", d.currency());
    data.put("disputedAmount", d.disputedAmount().toPlainString());
    data.put("settledAmount", d.settledAmount().toPlainString());
    return data;
  }

  private DisputeMail.Facts facts(Dispute d) {
    Tenant tenant = context.requireTenant();
    return new DisputeMail.Facts(
        tenant.name(),
        tenant.locale(),
        DisputeSummary.number(d.id()),
        desk.label(d.reasonCode()),
        new Money(d.disputedAmount(), d.currency()),
        new Money(d.settledAmount(), d.currency()),
        d.outcome(),
        d.promisedResponseOn());
  }
}
