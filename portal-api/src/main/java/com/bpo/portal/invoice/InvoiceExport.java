package com.bpo.portal.invoice;

import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes every invoice of a filter as CSV, a keyset page at a time (each page its own short
 * transaction), so that an export of a million rows streams and never sits in memory.
 */
@ApplicationScoped
public class InvoiceExport {
  private static final int PAGE = PageRequest.MAX_LIMIT;

  @Inject InvoiceService invoices;

  public void csv(InvoiceFilter filter, InvoiceSort sort, OutputStream out) throws IOException {
    try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
        CSVFormat.RFC4180.builder().setHeader("invoice_number", "customer_number", "customer_name", "issue_date",
            "due_date", "currency", "total", "open", "status").get())) {
      String cursor = null;
      do {
        Page<InvoiceSummary> page = invoices.list(filter, sort, PageRequest.of(PAGE, cursor));
        for (InvoiceSummary i : page.items()) {
          printer.printRecord(i.number(), i.customerNumber(), i.customerName(), i.issueDate(), i.dueDate(),
              i.total().currency(), i.total().amount().toPlainString(), i.open().amount().toPlainString(),
              i.status().name());
        }
        cursor = page.next();
      } while (cursor != null);
    }
  }
}
