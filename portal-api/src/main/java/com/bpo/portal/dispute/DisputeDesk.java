package com.bpo.portal.dispute;

import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.StaffMember;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's disputes desk: its SLA settings, its reason catalogue (both changed by BPO leads) and
 * the staff disputes can be given to.
 */
@TenantService
public class DisputeDesk {
  @Inject TenantContext context;
  @Inject DisputeDeskQueries queries;

  /** The tenant's reason codes, in their order; inactive ones only when asked (for editing). */
  public List<DisputeReason> reasons(boolean includeInactive) {
    return queries.reasons(includeInactive);
  }

  /** A reason's label, or its code if the catalogue no longer has it. */
  String label(String code) {
    return queries.reasonLabel(code).orElse(code);
  }

  /**
   * Adds a reason code or changes its label, order or whether it can still be chosen (BPO leads).
   */
  public DisputeReason saveReason(DisputeReason reason) {
    if (!context.requireUser().hasRole(Roles.BPO_LEAD)) {
      throw ProblemException.forbidden("Only BPO leads change the reason catalogue.");
    }
    List<FieldError> errors = new ArrayList<>();
    if (reason.code() == null || !reason.code().matches("^[A-Z][A-Z_]{1,39}$")) {
      errors.add(new FieldError("code", "must be 2 to 40 upper-case letters or underscores"));
    }
    if (reason.label() == null || reason.label().isBlank() || reason.label().length() > 100) {
      errors.add(new FieldError("label", "must be 1 to 100 characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The reason code is not valid.", errors);
    }
    queries.saveReason(reason.code(), reason.label().strip(), reason.active(), reason.sortOrder());
    return reason;
  }

  /** The tenant's disputes desk settings, or the defaults. */
  public DisputeSettings settings() {
    return versionedSettings().settings();
  }

  /**
   * The settings with the version an edit must send back (0 while the tenant still uses the
   * defaults).
   */
  public DisputeService.VersionedSettings versionedSettings() {
    return queries
        .settings()
        .orElse(new DisputeService.VersionedSettings(DisputeSettings.DEFAULTS, 0));
  }

  /**
   * Changes the desk's settings (BPO leads). {@code version} is the one read: an edit made
   * meanwhile by someone else answers 409 instead of being overwritten. New targets apply to
   * disputes raised from now on; those already open keep the targets they were raised under.
   */
  public DisputeService.VersionedSettings saveSettings(DisputeSettings settings, long version) {
    if (!context.requireUser().hasRole(Roles.BPO_LEAD)) {
      throw ProblemException.forbidden("Only BPO leads change the disputes desk's settings.");
    }
    List<FieldError> errors = new ArrayList<>();
    if (settings.firstResponseHours() < 1 || settings.firstResponseHours() > 24 * 90) {
      errors.add(new FieldError("firstResponseHours", "must be between 1 and 2160 hours"));
    }
    if (settings.resolutionHours() < settings.firstResponseHours()
        || settings.resolutionHours() > 24 * 365) {
      errors.add(
          new FieldError(
              "resolutionHours",
              "must be at least the first-response target and at most 8760 hours"));
    }
    if (settings.customerPromiseDays() < 1 || settings.customerPromiseDays() > 90) {
      errors.add(new FieldError("customerPromiseDays", "must be between 1 and 90 days"));
    }
    if (settings.reopenDays() < 0 || settings.reopenDays() > 365) {
      errors.add(new FieldError("reopenDays", "must be between 0 and 365 days"));
    }
    String email = settings.teamEmail() == null ? null : settings.teamEmail().strip();
    if (email != null && !email.isEmpty() && !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
      errors.add(
          new FieldError("teamEmail", "must be an email address such as disputes@example.com"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The settings are not valid.", errors);
    }
    if (!queries.saveSettings(settings, email == null || email.isEmpty() ? null : email, version)) {
      throw new ProblemException(
          "conflict",
          "Changed meanwhile",
          409,
          "Someone changed the settings meanwhile. Reload them and try again.");
    }
    return versionedSettings();
  }

  /** The tenant's BPO staff who can be given disputes, by name. */
  public List<StaffMember> assignableStaff() {
    return queries.assignableStaff();
  }
}
