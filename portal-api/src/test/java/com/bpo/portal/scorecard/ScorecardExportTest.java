package com.bpo.portal.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class ScorecardExportTest {
  @Test
  void theMonthIsWrittenAsItsNameInTheTenantsLanguage() {
    assertEquals("October 2026", ScorecardExport.monthName("2026-10", Locale.ENGLISH));
    assertEquals("octobre 2026", ScorecardExport.monthName("2026-10", Locale.FRENCH));
  }

  @Test
  void aStandardKpiReadsByItsNameAndATenantsOwnKeepsItsContractName() {
    ResourceBundle french =
        ResourceBundle.getBundle(
            "documents.scorecard",
            Locale.FRENCH,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    assertEquals(
        "Litiges résolus dans les délais",
        ScorecardExport.kpiName("DISPUTE_RESOLUTION_SLA", "x", french));
    assertEquals(
        "Cash posted same day",
        ScorecardExport.kpiName("SAME_DAY_CASH", "Cash posted same day", french));
  }

  @Test
  void frenchPutsANoBreakSpaceBeforeTheColon() {
    ResourceBundle french =
        ResourceBundle.getBundle(
            "documents.scorecard",
            Locale.FRENCH,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    assertEquals(
        "Statut\u00a0: Publié",
        java.text.MessageFormat.format(french.getString("label"), "Statut", "Publié"));
  }
}
