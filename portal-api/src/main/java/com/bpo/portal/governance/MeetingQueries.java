package com.bpo.portal.governance;

import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.sql.Keyset;
import com.bpo.portal.shared.sql.Row;
import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The SQL of governance meetings and their attendees. */
@ApplicationScoped
class MeetingQueries {
  private static final String SUMMARY =
      """
      select m.id, m.type, m.title, m.held_on, m.version, m.minutes,
             (select count(*) from governance_attendee a where a.tenant_id = m.tenant_id and a.meeting_id = m.id)
               as attendees,
             (select count(*) from governance_entry e where e.tenant_id = m.tenant_id and e.meeting_id = m.id)
               as captured
      from governance_meeting m where m.tenant_id = :tenant""";

  @Inject TenantSql sql;

  /** A meeting as stored: its summary and minutes. */
  record Stored(MeetingSummary summary, String minutes) {}

  Page<MeetingSummary> list(PageRequest page) {
    return sql.sql(SUMMARY)
        .keyset(Keyset.descending("m.held_on", "m.id", LocalDate::parse), page)
        .page(MeetingQueries::summary, m -> List.of(m.heldOn().toString(), String.valueOf(m.id())));
  }

  Optional<Stored> find(long id) {
    return sql.sql(SUMMARY + " and m.id = :id")
        .bind("id", id)
        .optional(r -> new Stored(summary(r), r.string("minutes")));
  }

  boolean exists(long id) {
    return sql.sql("select 1 as one from governance_meeting where tenant_id = :tenant and id = :id")
        .bind("id", id)
        .optional(r -> r.intValue("one"))
        .isPresent();
  }

  long insert(MeetingType type, String title, LocalDate heldOn, String createdBy) {
    return sql.sql(
            "insert into governance_meeting (tenant_id, type, title, held_on, created_by)"
                + " values (:tenant, :type, :title, :heldOn, :createdBy) returning id")
        .bind("type", type)
        .bind("title", title)
        .bind("heldOn", heldOn)
        .bind("createdBy", createdBy)
        .one(r -> r.longValue("id"));
  }

  /** Writes the minutes if the meeting is still at {@code version}; false otherwise. */
  boolean saveMinutes(long id, String minutes, long version) {
    return sql.sql(
                "update governance_meeting set minutes = :minutes, version = version + 1"
                    + " where tenant_id = :tenant and id = :id and version = :version")
            .bind("id", id)
            .bind("minutes", minutes)
            .bind("version", version)
            .update()
        > 0;
  }

  List<MeetingDetail.Attendee> attendees(long meetingId) {
    return sql.sql(
            "select id, name, organisation from governance_attendee where tenant_id = :tenant"
                + " and meeting_id = :meeting order by organisation, name, id")
        .bind("meeting", meetingId)
        .list(
            r ->
                new MeetingDetail.Attendee(
                    r.longValue("id"), r.string("name"), r.string("organisation")));
  }

  void insertAttendee(long meetingId, String name, String organisation) {
    sql.sql(
            "insert into governance_attendee (tenant_id, meeting_id, name, organisation)"
                + " values (:tenant, :meeting, :name, :organisation)")
        .bind("meeting", meetingId)
        .bind("name", name)
        .bind("organisation", organisation)
        .update();
  }

  boolean deleteAttendee(long meetingId, long attendeeId) {
    return sql.sql(
                "delete from governance_attendee where tenant_id = :tenant and meeting_id = :meeting"
                    + " and id = :id")
            .bind("meeting", meetingId)
            .bind("id", attendeeId)
            .update()
        > 0;
  }

  private static MeetingSummary summary(Row r) {
    return new MeetingSummary(
        r.longValue("id"),
        r.enumValue("type", MeetingType.class),
        r.string("title"),
        r.date("held_on"),
        r.intValue("attendees"),
        r.intValue("captured"),
        r.longValue("version"));
  }
}
