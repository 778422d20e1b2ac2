package com.bpo.portal.collection;

import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.pdf.Pdf;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
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
  private static final Font TITLE = Pdf.bold(16);
  private static final Font BOLD = Pdf.bold(10);
  private static final Font BODY = Pdf.regular(10);

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
    String title = title(notice.templateKey(), locale);
    return Pdf.write(
        PageSize.A4,
        56,
        title,
        "Could not render notice " + notice.id(),
        (document, writer) -> {
          PdfPTable facts = Pdf.facts(1, 3);
          Pdf.fact(facts, text.getString("issuer"), issuer, BOLD, BODY);
          Pdf.fact(
              facts,
              text.getString("customer"),
              notice.accountNumber() + " · " + notice.accountName(),
              BOLD,
              BODY);
          Pdf.fact(facts, text.getString("date"), date(date, locale), BOLD, BODY);
          document.add(facts);
          document.add(new Paragraph(" "));
          document.add(new Paragraph(title, TITLE));
          document.add(new Paragraph(" "));
          document.add(new Paragraph(intro(notice.templateKey(), locale), BODY));
          document.add(new Paragraph(" "));

          PdfPTable lines = Pdf.table(2.2f, 1.6f, 1.2f, 1.8f);
          for (String key : new String[] {"invoice", "due", "days", "amount"}) {
            lines.addCell(
                key.equals("invoice")
                    ? Pdf.cell(text.getString(key), BOLD)
                    : Pdf.right(text.getString(key), BOLD));
          }
          for (Notice.Line line : chased) {
            lines.addCell(Pdf.cell(line.number(), BODY));
            lines.addCell(Pdf.right(date(line.dueDate(), locale), BODY));
            lines.addCell(Pdf.right(String.valueOf(line.daysOverdue()), BODY));
            lines.addCell(Pdf.right(money(line.amount(), locale), BODY));
          }
          PdfPCell label = Pdf.cell(text.getString("total"), BOLD);
          label.setColspan(3);
          lines.addCell(label);
          lines.addCell(Pdf.right(money(notice.total(), locale), BOLD));
          document.add(lines);
          document.add(new Paragraph(" "));
          document.add(new Paragraph(text.getString("closing"), BODY));
        });
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
