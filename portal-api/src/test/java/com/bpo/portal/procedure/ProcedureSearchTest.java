package com.bpo.portal.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProcedureSearchTest {
  @Test
  void theSnippetIsEscapedAndOnlyTheMarkersBecomeMarks() {
    assertEquals(
        "Post the <mark>cash</mark> &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;match&quot;",
        ProcedureSearch.snippetHtml(
            "Post the \uE000cash\uE001 <script>alert('x')</script> & \"match\""));
  }

  @Test
  void marksAreAlwaysBalanced() {
    assertEquals("<mark>open</mark>", ProcedureSearch.snippetHtml("\uE000open"));
    assertEquals("close", ProcedureSearch.snippetHtml("close\uE001"));
    assertEquals("<mark>a</mark>", ProcedureSearch.snippetHtml("\uE000\uE000a\uE001\uE001"));
    assertEquals("", ProcedureSearch.snippetHtml(null));
  }

  @Test
  void theTenantsLanguageChoosesTheStemming() {
    assertEquals("french", ProcedureSearch.configFor("fr"));
    assertEquals("french", ProcedureSearch.configFor("fr-BE"));
    assertEquals("english", ProcedureSearch.configFor("en"));
    assertEquals("english", ProcedureSearch.configFor(null));
  }
}
