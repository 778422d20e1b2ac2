package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.CsvOut;
import com.bpo.portal.shared.Problem;
import java.io.IOException;
import java.io.OutputStream;

/** The downloadable per-row error report of an upload: row, field, message. */
public final class ErrorReportCsv {
  private ErrorReportCsv() {}

  public static String fileName(ImportReport report) {
    return "import-" + report.id() + "-errors.csv";
  }

  public static void write(ImportReport report, OutputStream out) throws IOException {
    try (CsvOut printer = CsvOut.to(out, "row", "field", "message")) {
      for (Problem.FieldError e : report.errors()) {
        printer.row(e.row(), e.field(), e.message());
      }
    }
  }
}
