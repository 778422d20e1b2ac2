package com.bpo.portal.dispute;

import static com.bpo.portal.dispute.DisputeStatus.AWAITING_CUSTOMER;
import static com.bpo.portal.dispute.DisputeStatus.CLOSED;
import static com.bpo.portal.dispute.DisputeStatus.IN_REVIEW;
import static com.bpo.portal.dispute.DisputeStatus.NEW;
import static com.bpo.portal.dispute.DisputeStatus.RESOLVED;

import com.bpo.portal.shared.TransitionRefused;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The dispute workflow as a table: for each action, the statuses it may start from, the status it
 * leads to, and the parties that may take it. New → In review → Awaiting customer → Resolved →
 * Closed, with a reopen within the tenant's window. Pure, so that every arrow and every refusal is
 * tested without a server.
 */
public final class DisputeWorkflow {
  record Rule(Set<DisputeStatus> from, DisputeStatus to, Set<Party> parties) {}

  static final Map<DisputeAction, Rule> RULES =
      Map.of(
          DisputeAction.START_REVIEW, new Rule(EnumSet.of(NEW), IN_REVIEW, EnumSet.of(Party.BPO)),
          DisputeAction.ASK_CUSTOMER,
              new Rule(EnumSet.of(NEW, IN_REVIEW), AWAITING_CUSTOMER, EnumSet.of(Party.BPO)),
          DisputeAction.RESUME_REVIEW,
              new Rule(EnumSet.of(AWAITING_CUSTOMER), IN_REVIEW, EnumSet.of(Party.BPO)),
          DisputeAction.RESOLVE,
              new Rule(EnumSet.of(IN_REVIEW, AWAITING_CUSTOMER), RESOLVED, EnumSet.of(Party.BPO)),
          DisputeAction.CLOSE,
              new Rule(EnumSet.of(RESOLVED), CLOSED, EnumSet.of(Party.BPO, Party.CUSTOMER)),
          DisputeAction.REOPEN,
              new Rule(
                  EnumSet.of(RESOLVED, CLOSED), IN_REVIEW, EnumSet.of(Party.BPO, Party.CUSTOMER)));

  private DisputeWorkflow() {}

  /**
   * The status {@code action} leads to from {@code current}, taken by {@code party}; refused with a
   * reason otherwise. A reopen must also come within {@code reopenDays} of the resolution.
   */
  public static DisputeStatus next(
      DisputeStatus current,
      DisputeAction action,
      Party party,
      Instant resolvedAt,
      int reopenDays,
      Instant now) {
    Rule rule = RULES.get(action);
    if (!rule.parties().contains(party)) {
      throw new TransitionRefused(
          403,
          current,
          action,
          "Your role cannot take the step '" + words(action) + "' on a dispute.");
    }
    if (!rule.from().contains(current)) {
      throw new TransitionRefused(
          409,
          current,
          action,
          "A dispute that is "
              + words(current)
              + " cannot be asked to "
              + words(action)
              + "; allowed from "
              + rule.from().stream().map(DisputeWorkflow::words).toList()
              + ".");
    }
    if (action == DisputeAction.REOPEN
        && (resolvedAt == null || now.isAfter(resolvedAt.plus(reopenDays, ChronoUnit.DAYS)))) {
      throw new TransitionRefused(
          409,
          current,
          action,
          "A dispute can be reopened within "
              + reopenDays
              + " days of its resolution; that time has passed.");
    }
    return rule.to();
  }

  /** The actions {@code party} may take now: what the screens offer as buttons. */
  public static Set<DisputeAction> available(
      DisputeStatus current, Party party, Instant resolvedAt, int reopenDays, Instant now) {
    Set<DisputeAction> actions = EnumSet.noneOf(DisputeAction.class);
    for (DisputeAction action : DisputeAction.values()) {
      try {
        next(current, action, party, resolvedAt, reopenDays, now);
        actions.add(action);
      } catch (TransitionRefused refused) {
        // not offered
      }
    }
    return actions;
  }

  private static String words(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
