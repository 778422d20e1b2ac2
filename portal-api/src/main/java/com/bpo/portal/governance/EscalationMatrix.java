package com.bpo.portal.governance;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's escalation levels: an entry overdue by at least a level's days rises to it. Overdue
 * counts whole days after the due date, so an entry due yesterday is one day overdue today.
 */
public record EscalationMatrix(List<Level> levels, long version) {
  public record Level(int level, String role, String contactName, String contactEmail, int daysOverdue) {}

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
    return levels.stream().filter(l -> l.daysOverdue() <= overdue).max(Comparator.comparingInt(Level::level));
  }

  /** The level an overdue live entry must rise to now, if above the one it stands at. */
  public Optional<Level> escalationDue(LocalDate due, LocalDate today, int currentLevel) {
    return reached(due, today).filter(l -> l.level() > currentLevel);
  }

  /** The next level up for a manual escalation: one above the current, the top one at most. */
  public Optional<Level> above(int currentLevel) {
    return levels.stream().filter(l -> l.level() > currentLevel).findFirst()
        .or(() -> levels.isEmpty() ? Optional.empty() : Optional.of(levels.get(levels.size() - 1)));
  }

  public Optional<Level> level(int number) {
    return levels.stream().filter(l -> l.level() == number).findFirst();
  }
}
