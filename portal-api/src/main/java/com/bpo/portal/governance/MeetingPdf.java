package com.bpo.portal.governance;

import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantContext;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
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
  private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
  private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
  private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
  private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);

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
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 36, 36, 36, 36);
    try {
      PdfWriter.getInstance(document, out);
      String title =
          MessageFormat.format(
              text.getString(agenda ? "agenda.title" : "minutes.title"),
              tenant.name(),
              m.meeting().title());
      document.addTitle(title);
      document.open();
      document.add(new Paragraph(title, TITLE));
      document.add(
          new Paragraph(
              text.getString("type." + m.meeting().type().name())
                  + " · "
                  + date(m.meeting().heldOn(), locale),
              BODY));
      if (agenda) {
        MeetingDetail.Agenda a = m.agenda();
        heading(document, text.getString("agenda.open"));
        entries(document, a.openEntries(), text, locale);
        heading(document, text.getString("agenda.actions"));
        entries(document, a.recentActions(), text, locale);
        heading(
            document,
            a.scorecardPeriod() == null
                ? text.getString("agenda.kpis")
                : MessageFormat.format(text.getString("agenda.kpisOf"), a.scorecardPeriod()));
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
        heading(document, text.getString("agenda.disputes"));
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
        heading(document, text.getString("minutes.attendees"));
        if (m.attendees().isEmpty()) {
          document.add(new Paragraph(text.getString("none"), BODY));
        }
        for (MeetingDetail.Attendee a : m.attendees()) {
          document.add(
              new Paragraph(
                  "• " + a.name() + " (" + text.getString("org." + a.organisation()) + ")", BODY));
        }
        heading(document, text.getString("minutes.notes"));
        document.add(
            new Paragraph(m.minutes().isBlank() ? text.getString("none") : m.minutes(), BODY));
        heading(document, text.getString("minutes.captured"));
        entries(document, m.captured(), text, locale);
      }
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("The meeting PDF could not be written", e);
    }
    return out.toByteArray();
  }

  private static void heading(Document document, String text) throws DocumentException {
    Paragraph p = new Paragraph(text, HEADING);
    p.setSpacingBefore(10);
    p.setSpacingAfter(4);
    document.add(p);
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
      table.addCell(new PdfPCell(new Phrase(text.getString(header), BOLD)));
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
