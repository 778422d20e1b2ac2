package com.bpo.portal.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProcessArea;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntryRulesTest {
  private static EntryForm form(
      EntryType type,
      String title,
      Integer likelihood,
      Integer impact,
      String owner,
      LocalDate due) {
    return new EntryForm(
        type,
        title,
        "why",
        ProcessArea.BILLING,
        Priority.HIGH,
        likelihood,
        impact,
        owner,
        due,
        List.of(),
        1L);
  }

  private static List<String> fields(EntryForm form) {
    return EntryRules.validate(form, Set.of("ana", "bo")).stream().map(FieldError::field).toList();
  }

  @Test
  void aRiskNeedsLikelihoodAndImpactFromOneToFive() {
    assertEquals(List.of(), fields(form(EntryType.RISK, "Late files", 3, 5, null, null)));
    assertEquals(
        List.of("likelihood", "impact"),
        fields(form(EntryType.RISK, "Late files", 0, 6, null, null)));
    assertEquals(
        List.of("likelihood", "impact"),
        fields(form(EntryType.RISK, "Late files", null, null, null, null)));
  }

  @Test
  void onlyARiskHasLikelihoodAndImpact() {
    assertEquals(
        List.of("likelihood"), fields(form(EntryType.ACTION, "Call back", 2, null, null, null)));
  }

  @Test
  void theTitleIsRequiredAndBounded() {
    assertEquals(List.of("title"), fields(form(EntryType.ISSUE, "   ", null, null, null, null)));
    assertEquals(
        List.of("title"),
        fields(
            form(EntryType.ISSUE, "x".repeat(EntryRules.MAX_TITLE + 1), null, null, null, null)));
  }

  @Test
  void theOwnerMustBeOneOfTheTenantsPeopleAndABlankOwnerIsNone() {
    assertEquals(
        List.of("owner"), fields(form(EntryType.ISSUE, "t", null, null, "stranger", null)));
    assertEquals(List.of(), fields(form(EntryType.ISSUE, "t", null, null, " ana ", null)));
    assertEquals(List.of(), fields(form(EntryType.ISSUE, "t", null, null, "  ", null)));
  }

  @Test
  void theDueDateIsWithinTheCentury() {
    assertEquals(
        List.of("dueDate"),
        fields(form(EntryType.ISSUE, "t", null, null, null, LocalDate.of(1999, 12, 31))));
    assertEquals(
        List.of(),
        fields(form(EntryType.ISSUE, "t", null, null, null, LocalDate.of(2100, 12, 31))));
  }

  @Test
  void anEditRecordsEachChangedFieldWithItsValueBeforeAndAfter() {
    StoredEntry stored =
        new StoredEntry(
            7,
            EntryType.RISK,
            "Late files",
            ProcessArea.BILLING,
            Priority.HIGH,
            3,
            4,
            "ana",
            LocalDate.of(2026, 12, 1),
            EntryStatus.OPEN,
            0,
            false,
            null,
            OffsetDateTime.now(),
            2,
            "why",
            "ana",
            OffsetDateTime.now());
    EntryQueries.Fields edit =
        EntryRules.fields(
            new EntryForm(
                EntryType.RISK,
                " Late files ",
                "why",
                ProcessArea.BILLING,
                Priority.LOW,
                3,
                5,
                "bo",
                LocalDate.of(2026, 12, 1),
                List.of(),
                2L));
    var changes = EntryRules.changes(stored, edit);
    assertEquals(List.of("priority", "impact", "owner"), List.copyOf(changes.keySet()));
    assertEquals(List.of("HIGH", "LOW"), List.of(changes.get("priority")));
    assertEquals(List.of("4", "5"), List.of(changes.get("impact")));
    assertEquals(List.of("ana", "bo"), List.of(changes.get("owner")));
  }
}
