package com.bpo.portal.governance;

import java.time.LocalDate;

/** A row of the meeting list. */
public record MeetingSummary(
    long id,
    MeetingType type,
    String title,
    LocalDate heldOn,
    int attendees,
    int captured,
    long version) {}
