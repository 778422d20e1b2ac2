package com.bpo.portal.shared.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;

/**
 * The pieces every PDF of the portal is made of (OpenPDF): a document written into bytes, Helvetica
 * in the sizes a document picks, tables across the page, and the cells in them. A document chooses
 * its own sizes, margins and shades; what is the same in all of them lives here, so that an amount
 * is right-aligned and a label sits beside its value the same way in every one.
 */
public final class Pdf {
  private Pdf() {}

  /** What a document draws between opening and closing. */
  @FunctionalInterface
  public interface Content {
    /**
     * Draws onto the open document. The writer is there for drawings made apart from the text (a
     * template, such as a sparkline), which need the page's direct content.
     */
    void draw(Document document, PdfWriter writer) throws DocumentException;
  }

  /**
   * A document with the same margin on every side and a title in its properties, which readers show
   * in the window and in search results instead of the file name.
   *
   * <p>The document is closed only once everything is drawn: closing one that failed half-way would
   * write a truncated file for nobody, or fail again with "The document has no pages" and hide what
   * went wrong. The failure is thrown with the caller's message, which names the document.
   *
   * @throws IllegalStateException with {@code failure} as its message when OpenPDF refuses an
   *     element
   */
  public static byte[] write(
      Rectangle pageSize, float margin, String title, String failure, Content content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(pageSize, margin, margin, margin, margin);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      document.addTitle(title);
      document.open();
      content.draw(document, writer);
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException(failure, e);
    }
    return out.toByteArray();
  }

  /**
   * Helvetica, one of the standard fonts every PDF reader has: nothing is embedded, so a document
   * stays a few kilobytes. It draws Latin-1 only; a character beyond it (≥, or the narrow no-break
   * space French groups digits with) comes out as nothing: {@link #cell} and {@link #heading} make
   * those spaces drawable ones, and a caller writes other characters another way.
   */
  public static Font regular(float size) {
    return FontFactory.getFont(FontFactory.HELVETICA, size);
  }

  public static Font regular(float size, Color colour) {
    return FontFactory.getFont(FontFactory.HELVETICA, size, colour);
  }

  /** Helvetica Bold, for titles, labels and header rows; the same limits as {@link #regular}. */
  public static Font bold(float size) {
    return FontFactory.getFont(FontFactory.HELVETICA_BOLD, size);
  }

  public static Font bold(float size, Color colour) {
    return FontFactory.getFont(FontFactory.HELVETICA_BOLD, size, colour);
  }

  /** A section's heading, spaced from the table above it more than from its own content below. */
  public static Paragraph heading(String text, Font font) {
    Paragraph heading = new Paragraph(drawable(text), font);
    heading.setSpacingBefore(10);
    heading.setSpacingAfter(4);
    return heading;
  }

  /**
   * A table across the page, its columns in proportion to {@code widths}. The first row is the
   * header and is repeated at the top of each page the table runs onto, so that a column is never
   * read without its name.
   */
  public static PdfPTable table(float... widths) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    return table;
  }

  /**
   * The block of facts at the top of a document (who issues it, to whom, when): label and value
   * pairs filled with {@link #fact}, narrower than the page and kept to the left, where the reader
   * starts.
   */
  public static PdfPTable facts(float... widths) {
    PdfPTable facts = new PdfPTable(widths);
    facts.setWidthPercentage(70);
    facts.setHorizontalAlignment(Element.ALIGN_LEFT);
    return facts;
  }

  /**
   * One fact: a label and its value without borders, so that the block reads as text, not a grid.
   */
  public static void fact(
      PdfPTable facts, String label, String value, Font labelFont, Font valueFont) {
    PdfPCell l = cell(label, labelFont);
    l.setBorder(Rectangle.NO_BORDER);
    PdfPCell v = cell(value, valueFont);
    v.setBorder(Rectangle.NO_BORDER);
    facts.addCell(l);
    facts.addCell(v);
  }

  /** A bordered cell of text, left-aligned: words, names, references and dates. */
  public static PdfPCell cell(String text, Font font) {
    return new PdfPCell(new Phrase(drawable(text), font));
  }

  /**
   * The text with the spaces Helvetica cannot draw made ones it can: French (and Swiss, and other
   * locales') number formats group digits with a narrow no-break space (U+202F) or a thin space
   * (U+2009), which would vanish and run "1 234,56" together as "1234,56". A no-break space keeps
   * the group apart and the figure on one line.
   */
  public static String drawable(String text) {
    return text == null ? null : text.replace('\u202F', '\u00A0').replace('\u2009', '\u00A0');
  }

  /**
   * A bordered cell of text, right-aligned: amounts and other figures, whose digits then line up
   * down the column and can be compared at a glance.
   */
  public static PdfPCell right(String text, Font font) {
    PdfPCell cell = cell(text, font);
    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
    return cell;
  }

  /** The cell with a background, which sets a header or a total apart from the rows around it. */
  public static PdfPCell shaded(PdfPCell cell, Color shade) {
    cell.setBackgroundColor(shade);
    return cell;
  }
}
