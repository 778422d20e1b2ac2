package com.bpo.portal.ui.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.procedure.NewProcedure;
import com.bpo.portal.procedure.ProcedureChange;
import com.bpo.portal.procedure.ProcedureDetail;
import com.bpo.portal.procedure.ProcedureSummary;
import com.bpo.portal.procedure.ReviewSchedule;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProcessArea;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcedureFactsFormTest {
  private static final ProcedureDetail.Person ANA = new ProcedureDetail.Person("ana", "Ana Lead");
  private static final ProcedureDetail.Person CY = new ProcedureDetail.Person("cy", "Cy Lead");

  private static int saves(ProcedureFactsForm form) {
    List<Object> saved = new ArrayList<>();
    form.addSaveListener(saved::add);
    form.save();
    return saved.size();
  }

  @Test
  void aNewProcedureStartsInTheAreaGivenOwnedByTheFirstLeadAndCarriesItsText() {
    ProcedureFactsForm form = new ProcedureFactsForm(List.of(ANA, CY), null, ProcessArea.BILLING);
    assertTrue(form.content.isVisible() && form.getChildren().anyMatch(c -> c == form.content));
    form.title.setValue("Credit notes");
    form.content.setValue("# Steps");
    form.reviewIntervalMonths.setValue(6);
    assertEquals(1, saves(form));
    assertEquals(
        new NewProcedure("Credit notes", ProcessArea.BILLING, "ana", 6, true, "# Steps"),
        form.newProcedure());
  }

  @Test
  void editingFactsStartsFromTheProcedureAndSendsItsVersion() {
    ProcedureSummary p =
        new ProcedureSummary(
            3,
            "Refunds",
            ProcessArea.CASH_APPLICATION,
            "cy",
            "Cy Lead",
            12,
            false,
            null,
            ReviewSchedule.State.NOT_SCHEDULED,
            null,
            null,
            1,
            null,
            9);
    ProcedureFactsForm form = new ProcedureFactsForm(List.of(ANA, CY), p, null);
    assertFalse(
        form.getChildren().anyMatch(c -> c == form.content),
        "facts only: the text is edited as a draft");
    assertEquals(CY, form.owner.getValue());
    form.clientApprovalRequired.setValue(true);
    form.owner.setValue(ANA);
    assertEquals(1, saves(form));
    assertEquals(
        new ProcedureChange("Refunds", ProcessArea.CASH_APPLICATION, "ana", 12, true, 9L),
        form.change());
  }

  @Test
  void theServicesFieldErrorsLandOnTheirFieldsTheTitlesInTheUsersWords() {
    ProcedureFactsForm form = new ProcedureFactsForm(List.of(ANA), null, ProcessArea.BILLING);
    List<String> rest =
        form.showErrors(
            new InvalidFields(
                "no",
                List.of(
                    new FieldError("title", "is already the title of another procedure"),
                    new FieldError("reviewIntervalMonths", "must be between 1 and 60"))));
    assertTrue(form.title.isInvalid());
    assertNotEquals("is already the title of another procedure", form.title.getErrorMessage());
    assertTrue(form.reviewIntervalMonths.isInvalid());
    assertEquals("must be between 1 and 60", form.reviewIntervalMonths.getErrorMessage());
    assertEquals(List.of(), rest);
  }
}
