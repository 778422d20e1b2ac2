package com.bpo.portal.ui.cash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineDialogTest {
  @Test
  void aRefusalIsSaidInTheUsersWordsByWhatKindItIs() {
    assertEquals(
        "cash.error.changed",
        LineDialog.refusal(new ProblemException("conflict", "Conflict", 409, "changed meanwhile")));
    assertEquals(
        "cash.error.invalid",
        LineDialog.refusal(
            new InvalidFields("no", List.of(new FieldError("allocations", "too much")))));
    assertEquals("cash.error.forbidden", LineDialog.refusal(ProblemException.forbidden("no")));
    assertEquals(
        "cash.error.refused", LineDialog.refusal(ProblemException.notFound("Bank line 7")));
  }
}
