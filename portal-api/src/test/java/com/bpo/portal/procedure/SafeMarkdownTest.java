package com.bpo.portal.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SafeMarkdownTest {
  /**
   * An attribute starting with "on" inside a real tag (escaped text like "&lt;img onerror" is
   * harmless).
   */
  private static final Pattern EVENT_HANDLER =
      Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

  private static void assertSafe(String markdown) {
    String html = SafeMarkdown.toHtml(markdown);
    String lower = html.toLowerCase(Locale.ROOT);
    assertFalse(lower.contains("<script"), html);
    assertFalse(lower.contains("<img"), html);
    assertFalse(lower.contains("<iframe"), html);
    assertFalse(lower.contains("<svg"), html);
    assertFalse(lower.contains("<style"), html);
    assertFalse(lower.contains("<object"), html);
    assertFalse(lower.contains("href=\"javascript"), html);
    assertFalse(lower.contains("href=\"data"), html);
    assertFalse(lower.contains("href=\"vbscript"), html);
    assertFalse(lower.contains("src="), html);
    assertFalse(EVENT_HANDLER.matcher(html).find(), html);
  }

  @Test
  void markdownBecomesTheUsualHtml() {
    String html =
        SafeMarkdown.toHtml(
            "# Cash application\n\n1. Match **remittance**\n2. Post _cash_\n\n"
                + "| Step | Owner |\n|---|---|\n| Match | Agent |\n\n[Policy](https://example.com/policy)");
    assertTrue(html.contains("<h1>Cash application</h1>"), html);
    assertTrue(html.contains("<strong>remittance</strong>"), html);
    assertTrue(html.contains("<em>cash</em>"), html);
    assertTrue(html.contains("<table>"), html);
    assertTrue(html.contains("<td>Agent</td>"), html);
    assertTrue(html.contains("href=\"https://example.com/policy\""), html);
    // the sanitiser writes the three rel values in no fixed order
    assertTrue(
        Pattern.compile("rel=\"(?=[^\"]*noreferrer)(?=[^\"]*noopener)(?=[^\"]*nofollow)[^\"]*\"")
            .matcher(html)
            .find(),
        html);
  }

  @Test
  void scriptTagsBecomeText() {
    assertSafe("<script>alert('x')</script>");
    assertSafe("Hello <SCRIPT src=//evil.example/x.js></SCRIPT> world");
    assertTrue(SafeMarkdown.toHtml("<script>alert(1)</script>").contains("&lt;script&gt;"));
  }

  @Test
  void javascriptAndDataLinksLoseTheirTarget() {
    assertSafe("[click](javascript:alert(1))");
    assertSafe("[click](JaVaScRiPt:alert(1))");
    assertSafe("[click](  javascript:alert(1) )");
    assertSafe("[click](java&#x09;script:alert(1))");
    assertSafe("[click](&#106;avascript:alert(1))");
    assertSafe("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)");
    assertSafe("[click](vbscript:msgbox(1))");
    assertSafe("<javascript:alert(1)>");
    assertSafe("[ref]\n\n[ref]: javascript:alert(1)");
    assertTrue(SafeMarkdown.toHtml("[click](javascript:alert(1))").contains("click"));
  }

  @Test
  void eventHandlersAndImagesAreDropped() {
    assertSafe("<img src=x onerror=alert(1)>");
    assertSafe("![x](https://evil.example/pixel.png)");
    assertSafe("![x](javascript:alert(1))");
    assertSafe("<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>");
    assertSafe("<div onmouseover=\"alert(1)\">hover</div>");
    assertSafe("<svg/onload=alert(1)>");
    assertSafe("<body onload=alert(1)>");
  }

  @Test
  void nestedAndEncodedTricksStayText() {
    assertSafe("<scr<script>ipt>alert(1)</scr</script>ipt>");
    assertSafe("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertSafe("<iframe src=\"javascript:alert(1)\"></iframe>");
    assertSafe("<style>body{background:url(javascript:alert(1))}</style>");
    assertSafe("```html\n<script>alert(1)</script>\n```");
    assertSafe("`<img src=x onerror=alert(1)>`");
    assertSafe("<!-- --><script>alert(1)</script><!-- -->");
    assertSafe("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>");
  }

  @Test
  void theSanitiserAloneStopsWhatEscapingWouldMiss() {
    // the second layer on its own: raw HTML as if the Markdown renderer had passed it through
    String html =
        SafeMarkdown.POLICY.sanitize(
            "<p onclick=\"x()\">a</p><script>x()</script>"
                + "<a href=\"javascript:x()\">b</a><img src=x onerror=x()><a href=\"mailto:ops@bpo.example\">m</a>");
    assertEquals(
        "<p>a</p>b<a href=\"mailto:ops&#64;bpo.example\" rel=\"nofollow noopener noreferrer\">m</a>",
        html.replaceAll("rel=\"[^\"]*\"", "rel=\"nofollow noopener noreferrer\""));
    assertTrue(
        html.contains("noreferrer") && html.contains("noopener") && html.contains("nofollow"),
        html);
  }

  @Test
  void plainTextDropsTheSyntaxAndTheHighlightMarkers() {
    String text = SafeMarkdown.toPlainText("# Title\n\nSome **bold** text \uE000fake\uE001");
    assertTrue(text.contains("Title"));
    assertTrue(text.contains("Some bold text"));
    assertFalse(text.contains("**"));
    assertFalse(text.contains("\uE000"));
    assertFalse(text.contains("\uE001"));
  }
}
