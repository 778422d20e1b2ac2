package com.bpo.portal.tenantadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bpo.portal.shared.Problem.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewTenantTest {
  @Test
  void aWellFormedTenantHasNoProblems() {
    assertEquals(List.of(), new NewTenant("initech", "Initech", "fr-FR", "EUR", "Europe/Paris").problems());
  }

  @Test
  void everyBadFieldIsReportedAtOnce() {
    List<String> fields = new NewTenant("Bad Slug", " ", "french", "EURO", "Mars/Olympus").problems().stream()
        .map(FieldError::field).toList();
    assertEquals(List.of("slug", "name", "locale", "currency", "timeZone"), fields);
  }

  @Test
  void aCurrencyMustBeAnIso4217CodeNotJustThreeLetters() {
    assertEquals(List.of("currency"),
        new NewTenant("initech", "Initech", "en", "XYZ", "UTC").problems().stream().map(FieldError::field).toList());
  }

  @Test
  void missingFieldsAreProblemsNotCrashes() {
    assertEquals(5, new NewTenant(null, null, null, null, null).problems().size());
  }
}
