package com.bpo.portal.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bpo.portal.procedure.ProcedureDiff.Kind;
import com.bpo.portal.procedure.ProcedureDiff.Line;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcedureDiffTest {
  @Test
  void changedLinesShowAsRemovedThenAddedAmongTheUnchanged() {
    List<Line> lines =
        ProcedureDiff.lines(
            "# Title\nStep one\nStep two\nEnd", "# Title\nStep one\nStep 2\nEnd\nNew");
    assertEquals(
        List.of(
            new Line(Kind.UNCHANGED, 1, 1, "# Title"),
            new Line(Kind.UNCHANGED, 2, 2, "Step one"),
            new Line(Kind.REMOVED, 3, null, "Step two"),
            new Line(Kind.ADDED, null, 3, "Step 2"),
            new Line(Kind.UNCHANGED, 4, 4, "End"),
            new Line(Kind.ADDED, null, 5, "New")),
        lines);
  }

  @Test
  void fromNothingEverythingIsAddedAndWindowsLineEndsDoNotCount() {
    assertEquals(
        List.of(new Line(Kind.ADDED, null, 1, "a"), new Line(Kind.ADDED, null, 2, "b")),
        ProcedureDiff.lines("", "a\nb"));
    assertEquals(
        List.of(new Line(Kind.UNCHANGED, 1, 1, "a"), new Line(Kind.UNCHANGED, 2, 2, "b")),
        ProcedureDiff.lines("a\r\nb", "a\nb"));
    assertEquals(
        List.of(new Line(Kind.REMOVED, 1, null, "<script>")),
        ProcedureDiff.lines("<script>", null));
  }
}
