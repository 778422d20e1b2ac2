package com.bpo.portal.shared.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PdfTest {
  private static final Font BOLD = Pdf.bold(10);
  private static final Font BODY = Pdf.regular(10);

  @Test
  void aDocumentCarriesItsTitleAndTheTextOfItsFactsAndCells() throws IOException {
    byte[] pdf =
        Pdf.write(
            PageSize.A4,
            48,
            "Invoice INV-7",
            "unused",
            (document, writer) -> {
              PdfPTable facts = Pdf.facts(1, 2);
              Pdf.fact(facts, "Issuer", "Acme Industries", BOLD, BODY);
              document.add(facts);
              PdfPTable lines = Pdf.table(3, 1);
              lines.addCell(Pdf.cell("Description", BOLD));
              lines.addCell(Pdf.right("Amount", BOLD));
              lines.addCell(Pdf.cell("Anvils", BODY));
              lines.addCell(Pdf.right("1,234.50", BODY));
              document.add(lines);
            });
    PdfReader reader = new PdfReader(pdf);
    try {
      assertEquals("Invoice INV-7", reader.getInfo().get("Title"));
      assertEquals(1, reader.getNumberOfPages());
      String text = new PdfTextExtractor(reader).getTextFromPage(1);
      for (String cell :
          new String[] {
            "Issuer", "Acme Industries", "Description", "Amount", "Anvils", "1,234.50"
          }) {
        assertTrue(text.contains(cell), cell + " in " + text);
      }
    } finally {
      reader.close();
    }
  }

  @Test
  void anAmountEndsAtTheRightEdgeOfItsColumnWhereTextStartsAtTheLeft() throws IOException {
    PdfPCell amount = Pdf.right("1,234.50", BODY);
    PdfPCell words = Pdf.cell("Anvils", BODY);
    assertEquals(Element.ALIGN_RIGHT, amount.getHorizontalAlignment());
    assertEquals(Element.ALIGN_LEFT, words.getHorizontalAlignment());

    float margin = 36;
    byte[] pdf =
        Pdf.write(
            PageSize.A4,
            margin,
            "Alignment",
            "unused",
            (document, writer) -> {
              PdfPTable table = Pdf.table(1);
              table.addCell(words);
              table.addCell(amount);
              document.add(table);
            });
    String content = content(pdf);
    float padding = amount.getPaddingRight();
    float textWidth = BODY.getBaseFont().getWidthPoint("1,234.50", BODY.getSize());
    float rightEdge = PageSize.A4.getWidth() - margin;
    assertEquals(margin + padding, x(content, "Anvils"), 0.5, content);
    assertEquals(rightEdge - padding, x(content, "1,234.50") + textWidth, 0.5, content);
  }

  @Test
  void aTableRunningOntoANewPageRepeatsItsHeaderRow() throws IOException {
    byte[] pdf =
        Pdf.write(
            PageSize.A4,
            36,
            "Long",
            "unused",
            (document, writer) -> {
              PdfPTable table = Pdf.table(2, 1);
              table.addCell(Pdf.cell("Reference", BOLD));
              table.addCell(Pdf.right("Balance", BOLD));
              for (int i = 1; i <= 120; i++) {
                table.addCell(Pdf.cell("REF-" + i, BODY));
                table.addCell(Pdf.right(i + ".00", BODY));
              }
              document.add(table);
            });
    PdfReader reader = new PdfReader(pdf);
    try {
      assertTrue(reader.getNumberOfPages() >= 2, "the fixture must run onto a second page");
      String last = new PdfTextExtractor(reader).getTextFromPage(reader.getNumberOfPages());
      assertTrue(last.contains("Reference") && last.contains("Balance"), last);
      assertTrue(last.contains("REF-120") && !last.contains("REF-1 "), last);
    } finally {
      reader.close();
    }
  }

  @Test
  void factsAreABorderlessBlockOnTheLeftLabelInBoldValueInBody() throws IOException {
    PdfPTable facts = Pdf.facts(1, 3);
    Pdf.fact(facts, "Customer", "A-1001 · Wile E. Coyote", BOLD, BODY);
    assertEquals(70, facts.getWidthPercentage());
    assertEquals(Element.ALIGN_LEFT, facts.getHorizontalAlignment());
    PdfPCell[] row = facts.getRow(0).getCells();
    assertEquals(Rectangle.NO_BORDER, row[0].getBorder());
    assertEquals(Rectangle.NO_BORDER, row[1].getBorder());
    assertSame(BOLD, row[0].getPhrase().getFont());
    assertSame(BODY, row[1].getPhrase().getFont());

    byte[] pdf =
        Pdf.write(PageSize.A4, 36, "Facts", "unused", (document, writer) -> document.add(facts));
    assertFalse(content(pdf).contains(" re"), "no cell outline is drawn");
  }

  @Test
  void aFullWidthTableAndAShadedCellKeepWhatTheyAreGiven() {
    PdfPTable table = Pdf.table(4, 2);
    assertEquals(100, table.getWidthPercentage());
    assertEquals(1, table.getHeaderRows());
    Color shade = new Color(0xF0, 0xF2, 0xF5);
    PdfPCell total = Pdf.shaded(Pdf.right("250.00", BOLD), shade);
    assertEquals(shade, total.getBackgroundColor());
    assertEquals(Element.ALIGN_RIGHT, total.getHorizontalAlignment());
  }

  @Test
  void theFontsAreHelveticaInTheSizeAndColourAsked() {
    assertEquals("Helvetica-Bold", Pdf.bold(18).getBaseFont().getPostscriptFontName());
    assertEquals(18, Pdf.bold(18).getSize());
    assertEquals("Helvetica", Pdf.regular(9).getBaseFont().getPostscriptFontName());
    Color grey = new Color(0x55, 0x55, 0x55);
    assertEquals(grey, Pdf.regular(7.5f, grey).getColor());
    assertEquals(7.5f, Pdf.regular(7.5f, grey).getSize());
    assertEquals(grey, Pdf.bold(9, grey).getColor());
  }

  @Test
  void aRefusedElementIsReportedWithTheCallersMessageNotHiddenByClosingTheDocument() {
    DocumentException refused = new DocumentException("refused");
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                Pdf.write(
                    PageSize.A4,
                    36,
                    "Broken",
                    "Could not render invoice INV-7",
                    (document, writer) -> {
                      throw refused;
                    }));
    assertEquals("Could not render invoice INV-7", e.getMessage());
    assertSame(refused, e.getCause());
  }

  @Test
  void aHeadingStandsFurtherFromWhatComesBeforeItThanFromWhatFollows() {
    var heading = Pdf.heading("Aging", Pdf.bold(11));
    assertEquals("Aging", heading.getContent());
    assertEquals(10, heading.getSpacingBefore());
    assertEquals(4, heading.getSpacingAfter());
  }

  /** The first page's content stream, decompressed: the operators that place each text. */
  private static String content(byte[] pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    try {
      return new String(reader.getPageContent(1), StandardCharsets.ISO_8859_1);
    } finally {
      reader.close();
    }
  }

  /** Where a text starts on the page: the x of the text matrix set just before it is shown. */
  private static float x(String content, String text) {
    Matcher m =
        Pattern.compile(
                "1 0 0 1 ([\\d.]+) [\\d.]+ Tm\\s+/F\\d+ [\\d.]+ Tf\\s+\\("
                    + Pattern.quote(text)
                    + "\\)Tj")
            .matcher(content);
    assertTrue(m.find(), text + " is drawn: " + content);
    return Float.parseFloat(m.group(1));
  }

  @Test
  void frenchDigitGroupsStayApartInACell() throws IOException {
    String amount =
        java.text.NumberFormat.getNumberInstance(java.util.Locale.FRANCE).format(1234.5);
    assertTrue(amount.contains("\u202F"), "the JDK groups French digits with U+202F: " + amount);
    byte[] pdf =
        Pdf.write(
            PageSize.A4,
            48,
            "Relevé",
            "unused",
            (document, writer) -> {
              PdfPTable lines = Pdf.table(1);
              lines.addCell(Pdf.right("Montant", BOLD));
              lines.addCell(Pdf.right(amount, BODY));
              document.add(lines);
            });
    PdfReader reader = new PdfReader(pdf);
    try {
      String text = new PdfTextExtractor(reader).getTextFromPage(1);
      assertFalse(text.contains("1234"), "the group separator was dropped: " + text);
      assertTrue(Pattern.compile("1[\\s\u00A0]+234,5").matcher(text).find(), text);
    } finally {
      reader.close();
    }
  }
}
