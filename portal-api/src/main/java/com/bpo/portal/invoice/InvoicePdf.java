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
 * An invoice as a PDF, in the tenant's language: it is the client's document, whoever downloads it.
 * Amounts and dates are written the way that language writes them.
 */
public final class InvoicePdf {
  private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
  private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
  private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);

  private InvoicePdf() {}

  public static byte[] render(InvoiceDetail detail, String issuer, Locale locale) {
    ResourceBundle text = ResourceBundle.getBundle("documents.invoice", locale);
    InvoiceSummary invoice = detail.invoice();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 48, 48, 48, 48);
    try {
      PdfWriter.getInstance(document, out);
      document.addTitle(MessageFormat.format(text.getString("title"), invoice.number()));
      document.open();
      document.add(
          new Paragraph(MessageFormat.format(text.getString("title"), invoice.number()), TITLE));
      document.add(new Paragraph(" "));

      PdfPTable facts = new PdfPTable(new float[] {1, 2});
      facts.setWidthPercentage(70);
      facts.setHorizontalAlignment(Element.ALIGN_LEFT);
      fact(facts, text.getString("issuer"), issuer);
      fact(
          facts,
          text.getString("customer"),
          invoice.customerNumber() + " · " + invoice.customerName());
      fact(facts, text.getString("issued"), date(invoice.issueDate(), locale));
      fact(facts, text.getString("due"), date(invoice.dueDate(), locale));
      fact(facts, text.getString("status"), text.getString("status." + invoice.status().name()));
      document.add(facts);
      document.add(new Paragraph(" "));

      PdfPTable lines = new PdfPTable(new float[] {0.5f, 4, 1.2f, 1.6f, 1.6f, 1.4f});
      lines.setWidthPercentage(100);
      lines.setHeaderRows(1);
      for (String key :
          new String[] {"line", "description", "quantity", "unitPrice", "net", "tax"}) {
        PdfPCell cell = new PdfPCell(new Phrase(text.getString(key), BOLD));
        cell.setHorizontalAlignment(
            key.equals("description") ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
        lines.addCell(cell);
      }
      NumberFormat quantity = NumberFormat.getNumberInstance(locale);
      for (InvoiceDetail.Line line : detail.lines()) {
        lines.addCell(right(String.valueOf(line.lineNo())));
        lines.addCell(new PdfPCell(new Phrase(line.description(), BODY)));
        lines.addCell(right(quantity.format(line.quantity())));
        lines.addCell(right(money(new Money(line.unitPrice(), line.net().currency()), locale)));
        lines.addCell(right(money(line.net(), locale)));
        lines.addCell(right(money(line.tax(), locale)));
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
    } catch (DocumentException e) {
      throw new IllegalStateException("Could not render invoice " + invoice.number(), e);
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

  private static void total(PdfPTable table, String label, String value, Font font) {
    PdfPCell l = new PdfPCell(new Phrase(label, font));
    l.setBorder(PdfPCell.TOP);
    PdfPCell v = new PdfPCell(new Phrase(value, font));
    v.setBorder(PdfPCell.TOP);
    v.setHorizontalAlignment(Element.ALIGN_RIGHT);
    table.addCell(l);
    table.addCell(v);
  }

  private static PdfPCell right(String value) {
    PdfPCell cell = new PdfPCell(new Phrase(value, BODY));
    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
    return cell;
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
