package com.bpo.portal.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.ProcessArea;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntryFilterTest {
  @Test
  void aSavedViewKeepsEveryFilterThroughItsQueryString() {
    EntryFilter filter =
        new EntryFilter(
            Set.of(EntryType.RISK, EntryType.ISSUE),
            Set.of(EntryStatus.ESCALATED),
            Set.of(ProcessArea.CASH_APPLICATION),
            Optional.of("agent.acme"),
            true,
            Optional.of(2),
            Optional.of(51L));
    String query = filter.toQuery();
    assertEquals(
        "type=ISSUE%2CRISK&status=ESCALATED&area=CASH_APPLICATION&owner=agent.acme&overdue=true&level=2"
            + "&meeting=51",
        query);
    assertEquals(filter, EntryFilter.fromQuery(query));
  }

  @Test
  void noFilterIsAnEmptyQuery() {
    assertEquals("", EntryFilter.none().toQuery());
    assertEquals(EntryFilter.none(), EntryFilter.fromQuery(""));
  }

  @Test
  void badValuesAreAllReported() {
    InvalidFields refused =
        assertThrows(
            InvalidFields.class,
            () -> EntryFilter.parse("ISSUE,TASK", "SLEEPING", null, null, null, "12", "x"));
    assertEquals(4, refused.toProblem().errors().size(), refused.toProblem().toString());
  }
}
