package com.bpo.portal.scorecard;

import static com.bpo.portal.scorecard.Scorecard.Status.DRAFT;
import static com.bpo.portal.scorecard.Scorecard.Status.PUBLISHED;
import static com.bpo.portal.scorecard.Scorecard.Status.SIGNED_OFF;

import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.PortalUser;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scorecard's workflow as a table: for each action, the statuses each party may take it from,
 * and the status it leads to. Draft → Published → Signed off. The BPO lead computes, enters manual
 * values and evidence, publishes and answers; the client stakeholder comments, disputes a KPI and
 * signs off; the lead also comments on a draft; agents read. Pure, so that every cell is tested
 * without a server; the service adds what depends on the data (a disputed KPI blocks the sign-off,
 * only a disputed KPI is answered).
 */
public final class ScorecardWorkflow {
  /** Who acts on scorecards. A user holding several roles acts as each of them. */
  public enum Party {
    LEAD,
    AGENT,
    STAKEHOLDER;

    public static Set<Party> of(PortalUser user) {
      Set<Party> parties = EnumSet.noneOf(Party.class);
      if (user.hasRole(Roles.BPO_LEAD)) {
        parties.add(LEAD);
      }
      if (user.hasRole(Roles.BPO_AGENT)) {
        parties.add(AGENT);
      }
      if (user.hasRole(Roles.CLIENT_STAKEHOLDER)) {
        parties.add(STAKEHOLDER);
      }
      return parties;
    }
  }

  private static final Map<ScorecardAction, Map<Party, Set<Scorecard.Status>>> FROM =
      new EnumMap<>(
          Map.of(
              ScorecardAction.COMPUTE, Map.of(Party.LEAD, EnumSet.of(DRAFT)),
              ScorecardAction.ENTER_VALUE, Map.of(Party.LEAD, EnumSet.of(DRAFT)),
              ScorecardAction.ATTACH_EVIDENCE, Map.of(Party.LEAD, EnumSet.of(DRAFT)),
              ScorecardAction.PUBLISH, Map.of(Party.LEAD, EnumSet.of(DRAFT)),
              ScorecardAction.COMMENT,
                  Map.of(
                      Party.LEAD,
                      EnumSet.of(DRAFT, PUBLISHED),
                      Party.STAKEHOLDER,
                      EnumSet.of(PUBLISHED)),
              ScorecardAction.DISPUTE_KPI, Map.of(Party.STAKEHOLDER, EnumSet.of(PUBLISHED)),
              ScorecardAction.ANSWER_KPI, Map.of(Party.LEAD, EnumSet.of(PUBLISHED)),
              ScorecardAction.SIGN_OFF, Map.of(Party.STAKEHOLDER, EnumSet.of(PUBLISHED))));

  private static final Map<ScorecardAction, Scorecard.Status> TO =
      Map.of(
          ScorecardAction.PUBLISH, PUBLISHED,
          ScorecardAction.SIGN_OFF, SIGNED_OFF);

  private ScorecardWorkflow() {}

  /** Whether the party's role may take the action at all, in some status. */
  public static boolean mayTake(Party party, ScorecardAction action) {
    return FROM.get(action).containsKey(party);
  }

  /** Whether the action may be taken on a scorecard in {@code status} by any party. */
  public static boolean allows(Scorecard.Status status, ScorecardAction action) {
    return FROM.get(action).values().stream().anyMatch(from -> from.contains(status));
  }

  /** Whether {@code party} may take {@code action} on a scorecard in {@code status}. */
  public static boolean allows(Scorecard.Status status, ScorecardAction action, Party party) {
    return FROM.get(action).getOrDefault(party, Set.of()).contains(status);
  }

  /** The status the action leads to; empty for actions that leave the status as it is. */
  public static Optional<Scorecard.Status> next(ScorecardAction action) {
    return Optional.ofNullable(TO.get(action));
  }

  /** Whether any of the parties may take the action at all, in some status. */
  public static boolean mayTake(Set<Party> parties, ScorecardAction action) {
    return parties.stream().anyMatch(p -> mayTake(p, action));
  }

  /** The actions a user acting as {@code parties} may take now: what the screens offer. */
  public static Set<ScorecardAction> available(Scorecard.Status status, Set<Party> parties) {
    Set<ScorecardAction> actions = EnumSet.noneOf(ScorecardAction.class);
    parties.forEach(p -> actions.addAll(available(status, p)));
    return actions;
  }

  /** The actions {@code party} may take now: what the screens offer. */
  public static Set<ScorecardAction> available(Scorecard.Status status, Party party) {
    Set<ScorecardAction> actions = EnumSet.noneOf(ScorecardAction.class);
    for (ScorecardAction action : ScorecardAction.values()) {
      if (allows(status, action, party)) {
        actions.add(action);
      }
    }
    return actions;
  }
}
