package com.bpo.portal.limits;

import java.time.Duration;
import java.time.Instant;

/**
 * A fixed time window of a rate limit: when the one holding {@code now} began, and how long until
 * it ends.
 */
record Window(Instant start, long secondsLeft) {
  static Window at(Instant now, Duration length) {
    long size = length.toMillis();
    long startMillis = Math.floorDiv(now.toEpochMilli(), size) * size;
    long leftMillis = startMillis + size - now.toEpochMilli();
    return new Window(Instant.ofEpochMilli(startMillis), Math.max(1, (leftMillis + 999) / 1000));
  }
}
