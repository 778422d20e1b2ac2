package com.bpo.portal.invoice.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLinesTest {
  private static final List<String> COLUMNS = List.of("number", "amount");

  @Test
  void eachLineIsAnObjectOfStringsNumbersAsWrittenOrNullAndBlankLinesAreSkipped()
      throws IOException {
    JsonLines lines =
        new JsonLines(
            new StringReader(
                "{\"number\":\"A-1\",\"amount\":1234.50,\"note\":null}\n\n"
                    + "{\"number\":\"A-2\",\"amount\":\"1E+6\"}\r\n"),
            COLUMNS);
    JsonLines.Line first = lines.next(1);
    assertEquals(Map.of("number", "A-1", "amount", "1234.50", "note", ""), first.values());
    assertNull(first.unreadable());
    assertEquals("1E+6", lines.next(2).values().get("amount"));
    assertNull(lines.next(3));
  }

  @Test
  void aLineThatIsNoObjectMissesAColumnOrHoldsAnArrayIsUnreadableByRow() throws IOException {
    JsonLines lines =
        new JsonLines(
            new StringReader(
                "[1]\n{\"number\":\"A-1\"}\n{\"number\":[\"A\"],\"amount\":1}\nnot json\n"
                    + "{\"number\":\"A\\u0000\",\"amount\":1}\n"),
            COLUMNS);
    assertEquals("line", lines.next(1).unreadable().field());
    assertEquals("amount", lines.next(2).unreadable().field());
    assertEquals("number", lines.next(3).unreadable().field());
    assertEquals(4, lines.next(4).unreadable().row());
    assertEquals("number", lines.next(5).unreadable().field());
  }

  @Test
  void anEndlessLineIsRefusedWithoutBeingHeld() throws IOException {
    String longLine = "{\"number\":\"" + "x".repeat(JsonLines.MAX_LINE) + "\"}\n";
    JsonLines lines =
        new JsonLines(new StringReader(longLine + "{\"number\":\"A\",\"amount\":1}"), COLUMNS);
    assertEquals("line", lines.next(1).unreadable().field());
    assertEquals("A", lines.next(2).values().get("number"));
  }
}
