package com.bpo.portal.governance;

import java.time.LocalDate;

/** A new meeting. */
public record MeetingForm(MeetingType type, String title, LocalDate heldOn) {}
