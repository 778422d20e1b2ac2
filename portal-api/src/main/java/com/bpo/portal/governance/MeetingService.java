package com.bpo.portal.governance;

import com.bpo.portal.dispute.DisputeFilter;
import com.bpo.portal.dispute.DisputeService;
import com.bpo.portal.dispute.DisputeSort;
import com.bpo.portal.dispute.DisputeSummary;
import com.bpo.portal.scorecard.Rag;
import com.bpo.portal.scorecard.Scorecard;
import com.bpo.portal.scorecard.ScorecardService;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Governance meetings: planned by the BPO lead, read by everyone in governance. The agenda is built
 * when read, from the log (through {@link GovernanceService}, so an agent's agenda holds what they
 * may see), the latest scorecard and the dispute queue, each through its own feature's service.
 * Actions and decisions captured in a meeting are log entries that remember the meeting.
 */
@TenantService
public class MeetingService {
  static final int AGED_DISPUTE_DAYS = 30;

  @Inject TenantContext context;
  @Inject MeetingQueries meetings;
  @Inject GovernanceService log;
  @Inject ScorecardService scorecards;
  @Inject DisputeService disputes;

  /** A keyset page of meetings, most recent first. */
  public Page<MeetingSummary> list(PageRequest page) {
    readable();
    return meetings.list(page);
  }

  public MeetingDetail create(MeetingForm form) {
    manageable();
    List<FieldError> errors = new ArrayList<>();
    if (form == null || form.type() == null) {
      errors.add(new FieldError("type", "must be one of " + List.of(MeetingType.values())));
    }
    String title = form == null ? "" : EntryRules.text(form.title());
    if (title.isEmpty() || title.length() > 200) {
      errors.add(new FieldError("title", "must be 1 to 200 characters"));
    }
    if (form == null
        || form.heldOn() == null
        || form.heldOn().getYear() < 2000
        || form.heldOn().getYear() > 2100) {
      errors.add(new FieldError("heldOn", "must be a date between 2000 and 2100"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The meeting cannot be planned as it is.", errors);
    }
    long id = meetings.insert(form.type(), title, form.heldOn(), context.requireUser().username());
    return find(id).orElseThrow();
  }

  public Optional<MeetingDetail> find(long id) {
    Actor actor = readable();
    Optional<MeetingQueries.Stored> stored = meetings.find(id);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    MeetingSummary meeting = stored.get().summary();
    EntryFilter ofMeeting =
        new EntryFilter(
            Set.of(),
            Set.of(),
            Set.of(),
            Optional.empty(),
            false,
            Optional.empty(),
            Optional.of(id));
    List<EntrySummary> captured =
        log.list(ofMeeting, EntrySort.DUE, PageRequest.of(500, null)).items();
    return Optional.of(
        new MeetingDetail(
            meeting,
            stored.get().minutes(),
            meetings.attendees(id),
            agenda(meeting),
            captured,
            GovernanceRules.managesMeetings(actor)));
  }

  private MeetingDetail.Agenda agenda(MeetingSummary meeting) {
    EntryFilter live =
        new EntryFilter(
            Set.of(),
            EntryStatus.LIVE,
            Set.of(),
            Optional.empty(),
            false,
            Optional.empty(),
            Optional.empty());
    // soonest due first: the overdue ones lead the agenda
    List<EntrySummary> open = log.list(live, EntrySort.DUE, PageRequest.of(50, null)).items();
    List<EntrySummary> actions = log.actionsChangedSince(meeting.heldOn().minusMonths(1), 30);

    String period = null;
    List<MeetingDetail.RedKpi> red = new ArrayList<>();
    Optional<ScorecardService.Latest> latest = scorecards.latest();
    if (latest.isPresent()) {
      Scorecard card = scorecards.scorecard(latest.get().period());
      period = card.period();
      for (Scorecard.Kpi k : card.kpis()) {
        if (k.rag() == Rag.RED) {
          red.add(new MeetingDetail.RedKpi(k.code(), k.name(), k.actual(), k.target()));
        }
      }
    }

    LocalDate today = log.today();
    DisputeFilter aged = DisputeFilter.openAtLeastDaysOld(AGED_DISPUTE_DAYS);
    List<MeetingDetail.AgedDispute> agedDisputes = new ArrayList<>();
    Map<String, String> reasonLabels = new HashMap<>();
    disputes.reasons(true).forEach(r -> reasonLabels.put(r.code(), r.label()));
    for (DisputeSummary d :
        disputes
            .list(aged, new DisputeSort(DisputeSort.Key.RAISED, false), PageRequest.of(15, null))
            .items()) {
      LocalDate raised = d.raisedAt().toLocalDate();
      agedDisputes.add(
          new MeetingDetail.AgedDispute(
              d.id(),
              d.number(),
              d.customerNumber() + " · " + d.customerName(),
              d.reasonCode(),
              reasonLabels.getOrDefault(d.reasonCode(), d.reasonCode()),
              d.disputed(),
              raised,
              ChronoUnit.DAYS.between(raised, today)));
    }
    return new MeetingDetail.Agenda(open, actions, period, red, agedDisputes);
  }

  /** Writes the minutes, checking the version the caller saw. */
  public MeetingDetail saveMinutes(long id, String minutes, Long version) {
    manageable();
    String text = minutes == null ? "" : minutes.strip();
    if (text.length() > 50_000) {
      throw new InvalidFields(
          "The minutes are too long.",
          List.of(new FieldError("minutes", "must be at most 50000 characters")));
    }
    if (version == null) {
      throw new InvalidFields(
          "Send the version you last saw.", List.of(new FieldError("version", "is required")));
    }
    requireMeeting(id);
    if (!meetings.saveMinutes(id, text, version)) {
      throw new ProblemException(
          "conflict",
          "Changed meanwhile",
          409,
          "Someone changed these minutes meanwhile. Reload the meeting and try again.");
    }
    return find(id).orElseThrow();
  }

  public MeetingDetail addAttendee(long id, String name, String organisation) {
    manageable();
    requireMeeting(id);
    String who = EntryRules.text(name);
    List<FieldError> errors = new ArrayList<>();
    if (who.isEmpty() || who.length() > 200) {
      errors.add(new FieldError("name", "must be 1 to 200 characters"));
    }
    if (!"BPO".equals(organisation) && !"CLIENT".equals(organisation)) {
      errors.add(new FieldError("organisation", "must be BPO or CLIENT"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFields("The attendee cannot be added.", errors);
    }
    meetings.insertAttendee(id, who, organisation);
    return find(id).orElseThrow();
  }

  public MeetingDetail removeAttendee(long id, long attendeeId) {
    manageable();
    requireMeeting(id);
    if (!meetings.deleteAttendee(id, attendeeId)) {
      throw ProblemException.notFound("Attendee " + attendeeId);
    }
    return find(id).orElseThrow();
  }

  /**
   * An action or a decision taken in the meeting, logged as an entry that remembers the meeting.
   */
  public EntryDetail capture(long id, EntryForm form) {
    manageable();
    requireMeeting(id);
    if (form != null && form.type() != EntryType.ACTION && form.type() != EntryType.DECISION) {
      throw new InvalidFields(
          "A meeting captures actions and decisions.",
          List.of(new FieldError("type", "must be ACTION or DECISION")));
    }
    return log.create(form, id);
  }

  private void requireMeeting(long id) {
    if (!meetings.exists(id)) {
      throw ProblemException.notFound("Meeting " + id);
    }
  }

  private Actor readable() {
    Actor actor = log.actor();
    if (!GovernanceRules.readsMeetings(actor)) {
      throw ProblemException.forbidden("Your role does not read meetings.");
    }
    return actor;
  }

  private void manageable() {
    if (!GovernanceRules.managesMeetings(log.actor())) {
      throw ProblemException.forbidden(
          "Only the BPO lead plans meetings and writes their minutes.");
    }
  }
}
