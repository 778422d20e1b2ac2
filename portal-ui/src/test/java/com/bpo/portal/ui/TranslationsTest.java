package com.bpo.portal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every screen text exists in English and in French, and no French entry is left
 * untranslated-empty.
 */
class TranslationsTest {
  private static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  @Test
  void frenchHasExactlyTheEnglishKeys() throws IOException {
    Set<String> english = new TreeSet<>(bundle("translations.properties").stringPropertyNames());
    Set<String> french = new TreeSet<>(bundle("translations_fr.properties").stringPropertyNames());
    assertEquals(english, french);
  }

  @Test
  void noTranslationIsBlank() throws IOException {
    for (String name : new String[] {"translations.properties", "translations_fr.properties"}) {
      Properties p = bundle(name);
      for (String key : p.stringPropertyNames()) {
        assertTrue(!p.getProperty(key).isBlank(), name + ": " + key);
      }
    }
  }
}
