package com.bpo.portal.procedure;

import java.util.Locale;

/**
 * The safe half of search snippets. PostgreSQL's {@code ts_headline} marks the matched words with
 * two private-use characters that content can never contain ({@link SafeMarkdown#toPlainText}
 * strips them); the whole snippet is then HTML-escaped, and only those markers become {@code
 * <mark>} elements. Nothing the author wrote can become markup.
 */
public final class ProcedureSearch {
  public static final char START = '\uE000';
  public static final char STOP = '\uE001';
  static final String HEADLINE_OPTIONS =
      "StartSel=\""
          + START
          + "\", StopSel=\""
          + STOP
          + "\", MaxWords=30, MinWords=10, MaxFragments=2, FragmentDelimiter=\" … \"";

  private ProcedureSearch() {}

  /** The snippet as HTML: escaped text with {@code <mark>} around the matches, balanced. */
  public static String snippetHtml(String headline) {
    StringBuilder html = new StringBuilder();
    boolean open = false;
    for (char c : (headline == null ? "" : headline).toCharArray()) {
      switch (c) {
        case START -> {
          if (!open) {
            html.append("<mark>");
            open = true;
          }
        }
        case STOP -> {
          if (open) {
            html.append("</mark>");
            open = false;
          }
        }
        case '<' -> html.append("&lt;");
        case '>' -> html.append("&gt;");
        case '&' -> html.append("&amp;");
        case '"' -> html.append("&quot;");
        case '\'' -> html.append("&#39;");
        default -> html.append(c);
      }
    }
    if (open) {
      html.append("</mark>");
    }
    return html.toString();
  }

  /**
   * The text search configuration for a tenant's language: stemming in the language the procedures
   * are written in.
   */
  public static String configFor(String locale) {
    String language = locale == null ? "" : Locale.forLanguageTag(locale).getLanguage();
    return switch (language) {
      case "fr" -> "french";
      case "de" -> "german";
      case "es" -> "spanish";
      default -> "english";
    };
  }
}
