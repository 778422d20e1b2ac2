package com.bpo.portal.collection;

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
import java.io.ByteArrayOutputStream;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A notice's letter as a PDF in the customer's language: the overdue invoices it chases and their
 * total. Invoices the run left out (disputed, promised) are not in the letter; they are not asked
 * for.
 */
public final class DunningLetter {
  private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
  private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
  private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);

  private DunningLetter() {}

  public static Locale locale(String language) {
    return Locale.forLanguageTag("fr".equals(language) ? "fr" : "en");
  }

  static ResourceBundle text(Locale locale) {
    return ResourceBundle.getBundle("documents.dunning", locale);
  }

  /** The letter's title for a template key, or the default title for a key without its own text. */
  public static String title(String templateKey, Locale locale) {
    return keyed(text(locale), "title", templateKey);
  }

  public static String intro(String templateKey, Locale locale) {
    return keyed(text(locale), "intro", templateKey);
  }

  private static String keyed(ResourceBundle text, String prefix, String templateKey) {
    try {
      return text.getString(prefix + "." + templateKey);
    } catch (MissingResourceException e) {
      return text.getString(prefix + ".default");
    }
  }

  public static byte[] render(Notice notice, String issuer, LocalDate date) {
    Locale locale = locale(notice.language());
    ResourceBundle text = text(locale);
    List<Notice.Line> chased = notice.lines().stream().filter(l -> l.exclusion() == null).toList();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 56, 56, 56, 56);
    try {
      PdfWriter.getInstance(document, out);
      String title = title(notice.templateKey(), locale);
      document.addTitle(title);
      document.open();
      PdfPTable facts = new PdfPTable(new float[] {1, 3});
      facts.setWidthPercentage(70);
      facts.setHorizontalAlignment(Element.ALIGN_LEFT);
      fact(facts, text.getString("issuer"), issuer);
      fact(
          facts, text.getString("customer"), notice.accountNumber() + " · " + notice.accountName());
      fact(facts, text.getString("date"), date(date, locale));
      document.add(facts);
      document.add(new Paragraph(" "));
      document.add(new Paragraph(title, TITLE));
      document.add(new Paragraph(" "));
      document.add(new Paragraph(intro(notice.templateKey(), locale), BODY));
      document.add(new Paragraph(" "));

      PdfPTable lines = new PdfPTable(new float[] {2.2f, 1.6f, 1.2f, 1.8f});
      lines.setWidthPercentage(100);
      lines.setHeaderRows(1);
      for (String key : new String[] {"invoice", "due", "days", "amount"}) {
        PdfPCell cell = new PdfPCell(new Phrase(text.getString(key), BOLD));
        cell.setHorizontalAlignment(
            key.equals("invoice") ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
        lines.addCell(cell);
      }
      for (Notice.Line line : chased) {
        lines.addCell(new PdfPCell(new Phrase(line.number(), BODY)));
        lines.addCell(right(date(line.dueDate(), locale)));
        lines.addCell(right(String.valueOf(line.daysOverdue())));
        lines.addCell(right(money(line.amount(), locale)));
      }
      PdfPCell label = new PdfPCell(new Phrase(text.getString("total"), BOLD));
      label.setColspan(3);
      lines.addCell(label);
      PdfPCell total = new PdfPCell(new Phrase(money(notice.total(), locale), BOLD));
      total.setHorizontalAlignment(Element.ALIGN_RIGHT);
      lines.addCell(total);
      document.add(lines);
      document.add(new Paragraph(" "));
      document.add(new Paragraph(text.getString("closing"), BODY));
    } catch (DocumentException e) {
      throw new IllegalStateException("Could not render notice " + notice.id(), e);
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

  private static PdfPCell right(String value) {
    PdfPCell cell = new PdfPCell(new Phrase(value, BODY));
    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
    return cell;
  }

  /**
   * The amount as the language writes it. French groups digits with a narrow no-break space, which
   * the PDF's standard font cannot draw (the digits would run together): a no-break space stands
   * in.
   */
  public static String money(Money money, Locale locale) {
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    format.setCurrency(Currency.getInstance(money.currency()));
    return format.format(money.amount()).replace('\u202F', '\u00A0');
  }

  public static String date(LocalDate date, Locale locale) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
  }
}
