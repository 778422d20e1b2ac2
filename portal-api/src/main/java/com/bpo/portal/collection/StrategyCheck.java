package com.bpo.portal.collection;

import com.bpo.portal.shared.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a strategy version must be before it is stored: every field error at once. The bounds are
 * public so that the editor offers the same ones.
 */
public final class StrategyCheck {
  public static final int MAX_STEPS = 20;

  /** A step's day, counted from the invoice's due date: from 60 days before to a year after. */
  public static final int FIRST_DAY = -60;

  public static final int LAST_DAY = 365;
  public static final int MAX_LEVEL = 9;

  private StrategyCheck() {}

  static List<Problem.FieldError> errors(StrategyQueries.StrategyDraft draft) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (draft == null) {
      errors.add(new Problem.FieldError(null, "body", "is required"));
      return errors;
    }
    if (draft.code() == null || !draft.code().matches("^[A-Z][A-Z0-9_]{1,39}$")) {
      errors.add(
          new Problem.FieldError(
              null, "code", "must be 2 to 40 capitals, digits or _ (like STANDARD)"));
    }
    if (draft.name() == null || draft.name().isBlank() || draft.name().length() > 200) {
      errors.add(new Problem.FieldError(null, "name", "is required (at most 200 characters)"));
    }
    if (draft.rank() != null && (draft.rank() < 0 || draft.rank() > 10000)) {
      errors.add(new Problem.FieldError(null, "rank", "must be between 0 and 10000"));
    }
    if (draft.effectiveFrom() == null) {
      errors.add(new Problem.FieldError(null, "effectiveFrom", "is required"));
    }
    if (draft.minBalance() != null
        && draft.maxBalance() != null
        && draft.minBalance().compareTo(draft.maxBalance()) > 0) {
      errors.add(new Problem.FieldError(null, "maxBalance", "must not be below minBalance"));
    }
    if (draft.steps() == null || draft.steps().isEmpty()) {
      errors.add(new Problem.FieldError(null, "steps", "a strategy needs at least one step"));
      return errors;
    }
    if (draft.steps().size() > MAX_STEPS) {
      errors.add(new Problem.FieldError(null, "steps", "at most " + MAX_STEPS + " steps"));
    }
    Set<Integer> days = new HashSet<>();
    for (int i = 0; i < draft.steps().size(); i++) {
      Strategy.Step step = draft.steps().get(i);
      String at = "steps[" + i + "].";
      if (step == null) {
        errors.add(new Problem.FieldError(null, "steps[" + i + "]", "is required"));
        continue;
      }
      if (step.dayOffset() < FIRST_DAY || step.dayOffset() > LAST_DAY) {
        errors.add(
            new Problem.FieldError(
                null, at + "dayOffset", "must be between " + FIRST_DAY + " and " + LAST_DAY));
      } else if (!days.add(step.dayOffset())) {
        errors.add(new Problem.FieldError(null, at + "dayOffset", "two steps on the same day"));
      }
      if (step.level() < 0 || step.level() > MAX_LEVEL) {
        errors.add(
            new Problem.FieldError(null, at + "level", "must be between 0 and " + MAX_LEVEL));
      }
      if (step.action() == null) {
        errors.add(new Problem.FieldError(null, at + "action", "is required"));
      }
      if (step.templateKey() == null || !step.templateKey().matches("^[a-z][a-z0-9_]{1,39}$")) {
        errors.add(
            new Problem.FieldError(
                null, at + "templateKey", "must be 2 to 40 small letters, digits or _"));
      }
    }
    List<Strategy.Step> ordered =
        draft.steps().stream()
            .filter(java.util.Objects::nonNull)
            .sorted(java.util.Comparator.comparingInt(Strategy.Step::dayOffset))
            .toList();
    for (int i = 1; i < ordered.size(); i++) {
      if (ordered.get(i).level() <= ordered.get(i - 1).level()) {
        errors.add(
            new Problem.FieldError(
                null, "steps", "each step must have a higher level than the step before it"));
        break;
      }
    }
    return errors;
  }
}
