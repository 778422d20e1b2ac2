package com.bpo.portal.governance;

import java.util.List;

/**
 * A tenant's escalation matrix and root-cause threshold (disputes of one reason in one month beyond
 * which an action is proposed), with the version an edit must send back.
 */
public record GovernanceSettings(
    int rootCauseThreshold, List<EscalationMatrix.Level> levels, long version) {
  public EscalationMatrix matrix() {
    return new EscalationMatrix(levels, version);
  }
}
