package com.bpo.portal.invoice;

import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.pdf.Pdf;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * An invoice as a PDF, in the tenant's language: it is the client's document, whoever downloads it.
 * Amounts and dates are written the way that language writes them.
 */
public final class InvoicePdf {
  private static final Font TITLE = Pdf.bold(18);
  private static final Font BOLD = Pdf.bold(10);
  private static final Font BODY = Pdf.regular(10);

  private InvoicePdf() {}

  public static byte[] render(InvoiceDetail detail, String issuer, Locale locale) {
    ResourceBundle text = ResourceBundle.getBundle("documents.invoice", locale);
    InvoiceSummary invoice = detail.invoice();
    String title = MessageFormat.format(text.getString("title"), invoice.number());
    return Pdf.write(
        PageSize.A4,
        48,
        title,
        "Could not render invoice " + invoice.number(),
        (document, writer) -> {
          document.add(new Paragraph(title, TITLE));
          document.add(new Paragraph(" "));

          PdfPTable facts = Pdf.facts(1, 2);
          Pdf.fact(facts, text.getString("issuer"), issuer, BOLD, BODY);
          Pdf.fact(
              facts,
              text.getString("customer"),
              invoice.customerNumber() + " · " + invoice.customerName(),
              BOLD,
              BODY);
          Pdf.fact(facts, text.getString("issued"), date(invoice.issueDate(), locale), BOLD, BODY);
          Pdf.fact(facts, text.getString("due"), date(invoice.dueDate(), locale), BOLD, BODY);
          Pdf.fact(
              facts,
              text.getString("status"),
              text.getString("status." + invoice.status().name()),
              BOLD,
              BODY);
          document.add(facts);
          document.add(new Paragraph(" "));

          PdfPTable lines = Pdf.table(0.5f, 4, 1.2f, 1.6f, 1.6f, 1.4f);
          for (String key :
              new String[] {"line", "description", "quantity", "unitPrice", "net", "tax"}) {
            lines.addCell(
                key.equals("description")
                    ? Pdf.cell(text.getString(key), BOLD)
                    : Pdf.right(text.getString(key), BOLD));
          }
          NumberFormat quantity = NumberFormat.getNumberInstance(locale);
          for (InvoiceDetail.Line line : detail.lines()) {
            lines.addCell(Pdf.right(String.valueOf(line.lineNo()), BODY));
            lines.addCell(Pdf.cell(line.description(), BODY));
            lines.addCell(Pdf.right(quantity.format(line.quantity()), BODY));
            lines.addCell(
                Pdf.right(money(new Money(line.unitPrice(), line.net().currency()), locale), BODY));
            lines.addCell(Pdf.right(money(line.net(), locale), BODY));
            lines.addCell(Pdf.right(money(line.tax(), locale), BODY));
          }
          document.add(lines);
          document.add(new Paragraph(" "));

          PdfPTable totals = new PdfPTable(new float[] {2, 1.4f});
          totals.setWidthPercentage(45);
          totals.setHorizontalAlignment(Element.ALIGN_RIGHT);
          total(totals, text.getString("net"), money(detail.net(), locale), BODY);
          total(totals, text.getString("tax"), money(detail.tax(), locale), BODY);
          total(totals, text.getString("total"), money(invoice.total(), locale), BOLD);
          total(totals, text.getString("paid"), money(detail.paid(), locale), BODY);
          if (detail.credited().amount().signum() != 0) {
            total(totals, text.getString("credited"), money(detail.credited(), locale), BODY);
          }
          total(totals, text.getString("open"), money(invoice.open(), locale), BOLD);
          document.add(totals);
        });
  }

  private static void total(PdfPTable table, String label, String value, Font font) {
    PdfPCell l = Pdf.cell(label, font);
    l.setBorder(PdfPCell.TOP);
    PdfPCell v = Pdf.right(value, font);
    v.setBorder(PdfPCell.TOP);
    table.addCell(l);
    table.addCell(v);
  }

  private static String money(Money money, Locale locale) {
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    format.setCurrency(Currency.getInstance(money.currency()));
    format.setMaximumFractionDigits(Math.max(2, money.amount().stripTrailingZeros().scale()));
    return format.format(money.amount());
  }

  private static String date(LocalDate date, Locale locale) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
  }
}
