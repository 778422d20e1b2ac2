package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams an invoice CSV into the active tenant in one transaction. Rows are read one at a time and
 * an invoice's rows (which must be consecutive) are written as soon as the next invoice starts, in
 * JDBC batches on the transaction's own connection (so row-level security applies). Any error marks
 * the transaction rollback-only and reading goes on, so that the report lists every bad row and
 * nothing of the file is kept. An invoice already present with the same header is left unchanged,
 * which makes importing the same file twice change nothing.
 */
@TenantService
public class InvoiceCsvImport {
  static final int ERRORS_KEPT = 1000;
  private static final int BATCH = 500;

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject TenantContext context;

  @Resource TransactionSynchronizationRegistry transactions;

  public ImportReport apply(Reader csv, String fileName) {
    try (Run run = new Run(em.unwrap(Connection.class), context.requireTenant().id())) {
      read(csv, run);
      boolean rejected = run.errorCount > 0;
      if (rejected) {
        transactions.setRollbackOnly();
      }
      return new ImportReport(null, "INVOICES", fileName,
          rejected ? ImportReport.Outcome.REJECTED : ImportReport.Outcome.APPLIED,
          run.rows, rejected ? 0 : run.created, rejected ? 0 : run.unchanged, run.errorCount, run.errors);
    } catch (SQLException e) {
      throw new IllegalStateException("Import failed in the database", e);
    }
  }

  private static void read(Reader csv, Run run) throws SQLException {
    try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true).setTrim(true).get().parse(csv)) {
      List<String> missing = InvoiceRow.COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
      if (!missing.isEmpty()) {
        run.error(new FieldError(0, "header", "missing column(s) " + missing + "; expected " + InvoiceRow.COLUMNS));
        return;
      }
      for (CSVRecord record : parser) {
        run.accept(record);
      }
      run.finish();
    } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      run.error(new FieldError((int) run.rows + 1, "file", "could not be read as CSV: " + e.getMessage()));
    }
  }

  /** The state of one upload while it streams. */
  private static final class Run implements AutoCloseable {
    final Connection db;
    final String tenant;
    final List<FieldError> errors = new ArrayList<>();
    long errorCount;
    long rows;
    long created;
    long unchanged;
    final Map<String, Customer> customers = new HashMap<>();
    /** Invoice numbers finished in this file: a number seen again later is a duplicate. */
    final Set<String> finished = new HashSet<>();
    /** The rows of the invoice being read, and its number. */
    final List<InvoiceRow> current = new ArrayList<>();
    String currentNumber;
    boolean currentBroken;
    final Deque<Long> ids = new ArrayDeque<>();
    int pending;
    // prepared once per upload: every invoice and customer is looked up and written through these
    final PreparedStatement findInvoice;
    final PreparedStatement findCustomer;
    final PreparedStatement insertInvoice;
    final PreparedStatement insertLine;

    record Customer(long id, String currency) {}

    Run(Connection db, String tenant) throws SQLException {
      this.db = db;
      this.tenant = tenant;
      findInvoice = db.prepareStatement("select customer_account_id, issue_date, due_date, currency, total_amount "
          + "from invoice where tenant_id = ? and number = ?");
      findCustomer = db.prepareStatement("select id, currency from customer_account where tenant_id = ? and number = ?");
      insertInvoice = db.prepareStatement("insert into invoice (tenant_id, id, number, customer_account_id, "
          + "issue_date, due_date, currency, net_amount, tax_amount, total_amount) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      insertLine = db.prepareStatement("insert into invoice_line (tenant_id, invoice_id, line_no, description, "
          + "quantity, unit_price, tax_rate, net_amount, tax_amount) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    @Override
    public void close() throws SQLException {
      for (PreparedStatement statement : List.of(findInvoice, findCustomer, insertInvoice, insertLine)) {
        statement.close();
      }
    }

    void error(FieldError error) {
      errorCount++;
      if (errors.size() < ERRORS_KEPT) {
        errors.add(error);
      }
    }

    void accept(CSVRecord record) throws SQLException {
      rows++;
      List<FieldError> rowErrors = new ArrayList<>();
      InvoiceRow row = InvoiceRow.parse(record, rows, rowErrors);
      rowErrors.forEach(this::error);
      String number = record.isMapped("invoice_number") ? record.get("invoice_number").trim() : "";
      if (!current.isEmpty() && !number.equals(currentNumber)) {
        flush();
      }
      if (current.isEmpty()) {
        currentNumber = number;
        if (finished.contains(number)) {
          error(new FieldError((int) rows, "invoice_number", "'" + number
              + "' appears again after other invoices: an invoice's rows must be together and its number unique"));
          currentBroken = true;
        }
      }
      current.add(row); // null for a row with field errors: the invoice is then not written
      currentBroken |= row == null;
    }

    void finish() throws SQLException {
      flush();
      if (errorCount == 0) {
        executeBatches();
      }
    }

    /** Checks the finished invoice as a whole and queues it for writing. */
    void flush() throws SQLException {
      if (current.isEmpty()) {
        return;
      }
      finished.add(currentNumber);
      List<InvoiceRow> lines = current.stream().filter(Objects::nonNull).toList();
      boolean broken = currentBroken;
      current.clear();
      currentBroken = false;
      if (broken || lines.isEmpty()) {
        return;
      }
      InvoiceRow first = lines.get(0);
      Set<Integer> lineNumbers = new HashSet<>();
      for (InvoiceRow line : lines) {
        if (!line.header().equals(first.header())) {
          error(new FieldError((int) line.row(), "invoice_number",
              "customer, dates, currency or invoice_total differ from the invoice's first row " + first.row()));
          return;
        }
        if (!lineNumbers.add(line.lineNo())) {
          error(new FieldError((int) line.row(), "line_no", "line " + line.lineNo() + " appears twice in this invoice"));
          return;
        }
      }
      BigDecimal net = lines.stream().map(InvoiceRow::net).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal tax = lines.stream().map(InvoiceRow::tax).reduce(BigDecimal.ZERO, BigDecimal::add);
      if (net.add(tax).compareTo(first.invoiceTotal()) != 0) {
        error(new FieldError((int) first.row(), "invoice_total", "is " + first.invoiceTotal()
            + " but the lines add up to " + net.add(tax) + " (net " + net + " + tax " + tax + ")"));
        return;
      }
      Customer customer = customer(first.customerNumber());
      if (customer == null) {
        error(new FieldError((int) first.row(), "customer_number",
            "no customer account '" + first.customerNumber() + "' in this tenant"));
        return;
      }
      if (!customer.currency().equals(first.currency())) {
        error(new FieldError((int) first.row(), "currency",
            "customer " + first.customerNumber() + " is billed in " + customer.currency()));
        return;
      }
      switch (existing(first, customer, net.add(tax))) {
        case SAME -> unchanged++;
        case DIFFERENT -> error(new FieldError((int) first.row(), "invoice_number", "invoice '"
            + first.invoiceNumber() + "' already exists with a different customer, dates, currency or total"));
        case NONE -> {
          if (errorCount == 0) {
            queue(first, customer, net, tax, lines);
          }
          created++;
        }
      }
    }

    enum Existing { NONE, SAME, DIFFERENT }

    Existing existing(InvoiceRow first, Customer customer, BigDecimal total) throws SQLException {
      findInvoice.setString(1, tenant);
      findInvoice.setString(2, first.invoiceNumber());
      try (ResultSet rs = findInvoice.executeQuery()) {
        if (!rs.next()) {
          return Existing.NONE;
        }
        boolean same = rs.getLong(1) == customer.id()
            && rs.getObject(2, LocalDate.class).equals(first.issueDate())
            && rs.getObject(3, LocalDate.class).equals(first.dueDate())
            && rs.getString(4).trim().equals(first.currency())
            && rs.getBigDecimal(5).compareTo(total) == 0;
        return same ? Existing.SAME : Existing.DIFFERENT;
      }
    }

    /** Looked up once per customer number of the file; an unknown number is remembered as null. */
    Customer customer(String number) throws SQLException {
      if (customers.containsKey(number)) {
        return customers.get(number);
      }
      Customer found = null;
      findCustomer.setString(1, tenant);
      findCustomer.setString(2, number);
      try (ResultSet rs = findCustomer.executeQuery()) {
        if (rs.next()) {
          found = new Customer(rs.getLong(1), rs.getString(2).trim());
        }
      }
      customers.put(number, found);
      return found;
    }

    void queue(InvoiceRow first, Customer customer, BigDecimal net, BigDecimal tax, List<InvoiceRow> lines)
        throws SQLException {
      long id = nextId();
      insertInvoice.setString(1, tenant);
      insertInvoice.setLong(2, id);
      insertInvoice.setString(3, first.invoiceNumber());
      insertInvoice.setLong(4, customer.id());
      insertInvoice.setObject(5, first.issueDate());
      insertInvoice.setObject(6, first.dueDate());
      insertInvoice.setString(7, first.currency());
      insertInvoice.setBigDecimal(8, net);
      insertInvoice.setBigDecimal(9, tax);
      insertInvoice.setBigDecimal(10, net.add(tax));
      insertInvoice.addBatch();
      for (InvoiceRow line : lines) {
        insertLine.setString(1, tenant);
        insertLine.setLong(2, id);
        insertLine.setInt(3, line.lineNo());
        insertLine.setString(4, line.description());
        insertLine.setBigDecimal(5, line.quantity());
        insertLine.setBigDecimal(6, line.unitPrice());
        insertLine.setBigDecimal(7, line.taxRate());
        insertLine.setBigDecimal(8, line.net());
        insertLine.setBigDecimal(9, line.tax());
        insertLine.addBatch();
      }
      if (++pending >= BATCH) {
        executeBatches();
      }
    }

    /** Invoices before their lines: the lines' foreign key needs them. */
    void executeBatches() throws SQLException {
      if (pending == 0) {
        return;
      }
      insertInvoice.executeBatch();
      insertLine.executeBatch();
      pending = 0;
    }

    /** Ids come from the invoice sequence a block at a time, as EclipseLink draws them. */
    long nextId() throws SQLException {
      if (ids.isEmpty()) {
        try (PreparedStatement q = db.prepareStatement(
            "select nextval('invoice_id_seq') from generate_series(1, " + BATCH + ")");
             ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
      }
      return ids.poll();
    }
  }

}
