package com.bpo.portal.close;

import com.bpo.portal.audit.AuditTrail;
import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.pdf.Pdf;
import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantContext;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The close pack as the documents a client files: a PDF in the tenant's language (bundle {@code
 * documents/close}) and a workbook with one sheet per part, amounts as numbers.
 */
@RequestScoped
public class CloseExport {
  private static final Font TITLE = Pdf.bold(16);
  private static final Font HEADING = Pdf.bold(11);
  private static final Font BOLD = Pdf.bold(9);
  private static final Font BODY = Pdf.regular(9);
  private static final Color SHADE = new Color(0xEE, 0xF1, 0xF5);

  @Inject TenantContext context;
  @Inject AuditTrail audit;
  @Inject com.bpo.portal.tenant.PeopleNames people;

  public byte[] pdf(ClosePack pack) {
    audit.record(AuditTrail.EXPORT, "month_close", pack.period(), Map.of("format", "pdf"));
    Tenant tenant = context.requireTenant();
    Locale locale = Locale.forLanguageTag(tenant.locale());
    ResourceBundle text =
        ResourceBundle.getBundle(
            "documents.close",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    String month =
        YearMonth.parse(pack.period()).format(DateTimeFormatter.ofPattern("MMMM yyyy", locale));
    String title = MessageFormat.format(text.getString("title"), tenant.name(), month);
    return Pdf.write(
        PageSize.A4,
        36,
        title,
        "The close pack could not be drawn",
        (document, writer) -> {
          document.add(new Paragraph(title, TITLE));
          document.add(
              new Paragraph(
                  text.getString("status")
                      + ": "
                      + text.getString("status." + pack.status().name()),
                  BODY));
          DateTimeFormatter when =
              DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
          if (pack.publishedBy() != null) {
            document.add(
                new Paragraph(
                    MessageFormat.format(
                        text.getString("published"),
                        name(pack.publishedBy()),
                        pack.publishedAt().format(when)),
                    BODY));
          }
          if (pack.signedOffBy() != null) {
            document.add(
                new Paragraph(
                    MessageFormat.format(
                        text.getString("signedOff"),
                        name(pack.signedOffBy()),
                        pack.signedOffAt().format(when)),
                    BODY));
          }
          for (ClosePack.CurrencySection c : pack.currencies()) {
            document.add(
                Pdf.heading(
                    MessageFormat.format(text.getString("currency"), c.currency()), HEADING));
            ClosePack.Flow f = c.rollForward();
            PdfPTable flow = Pdf.table(4, 2);
            header(flow, text.getString("rollForward"), "");
            row(flow, text.getString("opening"), money(f.opening(), locale), false);
            row(flow, text.getString("invoiced"), money(f.invoiced(), locale), false);
            row(flow, text.getString("cash"), money(f.cash(), locale), false);
            row(flow, text.getString("credits"), money(f.credits(), locale), false);
            row(flow, text.getString("writeOffs"), money(f.writeOffs(), locale), false);
            row(flow, text.getString("adjustments"), money(f.adjustments(), locale), false);
            row(flow, text.getString("closing"), money(f.closing(), locale), true);
            row(flow, text.getString("difference"), money(f.difference(), locale), false);
            document.add(flow);

            PdfPTable aging = Pdf.table(3, 2, 2, 2);
            header(
                aging,
                text.getString("bucket"),
                text.getString("amount"),
                text.getString("disputed"),
                text.getString("provision"));
            for (ClosePack.AgingLine line : c.aging()) {
              aging.addCell(cell(text.getString("bucket." + line.bucket().name()), BODY, false));
              aging.addCell(cell(money(line.amount(), locale), BODY, true));
              aging.addCell(cell(money(line.disputed(), locale), BODY, true));
              aging.addCell(cell(money(line.provision(), locale), BODY, true));
            }
            document.add(Pdf.heading(text.getString("aging"), HEADING));
            document.add(aging);

            document.add(
                Pdf.heading(
                    MessageFormat.format(text.getString("provisions"), pack.policyVersion()),
                    HEADING));
            ClosePack.Provision p = c.provision();
            PdfPTable provision = Pdf.table(4, 2);
            row(provision, text.getString("provision.opening"), money(p.opening(), locale), false);
            row(provision, text.getString("provision.used"), money(p.used(), locale), false);
            row(provision, text.getString("provision.charge"), money(p.charge(), locale), false);
            row(provision, text.getString("provision.release"), money(p.release(), locale), false);
            row(provision, text.getString("general"), money(p.general(), locale), false);
            row(provision, text.getString("specific"), money(p.specific(), locale), false);
            row(provision, text.getString("provision.closing"), money(p.closing(), locale), true);
            document.add(provision);

            document.add(Pdf.heading(text.getString("reconciliation"), HEADING));
            ClosePack.Reconciliation r = c.reconciliation();
            PdfPTable rec = Pdf.table(4, 2);
            row(
                rec,
                text.getString("ledger"),
                r.ledger() == null ? text.getString("notEntered") : money(r.ledger(), locale),
                false);
            row(rec, text.getString("closing"), money(r.receivables(), locale), false);
            for (ClosePack.Item item : r.items()) {
              row(rec, "  " + item.explanation(), money(item.amount(), locale), false);
            }
            row(rec, text.getString("explained"), money(r.explained(), locale), false);
            row(
                rec,
                text.getString("unexplained"),
                r.unexplained() == null ? "" : money(r.unexplained(), locale),
                true);
            row(rec, text.getString("unapplied"), money(c.unappliedCash(), locale), false);
            document.add(rec);
            document.add(
                new Paragraph(
                    MessageFormat.format(
                        text.getString("disputesOpen"),
                        c.disputesOpen(),
                        money(c.disputedAtEnd(), locale)),
                    BODY));
          }
          document.add(Pdf.heading(text.getString("writeOffList"), HEADING));
          if (pack.writeOffs().isEmpty()) {
            document.add(new Paragraph(text.getString("none"), BODY));
          } else {
            PdfPTable list = Pdf.table(2, 4, 2, 2);
            header(
                list,
                text.getString("invoice"),
                text.getString("customer"),
                text.getString("date"),
                text.getString("amount"));
            for (ClosePack.WriteOff w : pack.writeOffs()) {
              list.addCell(cell(w.invoiceNumber(), BODY, false));
              list.addCell(cell(w.customerName() + " (" + w.customerNumber() + ")", BODY, false));
              list.addCell(
                  cell(
                      w.postedOn()
                          .format(
                              DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                                  .withLocale(locale)),
                      BODY,
                      false));
              list.addCell(cell(money(w.amount(), locale), BODY, true));
            }
            document.add(list);
          }
          document.add(Pdf.heading(text.getString("largest"), HEADING));
          PdfPTable largest = Pdf.table(4, 2, 2, 2, 2);
          header(
              largest,
              text.getString("customer"),
              text.getString("overdue"),
              text.getString("general"),
              text.getString("specific"),
              text.getString("total"));
          for (ClosePack.AccountProvision a : pack.largestProvisions()) {
            largest.addCell(cell(a.customerName() + " (" + a.customerNumber() + ")", BODY, false));
            largest.addCell(cell(money(a.overdue(), locale), BODY, true));
            largest.addCell(cell(money(a.general(), locale), BODY, true));
            largest.addCell(cell(money(a.specific(), locale), BODY, true));
            largest.addCell(cell(money(a.total(), locale), BOLD, true));
          }
          document.add(largest);
        });
  }

  public byte[] xlsx(ClosePack pack) {
    audit.record(AuditTrail.EXPORT, "month_close", pack.period(), Map.of("format", "xlsx"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(out, "BPO Client Portal", "1.0");
      Worksheet flow = workbook.newWorksheet("Roll-forward");
      String[] head = {
        "currency",
        "opening",
        "invoiced",
        "cash",
        "credits",
        "write_offs",
        "adjustments",
        "closing",
        "difference",
        "ledger",
        "explained",
        "unexplained",
        "general_provision",
        "specific_provision",
        "closing_provision",
        "unapplied_cash",
        "disputes_open",
        "disputed_at_end"
      };
      for (int i = 0; i < head.length; i++) {
        flow.value(0, i, head[i]);
      }
      int r = 1;
      for (ClosePack.CurrencySection c : pack.currencies()) {
        ClosePack.Flow f = c.rollForward();
        Money[] values = {
          f.opening(),
          f.invoiced(),
          f.cash(),
          f.credits(),
          f.writeOffs(),
          f.adjustments(),
          f.closing(),
          f.difference(),
          c.reconciliation().ledger(),
          c.reconciliation().explained(),
          c.reconciliation().unexplained(),
          c.provision().general(),
          c.provision().specific(),
          c.provision().closing(),
          c.unappliedCash()
        };
        flow.value(r, 0, c.currency());
        for (int i = 0; i < values.length; i++) {
          if (values[i] != null) {
            flow.value(r, i + 1, values[i].amount());
          }
        }
        flow.value(r, values.length + 1, c.disputesOpen());
        flow.value(r, values.length + 2, c.disputedAtEnd().amount());
        r++;
      }
      Worksheet aging = workbook.newWorksheet("Aging");
      String[] agingHead = {"currency", "bucket", "amount", "disputed", "provision"};
      for (int i = 0; i < agingHead.length; i++) {
        aging.value(0, i, agingHead[i]);
      }
      r = 1;
      for (ClosePack.CurrencySection c : pack.currencies()) {
        for (ClosePack.AgingLine line : c.aging()) {
          aging.value(r, 0, c.currency());
          aging.value(r, 1, line.bucket().name());
          aging.value(r, 2, line.amount().amount());
          aging.value(r, 3, line.disputed().amount());
          aging.value(r, 4, line.provision().amount());
          r++;
        }
      }
      Worksheet writeOffs = workbook.newWorksheet("Write-offs");
      String[] woHead = {
        "invoice", "customer_number", "customer", "posted_on", "currency", "amount"
      };
      for (int i = 0; i < woHead.length; i++) {
        writeOffs.value(0, i, woHead[i]);
      }
      r = 1;
      for (ClosePack.WriteOff w : pack.writeOffs()) {
        // text a person typed goes in as text: fastexcel writes strings as inline strings, never
        // formulas
        writeOffs.value(r, 0, w.invoiceNumber());
        writeOffs.value(r, 1, w.customerNumber());
        writeOffs.value(r, 2, w.customerName());
        writeOffs.value(r, 3, w.postedOn());
        writeOffs.style(r, 3).format("yyyy-mm-dd").set();
        writeOffs.value(r, 4, w.amount().currency());
        writeOffs.value(r, 5, w.amount().amount());
        r++;
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void header(PdfPTable table, String... titles) {
    for (String t : titles) {
      table.addCell(Pdf.shaded(cell(t, BOLD, false), SHADE));
    }
  }

  private static void row(PdfPTable table, String label, String value, boolean bold) {
    table.addCell(cell(label, bold ? BOLD : BODY, false));
    table.addCell(cell(value, bold ? BOLD : BODY, true));
  }

  private static PdfPCell cell(String text, Font font, boolean right) {
    PdfPCell c = right ? Pdf.right(text, font) : Pdf.cell(text, font);
    c.setPadding(3);
    return c;
  }

  private static String money(Money m, Locale locale) {
    NumberFormat f = NumberFormat.getCurrencyInstance(locale);
    f.setCurrency(Currency.getInstance(m.currency()));
    return f.format(m.amount());
  }

  /** A person's full name where the tenant knows it; the pack is read by people, not by logins. */
  private String name(String username) {
    return people.all().getOrDefault(username, username);
  }
}
