package com.bpo.portal.cash;

import com.bpo.portal.cash.CashMatcher.Allocation;
import com.bpo.portal.cash.CashMatcher.Settlement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What was decided for lines, kept until {@link #write}: the candidates and decisions ({@code
 * cash_match} with their invoices) and each line's new state. A statement's block of lines is
 * written in three statements, not three per line; a person's decision on one line goes the same
 * way, and a line changed meanwhile (its version) makes the write fail.
 */
final class LineDecisions {
  /** A candidate or decision on a line, with the invoices it names. */
  record NewMatch(
      long lineId,
      String rule,
      BigDecimal confidence,
      String status,
      Long customerId,
      Settlement settlement,
      BigDecimal onAccount,
      BigDecimal shortfall,
      Reason reason,
      String by,
      List<Allocation> items) {}

  /** A line's state once decided, if it still has {@code version}. */
  record LineState(
      long lineId,
      long version,
      LineStatus status,
      Long customerId,
      BigDecimal applied,
      BigDecimal writtenOff,
      BigDecimal onAccount,
      Long paymentId,
      Long deductionId,
      String by) {}

  private final List<NewMatch> matches = new ArrayList<>();
  private final List<LineState> states = new ArrayList<>();

  void match(NewMatch match) {
    matches.add(match);
  }

  void state(LineState state) {
    states.add(state);
  }

  /**
   * Writes a statement's new lines with what was decided for each (one state per line), then the
   * candidates and decisions: a new line is inserted once, in its final state.
   */
  void writeNew(
      MatchQueries matchQueries,
      StatementQueries statementQueries,
      long statementId,
      List<BankStatementFile.Line> lines,
      List<Long> lineIds) {
    Map<Long, LineState> byLine = new HashMap<>();
    states.forEach(s -> byLine.put(s.lineId(), s));
    List<LineState> inLineOrder = lineIds.stream().map(byLine::get).toList();
    if (states.size() != lineIds.size() || inLineOrder.contains(null)) {
      throw new IllegalStateException(
          states.size() + " decisions for " + lineIds.size() + " new bank lines.");
    }
    statementQueries.insertDecided(statementId, lines, inLineOrder);
    matchQueries.insertMatches(matches);
    matches.clear();
    states.clear();
  }

  /**
   * Writes what was kept; answers the lines whose version had changed (none written then: the
   * caller fails the transaction).
   */
  List<Long> write(MatchQueries matchQueries, StatementQueries statementQueries) {
    matchQueries.insertMatches(matches);
    List<Long> stale = statementQueries.settleAll(states);
    matches.clear();
    states.clear();
    return stale;
  }
}
