package com.bpo.portal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.PortalUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AuditVisibilityTest {
  private static final PortalUser LEAD = user(Roles.BPO_LEAD);
  private static final PortalUser STAKEHOLDER = user(Roles.CLIENT_STAKEHOLDER);

  private static PortalUser user(String role) {
    return new PortalUser("someone", Set.of(role), List.of("acme"));
  }

  private static JsonObject message(String visibility, String body) {
    return Json.createObjectBuilder()
        .add("id", 401)
        .add("dispute_id", 7)
        .add("author", "ops.lead")
        .add("party", "BPO")
        .add("visibility", visibility)
        .add("body", body)
        .build();
  }

  private static AuditRecord record(String entity, JsonObject before, JsonObject after) {
    return new AuditRecord(
        1,
        OffsetDateTime.parse("2026-11-23T10:00:00Z"),
        "ops.lead",
        "INSERT",
        entity,
        "401",
        before,
        after,
        "req-1",
        5L);
  }

  @Test
  void aClientStakeholderDoesNotReadAnInternalMessageThroughTheTrail() {
    AuditRecord shown =
        AuditVisibility.forReader(STAKEHOLDER)
            .apply(
                record(
                    "dispute_message",
                    null,
                    message("INTERNAL", "Customer is bluffing, hold firm")));
    assertFalse(shown.after().toString().contains("bluffing"), shown.after().toString());
    assertEquals(AuditVisibility.WITHHELD, shown.after().getString("body"));
    assertEquals(AuditVisibility.WITHHELD, shown.after().getString("author"));
    // the record keeps its place: which message, when, by whom the change was made
    assertEquals("INTERNAL", shown.after().getString("visibility"));
    assertEquals(7, shown.after().getInt("dispute_id"));
    assertEquals("ops.lead", shown.actor());
    assertEquals(5L, shown.sealSeq());
  }

  @Test
  void aClientStakeholderReadsMessagesMeantForTheClientOrTheCustomer() {
    UnaryOperator<AuditRecord> view = AuditVisibility.forReader(STAKEHOLDER);
    for (String visibility : new String[] {"CLIENT", "CUSTOMER"}) {
      AuditRecord record =
          record("dispute_message", null, message(visibility, "Credit note on its way"));
      assertSame(record, view.apply(record));
    }
  }

  @Test
  void aMessageMovedOutOfOrIntoInternalIsWithheldOnBothSides() {
    AuditRecord update =
        new AuditRecord(
            2,
            OffsetDateTime.now(),
            "ops.lead",
            "UPDATE",
            "dispute_message",
            "401",
            Json.createObjectBuilder().add("visibility", "INTERNAL").add("body", "secret").build(),
            Json.createObjectBuilder().add("visibility", "CLIENT").add("body", "public").build(),
            null,
            null);
    AuditRecord shown = AuditVisibility.forReader(STAKEHOLDER).apply(update);
    assertFalse(shown.before().toString().contains("secret"));
    assertFalse(shown.after().toString().contains("public"));
  }

  @Test
  void aRecordThatDoesNotStateItsVisibilityIsWithheld() {
    AuditRecord update =
        record(
            "dispute_message",
            Json.createObjectBuilder().add("body", "old").build(),
            Json.createObjectBuilder().add("body", "new").build());
    AuditRecord shown = AuditVisibility.forReader(STAKEHOLDER).apply(update);
    assertEquals(AuditVisibility.WITHHELD, shown.before().getString("body"));
    assertEquals(AuditVisibility.WITHHELD, shown.after().getString("body"));
  }

  @Test
  void theBpoReadsEverything() {
    AuditRecord record = record("dispute_message", null, message("INTERNAL", "hold firm"));
    assertSame(record, AuditVisibility.forReader(LEAD).apply(record));
  }

  @Test
  void otherDataIsShownAsItIs() {
    AuditRecord comment =
        record(
            "governance_comment",
            null,
            Json.createObjectBuilder().add("body", "INTERNAL matters").build());
    assertSame(comment, AuditVisibility.forReader(STAKEHOLDER).apply(comment));
  }

  @Test
  void aCustomerOrAnAgentGetsNoViewOfTheTrailAtAll() {
    for (String role : new String[] {Roles.CUSTOMER, Roles.BPO_AGENT}) {
      ProblemException refused =
          assertThrows(ProblemException.class, () -> AuditVisibility.forReader(user(role)));
      assertEquals(403, refused.status());
    }
  }
}
