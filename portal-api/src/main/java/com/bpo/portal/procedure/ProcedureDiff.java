package com.bpo.portal.procedure;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two versions' Markdown (java-diff-utils, Myers): every line of the newer text in
 * order, with the removed lines of the older one where they were. Plain text: the screens escape
 * it.
 */
public final class ProcedureDiff {
  public enum Kind {
    UNCHANGED,
    ADDED,
    REMOVED
  }

  /**
   * One line; {@code oldLine}/{@code newLine} are 1-based and null where the line is not on that
   * side.
   */
  public record Line(Kind kind, Integer oldLine, Integer newLine, String text) {}

  public record Result(
      long fromVersionId,
      int fromNumber,
      long toVersionId,
      int toNumber,
      int added,
      int removed,
      List<Line> lines) {}

  private ProcedureDiff() {}

  public static List<Line> lines(String older, String newer) {
    List<String> a = split(older);
    List<String> b = split(newer);
    Patch<String> patch = DiffUtils.diff(a, b);
    List<Line> lines = new ArrayList<>();
    int i = 0;
    int j = 0;
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      int sourceAt = delta.getSource().getPosition();
      while (i < sourceAt) {
        lines.add(new Line(Kind.UNCHANGED, i + 1, j + 1, a.get(i)));
        i++;
        j++;
      }
      for (String removed : delta.getSource().getLines()) {
        lines.add(new Line(Kind.REMOVED, ++i, null, removed));
      }
      for (String added : delta.getTarget().getLines()) {
        lines.add(new Line(Kind.ADDED, null, ++j, added));
      }
    }
    while (i < a.size()) {
      lines.add(new Line(Kind.UNCHANGED, i + 1, j + 1, a.get(i)));
      i++;
      j++;
    }
    return lines;
  }

  private static List<String> split(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    return List.of(text.replace("\r\n", "\n").split("\n", -1));
  }
}
