package com.bpo.portal.procedure;

import java.time.LocalDate;

/**
 * A step on a version, with its lock version last seen; a note (required to send a version back),
 * and for {@code MAKE_EFFECTIVE} the date from which it is in force (today when absent).
 */
public record StepRequest(
    VersionAction action, Long version, String note, LocalDate effectiveFrom) {}
