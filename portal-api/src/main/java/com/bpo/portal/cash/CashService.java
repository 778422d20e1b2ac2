package com.bpo.portal.cash;

import com.bpo.portal.cash.BankStatementFile.Line;
import com.bpo.portal.cash.CashMatcher.Allocation;
import com.bpo.portal.cash.CashMatcher.Decision;
import com.bpo.portal.cash.CashMatcher.Evidence;
import com.bpo.portal.cash.CashMatcher.LineFacts;
import com.bpo.portal.cash.CashMatcher.OpenInvoice;
import com.bpo.portal.cash.CashMatcher.Payer;
import com.bpo.portal.cash.CashMatcher.Proposal;
import com.bpo.portal.cash.CashMatcher.Rule;
import com.bpo.portal.cash.CashMatcher.Settlement;
import com.bpo.portal.cash.CashRecords.AgeBucket;
import com.bpo.portal.cash.CashRecords.BankAccount;
import com.bpo.portal.cash.CashRecords.ImportResult;
import com.bpo.portal.cash.CashRecords.LineDetail;
import com.bpo.portal.cash.CashRecords.LineSummary;
import com.bpo.portal.cash.CashRecords.NewBankAccount;
import com.bpo.portal.cash.CashRecords.NewRemittance;
import com.bpo.portal.cash.CashRecords.StatementSummary;
import com.bpo.portal.cash.CashRecords.UnappliedCash;
import com.bpo.portal.dispute.DisputeService;
import com.bpo.portal.dispute.NewDispute;
import com.bpo.portal.invoice.CustomerScope;
import com.bpo.portal.invoice.DisputableAmounts;
import com.bpo.portal.invoice.PaymentApplication;
import com.bpo.portal.limits.ConcurrentImports;
import com.bpo.portal.shared.Decimals;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cash application's transaction boundary: a statement is imported, matched and applied in one
 * transaction (a bad file or a refused step leaves nothing); a person's decision on a line in
 * another. Invoice money moves only through {@link PaymentApplication}; a short payment's deduction
 * is raised through {@link DisputeService}.
 */
@TenantService
public class CashService {
  public static final String AUTO = "cash-matcher";

  /** The shortest payment reference an advice may give (with a digit): it must name one payment. */
  static final int MIN_ADVICE_REFERENCE = 6;

  /** How many queued lines an advice given after its payment is tried against, oldest first. */
  static final int ADVICE_LINES_TRIED = 5;

  /**
   * A statement's lines are read for ({@link BlockReads}) and written ({@link PendingPayments})
   * this many at a time: a block's questions go to the database in a few statements, and the
   * ledger's statement triggers run a few times per block, not once per line.
   */
  static final int BLOCK_LINES = 250;

  /**
   * From this many lines a statement reads which letters open invoices' numbers start with, and
   * looks up only the neighbours that start so ({@link MatchQueries#openNumberPrefixes}): the read
   * takes 100 to 260 ms at a tenant of 1,000,000 invoices and saved some 1.7 s per 10,000 lines
   * (docs/PERFORMANCE.md, "Fourteenth round"); a statement of a few lines keeps every neighbour.
   */
  static final int NUMBER_PREFIXES_FROM_LINES = 1_000;

  static final int MAX_SUGGESTIONS = 5;
  static final int MAX_ALLOCATIONS = 50;

  @Inject StatementQueries statements;
  @Inject ConcurrentImports concurrentImports;
  @Inject MatchQueries matches;
  @Inject PaymentApplication payments;
  @Inject DisputeService disputes;
  @Inject DisputableAmounts disputable;
  @Inject TenantContext context;
  @Inject CustomerScope scope;

  // ---------------------------------------------------------------- bank accounts

  public List<BankAccount> bankAccounts() {
    return statements.bankAccounts();
  }

  public BankAccount addBankAccount(NewBankAccount request) {
    List<FieldError> errors = new ArrayList<>();
    String account = StatementParsers.normaliseAccount(request == null ? null : request.account());
    if (!account.matches("[A-Z0-9]{5,34}")) {
      errors.add(
          new FieldError("account", "must be an IBAN or account id of 5 to 34 letters and digits"));
    }
    String currency = request == null ? null : request.currency();
    if (!isCurrency(currency)) {
      errors.add(new FieldError("currency", "must be an ISO 4217 currency code"));
    }
    String name = request == null || request.name() == null ? "" : request.name().strip();
    if (name.isEmpty() || name.length() > 100) {
      errors.add(new FieldError("name", "must be 1 to 100 characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The bank account cannot be added as it is.", errors);
    }
    if (statements.bankAccount(account).isPresent()) {
      throw new ProblemException(
          "conflict", "Conflict", 409, "Bank account " + account + " is already registered.");
    }
    long id = statements.insertBankAccount(account, currency, name);
    return new BankAccount(id, account, currency, name);
  }

  private static boolean isCurrency(String code) {
    try {
      return code != null && code.length() == 3 && Currency.getInstance(code) != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  // ---------------------------------------------------------------- settings

  public CashRecords.Settings settings() {
    return matches.storedSettings();
  }

  /**
   * Changes the threshold (0 to 1, three decimals) and the tolerance (0 to 1000.00), with the
   * version seen.
   */
  public CashRecords.Settings changeSettings(CashRecords.SettingsChange change) {
    PortalUser user = context.requireUser();
    if (!user.hasRole(Roles.BPO_LEAD)) {
      throw ProblemException.forbidden("Team leads set how sure a match must be.");
    }
    List<FieldError> errors = new ArrayList<>();
    BigDecimal threshold = decimal(change == null ? null : change.confidenceThreshold(), 3);
    if (threshold == null || threshold.compareTo(BigDecimal.ONE) > 0) {
      errors.add(
          new FieldError(
              "confidenceThreshold", "must be a number from 0 to 1 with at most 3 decimals"));
    }
    BigDecimal tolerance = decimal(change == null ? null : change.toleranceAmount(), 2);
    if (tolerance == null || tolerance.compareTo(new BigDecimal("1000")) > 0) {
      errors.add(new FieldError("toleranceAmount", "must be an amount from 0 to 1000.00"));
    }
    if (change == null || change.version() == null) {
      errors.add(new FieldError("version", "is required"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The settings cannot be changed as they are.", errors);
    }
    if (!matches.saveSettings(threshold, tolerance, change.version())) {
      throw new ProblemException(
          "conflict", "Conflict", 409, "The settings were changed meanwhile; reload them.");
    }
    return matches.storedSettings();
  }

  /** A number from 0 with at most 4 digits before the point and {@code scale} after; or null. */
  private static BigDecimal decimal(String text, int scale) {
    try {
      BigDecimal value = Decimals.parse(text, 4, scale);
      return value.signum() < 0 ? null : value.setScale(scale);
    } catch (Decimals.Invalid e) {
      return null;
    }
  }

  // ---------------------------------------------------------------- statements

  /**
   * Imports a statement file, then matches every line and applies what is sure. The same statement
   * (account and statement id) sent again changes nothing; with other content it is refused.
   */
  public ImportResult importStatement(byte[] content) {
    PortalUser user = requireBpo();
    BankStatementFile file = StatementParsers.parse(content);
    // one import of the tenant's at a time (a statement, a file of invoices or of payments), and a
    // bounded number over the portal: refused at once with 429, before anything is read
    statements.admitImport(concurrentImports);
    BankAccount account =
        statements
            .bankAccount(file.account())
            .orElseThrow(
                () ->
                    new StatementRejected(
                        "No bank account "
                            + file.account()
                            + " is registered for this tenant: register it before importing its "
                            + "statements."));
    statements.lockAccount(account.id());
    String sha = sha256(content);
    Optional<StatementQueries.Existing> existing =
        statements.statement(account.id(), file.statementId());
    if (existing.isPresent()) {
      if (!existing.get().sha256().equals(sha)) {
        throw new ProblemException(
            "conflict",
            "Conflict",
            409,
            "Statement "
                + file.statementId()
                + " of account "
                + account.account()
                + " was already imported with other content; a statement is never changed.");
      }
      return new ImportResult(
          statements.statementSummary(existing.get().id()).orElseThrow(),
          true,
          file.lines().size());
    }
    // an entry the account already has is not imported again, whatever statement brings it: an
    // MT940 sent again has a new :20: reference, so a new statement id, and the same entries
    Map<StatementQueries.EntryKey, Long> known =
        statements.knownEntries(account.id(), file.lines());
    List<Line> fresh =
        known.isEmpty()
            ? file.lines()
            : file.lines().stream()
                .filter(l -> !known.containsKey(StatementQueries.EntryKey.of(l)))
                .toList();
    if (fresh.isEmpty() && !file.lines().isEmpty()) {
      long earlier = known.values().stream().min(Long::compare).orElseThrow();
      return new ImportResult(
          statements.statementSummary(earlier).orElseThrow(), true, file.lines().size());
    }
    long statementId =
        statements.insertStatement(account.id(), file, fresh.size(), sha, user.username());
    // the statement's record above stands for the 100,000 lines a statement may hold and for the
    // matcher's decisions on them; payments, allocations, invoices and deductions are recorded one
    // by one (V116)
    statements.linesAuditedByTheirStatement();
    CashMatcher.Settings settings = matches.settings();
    // a line is written once, at its block's end, with its decision; the remittance advice it
    // follows is marked used as it is matched, so that the block's later lines see it used (V112)
    matches.adviceLinesCheckedAtCommit();
    // the lines are matched in the file's order, each seeing what the lines before it took; a
    // block's reads are asked at its start (BlockReads), its payments and what it learns written
    // at its end (PendingPayments), and the balances take the whole statement once, before the
    // commit (V106)
    // (and the foreign keys of what it writes checked by their keys, whatever the statistics know
    // of the tenant: TenantSql.withGenericPlans)
    matches.withoutJit(
        () ->
            matches.withGenericPlans(
                () -> payments.inOneFold(() -> matchAndApply(fresh, statementId, settings))));
    return new ImportResult(
        statements.statementSummary(statementId).orElseThrow(),
        false,
        file.lines().size() - fresh.size());
  }

  /** A new statement's lines matched and applied, a block at a time. */
  private long matchAndApply(List<Line> lines, long statementId, CashMatcher.Settings settings) {
    // the statement pays invoices and opens none: how their numbers start is read once, for a
    // statement long enough to gain more on the neighbours it then skips than the read costs
    Optional<Set<String>> numberPrefixes =
        lines.size() >= NUMBER_PREFIXES_FROM_LINES
            ? Optional.of(matches.openNumberPrefixes())
            : Optional.empty();
    for (int from = 0; from < lines.size(); from += BLOCK_LINES) {
      List<Line> part = lines.subList(from, Math.min(lines.size(), from + BLOCK_LINES));
      List<Long> lineIds = statements.lineIds(part.size());
      BlockReads reads = new BlockReads(matches, part, numberPrefixes);
      PendingPayments block = new PendingPayments(reads);
      LineDecisions decided = new LineDecisions();
      for (int i = 0; i < part.size(); i++) {
        match(lineIds.get(i), part.get(i), settings, block, reads, decided);
      }
      write(block, reads, decided, statementId, part, lineIds);
    }
    return statementId;
  }

  public Page<StatementSummary> statements(PageRequest page) {
    return statements.statements(page);
  }

  public Optional<StatementSummary> statement(long id) {
    return statements.statementSummary(id);
  }

  // ---------------------------------------------------------------- matching

  /**
   * Matches a new line: queues the sure match in the block (written with it, {@link #write}), or
   * keeps the candidates (and why) for a person.
   */
  private void match(
      long lineId,
      Line line,
      CashMatcher.Settings settings,
      PendingPayments block,
      BlockReads reads,
      LineDecisions decided) {
    Evidence evidence = Ledger.evidence(block, line);
    Decision decision =
        CashMatcher.decide(new LineFacts(line.amount(), line.currency()), evidence, settings);
    if (decision.apply().isPresent()) {
      Proposal proposal = decision.apply().get();
      reads.learn(line, proposal.customerId());
      if (followAdvice(lineId, proposal)) {
        reads.adviceFollowed();
      }
      block.add(lineId, line, proposal);
      return;
    }
    for (Proposal p : decision.proposals().stream().limit(MAX_SUGGESTIONS).toList()) {
      record(decided, lineId, p, "SUGGESTED", p.reason(), AUTO);
    }
    Long customer =
        decision.proposals().stream()
            .findFirst()
            .map(Proposal::customerId)
            .orElse(evidence.payer().map(Payer::customerId).orElse(null));
    if (decision.proposals().isEmpty()) {
      decided.match(
          new LineDecisions.NewMatch(
              lineId,
              "NONE",
              BigDecimal.ZERO,
              "UNAPPLIED",
              customer,
              null,
              BigDecimal.ZERO,
              BigDecimal.ZERO,
              whyNothing(line, evidence),
              AUTO,
              List.of()));
    }
    LineStatus status =
        decision.proposals().isEmpty() ? LineStatus.UNAPPLIED : LineStatus.SUGGESTED;
    decided.state(
        new LineDecisions.LineState(
            lineId,
            0,
            status,
            customer,
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            null,
            null,
            AUTO));
  }

  private static Reason whyNothing(Line line, Evidence evidence) {
    return Reason.nothingFits(line.reference(), evidence.payer().isPresent(), line.amount());
  }

  /**
   * Writes a block's payments through the invoice feature, then each line's deduction, the lines
   * with their decisions, and the payer identities its lines learned; lets go of the deductions'
   * entities, so that the statement's later blocks flush no more than the first. The payments go in
   * runs ({@link PendingPayments#runs}): a short payment's deduction is sized on what its invoices
   * have open right after it, not after the block's later lines.
   */
  private void write(
      PendingPayments block,
      BlockReads reads,
      LineDecisions decided,
      long statementId,
      List<Line> lines,
      List<Long> lineIds) {
    for (List<PendingPayments.Pending> run : block.runs()) {
      List<Long> paymentIds =
          payments.applyAll(
              run.stream().map(p -> payment(p.lineId(), p.line(), p.proposal())).toList());
      List<Line> runLines = run.stream().map(PendingPayments.Pending::line).toList();
      List<Proposal> proposals = run.stream().map(PendingPayments.Pending::proposal).toList();
      List<List<NewDispute.Item>> items = deductionItems(proposals);
      List<Long> deductionIds = raiseDeductions(runLines, proposals, items);
      for (int i = 0; i < run.size(); i++) {
        PendingPayments.Pending p = run.get(i);
        recordApplied(
            decided,
            p.lineId(),
            0,
            p.line(),
            p.proposal(),
            AUTO,
            paymentIds.get(i),
            items.get(i),
            deductionIds.get(i));
      }
    }
    decided.writeNew(matches, statements, statementId, lines, lineIds);
    matches.learnAll(reads.learned());
    statements.endOfBlock();
  }

  /** The payment a proposal makes of a line. */
  private static PaymentApplication.PaymentRequest payment(
      long lineId, Line line, Proposal proposal) {
    return new PaymentApplication.PaymentRequest(
        paymentReference(lineId),
        proposal.customerId(),
        line.bookingDate(),
        new Money(line.amount(), line.currency()),
        proposal.allocations().stream()
            .filter(a -> a.amount().add(a.writeOff()).signum() > 0)
            .map(a -> new PaymentApplication.Application(a.invoiceId(), a.amount(), a.writeOff()))
            .toList());
  }

  /** Learns the payer from an applied match, and marks the remittance advice it follows used. */
  private void learnFrom(long lineId, Line line, Proposal proposal) {
    matches.learn("ACCOUNT", PayerKeys.account(line.payerAccount()), proposal.customerId());
    matches.learn("NAME", PayerKeys.name(line.payerName()), proposal.customerId());
    followAdvice(lineId, proposal);
  }

  /**
   * Marks the remittance advice an applied match follows used; answers whether the match followed
   * one.
   */
  private boolean followAdvice(long lineId, Proposal proposal) {
    if (proposal.rule() != Rule.REMITTANCE) {
      return false;
    }
    matches.consumeAdvices(
        lineId,
        proposal.customerId(),
        proposal.allocations().stream().map(Allocation::invoiceId).toList());
    return true;
  }

  /**
   * Applies a proposal a person chose through the invoice feature, opens the deduction of a short
   * payment, learns the payer and records the decision on the line. {@code version} is the line's
   * version the person saw.
   */
  private void settleWith(long lineId, long version, Line line, Proposal proposal, String by) {
    long paymentId = payments.apply(payment(lineId, line, proposal));
    matches.dropSuggestions(lineId);
    learnFrom(lineId, line, proposal);
    LineDecisions decided = new LineDecisions();
    List<NewDispute.Item> items = deductionItems(List.of(proposal)).get(0);
    Long deductionId = raiseDeductions(List.of(line), List.of(proposal), List.of(items)).get(0);
    recordApplied(decided, lineId, version, line, proposal, by, paymentId, items, deductionId);
    if (!decided.write(matches, statements).isEmpty()) {
      throw stale(lineId);
    }
  }

  /**
   * Once proposals' payments are applied: opens the deductions of their short payments (items as
   * {@link #deductionItems} left them), all in one go; answers each proposal's deduction, or null.
   */
  private List<Long> raiseDeductions(
      List<Line> lines, List<Proposal> proposals, List<List<NewDispute.Item>> items) {
    List<NewDispute> requests = new ArrayList<>();
    List<Integer> raisedFor = new ArrayList<>();
    for (int i = 0; i < proposals.size(); i++) {
      if (!items.get(i).isEmpty()) {
        requests.add(deduction(lines.get(i), proposals.get(i), items.get(i)));
        raisedFor.add(i);
      }
    }
    List<Long> deductionIds = new ArrayList<>(Collections.nCopies(proposals.size(), null));
    List<Long> raised = requests.isEmpty() ? List.of() : disputes.raiseAllForIds(requests);
    for (int k = 0; k < raised.size(); k++) {
      deductionIds.set(raisedFor.get(k), raised.get(k));
    }
    return deductionIds;
  }

  private static NewDispute deduction(Line line, Proposal proposal, List<NewDispute.Item> items) {
    return new NewDispute(
        "DEDUCTION",
        "OTHER",
        "Short payment: bank line "
            + line.entryRef()
            + " of "
            + line.bookingDate()
            + " paid "
            + line.amount().toPlainString()
            + " "
            + line.currency()
            + ", "
            + proposal.shortfall().toPlainString()
            + " short. Reason to be coded.",
        items);
  }

  /**
   * Once a proposal's payment is applied and its deduction (if any) raised: records the decision on
   * the line.
   */
  private void recordApplied(
      LineDecisions decided,
      long lineId,
      long version,
      Line line,
      Proposal proposal,
      String by,
      long paymentId,
      List<NewDispute.Item> items,
      Long deductionId) {
    Reason reason = proposal.reason();
    BigDecimal alreadyDisputed =
        proposal
            .shortfall()
            .subtract(
                items.stream()
                    .map(i -> new BigDecimal(i.amount()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
    if (alreadyDisputed.signum() > 0) {
      reason = reason.and("already-disputed", alreadyDisputed);
    }
    record(decided, lineId, proposal, "APPLIED", reason, by);
    BigDecimal applied = proposal.applied();
    BigDecimal writtenOff =
        proposal.allocations().stream()
            .map(Allocation::writeOff)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    LineStatus status = applied.signum() > 0 ? LineStatus.APPLIED : LineStatus.ON_ACCOUNT;
    decided.state(
        new LineDecisions.LineState(
            lineId,
            version,
            status,
            proposal.customerId(),
            applied,
            writtenOff,
            line.amount().subtract(applied),
            paymentId,
            deductionId,
            by));
  }

  /** Keeps a proposal on the line as suggested or applied, with the invoices it names. */
  private static void record(
      LineDecisions decided, long lineId, Proposal p, String status, Reason reason, String by) {
    decided.match(
        new LineDecisions.NewMatch(
            lineId,
            p.rule().name(),
            p.confidence(),
            status,
            p.customerId(),
            p.settlement(),
            p.onAccount(),
            p.shortfall(),
            reason,
            by,
            p.allocations()));
  }

  /**
   * The deductions short payments open, once their payments are applied: what each invoice is left
   * short, but no more than is still open and not already disputed (the ceiling {@link
   * DisputeService#raise} holds to). A customer who pays the undisputed part of an invoice under
   * dispute opens no second dispute for the disputed rest, and the line is applied, not refused
   * with its whole statement. What is open and disputable is read once for all the proposals; each
   * takes its share of it in order, as if its deduction were raised before the next is sized.
   */
  private List<List<NewDispute.Item>> deductionItems(List<Proposal> proposals) {
    List<Long> leftShort =
        proposals.stream()
            .filter(p -> p.shortfall().signum() > 0)
            .flatMap(p -> p.allocations().stream())
            .filter(a -> a.leftOpen().signum() > 0)
            .map(Allocation::invoiceId)
            .distinct()
            .toList();
    Map<Long, BigDecimal> room = new HashMap<>();
    if (!leftShort.isEmpty()) {
      this.disputable.of(leftShort).forEach((id, money) -> room.put(id, money.amount()));
    }
    List<List<NewDispute.Item>> items = new ArrayList<>();
    for (Proposal proposal : proposals) {
      items.add(deductionItems(proposal, room));
    }
    return items;
  }

  private static List<NewDispute.Item> deductionItems(
      Proposal proposal, Map<Long, BigDecimal> room) {
    if (proposal.shortfall().signum() <= 0) {
      return List.of();
    }
    List<NewDispute.Item> items = new ArrayList<>();
    for (Allocation a : proposal.allocations()) {
      if (a.leftOpen().signum() <= 0) {
        continue;
      }
      BigDecimal left = room.getOrDefault(a.invoiceId(), BigDecimal.ZERO);
      BigDecimal amount = a.leftOpen().min(left);
      if (amount.signum() > 0) {
        items.add(new NewDispute.Item(a.invoiceId(), null, amount.toPlainString()));
        room.put(a.invoiceId(), left.subtract(amount));
      }
    }
    return items;
  }

  private static String paymentReference(long lineId) {
    return "BANK-" + lineId;
  }

  // ---------------------------------------------------------------- the exception queue

  public Page<LineSummary> lines(
      List<LineStatus> statuses, Optional<Long> statementId, PageRequest page) {
    return statements.lines(
        statuses.isEmpty() ? List.of(LineStatus.SUGGESTED, LineStatus.UNAPPLIED) : statuses,
        statementId,
        context.today(),
        page);
  }

  public Optional<LineDetail> line(long id) {
    return statements
        .line(id, context.today())
        .map(
            l -> {
              StatementQueries.LineRef refs = statements.lineRefs(id).orElseThrow();
              return new LineDetail(
                  l,
                  matches.candidates(id),
                  refs.paymentIdOrZero() == 0 ? null : refs.paymentIdOrZero(),
                  refs.deductionIdOrZero() == 0 ? null : refs.deductionIdOrZero());
            });
  }

  /** Accepts one of the line's suggested candidates as it was proposed. */
  public LineDetail acceptCandidate(long lineId, long matchId, Long version) {
    LineSummary line = lockQueued(lineId, version);
    Proposal proposal =
        matches
            .proposal(lineId, matchId)
            .orElseThrow(
                () -> ProblemException.notFound("Candidate " + matchId + " of line " + lineId));
    settleWith(lineId, line.version(), facts(line), proposal, requireBpo().username());
    return line(lineId).orElseThrow();
  }

  /**
   * Applies a line as a person splits it: amounts to invoices of one customer, the rest on account.
   * An application with no invoices puts the whole line on the named customer's account.
   */
  public LineDetail apply(long lineId, CashRecords.Application request) {
    PortalUser user = requireBpo();
    if (request == null) {
      throw new InvalidFields(
          "Send the application.", List.of(new FieldError("allocations", "is required")));
    }
    LineSummary line = lockQueued(lineId, request.version());
    List<FieldError> errors = new ArrayList<>();
    List<CashRecords.Allocation> requested =
        request.allocations() == null ? List.of() : request.allocations();
    if (requested.size() > MAX_ALLOCATIONS) {
      errors.add(new FieldError("allocations", "at most " + MAX_ALLOCATIONS + " invoices"));
    }
    Map<Long, BigDecimal> amounts = new LinkedHashMap<>();
    for (int i = 0; i < requested.size() && i < MAX_ALLOCATIONS; i++) {
      CashRecords.Allocation a = requested.get(i);
      if (a == null) {
        errors.add(new FieldError("allocations[" + i + "]", "is required"));
        continue;
      }
      Optional<BigDecimal> amount = positiveAmount(a.amount());
      if (a.invoiceId() == null) {
        errors.add(new FieldError("allocations[" + i + "].invoiceId", "is required"));
      } else if (amount.isEmpty()) {
        errors.add(
            new FieldError(
                "allocations[" + i + "].amount",
                "must be a positive amount with at most 2 decimals"));
      } else if (amounts.put(a.invoiceId(), amount.get()) != null) {
        errors.add(
            new FieldError("allocations[" + i + "].invoiceId", "names the same invoice twice"));
      }
    }
    BigDecimal total = amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (total.compareTo(line.amount().amount()) > 0) {
      errors.add(
          new FieldError(
              "allocations",
              "apply "
                  + total.toPlainString()
                  + ", more than the line's "
                  + line.amount().amount().toPlainString()));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The line cannot be applied as it is.", errors);
    }
    List<OpenInvoice> invoices = matches.openInvoicesById(amounts.keySet());
    Set<Long> customers = new HashSet<>(invoices.stream().map(OpenInvoice::customerId).toList());
    long customer;
    if (amounts.isEmpty()) {
      if (request.customerId() == null || !matches.customerExists(request.customerId())) {
        throw new InvalidFields(
            "Name the customer whose account takes the line.",
            List.of(new FieldError("customerId", "no such customer")));
      }
      customer = request.customerId();
    } else if (invoices.size() != amounts.size()) {
      throw new InvalidFields(
          "The line cannot be applied as it is.",
          List.of(
              new FieldError(
                  "allocations", "names an invoice that does not exist or is not open")));
    } else if (customers.size() != 1) {
      throw new InvalidFields(
          "The line cannot be applied as it is.",
          List.of(new FieldError("allocations", "split a line over the invoices of one customer")));
    } else {
      customer = customers.iterator().next();
    }
    List<Allocation> allocations =
        invoices.stream()
            .map(i -> new Allocation(i.id(), i.number(), amounts.get(i.id()), BigDecimal.ZERO))
            .toList();
    BigDecimal rest = line.amount().amount().subtract(total);
    String note = request.note() == null ? "" : request.note().strip();
    Reason reason =
        amounts.isEmpty()
            ? Reason.of("manual-on-account")
            : Reason.of(
                "manual-applied",
                allocations.stream().map(Allocation::number).collect(Collectors.joining(", ")));
    if (rest.signum() > 0 && !amounts.isEmpty()) {
      reason = reason.and("manual-rest-on-account", rest);
    }
    if (!note.isEmpty()) {
      // the person's own words, said as they wrote them
      reason = reason.and(Reason.verbatim(note.length() > 500 ? note.substring(0, 500) : note));
    }
    Proposal proposal =
        new Proposal(
            Rule.MANUAL,
            BigDecimal.ONE,
            customer,
            rest.signum() > 0 ? Settlement.OVERPAYMENT : Settlement.EXACT,
            allocations,
            rest,
            BigDecimal.ZERO,
            reason);
    settleWith(lineId, line.version(), facts(line), proposal, user.username());
    return line(lineId).orElseThrow();
  }

  /**
   * Marks a line for refund to the payer; the refund itself is the credit and approvals feature's.
   */
  public LineDetail requestRefund(long lineId, CashRecords.Application request) {
    PortalUser user = requireBpo();
    LineSummary line = lockQueued(lineId, request == null ? null : request.version());
    String note = request.note() == null ? "" : request.note().strip();
    if (note.isEmpty() || note.length() > 500) {
      throw new InvalidFields(
          "Say why the money goes back.",
          List.of(new FieldError("note", "must be 1 to 500 characters")));
    }
    matches.dropSuggestions(lineId);
    LineDecisions decided = new LineDecisions();
    decided.match(
        new LineDecisions.NewMatch(
            lineId,
            Rule.MANUAL.name(),
            BigDecimal.ONE,
            "REFUND_REQUESTED",
            line.customerId(),
            null,
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            Reason.of("refund-requested", note),
            user.username(),
            List.of()));
    decided.state(
        new LineDecisions.LineState(
            lineId,
            line.version(),
            LineStatus.REFUND_REQUESTED,
            line.customerId(),
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            null,
            null,
            user.username()));
    if (!decided.write(matches, statements).isEmpty()) {
      throw stale(lineId);
    }
    return line(lineId).orElseThrow();
  }

  private LineSummary lockQueued(long lineId, Long version) {
    LineSummary line =
        statements
            .lockLine(lineId, context.today())
            .orElseThrow(() -> ProblemException.notFound("Bank line " + lineId));
    if (version == null) {
      throw new InvalidFields(
          "Send the version you saw.", List.of(new FieldError("version", "is required")));
    }
    if (line.version() != version) {
      throw stale(lineId);
    }
    if (!line.status().inQueue()) {
      throw new ProblemException(
          "conflict",
          "Conflict",
          409,
          "Bank line " + lineId + " is already " + line.status() + ".");
    }
    return line;
  }

  private static ProblemException stale(long lineId) {
    return new ProblemException(
        "conflict",
        "Conflict",
        409,
        "Bank line " + lineId + " was changed meanwhile; reload it and decide again.");
  }

  private static Line facts(LineSummary l) {
    return new Line(
        l.entryRef(),
        l.bookingDate(),
        l.bookingDate(),
        l.amount().amount(),
        l.amount().currency(),
        l.payerName(),
        l.payerAccount(),
        l.reference());
  }

  /**
   * The invoices offered for splitting a line: its candidates' and its customer's open invoices.
   */
  public List<CashRecords.InvoiceChoice> invoiceChoices(long lineId) {
    LineDetail detail =
        line(lineId).orElseThrow(() -> ProblemException.notFound("Bank line " + lineId));
    Set<Long> named = new HashSet<>();
    detail.candidates().forEach(c -> c.items().forEach(i -> named.add(i.invoiceId())));
    return matches.choices(
        named, Optional.ofNullable(detail.line().customerId()), detail.line().amount().currency());
  }

  public List<CashRecords.InvoiceChoice> invoiceChoicesByNumber(String number, String currency) {
    return number == null || number.isBlank()
        ? List.of()
        : matches.choicesByNumber(number, currency);
  }

  /** Unapplied cash (the queue) per currency, by age since booking. */
  public List<UnappliedCash> unapplied() {
    Map<String, List<AgeBucket>> byCurrency = new LinkedHashMap<>();
    for (StatementQueries.Bucketed b : statements.unapplied(context.today())) {
      byCurrency.computeIfAbsent(b.currency(), c -> new ArrayList<>()).add(b.bucket());
    }
    List<UnappliedCash> out = new ArrayList<>();
    byCurrency.forEach(
        (currency, buckets) ->
            out.add(
                new UnappliedCash(
                    currency,
                    buckets.stream().mapToLong(AgeBucket::lines).sum(),
                    buckets.stream()
                        .map(AgeBucket::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add),
                    buckets)));
    return out;
  }

  // ---------------------------------------------------------------- remittance advices

  /**
   * A remittance advice: a customer says, for their own account, which invoices a payment covers;
   * the BPO enters one for any customer from a mail. The next matching line (by payment reference,
   * or by the customer and amount) applies to those invoices.
   */
  public long addRemittance(NewRemittance request) {
    PortalUser user = context.requireUser();
    CustomerScope.Visibility visibility = scope.current();
    boolean bpo = user.hasRole(Roles.BPO_LEAD) || user.hasRole(Roles.BPO_AGENT);
    if (!bpo && !user.isCustomer()) {
      throw ProblemException.forbidden(
          "Remittance advices are given by customers or entered by the BPO.");
    }
    if (request == null) {
      throw new InvalidFields("Send the advice.", List.of(new FieldError("items", "is required")));
    }
    List<FieldError> errors = new ArrayList<>();
    Long customer = request.customerId();
    if (!bpo) {
      customer =
          visibility
              .account()
              .orElseThrow(
                  () -> ProblemException.forbidden("Your sign-in is not bound to an account."));
    } else if (customer == null || !matches.customerExists(customer)) {
      errors.add(new FieldError("customerId", "no such customer"));
    }
    String reference = request.paymentReference() == null ? "" : request.paymentReference().strip();
    if (reference.length() > 100) {
      errors.add(new FieldError("paymentReference", "at most 100 characters"));
    } else if (!reference.isEmpty()
        && (reference.length() < MIN_ADVICE_REFERENCE || !reference.matches(".*\\d.*"))) {
      // a line is taken for the advice when its reference holds this one: "PAY" would be in many
      errors.add(
          new FieldError(
              "paymentReference",
              "at least "
                  + MIN_ADVICE_REFERENCE
                  + " characters with a digit, so that it names one payment"));
    }
    Optional<BigDecimal> amount =
        request.amount() == null || request.amount().isBlank()
            ? Optional.empty()
            : positiveAmount(request.amount());
    if (request.amount() != null && !request.amount().isBlank() && amount.isEmpty()) {
      errors.add(new FieldError("amount", "must be a positive amount with at most 2 decimals"));
    }
    if (reference.isEmpty() && amount.isEmpty()) {
      errors.add(new FieldError("paymentReference", "give the payment's reference or its amount"));
    }
    if (!isCurrency(request.currency())) {
      errors.add(new FieldError("currency", "must be an ISO 4217 currency code"));
    }
    List<CashRecords.RemittanceItem> items = request.items() == null ? List.of() : request.items();
    if (items.isEmpty() || items.size() > MAX_ALLOCATIONS) {
      errors.add(new FieldError("items", "must name 1 to " + MAX_ALLOCATIONS + " invoices"));
    }
    if (items.stream().anyMatch(java.util.Objects::isNull)) {
      // a list with holes in it (ApiFuzzIT sent [null]): said at the field, not a 500
      throw new InvalidFields(
          "The remittance advice cannot be taken as it is.",
          List.of(new FieldError("items", "must not hold empty entries")));
    }
    Map<Long, long[]> found =
        matches.invoiceCustomers(
            items.stream()
                .map(CashRecords.RemittanceItem::invoiceId)
                .filter(java.util.Objects::nonNull)
                .toList());
    for (int i = 0; i < items.size(); i++) {
      long[] invoice =
          items.get(i).invoiceId() == null ? null : found.get(items.get(i).invoiceId());
      if (invoice == null || (customer != null && invoice[0] != customer)) {
        errors.add(
            new FieldError("items[" + i + "].invoiceId", "no such invoice of this customer"));
      }
      String itemAmount = items.get(i).amount();
      if (itemAmount != null && !itemAmount.isBlank() && positiveAmount(itemAmount).isEmpty()) {
        // was silently stored as "no amount given"
        errors.add(
            new FieldError(
                "items[" + i + "].amount", "must be a positive amount with at most 2 decimals"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The remittance advice cannot be taken as it is.", errors);
    }
    long id =
        matches.insertAdvice(
            customer,
            reference,
            amount.orElse(null),
            request.currency(),
            bpo ? "BPO" : "CUSTOMER",
            user.username());
    Set<Long> seen = new HashSet<>();
    for (CashRecords.RemittanceItem item : items) {
      if (seen.add(item.invoiceId())) {
        matches.insertAdviceItem(id, item.invoiceId(), positiveAmount(item.amount()).orElse(null));
      }
    }
    matchQueuedLineWithAdvice(customer, reference, amount, request.currency());
    return id;
  }

  /**
   * An advice given after its payment arrived: the queued lines it may be for are matched again, as
   * their import would have matched them with the advice there, and the first the advice makes sure
   * is applied by it (the advice is then used); any other line waits as it was.
   */
  private void matchQueuedLineWithAdvice(
      long customer, String reference, Optional<BigDecimal> amount, String currency) {
    CashMatcher.Settings settings = matches.settings();
    for (LineSummary queued :
        statements.queuedLinesForAdvice(
            reference, customer, amount, currency, context.today(), ADVICE_LINES_TRIED)) {
      Line line = facts(queued);
      Decision decision =
          CashMatcher.decide(
              new LineFacts(line.amount(), line.currency()),
              Ledger.evidence(matches, line),
              settings);
      Optional<Proposal> sure = decision.apply().filter(p -> p.rule() == Rule.REMITTANCE);
      if (sure.isPresent()) {
        settleWith(queued.id(), queued.version(), line, sure.get(), AUTO);
        return;
      }
    }
  }

  /**
   * The remittance advices a user may read, newest first: a customer's own, or (for the BPO) every
   * customer's; at most {@code limit}.
   */
  public List<CashRecords.AdviceSummary> remittances(int limit) {
    PortalUser user = context.requireUser();
    CustomerScope.Visibility visibility = scope.current();
    boolean bpo = user.hasRole(Roles.BPO_LEAD) || user.hasRole(Roles.BPO_AGENT);
    if (!bpo && !user.isCustomer()) {
      throw ProblemException.forbidden(
          "Remittance advices are given by customers or entered by the BPO.");
    }
    if (!bpo && visibility.account().isEmpty()) {
      return List.of();
    }
    return matches.advices(
        bpo ? Optional.empty() : visibility.account(), Math.max(1, Math.min(limit, 500)));
  }

  // ---------------------------------------------------------------- helpers

  private PortalUser requireBpo() {
    PortalUser user = context.requireUser();
    if (!user.hasRole(Roles.BPO_LEAD) && !user.hasRole(Roles.BPO_AGENT)) {
      throw ProblemException.forbidden("Cash is applied by the BPO.");
    }
    return user;
  }

  /** A positive amount with at most 2 decimals, read through {@link Decimals}; empty otherwise. */
  static Optional<BigDecimal> positiveAmount(String text) {
    try {
      BigDecimal amount = Decimals.parse(text, Money.MAX_INTEGER_DIGITS, 2);
      return amount.signum() > 0 ? Optional.of(amount.setScale(2)) : Optional.empty();
    } catch (Decimals.Invalid e) {
      return Optional.empty();
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
