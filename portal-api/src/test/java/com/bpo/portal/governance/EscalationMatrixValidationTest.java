package com.bpo.portal.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.shared.Problem.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationMatrixValidationTest {
  private static EscalationMatrix.Level level(int n, String role, String email, int days) {
    return new EscalationMatrix.Level(n, role, "Contact " + n, email, days);
  }

  private static List<String> fields(GovernanceSettings settings) {
    return EscalationMatrix.validate(settings).stream().map(FieldError::field).toList();
  }

  @Test
  void aMatrixNumberedInOrderAndRisingInDaysIsValid() {
    assertEquals(
        List.of(),
        fields(
            new GovernanceSettings(
                5,
                List.of(
                    level(1, "Team lead", "lead@example.com", 3),
                    level(2, "Ops manager", null, 7),
                    level(3, "Director", "", 30)),
                0)));
  }

  @Test
  void levelsMustBeNumberedFromOneWithoutGaps() {
    assertEquals(
        List.of("levels[1].level"),
        fields(
            new GovernanceSettings(5, List.of(level(1, "A", null, 3), level(3, "B", null, 7)), 0)));
  }

  @Test
  void eachLevelIsReachedLaterThanTheOneBelow() {
    List<FieldError> errors =
        EscalationMatrix.validate(
            new GovernanceSettings(5, List.of(level(1, "A", null, 7), level(2, "B", null, 7)), 0));
    assertEquals(List.of("levels[1].daysOverdue"), errors.stream().map(FieldError::field).toList());
    assertTrue(errors.get(0).message().contains("more than 7"), errors.get(0).message());
  }

  @Test
  void daysOverdueAreAtMostAYear() {
    assertEquals(
        List.of("levels[0].daysOverdue"),
        fields(new GovernanceSettings(5, List.of(level(1, "A", null, 366)), 0)));
    assertEquals(
        List.of("levels[0].daysOverdue"),
        fields(new GovernanceSettings(5, List.of(level(1, "A", null, 0)), 0)));
  }

  @Test
  void aRoleIsRequiredAndAContactEmailMustBeAnAddress() {
    assertEquals(
        List.of("levels[0].role", "levels[0].contactEmail"),
        fields(new GovernanceSettings(5, List.of(level(1, "  ", "not-an-address", 3)), 0)));
  }

  @Test
  void theThresholdAndTheNumberOfLevelsAreBounded() {
    assertEquals(
        List.of("rootCauseThreshold", "levels"), fields(new GovernanceSettings(0, List.of(), 0)));
    List<EscalationMatrix.Level> ten =
        java.util.stream.IntStream.rangeClosed(1, 10)
            .mapToObj(n -> level(n, "L" + n, null, n * 10))
            .toList();
    assertEquals(List.of("levels"), fields(new GovernanceSettings(10001, ten, 0)).subList(1, 2));
  }

  @Test
  void levelsAreStoredStrippedWithBlankContactsAsNone() {
    EscalationMatrix.Level stored =
        EscalationMatrix.stored(
                List.of(
                    new EscalationMatrix.Level(1, "  Team lead ", " ", " lead@example.com ", 3)))
            .get(0);
    assertEquals(new EscalationMatrix.Level(1, "Team lead", null, "lead@example.com", 3), stored);
  }
}
