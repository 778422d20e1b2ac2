package com.bpo.portal.invoice;

import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.pdf.Pdf;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
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
  private static final Font TITLE = Pdf.bold(18);
  private static final Font BOLD = Pdf.bold(10);
  private static final Font BODY = Pdf.regular(10);
  private static final Color SHADE = new Color(0xF0, 0xF2, 0xF5);

  private StatementPdf() {}

  public static byte[] render(
      Statement statement, String issuer, LocalDate issuedOn, Locale locale) {
    ResourceBundle text =
        ResourceBundle.getBundle(
            "documents.statement",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return Pdf.write(
        PageSize.A4,
        48,
        text.getString("title"),
        "Could not render the statement of " + statement.customer().number(),
        (document, writer) -> {
          document.add(new Paragraph(text.getString("title"), TITLE));
          document.add(new Paragraph(" "));

          PdfPTable facts = Pdf.facts(1, 2);
          Pdf.fact(facts, text.getString("issuer"), issuer, BOLD, BODY);
          Pdf.fact(
              facts,
              text.getString("customer"),
              statement.customer().number() + " · " + statement.customer().name(),
              BOLD,
              BODY);
          Pdf.fact(
              facts,
              text.getString("period"),
              MessageFormat.format(
                  text.getString("periodRange"),
                  date(statement.from(), locale),
                  date(statement.to(), locale)),
              BOLD,
              BODY);
          Pdf.fact(facts, text.getString("issued"), date(issuedOn, locale), BOLD, BODY);
          document.add(facts);
          document.add(new Paragraph(" "));

          PdfPTable lines = Pdf.table(1.6f, 1.8f, 2.2f, 1.6f, 1.6f);
          for (String key : new String[] {"date", "kind", "reference", "amount", "balance"}) {
            String title = text.getString(key);
            lines.addCell(
                Pdf.shaded(
                    key.equals("amount") || key.equals("balance")
                        ? Pdf.right(title, BOLD)
                        : Pdf.cell(title, BOLD),
                    SHADE));
          }
          PdfPCell opening = Pdf.cell(text.getString("opening"), BOLD);
          opening.setColspan(4);
          lines.addCell(opening);
          lines.addCell(Pdf.right(money(statement.opening(), locale), BOLD));
          for (Statement.Entry entry : statement.entries()) {
            lines.addCell(Pdf.cell(shortDate(entry.date(), locale), BODY));
            lines.addCell(Pdf.cell(text.getString("kind." + entry.kind().name()), BODY));
            lines.addCell(Pdf.cell(entry.reference(), BODY));
            lines.addCell(Pdf.right(money(entry.amount(), locale), BODY));
            lines.addCell(Pdf.right(money(entry.balance(), locale), BODY));
          }
          if (statement.entries().isEmpty()) {
            PdfPCell none = Pdf.cell(text.getString("none"), BODY);
            none.setColspan(5);
            lines.addCell(none);
          }
          PdfPCell closing = Pdf.shaded(Pdf.cell(text.getString("closing"), BOLD), SHADE);
          closing.setColspan(4);
          lines.addCell(closing);
          lines.addCell(Pdf.shaded(Pdf.right(money(statement.closing(), locale), BOLD), SHADE));
          document.add(lines);
        });
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
