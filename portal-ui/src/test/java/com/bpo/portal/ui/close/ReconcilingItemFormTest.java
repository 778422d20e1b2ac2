package com.bpo.portal.ui.close;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reconciling item form without a browser: what it lets through, and where the server's errors
 * land.
 */
class ReconcilingItemFormTest {
  private final ReconcilingItemForm form = new ReconcilingItemForm();
  private final List<ReconcilingItemForm.Item> saved = new ArrayList<>();

  ReconcilingItemFormTest() {
    form.addSaveListener(e -> saved.add(e.item()));
  }

  @Test
  void aSignedAmountAndAnExplanationAreSaved() {
    form.kind.setValue("TIMING");
    form.amount.setValue("-1250.50");
    form.explanation.setValue("Posted in the ledger on the 31st");
    form.save();
    assertEquals(1, saved.size());
    assertEquals("TIMING", saved.get(0).getKind());
    assertEquals("-1250.50", saved.get(0).getAmount());
  }

  @Test
  void zeroExponentsAndMissingTextsAreRefusedAtTheFields() {
    for (String amount :
        new String[] {"0", "0.00", "1e5", "12.34567", "1234567890123456", "abc", ""}) {
      form.amount.setValue(amount);
      form.explanation.setValue("why");
      form.save();
      assertTrue(form.amount.isInvalid(), amount);
    }
    form.amount.setValue("10");
    form.explanation.setValue("");
    form.save();
    assertTrue(form.explanation.isInvalid());
    assertEquals(List.of(), saved, "nothing invalid reaches the service");
  }

  @Test
  void theServersFieldErrorsAreShownAtTheirFields() {
    form.showServerErrors(Map.of("explanation", "must have 1 to 2000 characters"));
    assertTrue(form.explanation.isInvalid());
    assertEquals("must have 1 to 2000 characters", form.explanation.getErrorMessage());
    assertFalse(form.amount.isInvalid());
  }
}
