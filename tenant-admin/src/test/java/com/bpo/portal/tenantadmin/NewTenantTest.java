package com.bpo.portal.tenantadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bpo.portal.shared.Problem.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewTenantTest {
  @Test
  void aWellFormedTenantHasNoProblems() {
    assertEquals(
        List.of(), new NewTenant("initech", "Initech", "fr-FR", "EUR", "Europe/Paris").problems());
  }

  @Test
  void everyBadFieldIsReportedAtOnce() {
    List<String> fields =
        new NewTenant("Bad Slug", " ", "french", "EURO", "Mars/Olympus")
            .problems().stream().map(FieldError::field).toList();
    assertEquals(List.of("slug", "name", "locale", "currency", "timeZone"), fields);
  }

  @Test
  void aCurrencyMustBeAnIso4217CodeNotJustThreeLetters() {
    assertEquals(
        List.of("currency"),
        new NewTenant("initech", "Initech", "en", "XYZ", "UTC")
            .problems().stream().map(FieldError::field).toList());
  }

  @Test
  void missingFieldsAreProblemsNotCrashes() {
    assertEquals(5, new NewTenant(null, null, null, null, null).problems().size());
  }

  private static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13
  };

  private static NewTenant branded(String colour, String logo) {
    return new NewTenant("initech", "Initech", "en", "EUR", "UTC", colour, logo, null, null);
  }

  @Test
  void aColourIsSixHexDigitsAndIsKeptInLowerCase() {
    assertEquals(List.of(), branded("#1A5FB4", null).problems());
    assertEquals("#1a5fb4", branded("#1A5FB4", null).primaryColour());
    assertEquals(List.of("primaryColour"), fields(branded("blue", null)));
    assertEquals(List.of("primaryColour"), fields(branded("#12345", null)));
  }

  @Test
  void aLogoIsJudgedByItsContent() {
    assertEquals(List.of(), branded(null, Base64.getEncoder().encodeToString(PNG)).problems());
    assertEquals(
        "image/png",
        branded(null, Base64.getEncoder().encodeToString(PNG))
            .logoImage()
            .orElseThrow()
            .mediaType());
    String pdf =
        Base64.getEncoder()
            .encodeToString("%PDF-1.4 not an image".getBytes(StandardCharsets.US_ASCII));
    assertEquals(List.of("logo"), fields(branded(null, pdf)), "a PDF is evidence, not a logo");
    assertEquals(List.of("logo"), fields(branded(null, "not base64 !")));
    assertEquals(
        List.of("logo"),
        fields(branded(null, Base64.getEncoder().encodeToString(new byte[600 * 1024]))));
  }

  @Test
  void aNewStakeholderNeedsAUsableSignInWhileTheLeadIsNamedOnly() {
    NewPerson incomplete = new NewPerson("Bad Name", null, null, null, "abc", false);
    NewTenant request =
        new NewTenant(
            "initech",
            "Initech",
            "en",
            "EUR",
            "UTC",
            null,
            null,
            incomplete,
            NewPerson.existing("ops.lead"));
    assertEquals(
        List.of(
            "stakeholder.username",
            "stakeholder.email",
            "stakeholder.firstName",
            "stakeholder.lastName",
            "stakeholder.password"),
        fields(request));
    NewPerson complete =
        new NewPerson("cfo.initech", "cfo@initech.example", "Bill", "Lumbergh", "demo1", true);
    assertEquals(
        List.of(),
        new NewTenant(
                "initech",
                "Initech",
                "en",
                "EUR",
                "UTC",
                null,
                null,
                complete,
                NewPerson.existing("ops.lead"))
            .problems());
  }

  private static List<String> fields(NewTenant request) {
    return request.problems().stream().map(FieldError::field).toList();
  }
}
