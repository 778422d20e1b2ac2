package com.bpo.portal.procedure;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Markdown to HTML that is safe to put in a page, in two independent layers: CommonMark escapes any
 * raw HTML in the source (it becomes text) and drops unsafe link targets; then the OWASP sanitizer
 * keeps only the elements Markdown produces, links only to http, https and mailto, and never a
 * script, style, event handler, image or frame. Either layer alone would stop the usual attacks.
 */
public final class SafeMarkdown {
  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer HTML =
      HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true).build();
  private static final TextContentRenderer TEXT =
      TextContentRenderer.builder().extensions(EXTENSIONS).build();

  static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "p",
              "h1",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "ul",
              "ol",
              "li",
              "strong",
              "em",
              "del",
              "code",
              "pre",
              "blockquote",
              "hr",
              "br",
              "table",
              "thead",
              "tbody",
              "tr",
              "th",
              "td",
              "a")
          .allowAttributes("href")
          .onElements("a")
          .allowUrlProtocols("http", "https", "mailto")
          .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
          .allowAttributes("align")
          .matching(Pattern.compile("left|center|right"))
          .onElements("th", "td")
          .allowAttributes("start")
          .matching(Pattern.compile("[0-9]{1,6}"))
          .onElements("ol")
          .allowAttributes("class")
          .matching(Pattern.compile("language-[A-Za-z0-9_+-]{1,30}"))
          .onElements("code")
          .toFactory();

  private SafeMarkdown() {}

  /** The Markdown as sanitised HTML (one fragment, no outer element). */
  public static String toHtml(String markdown) {
    Node document = PARSER.parse(markdown == null ? "" : markdown);
    return POLICY.sanitize(HTML.render(document));
  }

  /** The words a reader sees, without Markdown syntax: what full-text search indexes and quotes. */
  public static String toPlainText(String markdown) {
    String text = TEXT.render(PARSER.parse(markdown == null ? "" : markdown));
    // the private-use characters are search's highlight markers (ProcedureSearch): never let
    // content fake one
    return text.replace(ProcedureSearch.START, ' ').replace(ProcedureSearch.STOP, ' ');
  }
}
