package com.bpo.portal.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.ProblemException;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class ScorecardPeriodTest {
  private static final YearMonth NOW = YearMonth.of(2026, 12);

  @Test
  void aMonthFrom2000ToTheCurrentMonthIsAccepted() {
    assertEquals(YearMonth.of(2000, 1), ScorecardService.month("2000-01", NOW));
    assertEquals(NOW, ScorecardService.month(" 2026-12 ", NOW));
  }

  @Test
  void aMonthOutsideTheSaneRangeIsRefusedWith422() {
    for (String period : new String[] {"9999-12", "1900-01", "1999-12", "2027-01", "+99999-01"}) {
      ProblemException refused =
          assertThrows(ProblemException.class, () -> ScorecardService.month(period, NOW));
      assertEquals(422, refused.toProblem().status(), period);
    }
  }

  @Test
  void somethingThatIsNoMonthIsABadRequest() {
    for (String period : new String[] {"2026-13", "2026-1", "26-01", "", null}) {
      assertEquals(
          400,
          assertThrows(InvalidFields.class, () -> ScorecardService.month(period, NOW))
              .toProblem()
              .status());
    }
  }
}
