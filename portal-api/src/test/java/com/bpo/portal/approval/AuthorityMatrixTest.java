package com.bpo.portal.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.approval.AuthorityMatrix.Band;
import com.bpo.portal.shared.Roles;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthorityMatrixTest {
  private final AuthorityMatrix limits = AuthorityMatrix.defaults(ApprovalKind.CREDIT_LIMIT);
  private final AuthorityMatrix writeOffs = AuthorityMatrix.defaults(ApprovalKind.WRITE_OFF);

  private static BigDecimal amount(String value) {
    return new BigDecimal(value);
  }

  private boolean mayApprove(
      AuthorityMatrix matrix, String value, String approver, String role, List<String> done) {
    Band band = matrix.bandFor(amount(value));
    return AuthorityMatrix.refusal(band, "agent.acme", approver, Set.of(role), done).isEmpty();
  }

  @Test
  void aLimitUpToTenThousandIncludedIsALeadsToApprove() {
    assertTrue(mayApprove(limits, "0.00", "ops.lead", Roles.BPO_LEAD, List.of()));
    assertTrue(mayApprove(limits, "10000.00", "ops.lead", Roles.BPO_LEAD, List.of()));
    assertFalse(mayApprove(limits, "10000.00", "cfo.acme", Roles.CLIENT_STAKEHOLDER, List.of()));
    assertEquals(1, limits.bandFor(amount("10000.00")).approvers());
  }

  @Test
  void oneCentAboveTenThousandNeedsTheClientsStakeholderNotALead() {
    assertFalse(mayApprove(limits, "10000.01", "ops.lead", Roles.BPO_LEAD, List.of()));
    assertTrue(mayApprove(limits, "10000.01", "cfo.acme", Roles.CLIENT_STAKEHOLDER, List.of()));
    assertTrue(mayApprove(limits, "100000.00", "cfo.acme", Roles.CLIENT_STAKEHOLDER, List.of()));
    assertEquals(1, limits.bandFor(amount("100000.00")).approvers());
  }

  @Test
  void aboveOneHundredThousandTwoDifferentPeopleMustApprove() {
    Band band = limits.bandFor(amount("100000.01"));
    assertEquals(2, band.approvers());
    assertTrue(mayApprove(limits, "100000.01", "ops.lead", Roles.BPO_LEAD, List.of()));
    assertTrue(
        mayApprove(limits, "100000.01", "cfo.acme", Roles.CLIENT_STAKEHOLDER, List.of("ops.lead")));
    assertFalse(AuthorityMatrix.complete(band, 1));
    assertTrue(AuthorityMatrix.complete(band, 2));
  }

  @Test
  void nobodyApprovesTwiceAndTheMakerNever() {
    Band band = limits.bandFor(amount("500000"));
    assertTrue(
        AuthorityMatrix.refusal(band, "ops.lead", "ops.lead", Set.of(Roles.BPO_LEAD), List.of())
            .isPresent());
    assertTrue(
        AuthorityMatrix.refusal(
                band, "agent.acme", "ops.lead", Set.of(Roles.BPO_LEAD), List.of("ops.lead"))
            .isPresent());
    Band small = limits.bandFor(amount("1"));
    assertTrue(
        AuthorityMatrix.refusal(small, "ops.lead", "ops.lead", Set.of(Roles.BPO_LEAD), List.of())
            .isPresent(),
        "a lead's own request goes to another lead, even where a lead may approve");
  }

  @Test
  void moneyUpToTheThresholdIncludedNeedsNoApprovalAndOneCentMoreNeedsALead() {
    assertFalse(writeOffs.bandFor(amount("1000.00")).needsApproval());
    assertTrue(writeOffs.bandFor(amount("1000.01")).needsApproval());
    assertTrue(mayApprove(writeOffs, "1000.01", "ops.lead", Roles.BPO_LEAD, List.of()));
    assertFalse(mayApprove(writeOffs, "1000.01", "agent.two", Roles.BPO_AGENT, List.of()));
    assertFalse(mayApprove(writeOffs, "1000.01", "cfo.acme", Roles.CLIENT_STAKEHOLDER, List.of()));
    assertEquals(1, writeOffs.bandFor(amount("100000.00")).approvers());
    assertEquals(2, writeOffs.bandFor(amount("100000.01")).approvers());
  }

  @Test
  void aMatrixMustRiseAndEndOpen() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new AuthorityMatrix(
                ApprovalKind.REFUND, List.of(new Band(amount("10"), 1, Set.of(Roles.BPO_LEAD)))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new AuthorityMatrix(
                ApprovalKind.REFUND,
                List.of(
                    new Band(amount("10"), 1, Set.of(Roles.BPO_LEAD)),
                    new Band(amount("10"), 1, Set.of(Roles.BPO_LEAD)),
                    new Band(null, 2, Set.of(Roles.BPO_LEAD)))));
    assertThrows(IllegalArgumentException.class, () -> new Band(null, 1, Set.of()));
    assertThrows(IllegalArgumentException.class, () -> limits.bandFor(amount("-0.01")));
  }
}
