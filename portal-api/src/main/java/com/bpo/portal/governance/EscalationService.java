package com.bpo.portal.governance;

import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The tenant's escalation matrix and root-cause threshold, and the round that escalates overdue
 * entries by it (the daily job's, or a lead's now). The matrix's rules are {@link
 * EscalationMatrix}'s.
 */
@TenantService
public class EscalationService {
  @Inject GovernanceService log;
  @Inject GovernanceSettingsQueries queries;
  @Inject EntryQueries entries;
  @Inject EntryMail mail;

  public GovernanceSettings settings() {
    return queries.current();
  }

  /**
   * Replaces the matrix and the threshold (BPO leads), with the version read: levels numbered from
   * 1 without gaps, each reached later than the one below it.
   */
  public GovernanceSettings saveSettings(GovernanceSettings settings) {
    if (!GovernanceRules.managesSettings(log.actor())) {
      throw ProblemException.forbidden("Only the BPO lead sets the escalation matrix.");
    }
    if (settings == null || settings.levels() == null) {
      throw new InvalidFields(
          "Send the settings.", List.of(new FieldError("levels", "are required")));
    }
    List<FieldError> errors = EscalationMatrix.validate(settings);
    if (!errors.isEmpty()) {
      throw new InvalidFields("The escalation settings are not valid.", errors);
    }
    if (!queries.saveThreshold(settings.rootCauseThreshold(), settings.version())) {
      throw new ProblemException(
          "conflict",
          "Changed meanwhile",
          409,
          "Someone changed the escalation settings meanwhile. Reload them and try again.");
    }
    queries.replaceLevels(EscalationMatrix.stored(settings.levels()));
    return settings();
  }

  /**
   * Escalates every live entry overdue enough for a level above the one it stands at, as of {@code
   * today}; the level's contact and the owner are told by mail. Returns how many rose. Called by
   * the daily job (as the system) and by a lead who wants the round now.
   */
  public int escalateOverdue(LocalDate today) {
    Actor actor = log.actor();
    if (actor != Actor.SYSTEM && actor != Actor.LEAD) {
      throw ProblemException.forbidden("Only the BPO lead runs the escalation round.");
    }
    EscalationMatrix matrix = settings().matrix();
    int escalated = 0;
    for (StoredEntry e : entries.overdueForUpdate(today)) {
      Optional<EscalationMatrix.Level> level = matrix.escalationDue(e.dueDate(), today, e.level());
      if (level.isEmpty()) {
        continue;
      }
      EscalationMatrix.Level l = level.get();
      long days = EscalationMatrix.daysOverdue(e.dueDate(), today);
      if (!entries.move(e.id(), e.version(), EntryStatus.ESCALATED, l.level(), e.proposed())) {
        throw GovernanceService.conflict(e.id());
      }
      String note = "Overdue by " + days + " day(s) on " + today;
      entries.event(
          e.id(),
          Actor.SYSTEM_USER,
          "ESCALATED_OVERDUE",
          "status",
          e.status().name(),
          EntryStatus.ESCALATED.name(),
          note);
      entries.event(
          e.id(),
          Actor.SYSTEM_USER,
          "LEVEL",
          "escalationLevel",
          String.valueOf(e.level()),
          String.valueOf(l.level()),
          null);
      mail.escalatedOverdue(e, l, days);
      escalated++;
    }
    return escalated;
  }
}
