package com.bpo.portal.procedure;

import static com.bpo.portal.procedure.VersionStatus.APPROVED;
import static com.bpo.portal.procedure.VersionStatus.DRAFT;
import static com.bpo.portal.procedure.VersionStatus.EFFECTIVE;
import static com.bpo.portal.procedure.VersionStatus.IN_REVIEW;
import static com.bpo.portal.procedure.VersionStatus.RETIRED;
import static com.bpo.portal.procedure.VersionStatus.SUPERSEDED;

import com.bpo.portal.shared.TransitionRefused;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A version's life as a table: for each action, the status it starts from, the status it leads to
 * and who may take it. Draft → in review → approved → effective → superseded or retired; a review
 * can send the version back to draft. Approval belongs to the client's stakeholder when the
 * procedure needs client approval, to a lead otherwise. Pure, so every cell is tested.
 */
public final class ProcedureWorkflow {
  record Rule(VersionStatus from, VersionStatus to, Set<Actor> actors) {}

  static final Map<VersionAction, Rule> RULES =
      Map.of(
          VersionAction.SUBMIT, new Rule(DRAFT, IN_REVIEW, EnumSet.of(Actor.LEAD)),
          VersionAction.APPROVE,
              new Rule(IN_REVIEW, APPROVED, EnumSet.noneOf(Actor.class)), // see approvers
          VersionAction.REJECT,
              new Rule(IN_REVIEW, DRAFT, EnumSet.noneOf(Actor.class)), // see approvers
          VersionAction.MAKE_EFFECTIVE, new Rule(APPROVED, EFFECTIVE, EnumSet.of(Actor.LEAD)),
          VersionAction.SUPERSEDE, new Rule(EFFECTIVE, SUPERSEDED, EnumSet.of(Actor.SYSTEM)),
          VersionAction.RETIRE, new Rule(EFFECTIVE, RETIRED, EnumSet.of(Actor.LEAD)));

  private ProcedureWorkflow() {}

  /** Who approves (or sends back) a version under review. */
  static Set<Actor> approvers(boolean clientApprovalRequired) {
    return clientApprovalRequired ? EnumSet.of(Actor.STAKEHOLDER) : EnumSet.of(Actor.LEAD);
  }

  static Set<Actor> actors(VersionAction action, boolean clientApprovalRequired) {
    return action == VersionAction.APPROVE || action == VersionAction.REJECT
        ? approvers(clientApprovalRequired)
        : RULES.get(action).actors();
  }

  /**
   * The status {@code action} leads to from {@code current} when {@code actor} takes it; refused
   * otherwise.
   */
  public static VersionStatus next(
      VersionStatus current, VersionAction action, Actor actor, boolean clientApprovalRequired) {
    Rule rule = RULES.get(action);
    if (!actors(action, clientApprovalRequired).contains(actor)) {
      throw new TransitionRefused(
          403,
          current,
          action,
          "Your role cannot "
              + words(action)
              + " this version"
              + (action == VersionAction.APPROVE && clientApprovalRequired
                  ? ": this procedure needs the client's approval."
                  : "."));
    }
    if (rule.from() != current) {
      throw new TransitionRefused(
          409,
          current,
          action,
          "A version that is "
              + words(current)
              + " cannot be asked to "
              + words(action)
              + "; only one that is "
              + words(rule.from())
              + ".");
    }
    return rule.to();
  }

  /** The actions {@code actor} may take now: what the screens offer as buttons. */
  public static Set<VersionAction> available(
      VersionStatus current, Actor actor, boolean clientApprovalRequired) {
    Set<VersionAction> actions = EnumSet.noneOf(VersionAction.class);
    for (VersionAction action : VersionAction.values()) {
      try {
        next(current, action, actor, clientApprovalRequired);
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
