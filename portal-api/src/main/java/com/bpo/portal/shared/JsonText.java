package com.bpo.portal.shared;

/**
 * A string as a JSON string literal, for the few places that write JSON without a JSON library on
 * their class path: the command line (tenant commands sent to the admin API, the demo seeder's cash
 * reasons). Quotes, backslashes and control characters are escaped; everything else is written as
 * it is (JSON text is Unicode). Elsewhere JSON-B and JSON-P write JSON.
 */
public final class JsonText {
  private JsonText() {}

  public static String quoted(String value) {
    return quoted(new StringBuilder(value.length() + 2), value).toString();
  }

  /** Appends {@code value} as a JSON string literal to {@code out}, and returns {@code out}. */
  public static StringBuilder quoted(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (ch < 0x20) {
            out.append(String.format("\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.append('"');
  }
}
