package com.bpo.portal.collection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a dunning run proposes for one account on one day: one notice per level its open invoices
 * have reached under the account's strategy, each listing the invoices and their total. An invoice
 * that already had a notice at its level (or a higher one) is not chased again. An invoice whose
 * whole open amount is under open dispute, one an open promise covers, and every invoice of an
 * account on hold are listed with the reason and left out of the total; a partly disputed invoice
 * is chased for the undisputed part only. A notice whose every invoice is left out is EXCLUDED.
 */
public final class DunningProposal {
  private DunningProposal() {}

  /** The account as the run sees it. */
  public record Account(long id, RiskClass risk, CustomerType type, boolean onHold) {}

  /**
   * An open invoice: {@code noticedLevel} is the highest level a notice already chased it at (-1
   * for none).
   */
  public record OpenInvoice(
      long id,
      LocalDate dueDate,
      BigDecimal open,
      BigDecimal disputed,
      boolean promised,
      int noticedLevel) {
    /** What may be chased: the open amount less what is disputed, never below zero. */
    public BigDecimal chaseable() {
      return open.subtract(disputed).max(BigDecimal.ZERO);
    }
  }

  public record Line(long invoiceId, BigDecimal amount, int daysOverdue, Exclusion exclusion) {}

  public record Notice(Strategy strategy, Strategy.Step step, List<Line> lines) {
    public BigDecimal total() {
      return lines.stream()
          .filter(l -> l.exclusion() == null)
          .map(Line::amount)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Why the whole notice is left out: every line is, for the first line's reason; empty if
     * anything is chased.
     */
    public Optional<Exclusion> exclusion() {
      return lines.stream().allMatch(l -> l.exclusion() != null)
          ? Optional.of(lines.get(0).exclusion())
          : Optional.empty();
    }

    public int level() {
      return step.level();
    }
  }

  public static List<Notice> propose(
      Account account, List<OpenInvoice> invoices, List<Strategy> strategies, LocalDate day) {
    BigDecimal balance =
        invoices.stream().map(OpenInvoice::chaseable).reduce(BigDecimal.ZERO, BigDecimal::add);
    Optional<Strategy> chosen =
        StrategyEngine.strategyFor(strategies, account.risk(), account.type(), balance, day);
    if (chosen.isEmpty()) {
      return List.of();
    }
    Strategy strategy = chosen.get();
    Map<Integer, List<Line>> byLevel = new TreeMap<>();
    Map<Integer, Strategy.Step> steps = new TreeMap<>();
    for (OpenInvoice invoice : invoices) {
      Optional<Strategy.Step> step = StrategyEngine.stepOn(strategy, invoice.dueDate(), day);
      if (step.isEmpty()
          || step.get().level() <= invoice.noticedLevel()
          || invoice.open().signum() <= 0) {
        continue;
      }
      Exclusion exclusion = exclusionOf(account, invoice);
      BigDecimal amount = exclusion == Exclusion.DISPUTED ? invoice.open() : invoice.chaseable();
      steps.putIfAbsent(step.get().level(), step.get());
      byLevel
          .computeIfAbsent(step.get().level(), l -> new ArrayList<>())
          .add(
              new Line(
                  invoice.id(),
                  amount,
                  StrategyEngine.daysOverdue(invoice.dueDate(), day),
                  exclusion));
    }
    List<Notice> notices = new ArrayList<>();
    byLevel.forEach(
        (level, lines) -> notices.add(new Notice(strategy, steps.get(level), List.copyOf(lines))));
    return notices;
  }

  /**
   * Why an invoice is left out, or null when it is chased. On hold first: it covers the account.
   */
  public static Exclusion exclusionOf(Account account, OpenInvoice invoice) {
    if (account.onHold()) {
      return Exclusion.ON_HOLD;
    }
    if (invoice.chaseable().signum() == 0) {
      return Exclusion.DISPUTED;
    }
    if (invoice.promised()) {
      return Exclusion.PROMISED;
    }
    return null;
  }
}
