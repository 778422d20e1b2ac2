package com.bpo.portal.ui.invoice;

import com.bpo.portal.invoice.imports.ErrorReportCsv;
import com.bpo.portal.invoice.imports.ImportKind;
import com.bpo.portal.invoice.imports.ImportReport;
import com.bpo.portal.invoice.imports.ImportRuns;
import com.bpo.portal.invoice.imports.Imports;
import com.bpo.portal.shared.Problem;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.shared.TooBusy;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.FileBuffer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Upload of a CSV of invoices, customer accounts or payments, chosen before the upload (formats in
 * docs/IMPORT.md): the file is imported whole or not at all, and the screen shows what happened,
 * with every bad row and a downloadable report.
 */
@Route(value = "invoices/import", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT})
public class ImportView extends VerticalLayout implements HasDynamicTitle {
  private static final int MAX_BYTES = 200 * 1024 * 1024;
  private final Imports imports;
  private final ImportRuns runs;
  private final Select<ImportKind> kind = new Select<>();
  private final Paragraph help = new Paragraph();
  private final VerticalLayout result = new VerticalLayout();
  private final Grid<ImportReport> history = new Grid<>();

  @Inject
  public ImportView(Imports imports, ImportRuns runs) {
    this.imports = imports;
    this.runs = runs;
    kind.setId("import-kind");
    kind.setLabel(getTranslation("import.kind"));
    kind.setItems(ImportKind.values());
    kind.setItemLabelGenerator(k -> getTranslation("import.kind." + k.name()));
    kind.addValueChangeListener(
        e -> help.setText(getTranslation("import.help." + e.getValue().name())));
    kind.setValue(ImportKind.INVOICES);
    kind.setWidth("24em");

    FileBuffer buffer = new FileBuffer();
    Upload upload = com.bpo.portal.ui.UploadTexts.translate(new Upload(buffer));
    upload.setId("import-upload");
    upload.setAcceptedFileTypes("text/csv", ".csv");
    upload.setMaxFileSize(MAX_BYTES);
    upload.setMaxFiles(1);
    upload.setDropLabel(new Paragraph(getTranslation("import.drop")));
    upload.addSucceededListener(
        e -> {
          try (InputStream in = buffer.getInputStream()) {
            show(imports.importFile(kind.getValue(), in, e.getFileName()));
          } catch (IOException ex) {
            Notification.show(getTranslation("import.unreadable"))
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
          } catch (TooBusy busy) {
            // another import of this client's (or the portal's limit) still running: nothing
            // was imported, and the file can simply be dropped again in a moment
            Notification.show(getTranslation("import.busy", busy.retryAfterSeconds()))
                .addThemeVariants(NotificationVariant.LUMO_CONTRAST);
          }
          upload.clearFileList();
        });
    upload.addFileRejectedListener(
        e ->
            Notification.show(e.getErrorMessage())
                .addThemeVariants(NotificationVariant.LUMO_ERROR));

    history.setId("import-history");
    history.addThemeVariants(GridVariant.LUMO_COMPACT);
    history
        .addColumn(r -> getTranslation("import.kind." + r.kind()))
        .setHeader(getTranslation("import.kind.column"))
        .setAutoWidth(true);
    history
        .addColumn(ImportReport::fileName)
        .setHeader(getTranslation("import.file"))
        .setFlexGrow(1);
    history
        .addComponentColumn(r -> outcome(r))
        .setHeader(getTranslation("import.outcome"))
        .setAutoWidth(true);
    history
        .addColumn(ImportReport::rows)
        .setHeader(getTranslation("import.rows"))
        .setAutoWidth(true);
    history
        .addColumn(ImportReport::created)
        .setHeader(getTranslation("import.new"))
        .setAutoWidth(true);
    history
        .addColumn(ImportReport::updated)
        .setHeader(getTranslation("import.updated"))
        .setAutoWidth(true);
    history
        .addColumn(ImportReport::unchanged)
        .setHeader(getTranslation("import.unchanged"))
        .setAutoWidth(true);
    history
        .addColumn(ImportReport::refused)
        .setHeader(getTranslation("import.refused"))
        .setAutoWidth(true);
    history
        .addColumn(ImportReport::errorCount)
        .setHeader(getTranslation("import.errors"))
        .setAutoWidth(true);
    history.setAllRowsVisible(true);
    history.setEmptyStateText(getTranslation("import.noHistory"));

    result.setPadding(false);
    add(
        new H1(getPageTitle()),
        kind,
        help,
        upload,
        result,
        new H2(getTranslation("import.history")),
        history);
    refreshHistory();
  }

  private Badge.Tone tone(ImportReport report) {
    return report.outcome() == ImportReport.Outcome.APPLIED ? Badge.Tone.SUCCESS : Badge.Tone.ERROR;
  }

  private com.vaadin.flow.component.html.Span outcome(ImportReport report) {
    return Badge.of(getTranslation("import.outcome." + report.outcome().name()), tone(report));
  }

  private void show(ImportReport report) {
    result.removeAll();
    Paragraph summary =
        new Paragraph(
            report.outcome() == ImportReport.Outcome.APPLIED
                ? getTranslation(
                    "import.applied." + report.kind(),
                    report.rows(),
                    report.created(),
                    report.updated(),
                    report.unchanged())
                : getTranslation(
                    "import.rejected", report.errorCount(), report.rows(), report.refused()));
    summary.setId("import-summary");
    result.add(outcome(report), summary);
    if (!report.errors().isEmpty()) {
      Grid<Problem.FieldError> errors = new Grid<>();
      errors.setId("import-errors");
      errors.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
      errors
          .addColumn(Problem.FieldError::row)
          .setHeader(getTranslation("import.row"))
          .setAutoWidth(true)
          .setFlexGrow(0);
      errors
          .addColumn(Problem.FieldError::field)
          .setHeader(getTranslation("import.field"))
          .setAutoWidth(true)
          .setFlexGrow(0);
      errors
          .addColumn(Problem.FieldError::message)
          .setHeader(getTranslation("import.message"))
          .setFlexGrow(1);
      errors.setItems(report.errors());
      if (report.errors().size() <= 12) {
        errors.setAllRowsVisible(true);
      } else {
        errors.setHeight("24em");
      }
      Anchor download =
          new Anchor(
              new StreamResource(ErrorReportCsv.fileName(report), () -> csv(report)),
              getTranslation("import.download"));
      download.getElement().setAttribute("download", true);
      result.add(errors, download);
    }
    refreshHistory();
  }

  private static InputStream csv(ImportReport report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ErrorReportCsv.write(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ByteArrayInputStream(out.toByteArray());
  }

  private void refreshHistory() {
    history.setItems(runs.recent(10));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("import.heading");
  }
}
