package com.bpo.portal.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.shared.OutageFilter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The page shown while the database is away speaks the browser's language, from the screens'
 * bundles.
 */
class OutagePageTest {
  @Test
  void inFrenchForAFrenchBrowser() {
    String page = OutageFilter.page(Locale.FRANCE, "/");
    assertTrue(page.contains("Momentanément indisponible"), page);
    assertTrue(page.contains("Réessayer"), page);
    assertTrue(page.contains("lang='fr'"), page);
  }

  @Test
  void inEnglishOtherwise() {
    String page = OutageFilter.page(Locale.GERMAN, "/");
    assertTrue(page.contains("Temporarily unavailable"), page);
    assertTrue(page.contains("Try again"), page);
  }
}
