package com.bpo.portal.scorecard;

import com.bpo.portal.audit.AuditTrail;
import com.bpo.portal.shared.CsvOut;
import com.bpo.portal.shared.pdf.Pdf;
import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantContext;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.awt.Color;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * A scorecard as CSV (one row per KPI, figures as plain decimals for spreadsheets) and as a PDF in
 * the tenant's language (bundle {@code documents/scorecard}), the document the client files.
 */
@RequestScoped
public class ScorecardExport {
  private static final Font TITLE = Pdf.bold(18);
  private static final Font BOLD = Pdf.bold(9);
  private static final Font BODY = Pdf.regular(9);
  private static final Font SMALL = Pdf.regular(7.5f, new Color(0x55, 0x55, 0x55));
  private static final Font HEADING = Pdf.bold(12);
  private static final Color HEADER = new Color(0xF0, 0xF2, 0xF5);

  @Inject TenantContext context;
  @Inject AuditTrail audit;
  @Inject com.bpo.portal.tenant.PeopleNames people;

  public byte[] csv(Scorecard card) {
    audit.record(
        AuditTrail.EXPORT, "scorecard", String.valueOf(card.period()), Map.of("format", "csv"));
    StringWriter out = new StringWriter();
    try (CsvOut csv =
        CsvOut.to(
            out,
            "period",
            "status",
            "code",
            "name",
            "unit",
            "direction",
            "actual",
            "target",
            "warning",
            "weight",
            "rag",
            "definition_version",
            "review")) {
      for (Scorecard.Kpi k : card.kpis()) {
        csv.row(
            card.period(),
            card.status(),
            k.code(),
            k.name(),
            k.unit(),
            k.direction(),
            plain(k.actual()),
            plain(k.target()),
            plain(k.warning()),
            plain(k.weight()),
            k.rag(),
            k.definitionVersion(),
            k.review());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The month as the client files it: the period as a month name in the tenant's language, each KPI
   * by name with its status in colour (and in words, for print in black and white), a twelve-month
   * sparkline, and the service credits by KPI with their total.
   */
  public byte[] pdf(Scorecard card) {
    audit.record(
        AuditTrail.EXPORT, "scorecard", String.valueOf(card.period()), Map.of("format", "pdf"));
    Tenant tenant = context.requireTenant();
    Locale locale = Locale.forLanguageTag(tenant.locale());
    ResourceBundle text =
        ResourceBundle.getBundle(
            "documents.scorecard",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    String title =
        MessageFormat.format(
            text.getString("title"), tenant.name(), monthName(card.period(), locale));
    return Pdf.write(
        PageSize.A4.rotate(),
        36,
        title,
        "The scorecard PDF could not be written",
        (document, writer) -> {
          document.add(new Paragraph(title, TITLE));
          String label = text.getString("label"); // French puts a no-break space before the colon
          document.add(
              new Paragraph(
                  MessageFormat.format(
                          label,
                          text.getString("status"),
                          text.getString("status." + card.status().name()))
                      + (card.overallScore() == null
                          ? ""
                          : "   "
                              + MessageFormat.format(
                                  label,
                                  text.getString("score"),
                                  number(card.overallScore(), locale))),
                  BODY));
          document.add(new Paragraph(" "));
          PdfPTable table = Pdf.table(4, 1.4f, 1.4f, 1.2f, 2.2f, 0.9f, 1.2f);
          for (String header :
              new String[] {"kpi", "actual", "target", "rag", "trend", "weight", "review"}) {
            String name = text.getString(header);
            table.addCell(
                Pdf.shaded(
                    header.equals("kpi") || header.equals("trend")
                        ? Pdf.cell(name, BOLD)
                        : Pdf.right(name, BOLD),
                    HEADER));
          }
          for (Scorecard.Kpi k : card.kpis()) {
            table.addCell(new Phrase(kpiName(k.code(), k.name(), text), BODY));
            table.addCell(
                Pdf.right(
                    k.actual() == null ? "—" : number(k.actual(), locale) + unit(k, text), BODY));
            // Helvetica has no ≥ or ≤: the bound is written in words
            table.addCell(
                Pdf.right(
                    MessageFormat.format(
                        text.getString(
                            k.direction() == Rag.Direction.HIGHER ? "atLeast" : "atMost"),
                        number(k.target(), locale) + unit(k, text)),
                    BODY));
            PdfPCell rag = Pdf.cell(text.getString("rag." + k.rag().name()), ragFont(k.rag()));
            rag.setBackgroundColor(ragColour(k.rag()));
            rag.setHorizontalAlignment(Element.ALIGN_CENTER);
            table.addCell(rag);
            table.addCell(trend(writer, k, text));
            table.addCell(Pdf.right(number(k.weight(), locale), BODY));
            table.addCell(Pdf.right(text.getString("review." + k.review().name()), BODY));
          }
          document.add(table);
          document.add(new Paragraph(text.getString("legend"), SMALL));
          credits(document, card, text, locale);
          if (card.signedOffBy() != null) {
            document.add(new Paragraph(" "));
            String signer = people.all().getOrDefault(card.signedOffBy(), card.signedOffBy());
            document.add(
                new Paragraph(
                    MessageFormat.format(
                        text.getString("signedOff"),
                        signer,
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                            .withLocale(locale)
                            .format(card.signedOffAt().toLocalDate())),
                    BODY));
          }
        });
  }

  /** "October 2026" in English, "octobre 2026" in French: never the code "2026-10". */
  static String monthName(String period, Locale locale) {
    return DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(YearMonth.parse(period));
  }

  static String kpiName(String code, String contractName, ResourceBundle text) {
    return text.containsKey("kpi." + code) ? text.getString("kpi." + code) : contractName;
  }

  private void credits(Document document, Scorecard card, ResourceBundle text, Locale locale)
      throws DocumentException {
    document.add(new Paragraph(" "));
    document.add(new Paragraph(text.getString("credits"), HEADING));
    if (card.credits().isEmpty()) {
      document.add(new Paragraph(text.getString("credits.none"), BODY));
      return;
    }
    Map<String, String> names = new java.util.HashMap<>();
    card.kpis().forEach(k -> names.put(k.code(), k.name()));
    PdfPTable table = new PdfPTable(new float[] {4, 1.6f});
    table.setWidthPercentage(50);
    table.setHorizontalAlignment(Element.ALIGN_LEFT);
    table.addCell(Pdf.shaded(Pdf.cell(text.getString("credits.kpi"), BOLD), HEADER));
    table.addCell(Pdf.shaded(Pdf.right(text.getString("credits.amount"), BOLD), HEADER));
    BigDecimal total = BigDecimal.ZERO;
    String currency = card.credits().get(0).amount().currency();
    for (Scorecard.Credit credit : card.credits()) {
      table.addCell(
          new Phrase(
              kpiName(credit.code(), names.getOrDefault(credit.code(), credit.code()), text),
              BODY));
      table.addCell(
          Pdf.right(money(credit.amount().amount(), credit.amount().currency(), locale), BODY));
      total = total.add(credit.amount().amount());
    }
    table.addCell(Pdf.shaded(Pdf.cell(text.getString("credits.total"), BOLD), HEADER));
    table.addCell(Pdf.shaded(Pdf.right(money(total, currency, locale), BOLD), HEADER));
    document.add(table);
  }

  /** The last twelve stored months and this one as a line, each point in its status colour. */
  private static PdfPCell trend(PdfWriter writer, Scorecard.Kpi k, ResourceBundle text)
      throws DocumentException {
    List<BigDecimal> values = new ArrayList<>();
    List<Rag> rags = new ArrayList<>();
    k.trend().stream()
        .filter(p -> p.actual() != null)
        .forEach(
            p -> {
              values.add(p.actual());
              rags.add(p.rag());
            });
    if (k.actual() != null) {
      values.add(k.actual());
      rags.add(k.rag());
    }
    if (values.size() < 2) {
      return new PdfPCell(new Phrase(text.getString("trend.none"), SMALL));
    }
    float width = 110;
    float height = 22;
    double min = values.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0);
    double max = values.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(1);
    double span = max - min == 0 ? 1 : max - min;
    PdfTemplate line = writer.getDirectContent().createTemplate(width, height);
    line.setLineWidth(1f);
    line.setColorStroke(new Color(0x55, 0x60, 0x70));
    for (int i = 0; i < values.size(); i++) {
      float x = 3 + (width - 6) * i / (values.size() - 1);
      float y = (float) (3 + (height - 6) * (values.get(i).doubleValue() - min) / span);
      if (i == 0) {
        line.moveTo(x, y);
      } else {
        line.lineTo(x, y);
      }
    }
    line.stroke();
    for (int i = 0; i < values.size(); i++) {
      float x = 3 + (width - 6) * i / (values.size() - 1);
      float y = (float) (3 + (height - 6) * (values.get(i).doubleValue() - min) / span);
      line.setColorFill(ragInk(rags.get(i)));
      line.circle(x, y, i == values.size() - 1 ? 2.4f : 1.6f);
      line.fill();
    }
    PdfPCell cell = new PdfPCell(Image.getInstance(line), false);
    cell.setPadding(3);
    cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
    return cell;
  }

  private static Color ragColour(Rag rag) {
    return switch (rag) {
      case GREEN -> new Color(0xD7, 0xF0, 0xDD);
      case AMBER -> new Color(0xFF, 0xEB, 0xB8);
      case RED -> new Color(0xF8, 0xD0, 0xCC);
      case NONE -> new Color(0xEE, 0xEE, 0xEE);
    };
  }

  private static Color ragInk(Rag rag) {
    return switch (rag == null ? Rag.NONE : rag) {
      case GREEN -> new Color(0x1E, 0x7B, 0x3A);
      case AMBER -> new Color(0xA8, 0x6A, 0x00);
      case RED -> new Color(0xB4, 0x23, 0x18);
      case NONE -> new Color(0x77, 0x77, 0x77);
    };
  }

  private static Font ragFont(Rag rag) {
    return Pdf.bold(9, ragInk(rag));
  }

  private static String money(BigDecimal amount, String currency, Locale locale) {
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    format.setCurrency(java.util.Currency.getInstance(currency));
    return format.format(amount);
  }

  private static String unit(Scorecard.Kpi k, ResourceBundle text) {
    return " " + text.getString("unit." + k.unit().name());
  }

  private static String number(BigDecimal value, Locale locale) {
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMaximumFractionDigits(2);
    return format.format(value);
  }

  private static String plain(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }
}
