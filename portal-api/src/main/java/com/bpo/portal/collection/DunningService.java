package com.bpo.portal.collection;

import com.bpo.portal.invoice.CustomerScope;
import com.bpo.portal.mail.MailOutbox;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Dunning runs: the day's run proposes notices per customer and level ({@link DunningProposal}),
 * steps that need no release (or every step, when the tenant releases automatically) go out at
 * once, and a lead releases the rest. A released notice writing to the customer goes through the
 * mail outbox in the customer's language with its PDF letter; a call or escalation step makes a
 * task; a credit-hold step puts the account on hold. Customers read the notices they were sent.
 */
@TenantService
public class DunningService {
  @Inject TenantContext context;
  @Inject CustomerScope scope;
  @Inject DunningQueries dunning;
  @Inject StrategyQueries strategies;
  @Inject AccountQueries accounts;
  @Inject ActivityQueries activities;
  @Inject MailOutbox outbox;
  @Inject CollectionService collections;

  private record Proposed(DunningQueries.Candidate account, List<DunningProposal.Notice> notices) {}

  /**
   * The run of {@code day}: made if missing, otherwise found (and locked, so two at once wait for
   * each other), completed with whatever is not proposed yet. A released run is left as it is.
   */
  public DunningRun.Result run(LocalDate day) {
    collections.requireLead();
    String by = context.requireUser().username();
    DunningQueries.RunHead head = dunning.lockRun(day, by);
    if ("RELEASED".equals(head.status())) {
      return new DunningRun.Result(dunning.run(head.id()).orElseThrow(), 0, 0);
    }
    List<Strategy> all = strategies.all();
    List<Strategy> inForce = StrategyEngine.inForce(all, day);
    if (inForce.isEmpty()) {
      return new DunningRun.Result(dunning.run(head.id()).orElseThrow(), 0, 0);
    }
    int earliest =
        inForce.stream()
            .flatMap(s -> s.steps().stream())
            .mapToInt(Strategy.Step::dayOffset)
            .min()
            .orElse(0);
    List<Proposed> proposed = new ArrayList<>();
    List<DunningQueries.Candidate> current = new ArrayList<>();
    dunning.candidates(
        day.minusDays(earliest),
        candidate -> {
          if (!current.isEmpty() && current.get(0).accountId() != candidate.accountId()) {
            propose(current, inForce, day, proposed);
            current.clear();
          }
          current.add(candidate);
        });
    propose(current, inForce, day, proposed);

    boolean autoRelease = accounts.settings().autoRelease();
    // every notice in one statement, every line in another, then the new notices' totals in one
    // more (and a re-total of notices an earlier call made): a run writes tens of thousands of
    // lines, and three statements per notice cost most of a large tenant's run
    List<DunningQueries.Proposed> notices = new ArrayList<>();
    for (Proposed p : proposed) {
      for (DunningProposal.Notice notice : p.notices()) {
        notices.add(
            new DunningQueries.Proposed(
                p.account().accountId(),
                notice,
                p.account().language(),
                p.account().currency(),
                notice.exclusion().isPresent() ? "EXCLUDED" : "PROPOSED"));
      }
    }
    Map<DunningQueries.NoticeKey, DunningQueries.Written> written =
        dunning.insertNotices(head.id(), notices);
    Map<Long, DunningProposal.Notice> byId = new java.util.LinkedHashMap<>();
    for (DunningQueries.Proposed p : notices) {
      byId.put(
          written.get(new DunningQueries.NoticeKey(p.accountId(), p.notice().level())).id(),
          p.notice());
    }
    Map<Long, DunningQueries.Added> lines = dunning.insertLines(byId);
    Map<Long, DunningQueries.Added> toNew = new java.util.LinkedHashMap<>();
    List<Long> toEarlier = new ArrayList<>();
    for (DunningQueries.Written w : written.values()) {
      if (lines.containsKey(w.id())) {
        if (w.added()) {
          toNew.put(w.id(), lines.get(w.id()));
        } else {
          toEarlier.add(w.id());
        }
      }
    }
    dunning.settle(toNew);
    dunning.retotal(toEarlier);
    int noticesAdded =
        (int) written.values().stream().filter(DunningQueries.Written::added).count();
    int linesAdded = lines.values().stream().mapToInt(DunningQueries.Added::lines).sum();
    for (DunningQueries.Proposed p : notices) {
      DunningQueries.Written notice =
          written.get(new DunningQueries.NoticeKey(p.accountId(), p.notice().level()));
      if (notice.added()
          && p.status().equals("PROPOSED")
          && (autoRelease || !p.notice().step().needsRelease())) {
        dunning
            .notice(notice.id())
            .filter(n -> n.status().equals("PROPOSED"))
            .ifPresent(n -> execute(n, day));
      }
    }
    if (autoRelease && noticesAdded > 0) {
      dunning.markRun(head.id(), CollectionService.SYSTEM);
    }
    return new DunningRun.Result(dunning.run(head.id()).orElseThrow(), noticesAdded, linesAdded);
  }

  private static void propose(
      List<DunningQueries.Candidate> invoices,
      List<Strategy> strategies,
      LocalDate day,
      List<Proposed> into) {
    if (invoices.isEmpty()) {
      return;
    }
    DunningQueries.Candidate first = invoices.get(0);
    List<DunningProposal.Notice> notices =
        DunningProposal.propose(
            new DunningProposal.Account(
                first.accountId(), first.risk(), first.type(), first.onHold()),
            invoices.stream().map(DunningQueries.Candidate::invoice).toList(),
            strategies,
            day);
    if (!notices.isEmpty()) {
      into.add(new Proposed(first, notices));
    }
  }

  /** A lead releases a proposed run (with the version read): each proposed notice goes out. */
  public DunningRun.Detail release(long runId, Long version) {
    collections.requireLead();
    DunningQueries.RunHead head =
        dunning.lockRun(runId).orElseThrow(() -> ProblemException.notFound("Run " + runId));
    if (version == null || version != head.version()) {
      throw new ProblemException(
          "conflict",
          "Changed meanwhile",
          409,
          "The run changed meanwhile (version " + head.version() + "). Reload it.");
    }
    if ("RELEASED".equals(head.status())) {
      throw new ProblemException(
          "conflict", "Released already", 409, "This run was released already.");
    }
    LocalDate today = context.today();
    for (Notice notice : dunning.noticesOfRun(runId)) {
      if (notice.status().equals("PROPOSED")) {
        execute(notice, today);
      }
    }
    dunning.markRun(runId, context.requireUser().username());
    return detail(runId).orElseThrow();
  }

  private void execute(Notice notice, LocalDate today) {
    Locale locale = DunningLetter.locale(notice.language());
    String title = DunningLetter.title(notice.templateKey(), locale);
    switch (notice.action()) {
      case MAIL, LETTER -> {
        Optional<String> recipient = accounts.recipient(notice.accountId());
        if (recipient.isEmpty()) {
          task(
              notice,
              "No mail address for "
                  + title
                  + " (level "
                  + notice.level()
                  + "): send it another way.",
              today);
          dunning.markNotice(notice.id(), "DONE", null);
          return;
        }
        String tenant = context.requireTenant().name();
        byte[] pdf = DunningLetter.render(notice, tenant, today);
        int invoices = (int) notice.lines().stream().filter(l -> l.exclusion() == null).count();
        outbox.enqueue(
            recipient.get(),
            CollectionMail.text(locale, "notice.subject", tenant, title, notice.accountNumber()),
            CollectionMail.text(
                locale,
                "notice.body",
                DunningLetter.intro(notice.templateKey(), locale),
                DunningLetter.money(notice.total(), locale),
                invoices,
                tenant),
            new MailOutbox.Attachment(fileName(notice), "application/pdf", pdf));
        activities.insert(
            notice.accountId(),
            new Activity.New(
                notice.action() == StepAction.MAIL ? ActivityKind.MAIL : ActivityKind.LETTER,
                recipient.get(),
                null,
                title + " (level " + notice.level() + ")",
                null),
            CollectionService.SYSTEM);
        dunning.markNotice(notice.id(), "SENT", recipient.get());
      }
      case CALL_TASK, ESCALATION -> {
        task(
            notice,
            (notice.action() == StepAction.CALL_TASK
                    ? "Call the customer"
                    : "Escalate to the client")
                + " (dunning level "
                + notice.level()
                + ")",
            today);
        dunning.markNotice(notice.id(), "DONE", null);
      }
      case CREDIT_HOLD -> {
        accounts.hold(notice.accountId(), "Credit hold from dunning level " + notice.level());
        task(notice, "Account put on credit hold (level " + notice.level() + ")", today);
        dunning.markNotice(notice.id(), "DONE", null);
      }
      default -> throw new IllegalStateException("Unknown action " + notice.action());
    }
  }

  private void task(Notice notice, String note, LocalDate today) {
    activities.insert(
        notice.accountId(),
        new Activity.New(ActivityKind.TASK, null, null, note, today),
        CollectionService.SYSTEM);
    accounts.contacted(notice.accountId(), today, false);
  }

  static String fileName(Notice notice) {
    return "notice-"
        + notice.accountNumber().replaceAll("[^A-Za-z0-9-]", "")
        + "-"
        + notice.runDate()
        + "-L"
        + notice.level()
        + ".pdf";
  }

  public Page<DunningRun> runs(PageRequest page) {
    collections.requireStaff();
    return dunning.runs(page);
  }

  public Optional<DunningRun.Detail> detail(long runId) {
    collections.requireStaff();
    return dunning.run(runId).map(run -> new DunningRun.Detail(run, dunning.noticesOfRun(runId)));
  }

  /**
   * Notices of an account: a customer sees the ones sent to their own account (and names none), the
   * BPO any account's.
   */
  public Page<Notice> notices(Optional<Long> accountId, PageRequest page) {
    PortalUser user = context.requireUser();
    if (user.isCustomer()) {
      Optional<Long> own = scope.current().account();
      if (own.isEmpty() || (accountId.isPresent() && !accountId.equals(own))) {
        return new Page<>(List.of(), null);
      }
      return dunning.noticesOfAccount(own.get(), true, page);
    }
    collections.requireStaff();
    long account =
        accountId.orElseThrow(
            () ->
                new ProblemException(
                    "validation", "Invalid request", 400, "Name the account: ?account=<id>."));
    return dunning.noticesOfAccount(account, false, page);
  }

  /** One notice: the BPO any, a customer one sent to their account (anything else is not found). */
  public Optional<Notice> notice(long id) {
    PortalUser user = context.requireUser();
    Optional<Notice> notice = dunning.notice(id);
    if (user.isCustomer()) {
      return notice.filter(n -> n.status().equals("SENT") && scope.current().sees(n.accountId()));
    }
    collections.requireStaff();
    return notice;
  }

  /** The notice's letter as it was sent (dated the run's day). */
  public Optional<byte[]> letter(long id) {
    return notice(id)
        .filter(n -> n.action().writesToCustomer())
        .map(n -> DunningLetter.render(n, context.requireTenant().name(), n.runDate()));
  }
}
