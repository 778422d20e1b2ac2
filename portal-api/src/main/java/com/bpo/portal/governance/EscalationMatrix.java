package com.bpo.portal.governance;

import com.bpo.portal.shared.Problem.FieldError;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's escalation levels: an entry overdue by at least a level's days rises to it. Overdue
 * counts whole days after the due date, so an entry due yesterday is one day overdue today.
 */
public record EscalationMatrix(List<Level> levels, long version) {
  public record Level(
      int level, String role, String contactName, String contactEmail, int daysOverdue) {}

  public EscalationMatrix {
    levels = levels.stream().sorted(Comparator.comparingInt(Level::level)).toList();
  }

  /** Days past {@code due} on {@code today}; zero or less when not overdue. */
  public static long daysOverdue(LocalDate due, LocalDate today) {
    return ChronoUnit.DAYS.between(due, today);
  }

  /** The highest level the entry has reached on {@code today}, if it is overdue enough for any. */
  public Optional<Level> reached(LocalDate due, LocalDate today) {
    long overdue = daysOverdue(due, today);
    if (overdue < 1) {
      return Optional.empty();
    }
    return levels.stream()
        .filter(l -> l.daysOverdue() <= overdue)
        .max(Comparator.comparingInt(Level::level));
  }

  /** The level an overdue live entry must rise to now, if above the one it stands at. */
  public Optional<Level> escalationDue(LocalDate due, LocalDate today, int currentLevel) {
    return reached(due, today).filter(l -> l.level() > currentLevel);
  }

  /** The next level up for a manual escalation: one above the current, the top one at most. */
  public Optional<Level> above(int currentLevel) {
    return levels.stream()
        .filter(l -> l.level() > currentLevel)
        .findFirst()
        .or(() -> levels.isEmpty() ? Optional.empty() : Optional.of(levels.get(levels.size() - 1)));
  }

  public Optional<Level> level(int number) {
    return levels.stream().filter(l -> l.level() == number).findFirst();
  }

  /**
   * The field errors of settings a lead sends: a threshold from 1 to 10000, and 1 to 9 levels
   * numbered from 1 without gaps, each reached later than the one below it (at most 365 days).
   */
  public static List<FieldError> validate(GovernanceSettings settings) {
    List<FieldError> errors = new ArrayList<>();
    if (settings.rootCauseThreshold() < 1 || settings.rootCauseThreshold() > 10000) {
      errors.add(new FieldError("rootCauseThreshold", "must be between 1 and 10000"));
    }
    List<Level> levels = settings.levels();
    if (levels.isEmpty() || levels.size() > 9) {
      errors.add(new FieldError("levels", "must hold 1 to 9 levels"));
    }
    int previousDays = 0;
    for (int i = 0; i < levels.size(); i++) {
      Level l = levels.get(i);
      String field = "levels[" + i + "]";
      if (l == null) {
        errors.add(new FieldError(field, "is required"));
        continue;
      }
      if (l.level() != i + 1) {
        errors.add(
            new FieldError(
                field + ".level", "must be " + (i + 1) + ": levels are numbered from 1 in order"));
      }
      if (EntryRules.text(l.role()).isEmpty() || l.role().length() > 100) {
        errors.add(new FieldError(field + ".role", "must be 1 to 100 characters"));
      }
      if (l.contactName() != null && l.contactName().length() > 100) {
        errors.add(new FieldError(field + ".contactName", "must be at most 100 characters"));
      }
      String email = EntryRules.blankToNull(l.contactEmail());
      if (email != null && !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
        errors.add(
            new FieldError(
                field + ".contactEmail", "must be an email address such as lead@example.com"));
      }
      if (l.daysOverdue() <= previousDays || l.daysOverdue() > 365) {
        errors.add(
            new FieldError(
                field + ".daysOverdue",
                "must be more than " + previousDays + " (the level below) and at most 365"));
      }
      previousDays = Math.max(previousDays, l.daysOverdue());
    }
    return errors;
  }

  /** The levels as stored: roles stripped, blank contacts as none. */
  public static List<Level> stored(List<Level> levels) {
    return levels.stream()
        .map(
            l ->
                new Level(
                    l.level(),
                    l.role().strip(),
                    EntryRules.blankToNull(l.contactName()),
                    EntryRules.blankToNull(l.contactEmail()),
                    l.daysOverdue()))
        .toList();
  }
}
