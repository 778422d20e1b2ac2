package com.bpo.portal.dispute;

/**
 * A tenant's disputes desk: SLA targets, the promise made to customers, the reopen window, the team
 * mailbox.
 */
public record DisputeSettings(
    int firstResponseHours,
    int resolutionHours,
    int customerPromiseDays,
    int reopenDays,
    String teamEmail) {
  /** What a tenant without its own settings gets (and what the migration's column defaults say). */
  public static final DisputeSettings DEFAULTS = new DisputeSettings(24, 240, 5, 14, null);
}
