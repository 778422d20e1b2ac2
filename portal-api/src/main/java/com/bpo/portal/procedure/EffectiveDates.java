package com.bpo.portal.procedure;

import com.bpo.portal.shared.Problem.FieldError;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The dates of a version's time in force. A version is made effective today or later, and after the
 * start of the one in force (which it supersedes: the older one's range ends the day the new one's
 * begins); a retired version ends today, or on its first day if that is still ahead. The next
 * review counts from the later of the start in force and the last confirmed review.
 */
final class EffectiveDates {
  private EffectiveDates() {}

  /** Why {@code from} cannot start the new version, if it cannot. */
  static Optional<FieldError> refuseStart(
      LocalDate from, LocalDate today, Optional<LocalDate> currentFrom) {
    if (from.isBefore(today)) {
      return Optional.of(new FieldError("effectiveFrom", "must be today or later"));
    }
    if (currentFrom.isPresent() && !from.isAfter(currentFrom.get())) {
      return Optional.of(new FieldError("effectiveFrom", "must be after " + currentFrom.get()));
    }
    return Optional.empty();
  }

  /** The (exclusive) end of a retired version's range. */
  static LocalDate retiredOn(LocalDate today, LocalDate effectiveFrom) {
    return today.isAfter(effectiveFrom) ? today : effectiveFrom;
  }

  /**
   * Where the review interval counts from: the last confirmed review if it came after the start in
   * force.
   */
  static LocalDate reviewBase(LocalDate effectiveFrom, Optional<LocalDate> lastConfirmed) {
    return lastConfirmed.filter(c -> c.isAfter(effectiveFrom)).orElse(effectiveFrom);
  }
}
