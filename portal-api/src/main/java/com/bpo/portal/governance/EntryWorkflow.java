package com.bpo.portal.governance;

import static com.bpo.portal.governance.EntryStatus.CLOSED;
import static com.bpo.portal.governance.EntryStatus.ESCALATED;
import static com.bpo.portal.governance.EntryStatus.IN_PROGRESS;
import static com.bpo.portal.governance.EntryStatus.OPEN;
import static com.bpo.portal.governance.EntryStatus.RESOLVED;

import com.bpo.portal.shared.TransitionRefused;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The log entry workflow as a table: for each step, the statuses it may start from, the status it
 * leads to, and who may take it. Open → In progress → Resolved → Closed; any live entry can be
 * escalated (by the job when overdue, by a lead or a client stakeholder with a reason); a lead
 * reopens. An agent takes a step only on an entry they own. Pure, so every arrow is tested.
 */
public final class EntryWorkflow {
  record Rule(Set<EntryStatus> from, EntryStatus to, Set<Actor> actors) {}

  static final Map<EntryAction, Rule> RULES =
      Map.of(
          EntryAction.START,
              new Rule(
                  EnumSet.of(OPEN, ESCALATED), IN_PROGRESS, EnumSet.of(Actor.LEAD, Actor.AGENT)),
          EntryAction.ESCALATE,
              new Rule(
                  EnumSet.of(OPEN, IN_PROGRESS, ESCALATED),
                  ESCALATED,
                  EnumSet.of(Actor.LEAD, Actor.STAKEHOLDER, Actor.SYSTEM)),
          EntryAction.RESOLVE,
              new Rule(
                  EnumSet.of(OPEN, IN_PROGRESS, ESCALATED),
                  RESOLVED,
                  EnumSet.of(Actor.LEAD, Actor.AGENT)),
          EntryAction.CLOSE, new Rule(EnumSet.of(RESOLVED), CLOSED, EnumSet.of(Actor.LEAD)),
          EntryAction.REOPEN,
              new Rule(EnumSet.of(RESOLVED, CLOSED), IN_PROGRESS, EnumSet.of(Actor.LEAD)));

  private EntryWorkflow() {}

  /**
   * The status {@code action} leads to from {@code current}, taken by {@code actor} (who owns the
   * entry or not); refused with 403 (not this actor's step) or 409 (not from this status).
   */
  public static EntryStatus next(
      EntryStatus current, EntryAction action, Actor actor, boolean owns) {
    Rule rule = RULES.get(action);
    if (!rule.actors().contains(actor) || (actor == Actor.AGENT && !owns)) {
      throw new TransitionRefused(
          403,
          current,
          action,
          "Your role cannot take the step '"
              + words(action)
              + "' on this entry"
              + (actor == Actor.AGENT ? " unless you own it." : "."));
    }
    if (!rule.from().contains(current)) {
      throw new TransitionRefused(
          409,
          current,
          action,
          "An entry that is "
              + words(current)
              + " cannot be asked to "
              + words(action)
              + "; allowed from "
              + rule.from().stream().map(EntryWorkflow::words).toList()
              + ".");
    }
    return rule.to();
  }

  /** The steps the actor may take now: what the screens offer as buttons. */
  public static Set<EntryAction> available(EntryStatus current, Actor actor, boolean owns) {
    Set<EntryAction> actions = EnumSet.noneOf(EntryAction.class);
    for (EntryAction action : EntryAction.values()) {
      try {
        next(current, action, actor, owns);
        actions.add(action);
      } catch (TransitionRefused refused) {
        // not offered
      }
    }
    return actions;
  }

  static String words(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
