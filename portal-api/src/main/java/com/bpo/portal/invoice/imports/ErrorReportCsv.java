package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The downloadable per-row error report of an upload: row, field, message. */
public final class ErrorReportCsv {
  private ErrorReportCsv() {}

  public static String fileName(ImportReport report) {
    return "import-" + report.id() + "-errors.csv";
  }

  public static void write(ImportReport report, OutputStream out) throws IOException {
    try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
        CSVFormat.RFC4180.builder().setHeader("row", "field", "message").get())) {
      for (Problem.FieldError e : report.errors()) {
        printer.printRecord(e.row(), e.field(), e.message());
      }
    }
  }
}
