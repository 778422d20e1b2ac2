package com.bpo.portal.ui.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.procedure.DraftChange;
import com.bpo.portal.procedure.StepRequest;
import com.bpo.portal.procedure.VersionAction;
import com.bpo.portal.procedure.VersionDetail;
import com.bpo.portal.procedure.VersionStatus;
import com.bpo.portal.procedure.VersionSummary;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem.FieldError;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VersionStepFormTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
  private static final VersionSummary V2 =
      new VersionSummary(
          20,
          2,
          VersionStatus.APPROVED,
          "ana",
          OffsetDateTime.now(),
          "Clearer steps",
          "cy",
          OffsetDateTime.now(),
          null,
          null,
          5);

  private static List<StepRequest> confirm(VersionStepForm form) {
    List<StepRequest> sent = new ArrayList<>();
    form.addSaveListener(e -> sent.add(e.request()));
    form.save();
    return sent;
  }

  @Test
  void makingEffectiveSendsTheFirstDayTodayUnlessChosen() {
    VersionStepForm form = new VersionStepForm(V2, VersionAction.MAKE_EFFECTIVE, TODAY);
    assertTrue(form.getChildren().anyMatch(c -> c == form.effectiveFrom));
    form.effectiveFrom.setValue(TODAY.plusDays(3));
    assertEquals(
        List.of(new StepRequest(VersionAction.MAKE_EFFECTIVE, 5L, "", TODAY.plusDays(3))),
        confirm(form));
  }

  @Test
  void otherStepsSendTheirNoteAndNoDate() {
    VersionStepForm form = new VersionStepForm(V2, VersionAction.REJECT, TODAY);
    assertFalse(form.getChildren().anyMatch(c -> c == form.effectiveFrom));
    form.note.setValue("Step 3 is wrong");
    assertEquals(
        List.of(new StepRequest(VersionAction.REJECT, 5L, "Step 3 is wrong", null)), confirm(form));
  }

  @Test
  void theServicesErrorsLandOnTheNoteAndTheDateInTheUsersWords() {
    VersionStepForm form = new VersionStepForm(V2, VersionAction.MAKE_EFFECTIVE, TODAY);
    List<String> rest =
        form.showErrors(
            new InvalidFields(
                "no",
                List.of(
                    new FieldError("effectiveFrom", "must be today or later"),
                    new FieldError("content", "must not be empty"))));
    assertTrue(form.effectiveFrom.isInvalid());
    assertNotEquals("must be today or later", form.effectiveFrom.getErrorMessage());
    assertFalse(form.note.isInvalid());
    assertEquals(List.of("content: must not be empty"), rest);
  }

  @Test
  void theDraftEditorSendsTextAndNoteWithTheVersionItWasOpenedOn() {
    VersionDetail draft =
        new VersionDetail(3, "Refunds", V2, "# Old", "<h1>Old</h1>", List.of(), Set.of());
    DraftEditor editor = new DraftEditor(draft);
    assertEquals("# Old", editor.content.getValue());
    assertEquals("Clearer steps", editor.changeNote.getValue());
    editor.content.setValue("# New");
    List<DraftChange> sent = new ArrayList<>();
    editor.addSaveListener(e -> sent.add(e.request()));
    editor.save();
    assertEquals(List.of(new DraftChange("# New", "Clearer steps", 5L)), sent);
  }
}
