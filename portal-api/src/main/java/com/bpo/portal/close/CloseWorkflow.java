package com.bpo.portal.close;

import static com.bpo.portal.close.CloseStatus.DRAFT;
import static com.bpo.portal.close.CloseStatus.PUBLISHED;
import static com.bpo.portal.close.CloseStatus.SIGNED_OFF;

import com.bpo.portal.shared.Roles;
import com.bpo.portal.shared.TransitionRefused;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The close workflow as a table, like the scorecard's: for each step, the statuses it starts from,
 * where it leads and the roles that take it. Draft → Published → Signed off, with a withdrawal back
 * to draft before sign-off. Signed off is final.
 */
public final class CloseWorkflow {
  record Rule(Set<CloseStatus> from, CloseStatus to, Set<String> roles) {}

  static final Map<CloseAction, Rule> RULES =
      Map.of(
          CloseAction.PREPARE, new Rule(EnumSet.of(DRAFT), DRAFT, Set.of(Roles.BPO_LEAD)),
          CloseAction.PUBLISH, new Rule(EnumSet.of(DRAFT), PUBLISHED, Set.of(Roles.BPO_LEAD)),
          CloseAction.WITHDRAW, new Rule(EnumSet.of(PUBLISHED), DRAFT, Set.of(Roles.BPO_LEAD)),
          CloseAction.COMMENT,
              new Rule(
                  EnumSet.of(PUBLISHED),
                  PUBLISHED,
                  Set.of(Roles.BPO_LEAD, Roles.CLIENT_STAKEHOLDER)),
          CloseAction.SIGN_OFF,
              new Rule(EnumSet.of(PUBLISHED), SIGNED_OFF, Set.of(Roles.CLIENT_STAKEHOLDER)));

  private CloseWorkflow() {}

  /**
   * Where {@code action} leads from {@code current} for someone with {@code roles}; refused
   * otherwise.
   */
  public static CloseStatus next(CloseStatus current, CloseAction action, Set<String> roles) {
    Rule rule = RULES.get(action);
    if (rule.roles().stream().noneMatch(roles::contains)) {
      throw new TransitionRefused(
          403, current, action, "Your role cannot " + words(action) + " a month's close.");
    }
    if (!rule.from().contains(current)) {
      throw new TransitionRefused(
          409,
          current,
          action,
          "A close that is " + words(current) + " cannot be asked to " + words(action) + ".");
    }
    return rule.to();
  }

  /** The steps someone with {@code roles} may take now: what the screen offers. */
  public static List<CloseAction> available(CloseStatus current, Set<String> roles) {
    return RULES.entrySet().stream()
        .filter(
            e ->
                e.getValue().from().contains(current)
                    && e.getValue().roles().stream().anyMatch(roles::contains))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  private static String words(Enum<?> value) {
    return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
