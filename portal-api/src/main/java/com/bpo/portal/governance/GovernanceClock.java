package com.bpo.portal.governance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The clock "today" is read from, so that tests can fix it: the escalation round's day boundaries
 * depend on nothing else.
 */
@ApplicationScoped
public class GovernanceClock {
  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }
}
