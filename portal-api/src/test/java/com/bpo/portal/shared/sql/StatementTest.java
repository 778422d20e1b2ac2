package com.bpo.portal.shared.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProblemException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatementTest {
  @Test
  void namedParametersBecomePositionalInOrderOfAppearance() {
    List<String> order = new ArrayList<>();
    String jdbc =
        Statement.positional(
            "select * from invoice where tenant_id = :tenant and due_date < :today and id = any(:ids) and x = :today",
            order);
    assertEquals(
        "select * from invoice where tenant_id = ? and due_date < ? and id = any(?) and x = ?",
        jdbc);
    assertEquals(List.of("tenant", "today", "ids", "today"), order);
  }

  @Test
  void castsQuotedTextAndCommentsAreNotParameters() {
    List<String> order = new ArrayList<>();
    String jdbc =
        Statement.positional(
            "select ':nope', \"a:b\", x::text -- :comment\n from t where tenant_id = :tenant",
            order);
    assertEquals("select ':nope', \"a:b\", x::text -- :comment\n from t where tenant_id = ?", jdbc);
    assertEquals(List.of("tenant"), order);
  }

  @Test
  void oneValueIsAnEqualitySoAnIndexOnTheColumnKeepsItsOrderAndSeveralAreAnArray() {
    Statement one =
        new Statement(() -> null, "select 1 from invoice i where i.tenant_id = :tenant")
            .andAnyOf("i.status", "statuses", List.of("OPEN"));
    assertEquals(
        "select 1 from invoice i where i.tenant_id = :tenant and i.status = :statuses",
        one.toString());
    Statement several =
        new Statement(() -> null, "select 1 from invoice i where i.tenant_id = :tenant")
            .andAnyOf("i.status", "statuses", List.of("OPEN", "DISPUTED"));
    assertEquals(
        "select 1 from invoice i where i.tenant_id = :tenant and i.status = any(:statuses)",
        several.toString());
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> new Statement(() -> null, "select 1").andAnyOf("i.status", "s", List.of()));
  }

  @Test
  void namesAreDistinct() {
    assertEquals(Set.of("tenant", "a"), Statement.names("x = :tenant and :a < :a"));
  }

  @Test
  void keysetAfterTheCursorIsOneRowComparisonWithOrderAndOneExtraRow() {
    Keyset keyset = Keyset.descending("i.due_date", "i.id", LocalDate::parse);
    Statement s =
        new Statement(() -> null, "select i.id from invoice i where i.tenant_id = :tenant")
            .keyset(keyset, PageRequest.of(20, PageRequest.encode(List.of("2026-01-31", "77"))));
    assertEquals(
        "select i.id from invoice i where i.tenant_id = :tenant and (i.due_date, i.id) < (:afterKey, :afterId)"
            + " order by i.due_date desc, i.id desc limit 21",
        s.toString());
  }

  @Test
  void theFirstPageHasNoCursorCondition() {
    Statement s =
        new Statement(() -> null, "select id from t where tenant_id = :tenant")
            .keyset(Keyset.byId("id", false), PageRequest.of(5, null));
    assertEquals(
        "select id from t where tenant_id = :tenant order by id asc limit 6", s.toString());
  }

  @Test
  void aCursorWhoseKeyDoesNotParseIsA400() {
    Keyset keyset = Keyset.ascending("due_date", "id", LocalDate::parse);
    PageRequest page = PageRequest.of(5, PageRequest.encode(List.of("not-a-date", "1")));
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () -> new Statement(() -> null, "select 1 where :tenant = 'x'").keyset(keyset, page));
    assertEquals(400, e.status());
  }

  @Test
  void aCursorWithTheWrongNumberOfPartsIsA400() {
    PageRequest twoParts = PageRequest.of(5, PageRequest.encode(List.of("1e9999999", "1")));
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () ->
                new Statement(() -> null, "select 1 where :tenant = 'x'")
                    .keyset(Keyset.byId("id", true), twoParts));
    assertEquals(400, e.status());
    PageRequest onePart = PageRequest.of(5, PageRequest.encode(List.of("7")));
    assertThrows(
        ProblemException.class,
        () ->
            new Statement(() -> null, "select 1 where :tenant = 'x'")
                .keyset(Keyset.ascending("due_date", "id", LocalDate::parse), onePart));
  }
}
