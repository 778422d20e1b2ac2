package com.bpo.portal.governance;

import com.bpo.portal.shared.pdf.Pdf;
import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantContext;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPTable;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A meeting's agenda, or its minutes (attendees, minutes, captured actions and decisions), as a PDF
 * in the tenant's language (bundle {@code documents/governance}).
 */
@RequestScoped
public class MeetingPdf {
  private static final Font TITLE = Pdf.bold(16);
  private static final Font HEADING = Pdf.bold(11);
  private static final Font BOLD = Pdf.bold(9);
  private static final Font BODY = Pdf.regular(9);

  @Inject TenantContext context;

  public byte[] agenda(MeetingDetail meeting) {
    return write(meeting, true);
  }

  public byte[] minutes(MeetingDetail meeting) {
    return write(meeting, false);
  }

  private byte[] write(MeetingDetail m, boolean agenda) {
    Tenant tenant = context.requireTenant();
    Locale locale = Locale.forLanguageTag(tenant.locale());
    ResourceBundle text =
        ResourceBundle.getBundle(
            "documents.governance",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    String title =
        MessageFormat.format(
            text.getString(agenda ? "agenda.title" : "minutes.title"),
            tenant.name(),
            m.meeting().title());
    return Pdf.write(
        PageSize.A4,
        36,
        title,
        "The meeting PDF could not be written",
        (document, writer) -> {
          document.add(new Paragraph(title, TITLE));
          document.add(
              new Paragraph(
                  text.getString("type." + m.meeting().type().name())
                      + " · "
                      + date(m.meeting().heldOn(), locale),
                  BODY));
          if (agenda) {
            MeetingDetail.Agenda a = m.agenda();
            document.add(Pdf.heading(text.getString("agenda.open"), HEADING));
            entries(document, a.openEntries(), text, locale);
            document.add(Pdf.heading(text.getString("agenda.actions"), HEADING));
            entries(document, a.recentActions(), text, locale);
            document.add(
                Pdf.heading(
                    a.scorecardPeriod() == null
                        ? text.getString("agenda.kpis")
                        : MessageFormat.format(
                            text.getString("agenda.kpisOf"), a.scorecardPeriod()),
                    HEADING));
            if (a.redKpis().isEmpty()) {
              document.add(new Paragraph(text.getString("none"), BODY));
            } else {
              PdfPTable table = table(new float[] {5, 2, 2}, text, "kpi", "actual", "target");
              for (MeetingDetail.RedKpi k : a.redKpis()) {
                table.addCell(new Phrase(k.name(), BODY));
                table.addCell(new Phrase(number(k.actual(), locale), BODY));
                table.addCell(new Phrase(number(k.target(), locale), BODY));
              }
              document.add(table);
            }
            document.add(Pdf.heading(text.getString("agenda.disputes"), HEADING));
            if (a.agedDisputes().isEmpty()) {
              document.add(new Paragraph(text.getString("none"), BODY));
            } else {
              PdfPTable table =
                  table(
                      new float[] {1.2f, 4, 2, 2, 1},
                      text,
                      "number",
                      "customer",
                      "reason",
                      "amount",
                      "age");
              for (MeetingDetail.AgedDispute d : a.agedDisputes()) {
                table.addCell(new Phrase(d.number(), BODY));
                table.addCell(new Phrase(d.customer(), BODY));
                table.addCell(new Phrase(d.reason(), BODY));
                NumberFormat money = NumberFormat.getCurrencyInstance(locale);
                money.setCurrency(Currency.getInstance(d.disputed().currency()));
                table.addCell(new Phrase(money.format(d.disputed().amount()), BODY));
                table.addCell(new Phrase(String.valueOf(d.ageDays()), BODY));
              }
              document.add(table);
            }
          } else {
            document.add(Pdf.heading(text.getString("minutes.attendees"), HEADING));
            if (m.attendees().isEmpty()) {
              document.add(new Paragraph(text.getString("none"), BODY));
            }
            for (MeetingDetail.Attendee a : m.attendees()) {
              document.add(
                  new Paragraph(
                      "• " + a.name() + " (" + text.getString("org." + a.organisation()) + ")",
                      BODY));
            }
            document.add(Pdf.heading(text.getString("minutes.notes"), HEADING));
            document.add(
                new Paragraph(m.minutes().isBlank() ? text.getString("none") : m.minutes(), BODY));
            document.add(Pdf.heading(text.getString("minutes.captured"), HEADING));
            entries(document, m.captured(), text, locale);
          }
        });
  }

  private static void entries(
      Document document, List<EntrySummary> entries, ResourceBundle text, Locale locale)
      throws DocumentException {
    if (entries.isEmpty()) {
      document.add(new Paragraph(text.getString("none"), BODY));
      return;
    }
    PdfPTable table =
        table(
            new float[] {1.1f, 1.4f, 5, 2, 1.8f, 1.8f},
            text,
            "number",
            "type",
            "entry",
            "owner",
            "due",
            "status");
    for (EntrySummary e : entries) {
      table.addCell(new Phrase(e.number(), BODY));
      table.addCell(new Phrase(text.getString("entryType." + e.type().name()), BODY));
      table.addCell(new Phrase(e.title(), BODY));
      table.addCell(new Phrase(e.owner() == null ? "—" : e.owner(), BODY));
      table.addCell(
          new Phrase(
              date(e.dueDate(), locale) + (e.overdue() ? " " + text.getString("overdue") : ""),
              e.overdue() ? BOLD : BODY));
      table.addCell(
          new Phrase(
              text.getString("status." + e.status().name())
                  + (e.escalationLevel() > 0 ? " · L" + e.escalationLevel() : ""),
              BODY));
    }
    document.add(table);
  }

  private static PdfPTable table(float[] widths, ResourceBundle text, String... headers) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    for (String header : headers) {
      table.addCell(Pdf.cell(text.getString(header), BOLD));
    }
    return table;
  }

  private static String date(LocalDate date, Locale locale) {
    return date == null
        ? "—"
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
  }

  private static String number(BigDecimal value, Locale locale) {
    if (value == null) {
      return "—";
    }
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMaximumFractionDigits(2);
    return format.format(value);
  }
}
