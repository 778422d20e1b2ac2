package com.bpo.portal.ui.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.governance.EntryDetail;
import com.bpo.portal.governance.EntryForm;
import com.bpo.portal.governance.EntryStatus;
import com.bpo.portal.governance.EntrySummary;
import com.bpo.portal.governance.EntryType;
import com.bpo.portal.governance.Priority;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProcessArea;
import com.bpo.portal.tenant.StaffMember;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LogEntryFormTest {
  private static final StaffMember ANA =
      new StaffMember("ana", "Ana Lead", "ana@example.com", "bpo-lead");
  private static final StaffMember BO = new StaffMember("bo", "Bo Agent", null, "bpo-agent");

  private static EntryForm saved(LogEntryForm form) {
    List<EntryForm> saved = new ArrayList<>();
    form.addSaveListener(e -> saved.add(e.request()));
    form.save();
    assertEquals(1, saved.size(), "one save event");
    return saved.get(0);
  }

  @Test
  void aNewRiskIsSentWithItsScoresOwnerAndDueDate() {
    LogEntryForm form =
        new LogEntryForm(
            EnumSet.of(EntryType.ACTION, EntryType.RISK), List.of(ANA, BO), null, true);
    form.type.setValue(EntryType.RISK);
    form.title.setValue("Late bank files");
    form.area.setValue(ProcessArea.BILLING);
    form.priority.setValue(Priority.HIGH);
    form.likelihood.setValue(3);
    form.impact.setValue(4);
    form.owner.setValue(BO);
    form.dueDate.setValue(LocalDate.of(2026, 12, 20));
    assertEquals(
        new EntryForm(
            EntryType.RISK,
            "Late bank files",
            "",
            ProcessArea.BILLING,
            Priority.HIGH,
            3,
            4,
            "bo",
            LocalDate.of(2026, 12, 20),
            List.of(),
            null),
        saved(form));
  }

  @Test
  void scoresAreShownAndSentForARiskOnly() {
    LogEntryForm form =
        new LogEntryForm(EnumSet.of(EntryType.ACTION, EntryType.RISK), List.of(ANA), null, true);
    form.type.setValue(EntryType.ACTION);
    form.title.setValue("Call the bank");
    form.likelihood.setValue(2);
    assertFalse(form.likelihood.isVisible());
    EntryForm sent = saved(form);
    assertNull(sent.likelihood());
    assertNull(sent.impact());
    form.type.setValue(EntryType.RISK);
    assertTrue(form.likelihood.isVisible());
  }

  @Test
  void anEditStartsFromTheEntryAndSendsTheVersionItWasOpenedOn() {
    EntrySummary summary =
        new EntrySummary(
            7,
            "G-7",
            EntryType.ISSUE,
            "Slow refunds",
            ProcessArea.CASH_APPLICATION,
            Priority.LOW,
            null,
            "ana",
            LocalDate.of(2026, 12, 1),
            EntryStatus.OPEN,
            0,
            false,
            false,
            null,
            OffsetDateTime.now(),
            4);
    EntryDetail detail =
        new EntryDetail(
            summary,
            "Refunds wait a week",
            null,
            null,
            "ana",
            OffsetDateTime.now(),
            List.of(),
            List.of(),
            List.of(),
            Set.of(),
            true,
            true,
            false);
    LogEntryForm form =
        new LogEntryForm(EnumSet.of(EntryType.ISSUE), List.of(ANA, BO), detail, false);
    assertEquals("Slow refunds", form.title.getValue());
    assertEquals(ANA, form.owner.getValue());
    assertFalse(form.owner.isEnabled(), "only the lead gives an entry to someone else");
    assertFalse(form.type.isEnabled(), "an entry keeps its type");
    form.title.setValue("Slow refunds in December");
    EntryForm sent = saved(form);
    assertEquals("Slow refunds in December", sent.title());
    assertEquals(4L, sent.version());
    assertEquals("ana", sent.owner());
  }

  @Test
  void theServicesFieldErrorsLandOnTheirFields() {
    LogEntryForm form = new LogEntryForm(EnumSet.of(EntryType.RISK), List.of(ANA), null, true);
    List<String> rest =
        form.showErrors(
            new InvalidFields(
                "no",
                List.of(
                    new FieldError("title", "must be 1 to 200"),
                    new FieldError("dueDate", "must be a date between 2000 and 2100"),
                    new FieldError("links[0].targetId", "no such dispute"))));
    assertTrue(form.title.isInvalid());
    assertEquals("must be 1 to 200", form.title.getErrorMessage());
    assertTrue(form.dueDate.isInvalid());
    assertFalse(form.area.isInvalid());
    assertEquals(List.of("links[0].targetId: no such dispute"), rest);
  }

  @Test
  void closingFiresTheCloseEvent() {
    LogEntryForm form = new LogEntryForm(EnumSet.of(EntryType.ACTION), List.of(), null, true);
    List<Object> closed = new ArrayList<>();
    form.addCloseListener(closed::add);
    form.close();
    assertEquals(1, closed.size());
  }
}
