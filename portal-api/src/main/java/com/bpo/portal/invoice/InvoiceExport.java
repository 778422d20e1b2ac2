package com.bpo.portal.invoice;

import com.bpo.portal.audit.AuditTrail;
import com.bpo.portal.shared.CsvOut;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes every invoice of a filter as CSV or XLSX, a keyset page at a time (each page its own short
 * transaction), so that an export of a million rows streams and never sits in memory.
 */
@ApplicationScoped
public class InvoiceExport {
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final int PAGE = PageRequest.MAX_LIMIT;
  private static final String[] COLUMNS = {
    "invoice_number",
    "customer_number",
    "customer_name",
    "issue_date",
    "due_date",
    "currency",
    "total",
    "open",
    "status"
  };

  @Inject InvoiceService invoices;
  @Inject AuditTrail audit;

  public void csv(InvoiceFilter filter, InvoiceSort sort, OutputStream out) throws IOException {
    audit.record(
        AuditTrail.EXPORT,
        "invoice",
        null,
        Map.of("format", "csv", "filter", String.valueOf(filter)));
    try (CsvOut printer = CsvOut.to(out, COLUMNS)) {
      forEach(
          filter,
          sort,
          i ->
              printer.row(
                  i.number(),
                  i.customerNumber(),
                  i.customerName(),
                  i.issueDate(),
                  i.dueDate(),
                  i.total().currency(),
                  i.total().amount(),
                  i.open().amount(),
                  i.status().name()));
    }
  }

  /**
   * The same rows as a spreadsheet, dates as dates and amounts as numbers; fastexcel streams the
   * sheet.
   */
  public void xlsx(InvoiceFilter filter, InvoiceSort sort, OutputStream out) throws IOException {
    audit.record(
        AuditTrail.EXPORT,
        "invoice",
        null,
        Map.of("format", "xlsx", "filter", String.valueOf(filter)));
    Workbook workbook = new Workbook(out, "BPO Client Portal", "1.0");
    Worksheet sheet = workbook.newWorksheet("Invoices");
    for (int c = 0; c < COLUMNS.length; c++) {
      sheet.value(0, c, COLUMNS[c]);
      sheet.style(0, c).bold().set();
    }
    int[] row = {1};
    forEach(
        filter,
        sort,
        i -> {
          int r = row[0]++;
          sheet.value(r, 0, i.number());
          sheet.value(r, 1, i.customerNumber());
          sheet.value(r, 2, i.customerName());
          sheet.value(r, 3, i.issueDate());
          sheet.style(r, 3).format("yyyy-mm-dd").set();
          sheet.value(r, 4, i.dueDate());
          sheet.style(r, 4).format("yyyy-mm-dd").set();
          sheet.value(r, 5, i.total().currency());
          sheet.value(r, 6, i.total().amount());
          sheet.value(r, 7, i.open().amount());
          sheet.value(r, 8, i.status().name());
          if (r % PAGE == 0) {
            sheet.flush(); // keep memory flat on large exports
          }
        });
    workbook.finish();
  }

  @FunctionalInterface
  private interface RowWriter {
    void write(InvoiceSummary invoice) throws IOException;
  }

  private void forEach(InvoiceFilter filter, InvoiceSort sort, RowWriter writer)
      throws IOException {
    String cursor = null;
    do {
      Page<InvoiceSummary> page = invoices.list(filter, sort, PageRequest.of(PAGE, cursor));
      for (InvoiceSummary invoice : page.items()) {
        writer.write(invoice);
      }
      cursor = page.next();
    } while (cursor != null);
  }
}
