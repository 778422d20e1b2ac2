package com.bpo.portal.ui.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.governance.EntryAction;
import com.bpo.portal.governance.StepRequest;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryStepFormTest {
  @Test
  void aStepIsSentWithItsNoteAndTheVersionItWasOpenedOn() {
    EntryStepForm form = new EntryStepForm(EntryAction.ESCALATE, 6);
    assertTrue(form.note.isRequired(), "an escalation needs its reason");
    form.note.setValue("Bank files late three days running");
    List<StepRequest> sent = new ArrayList<>();
    form.addSaveListener(e -> sent.add(e.request()));
    form.save();
    assertEquals(
        List.of(new StepRequest(EntryAction.ESCALATE, "Bank files late three days running", 6L)),
        sent);
  }

  @Test
  void onlyAnEscalationRequiresTheNote() {
    assertFalse(
        new EntryStepForm(
                EntryAction.values()[0] == EntryAction.ESCALATE
                    ? EntryAction.values()[1]
                    : EntryAction.values()[0],
                1)
            .note.isRequired());
  }

  @Test
  void theServicesErrorOnTheNoteIsShownInTheUsersWords() {
    EntryStepForm form = new EntryStepForm(EntryAction.ESCALATE, 6);
    List<String> rest =
        form.showErrors(
            new InvalidFields("no", List.of(new FieldError("note", "is required: the reason"))));
    assertTrue(form.note.isInvalid());
    assertNotEquals("is required: the reason", form.note.getErrorMessage());
    assertEquals(List.of(), rest);
  }
}
