package com.bpo.portal.scorecard;

import com.bpo.portal.shared.CsvOut;
import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantContext;
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
import jakarta.enterprise.context.RequestScoped;
import com.bpo.portal.audit.AuditTrail;
import jakarta.inject.Inject;
import java.util.Map;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A scorecard as CSV (one row per KPI, figures as plain decimals for spreadsheets) and as a PDF in
 * the tenant's language (bundle {@code documents/scorecard}), the document the client files.
 */
@RequestScoped
public class ScorecardExport {
  private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
  private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
  private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);

  @Inject TenantContext context;
  @Inject AuditTrail audit;

  public byte[] csv(Scorecard card) {
    audit.record(AuditTrail.EXPORT, "scorecard", String.valueOf(card.period()), Map.of("format", "csv"));
    StringWriter out = new StringWriter();
    try (CsvOut csv = CsvOut.to(out, "period", "status", "code", "name", "unit", "direction", "actual", "target",
        "warning", "weight", "rag", "definition_version", "review")) {
      for (Scorecard.Kpi k : card.kpis()) {
        csv.row(card.period(), card.status(), k.code(), k.name(), k.unit(), k.direction(), plain(k.actual()),
            plain(k.target()), plain(k.warning()), plain(k.weight()), k.rag(), k.definitionVersion(), k.review());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  public byte[] pdf(Scorecard card) {
    audit.record(AuditTrail.EXPORT, "scorecard", String.valueOf(card.period()), Map.of("format", "pdf"));
    Tenant tenant = context.requireTenant();
    Locale locale = Locale.forLanguageTag(tenant.locale());
    ResourceBundle text = ResourceBundle.getBundle("documents.scorecard", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
    try {
      PdfWriter.getInstance(document, out);
      String title = MessageFormat.format(text.getString("title"), tenant.name(), card.period());
      document.addTitle(title);
      document.open();
      document.add(new Paragraph(title, TITLE));
      document.add(new Paragraph(text.getString("status") + ": " + text.getString("status." + card.status().name())
          + (card.overallScore() == null ? "" : "   " + text.getString("score") + ": " + number(card.overallScore(), locale)),
          BODY));
      document.add(new Paragraph(" "));
      PdfPTable table = new PdfPTable(new float[] {4, 1.4f, 1.4f, 1.2f, 1, 1.2f});
      table.setWidthPercentage(100);
      for (String header : new String[] {"kpi", "actual", "target", "rag", "weight", "review"}) {
        PdfPCell cell = new PdfPCell(new Phrase(text.getString(header), BOLD));
        cell.setHorizontalAlignment(header.equals("kpi") ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
        table.addCell(cell);
      }
      for (Scorecard.Kpi k : card.kpis()) {
        table.addCell(new Phrase(k.name() + " (" + k.code() + ")", BODY));
        right(table, k.actual() == null ? "—" : number(k.actual(), locale) + unit(k, text));
        right(table, (k.direction() == Rag.Direction.HIGHER ? "≥ " : "≤ ") + number(k.target(), locale) + unit(k, text));
        right(table, text.getString("rag." + k.rag().name()));
        right(table, number(k.weight(), locale));
        right(table, text.getString("review." + k.review().name()));
      }
      document.add(table);
      if (card.signedOffBy() != null) {
        document.add(new Paragraph(" "));
        document.add(new Paragraph(MessageFormat.format(text.getString("signedOff"), card.signedOffBy(),
            card.signedOffAt().toLocalDate()), BODY));
      }
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("The scorecard PDF could not be written", e);
    }
    return out.toByteArray();
  }

  private static void right(PdfPTable table, String value) {
    PdfPCell cell = new PdfPCell(new Phrase(value, BODY));
    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
    table.addCell(cell);
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
