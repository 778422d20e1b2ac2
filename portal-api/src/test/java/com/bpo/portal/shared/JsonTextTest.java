package com.bpo.portal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTextTest {
  private static String readBack(String literal) {
    try (var reader = Json.createReader(new StringReader("[" + literal + "]"))) {
      return reader.readArray().getString(0);
    }
  }

  @Test
  void everyCharacterComesBackAsItWasWritten() {
    StringBuilder all = new StringBuilder();
    for (char ch = 0; ch < 0x80; ch++) {
      all.append(ch);
    }
    all.append("é Ω 😀 \u2028 \u2029");
    assertEquals(all.toString(), readBack(JsonText.quoted(all.toString())));
  }

  @Test
  void randomTextComesBackAsItWasWritten() {
    Random random = new Random(42);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder s = new StringBuilder();
      for (int n = random.nextInt(20); n > 0; n--) {
        s.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0xD800)));
      }
      assertEquals(s.toString(), readBack(JsonText.quoted(s.toString())), "text " + i);
    }
  }

  @Test
  void quotesAndControlsAreEscaped() {
    assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", JsonText.quoted("a\"b\\c\n\u0001"));
  }
}
