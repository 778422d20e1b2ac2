package com.bpo.portal.collection;

import com.bpo.portal.shared.Money;
import java.time.OffsetDateTime;

/**
 * One line of an account's collections timeline: an activity, a promise, a notice, a dispute or a
 * payment, newest first. {@code kind} says which (ACTIVITY_CALL, PROMISE, NOTICE, DISPUTE,
 * PAYMENT...), {@code title} names it (the contact, the promised date, the letter's template, the
 * dispute's or the payment's reference), {@code status} is a code of its kind (a call's outcome, a
 * promise's or a notice's status, a dispute's status), {@code note} free text (an activity's note,
 * a notice's level), {@code refId} the row it comes from.
 */
public record TimelineEntry(
    OffsetDateTime at,
    String kind,
    long refId,
    String title,
    String status,
    String note,
    Money amount,
    String by) {}
