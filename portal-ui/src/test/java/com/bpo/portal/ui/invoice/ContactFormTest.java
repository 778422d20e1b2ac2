package com.bpo.portal.ui.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.invoice.CustomerContact;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactFormTest {
  private final ContactForm form = new ContactForm(key -> "<" + key + ">");
  private final List<CustomerContact.New> saved = new ArrayList<>();

  ContactFormTest() {
    form.addSaveListener(e -> saved.add(e.contact()));
  }

  @Test
  void addingSendsWhatWasEntered() {
    form.name.setValue("Ada Payables");
    form.role.setValue("AP clerk");
    form.email.setValue("ada@example.com");
    form.primary.setValue(true);
    form.add.click();
    assertEquals(
        List.of(new CustomerContact.New("Ada Payables", "AP clerk", "ada@example.com", "", true)),
        saved);
  }

  @Test
  void theServicesFieldErrorsShowBesideTheirFields() {
    form.show(
        new InvalidFields(
            "bad",
            List.of(
                new FieldError("name", "must be 1 to 200 characters"),
                new FieldError("phone", "must be a phone number"))));
    assertTrue(form.name.isInvalid());
    assertEquals("<contact.error.name>", form.name.getErrorMessage());
    assertTrue(form.phone.isInvalid());
    assertFalse(form.email.isInvalid());
  }

  @Test
  void theNextAttemptClearsTheErrorsAndASavedContactClearsTheForm() {
    form.show(new InvalidFields("bad", List.of(new FieldError("email", "bad"))));
    form.email.setValue("ada@example.com");
    form.add.click();
    assertFalse(form.email.isInvalid(), "judged again by the service, not shown stale");
    form.saved();
    assertEquals("", form.email.getValue());
    assertFalse(form.primary.getValue());
  }

  @Test
  void labelsComeFromTheTranslations() {
    assertEquals("<contact.name>", form.name.getLabel());
    assertEquals("<contact.add>", form.add.getText());
  }
}
