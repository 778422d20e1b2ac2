package com.bpo.portal.invoice.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.shared.Problem.FieldError;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The sample files that docs/IMPORT.md points to have every column and no row a parser refuses. */
class SampleFilesTest {
  private interface RowParser {
    Object parse(CSVRecord record, long row, List<FieldError> errors);
  }

  private static void assertClean(String file, List<String> columns, RowParser parser)
      throws IOException {
    try (Reader in = Files.newBufferedReader(Path.of("../samples", file), StandardCharsets.UTF_8);
        CSVParser csv =
            CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .get()
                .parse(in)) {
      assertTrue(
          csv.getHeaderMap().keySet().containsAll(columns),
          file + ": " + csv.getHeaderMap().keySet());
      List<FieldError> errors = new ArrayList<>();
      long rows = 0;
      for (CSVRecord record : csv) {
        parser.parse(record, ++rows, errors);
      }
      assertTrue(rows > 0, file);
      assertEquals(List.of(), errors, file);
    }
  }

  @Test
  void theInvoicesSampleParses() throws IOException {
    assertClean("invoices.csv", InvoiceRow.COLUMNS, InvoiceRow::parse);
  }

  @Test
  void theCustomersSampleParses() throws IOException {
    assertClean("customers.csv", CustomerRow.COLUMNS, CustomerRow::parse);
  }

  @Test
  void thePaymentsSampleParses() throws IOException {
    assertClean("payments.csv", PaymentRow.COLUMNS, PaymentRow::parse);
  }
}
