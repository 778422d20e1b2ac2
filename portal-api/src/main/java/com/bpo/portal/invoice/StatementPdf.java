package com.bpo.portal.invoice;

import com.bpo.portal.shared.Money;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A statement of account as a PDF (bundle {@code documents/statement}), in the reader's language:
 * the balance brought forward, each invoice, payment and credit note with the running balance, and
 * the balance due at the end of the period.
 */
public final class StatementPdf {
  private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
  private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
  private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
  private static final Color SHADE = new Color(0xF0, 0xF2, 0xF5);

  private StatementPdf() {}

  public static byte[] render(
      Statement statement, String issuer, LocalDate issuedOn, Locale locale) {
    ResourceBundle text =
        ResourceBundle.getBundle(
            "documents.statement",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 48, 48, 48, 48);
    try {
      PdfWriter.getInstance(document, out);
      document.addTitle(text.getString("title"));
      document.open();
      document.add(new Paragraph(text.getString("title"), TITLE));
      document.add(new Paragraph(" "));

      PdfPTable facts = new PdfPTable(new float[] {1, 2});
      facts.setWidthPercentage(70);
      facts.setHorizontalAlignment(Element.ALIGN_LEFT);
      fact(facts, text.getString("issuer"), issuer);
      fact(
          facts,
          text.getString("customer"),
          statement.customer().number() + " · " + statement.customer().name());
      fact(
          facts,
          text.getString("period"),
          MessageFormat.format(
              text.getString("periodRange"),
              date(statement.from(), locale),
              date(statement.to(), locale)));
      fact(facts, text.getString("issued"), date(issuedOn, locale));
      document.add(facts);
      document.add(new Paragraph(" "));

      PdfPTable lines = new PdfPTable(new float[] {1.6f, 1.8f, 2.2f, 1.6f, 1.6f});
      lines.setWidthPercentage(100);
      lines.setHeaderRows(1);
      for (String key : new String[] {"date", "kind", "reference", "amount", "balance"}) {
        PdfPCell cell = new PdfPCell(new Phrase(text.getString(key), BOLD));
        cell.setBackgroundColor(SHADE);
        cell.setHorizontalAlignment(
            key.equals("amount") || key.equals("balance")
                ? Element.ALIGN_RIGHT
                : Element.ALIGN_LEFT);
        lines.addCell(cell);
      }
      PdfPCell opening = new PdfPCell(new Phrase(text.getString("opening"), BOLD));
      opening.setColspan(4);
      lines.addCell(opening);
      lines.addCell(right(money(statement.opening(), locale), BOLD));
      for (Statement.Entry entry : statement.entries()) {
        lines.addCell(new PdfPCell(new Phrase(shortDate(entry.date(), locale), BODY)));
        lines.addCell(
            new PdfPCell(new Phrase(text.getString("kind." + entry.kind().name()), BODY)));
        lines.addCell(new PdfPCell(new Phrase(entry.reference(), BODY)));
        lines.addCell(right(money(entry.amount(), locale), BODY));
        lines.addCell(right(money(entry.balance(), locale), BODY));
      }
      if (statement.entries().isEmpty()) {
        PdfPCell none = new PdfPCell(new Phrase(text.getString("none"), BODY));
        none.setColspan(5);
        lines.addCell(none);
      }
      PdfPCell closing = new PdfPCell(new Phrase(text.getString("closing"), BOLD));
      closing.setColspan(4);
      closing.setBackgroundColor(SHADE);
      lines.addCell(closing);
      PdfPCell closingAmount = right(money(statement.closing(), locale), BOLD);
      closingAmount.setBackgroundColor(SHADE);
      lines.addCell(closingAmount);
      document.add(lines);
    } catch (DocumentException e) {
      throw new IllegalStateException(
          "Could not render the statement of " + statement.customer().number(), e);
    } finally {
      document.close();
    }
    return out.toByteArray();
  }

  private static void fact(PdfPTable table, String label, String value) {
    PdfPCell l = new PdfPCell(new Phrase(label, BOLD));
    l.setBorder(PdfPCell.NO_BORDER);
    PdfPCell v = new PdfPCell(new Phrase(value, BODY));
    v.setBorder(PdfPCell.NO_BORDER);
    table.addCell(l);
    table.addCell(v);
  }

  private static PdfPCell right(String value, Font font) {
    PdfPCell cell = new PdfPCell(new Phrase(value, font));
    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
    return cell;
  }

  private static String money(Money money, Locale locale) {
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    format.setCurrency(Currency.getInstance(money.currency()));
    return format.format(money.amount());
  }

  private static String shortDate(LocalDate date, Locale locale) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
  }

  private static String date(LocalDate date, Locale locale) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
  }
}
