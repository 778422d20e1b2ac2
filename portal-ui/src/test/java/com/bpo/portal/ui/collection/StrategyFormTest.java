package com.bpo.portal.ui.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.collection.CustomerType;
import com.bpo.portal.collection.RiskClass;
import com.bpo.portal.collection.StepAction;
import com.bpo.portal.collection.Strategy;
import com.bpo.portal.collection.StrategyQueries.StrategyDraft;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StrategyFormTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
  private static final Strategy STANDARD =
      new Strategy(
          7,
          "STANDARD",
          3,
          "Standard reminders",
          100,
          new Strategy.Segment(Set.of(RiskClass.HIGH), Set.of(), new BigDecimal("100.00"), null),
          LocalDate.of(2025, 1, 1),
          List.of(
              new Strategy.Step(1, -5, 0, StepAction.MAIL, "friendly", false),
              new Strategy.Step(2, 1, 1, StepAction.MAIL, "first_reminder", true),
              new Strategy.Step(3, 30, 2, StepAction.CALL_TASK, "call", false)));

  private static List<StrategyDraft> saves(StrategyForm form) {
    List<StrategyDraft> sent = new ArrayList<>();
    form.addSaveListener(e -> sent.add(e.request()));
    return sent;
  }

  @Test
  void aNewVersionStartsFromTheLatestAndSendsItsStepsInTheOrderShown() {
    StrategyForm form = new StrategyForm(Optional.of(STANDARD), TODAY, Set.of(), Set.of());
    List<StrategyDraft> sent = saves(form);
    assertTrue(form.code.isReadOnly(), "a version keeps its strategy's code");
    form.rows.get(2).days.setValue(20);
    form.rows.get(1).up.click(); // first_reminder moves to the top
    form.save();
    assertEquals(1, sent.size());
    StrategyDraft draft = sent.get(0);
    assertEquals("STANDARD", draft.code());
    assertEquals(TODAY, draft.effectiveFrom());
    assertEquals(Set.of(RiskClass.HIGH), draft.riskClasses());
    assertEquals(0, new BigDecimal("100.00").compareTo(draft.minBalance()));
    assertEquals(
        List.of("1:first_reminder:true", "-5:friendly:false", "20:call:false"),
        draft.steps().stream()
            .map(s -> s.dayOffset() + ":" + s.templateKey() + ":" + s.needsRelease())
            .toList());
  }

  @Test
  void theServicesStepErrorLandsOnThatStepsField() {
    StrategyForm form = new StrategyForm(Optional.of(STANDARD), TODAY, Set.of(), Set.of());
    List<String> rest =
        form.showErrors(
            new InvalidFields(
                "no",
                List.of(
                    new FieldError("steps[2].dayOffset", "two steps on the same day"),
                    new FieldError("maxBalance", "must not be below minBalance"),
                    new FieldError(
                        "steps", "each step must have a higher level than the step before it"))));
    assertEquals(List.of(), rest);
    assertTrue(form.rows.get(2).days.isInvalid());
    assertFalse(form.rows.get(1).days.isInvalid());
    assertTrue(form.maxBalance.isInvalid());
    assertFalse(form.stepErrors.getText().isEmpty(), "the list's own error is said under it");
  }

  @Test
  void aNewStrategyMayNotTakeAnExistingCodeNorAnUnboundedBalance() {
    StrategyForm form =
        new StrategyForm(Optional.empty(), TODAY, Set.of("friendly"), Set.of("STANDARD"));
    List<StrategyDraft> sent = saves(form);
    form.name.setValue("Public sector");
    form.code.setValue("standard");
    form.minBalance.setValue("1e999999");
    form.customerTypes.setValue(Set.of(CustomerType.PUBLIC_SECTOR));
    form.save();
    assertEquals(List.of(), sent);
    assertTrue(form.code.isInvalid());
    assertTrue(form.minBalance.isInvalid());

    form.code.setValue("PUBLIC");
    form.minBalance.setValue("");
    form.save();
    assertEquals("PUBLIC", sent.get(0).code());
    assertEquals(1, sent.get(0).steps().size(), "a new strategy starts with one step");
  }
}
