package com.bpo.portal.collection;

import com.bpo.portal.shared.Money;
import java.time.OffsetDateTime;

/**
 * One line of an account's collections timeline: an activity, a promise, a notice, a dispute or a
 * payment, newest first. {@code kind} says which, {@code detail} what it was (an outcome, a status,
 * a level, a reference), {@code refId} the row it comes from.
 */
public record TimelineEntry(OffsetDateTime at, String kind, long refId, String title, String detail, Money amount,
                            String by) {}
