package com.bpo.portal.dispute;

import static com.bpo.portal.dispute.DisputeAction.ASK_CUSTOMER;
import static com.bpo.portal.dispute.DisputeAction.CLOSE;
import static com.bpo.portal.dispute.DisputeAction.REOPEN;
import static com.bpo.portal.dispute.DisputeAction.RESOLVE;
import static com.bpo.portal.dispute.DisputeAction.RESUME_REVIEW;
import static com.bpo.portal.dispute.DisputeAction.START_REVIEW;
import static com.bpo.portal.dispute.DisputeStatus.AWAITING_CUSTOMER;
import static com.bpo.portal.dispute.DisputeStatus.CLOSED;
import static com.bpo.portal.dispute.DisputeStatus.IN_REVIEW;
import static com.bpo.portal.dispute.DisputeStatus.NEW;
import static com.bpo.portal.dispute.DisputeStatus.RESOLVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.bpo.portal.shared.TransitionRefused;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DisputeWorkflowTest {
  private static final Instant NOW = Instant.parse("2025-03-20T10:00:00Z");
  private static final Instant RESOLVED_YESTERDAY = NOW.minus(Duration.ofDays(1));
  private static final int REOPEN_DAYS = 14;

  /**
   * The workflow as the business describes it, written out arrow by arrow, independently of the
   * production table.
   */
  private record Arrow(
      DisputeStatus from, DisputeAction action, Set<Party> parties, DisputeStatus to) {}

  private static final List<Arrow> ARROWS =
      List.of(
          new Arrow(NEW, START_REVIEW, EnumSet.of(Party.BPO), IN_REVIEW),
          new Arrow(NEW, ASK_CUSTOMER, EnumSet.of(Party.BPO), AWAITING_CUSTOMER),
          new Arrow(IN_REVIEW, ASK_CUSTOMER, EnumSet.of(Party.BPO), AWAITING_CUSTOMER),
          new Arrow(IN_REVIEW, RESOLVE, EnumSet.of(Party.BPO), RESOLVED),
          new Arrow(AWAITING_CUSTOMER, RESUME_REVIEW, EnumSet.of(Party.BPO), IN_REVIEW),
          new Arrow(AWAITING_CUSTOMER, RESOLVE, EnumSet.of(Party.BPO), RESOLVED),
          new Arrow(RESOLVED, CLOSE, EnumSet.of(Party.BPO, Party.CUSTOMER), CLOSED),
          new Arrow(RESOLVED, REOPEN, EnumSet.of(Party.BPO, Party.CUSTOMER), IN_REVIEW),
          new Arrow(CLOSED, REOPEN, EnumSet.of(Party.BPO, Party.CUSTOMER), IN_REVIEW));

  /**
   * Which actions belong to which party at all; taking another party's action is 403 whatever the
   * status.
   */
  private static Set<DisputeAction> actionsOf(Party party) {
    return switch (party) {
      case BPO -> EnumSet.allOf(DisputeAction.class);
      case CUSTOMER -> EnumSet.of(CLOSE, REOPEN);
      case CLIENT -> EnumSet.noneOf(DisputeAction.class);
    };
  }

  private static Stream<Arguments> everyStatusActionAndParty() {
    List<Arguments> all = new ArrayList<>();
    for (DisputeStatus status : DisputeStatus.values()) {
      for (DisputeAction action : DisputeAction.values()) {
        for (Party party : Party.values()) {
          all.add(Arguments.of(status, action, party));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} --{1}--> by {2}")
  @MethodSource("everyStatusActionAndParty")
  void eachStepLeadsWhereTheTableSaysOrIsRefusedWithTheRightStatus(
      DisputeStatus from, DisputeAction action, Party party) {
    Arrow arrow =
        ARROWS.stream()
            .filter(a -> a.from() == from && a.action() == action && a.parties().contains(party))
            .findFirst()
            .orElse(null);
    if (arrow != null) {
      assertEquals(
          arrow.to(),
          DisputeWorkflow.next(from, action, party, RESOLVED_YESTERDAY, REOPEN_DAYS, NOW));
      return;
    }
    TransitionRefused refused =
        assertThrows(
            TransitionRefused.class,
            () -> DisputeWorkflow.next(from, action, party, RESOLVED_YESTERDAY, REOPEN_DAYS, NOW));
    int expected = actionsOf(party).contains(action) ? 409 : 403;
    assertEquals(expected, refused.status());
    assertEquals(from, refused.from());
    assertEquals(action, refused.action());
    assertEquals(
        expected == 403
            ? "https://portal.example/problems/forbidden"
            : "https://portal.example/problems/transition-refused",
        refused.toProblem().type());
  }

  private static Stream<Arguments> everyStatusAndParty() {
    List<Arguments> all = new ArrayList<>();
    for (DisputeStatus status : DisputeStatus.values()) {
      for (Party party : Party.values()) {
        all.add(Arguments.of(status, party));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} offers {1} the actions of the table")
  @MethodSource("everyStatusAndParty")
  void theButtonsOfferedAreExactlyTheAllowedSteps(DisputeStatus status, Party party) {
    Set<DisputeAction> expected = EnumSet.noneOf(DisputeAction.class);
    ARROWS.stream()
        .filter(a -> a.from() == status && a.parties().contains(party))
        .forEach(a -> expected.add(a.action()));
    assertEquals(
        expected, DisputeWorkflow.available(status, party, RESOLVED_YESTERDAY, REOPEN_DAYS, NOW));
  }

  @ParameterizedTest
  @EnumSource(
      value = DisputeStatus.class,
      names = {"RESOLVED", "CLOSED"})
  void aReopenExactlyAtTheEndOfTheWindowIsAllowed(DisputeStatus from) {
    Instant resolvedAt = NOW.minus(Duration.ofDays(REOPEN_DAYS));
    assertEquals(
        IN_REVIEW,
        DisputeWorkflow.next(from, REOPEN, Party.CUSTOMER, resolvedAt, REOPEN_DAYS, NOW));
  }

  @ParameterizedTest
  @EnumSource(
      value = DisputeStatus.class,
      names = {"RESOLVED", "CLOSED"})
  void aReopenOneSecondAfterTheWindowIsRefusedAs409(DisputeStatus from) {
    Instant resolvedAt = NOW.minus(Duration.ofDays(REOPEN_DAYS)).minusSeconds(1);
    TransitionRefused refused =
        assertThrows(
            TransitionRefused.class,
            () -> DisputeWorkflow.next(from, REOPEN, Party.CUSTOMER, resolvedAt, REOPEN_DAYS, NOW));
    assertEquals(409, refused.status());
    assertEquals(REOPEN, refused.action());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 30})
  void theWindowIsTheTenantsNumberOfDays(int reopenDays) {
    Instant edge = NOW.minus(Duration.ofDays(reopenDays));
    assertEquals(
        IN_REVIEW, DisputeWorkflow.next(RESOLVED, REOPEN, Party.BPO, edge, reopenDays, NOW));
    assertThrows(
        TransitionRefused.class,
        () ->
            DisputeWorkflow.next(
                RESOLVED, REOPEN, Party.BPO, edge.minusSeconds(1), reopenDays, NOW));
  }

  @Test
  void aDisputeWithoutAResolutionMomentCannotBeReopened() {
    assertEquals(
        409,
        assertThrows(
                TransitionRefused.class,
                () -> DisputeWorkflow.next(CLOSED, REOPEN, Party.BPO, null, REOPEN_DAYS, NOW))
            .status());
  }

  @Test
  void aClientStakeholderAskingToReopenAfterTheWindowIsToldItIsNotTheirsToDo() {
    Instant longAgo = NOW.minus(Duration.ofDays(REOPEN_DAYS + 10));
    assertEquals(
        403,
        assertThrows(
                TransitionRefused.class,
                () ->
                    DisputeWorkflow.next(RESOLVED, REOPEN, Party.CLIENT, longAgo, REOPEN_DAYS, NOW))
            .status());
  }

  @Test
  void afterTheWindowACustomerIsOfferedOnlyToClose() {
    Instant longAgo = NOW.minus(Duration.ofDays(REOPEN_DAYS)).minusSeconds(1);
    assertEquals(
        EnumSet.of(CLOSE),
        DisputeWorkflow.available(RESOLVED, Party.CUSTOMER, longAgo, REOPEN_DAYS, NOW));
    assertEquals(
        EnumSet.noneOf(DisputeAction.class),
        DisputeWorkflow.available(CLOSED, Party.CUSTOMER, longAgo, REOPEN_DAYS, NOW));
  }
}
