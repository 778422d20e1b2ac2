package com.bpo.portal.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WindowTest {
  private static final Duration MINUTE = Duration.ofSeconds(60);

  @Test
  void aWindowStartsOnItsBoundaryAndSaysHowLongIsLeft() {
    Window w = Window.at(Instant.parse("2026-11-23T13:04:15.200Z"), MINUTE);
    assertEquals(Instant.parse("2026-11-23T13:04:00Z"), w.start());
    assertEquals(45, w.secondsLeft(), "44.8 s rounds up: retrying earlier would be refused again");
  }

  @Test
  void theFirstInstantOfAWindowHasAllOfItLeft() {
    Window w = Window.at(Instant.parse("2026-11-23T13:05:00Z"), MINUTE);
    assertEquals(Instant.parse("2026-11-23T13:05:00Z"), w.start());
    assertEquals(60, w.secondsLeft());
  }

  @Test
  void neverLessThanOneSecondToWait() {
    assertEquals(1, Window.at(Instant.parse("2026-11-23T13:05:59.999Z"), MINUTE).secondsLeft());
  }
}
