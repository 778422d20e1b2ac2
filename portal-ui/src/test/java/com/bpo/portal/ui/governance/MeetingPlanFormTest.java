package com.bpo.portal.ui.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.governance.MeetingForm;
import com.bpo.portal.governance.MeetingType;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeetingPlanFormTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

  @Test
  void aMeetingIsPlannedTodayUnderItsTypesNameUnlessTheUserChangesThem() {
    MeetingPlanForm form = new MeetingPlanForm(TODAY);
    assertEquals(TODAY, form.heldOn.getValue());
    form.type.setValue(MeetingType.values()[MeetingType.values().length - 1]);
    String typeTitle = form.title.getValue();
    form.title.setValue("Quarterly review with Acme");
    form.heldOn.setValue(TODAY.plusDays(7));
    List<MeetingForm> saved = new ArrayList<>();
    form.addSaveListener(e -> saved.add(e.request()));
    form.save();
    assertEquals(
        List.of(
            new MeetingForm(
                MeetingType.values()[MeetingType.values().length - 1],
                "Quarterly review with Acme",
                TODAY.plusDays(7))),
        saved);
    assertTrue(!typeTitle.isBlank(), "a type gives a title");
  }

  @Test
  void theServicesFieldErrorsLandOnTheirFields() {
    MeetingPlanForm form = new MeetingPlanForm(TODAY);
    List<String> rest =
        form.showErrors(
            new InvalidFields(
                "no", List.of(new FieldError("heldOn", "must be a date between 2000 and 2100"))));
    assertTrue(form.heldOn.isInvalid());
    assertEquals("must be a date between 2000 and 2100", form.heldOn.getErrorMessage());
    assertEquals(List.of(), rest);
  }
}
