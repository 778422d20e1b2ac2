package com.bpo.portal.it.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.it.Portal;
import com.bpo.portal.it.Portal.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The receivable balances kept by V92's triggers equal the invoices recomputed from scratch after
 * every kind of change made through the API (an import of invoices, payments, a dispute, its
 * resolution by credit note and by write-off) and after many concurrent writers; the aging, DSO and
 * the customer home read them and still say what the invoices say. Fixture: acme customers and
 * invoices numbered FIX-BAL-.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReceivableBalancesIT {
  static final String FIXTURE = "FIX-BAL-";
  static final String INVOICES =
      "invoice_number,customer_number,issue_date,due_date,currency,line_no,description,"
          + "quantity,unit_price,tax_rate,invoice_total\n";
  static final String PAYMENTS =
      "payment_reference,customer_number,received_on,currency,amount,invoice_number,"
          + "applied_amount\n";
  static final LocalDate TODAY = LocalDate.now();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Portal.war();
  }

  @BeforeEach
  void createCustomers() throws SQLException {
    removeFixture();
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db, "acme");
      try (Statement s = db.createStatement()) {
        s.executeUpdate(
            "insert into customer_account (tenant_id, number, name, country, currency) values "
                + "('acme', 'FIX-BAL-C1', 'Balances fixture 1', 'US', 'USD'), "
                + "('acme', 'FIX-BAL-C2', 'Balances fixture 2', 'US', 'USD')");
      }
      db.commit();
    }
  }

  @AfterEach
  void removeFixture() throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db, "acme");
      String ours = "(select id from invoice where tenant_id = 'acme' and number like 'FIX-BAL-%')";
      try (Statement s = db.createStatement()) {
        s.executeUpdate(
            "delete from dispute where tenant_id = 'acme' and id in (select dispute_id from "
                + "dispute_item where tenant_id = 'acme' and invoice_id in "
                + ours
                + ")");
        s.executeUpdate(
            "delete from credit_note where tenant_id = 'acme' and invoice_id in " + ours);
        s.executeUpdate(
            "delete from payment_allocation where tenant_id = 'acme' and invoice_id in " + ours);
        s.executeUpdate("delete from payment where reference like 'FIX-BAL-%'");
        s.executeUpdate("delete from invoice where number like 'FIX-BAL-%'");
        s.executeUpdate("delete from customer_account where number like 'FIX-BAL-%'");
      }
      db.commit();
    }
  }

  @Test
  void everyKindOfChangeThroughTheApiKeepsTheBalancesEqualToTheInvoices() throws SQLException {
    assertNoDrift("before anything");
    String csv =
        INVOICES
            + line("FIX-BAL-1", "FIX-BAL-C1", -40, 10, "1000.00")
            + line("FIX-BAL-2", "FIX-BAL-C1", -60, -20, "500.00")
            + line("FIX-BAL-3", "FIX-BAL-C1", -80, -45, "300.00")
            + line("FIX-BAL-4", "FIX-BAL-C2", -80, -45, "200.00")
            + line("FIX-BAL-5", "FIX-BAL-C2", -60, -20, "100.00");
    assertEquals(201, upload("invoices", csv).status());
    assertNoDrift("after the import");
    assertAging("FIX-BAL-C1", "1000.00", "500.00", "300.00", "0.00", "1800.00");

    Reply paid =
        upload(
            "payments",
            PAYMENTS
                + "FIX-BAL-P1,FIX-BAL-C1,"
                + TODAY
                + ",USD,350.00,FIX-BAL-2,250.00\n"
                + "FIX-BAL-P1,FIX-BAL-C1,"
                + TODAY
                + ",USD,350.00,FIX-BAL-3,100.00\n"
                + "FIX-BAL-P2,FIX-BAL-C2,"
                + TODAY
                + ",USD,100.00,FIX-BAL-5,100.00\n");
    assertEquals(201, paid.status(), paid.body());
    assertNoDrift("after payments, one paying an invoice in full");
    assertAging("FIX-BAL-C1", "1000.00", "250.00", "200.00", "0.00", "1450.00");

    long credited = raiseDispute("FIX-BAL-1", "150.00");
    assertNoDrift("after a dispute is raised");
    assertAging("FIX-BAL-C1", "850.00", "250.00", "200.00", "150.00", "1450.00");
    resolve(credited, "PARTLY_ACCEPTED", "100.00");
    assertNoDrift("after a dispute is resolved with a credit note");
    assertAging("FIX-BAL-C1", "900.00", "250.00", "200.00", "0.00", "1350.00");

    long writtenOff = raiseDispute("FIX-BAL-3", "200.00");
    assertNoDrift("after a dispute of a whole open amount");
    resolve(writtenOff, "WRITTEN_OFF", null);
    assertNoDrift("after a write-off closes the invoice");
    assertAging("FIX-BAL-C1", "900.00", "250.00", "0.00", "0.00", "1150.00");

    assertApiFiguresEqualTheInvoices();
    Reply check = Portal.get("/api/v1/receivables/balances/check", "ops.lead", "acme");
    assertEquals(200, check.status(), check.body());
    assertTrue(check.json().getBoolean("equal"), check.body());

    // the check finds a summary that no longer says what the invoices say, and names its key
    long customer = customerId("FIX-BAL-C1");
    shiftKeptBalance(customer, "1.00");
    try {
      Reply drifted = Portal.get("/api/v1/receivables/balances/check", "ops.lead", "acme");
      assertEquals(200, drifted.status(), drifted.body());
      assertFalse(drifted.json().getBoolean("equal"), drifted.body());
      var keys = drifted.json().getJsonArray("drift");
      assertEquals(1, keys.size(), drifted.body());
      assertEquals("receivable_balance", keys.getJsonObject(0).getString("summary"));
      assertEquals(customer, keys.getJsonObject(0).getJsonNumber("customerId").longValue());
    } finally {
      shiftKeptBalance(customer, "-1.00");
    }
    assertNoDrift("after the kept balance is put back");
  }

  @Test
  void aStatementOfThousandsOfPaymentsKeepsThePaymentsLeftToApplyEqual() throws SQLException {
    // more rows than unapplied_payment's trigger plans with nested loops for (V105): its bulk path
    long customer = customerId("FIX-BAL-C1");
    asApplicationRole(
        "insert into payment (tenant_id, reference, customer_account_id, received_on, currency,"
            + " amount) select 'acme', 'FIX-BAL-BULK-' || g, "
            + customer
            + ", current_date, 'USD', 1 + g % 50 from generate_series(1, 6000) g");
    String range =
        (String)
            valueAsApplicationRole(
                "select min(id) || ' and ' || max(id) from payment"
                    + " where reference like 'FIX-BAL-BULK-%'",
                false);
    String kept =
        "select count(*) || '|' || coalesce(sum(unapplied), 0) from unapplied_payment"
            + " where payment_id between "
            + range;
    assertEquals("6000|153000.00", valueAsApplicationRole(kept, false));
    assertNoDrift("after 6,000 payments in one statement");
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db, "acme");
      try (Statement s = db.createStatement()) {
        assertEquals(
            6000, s.executeUpdate("delete from payment where reference like 'FIX-BAL-BULK-%'"));
      }
      db.commit();
    }
    assertEquals("0|0", valueAsApplicationRole(kept, false));
    assertNoDrift("after the 6,000 payments are deleted in one statement");
  }

  @Test
  void anImportsDeferredBalancesAreFoldedOnceAndATransactionCannotCommitWithoutTheFold()
      throws SQLException {
    long customer = customerId("FIX-BAL-C1");
    String insert =
        "insert into invoice (tenant_id, number, customer_account_id, issue_date, due_date,"
            + " currency, net_amount, tax_amount, total_amount) values ('acme', ?, ?,"
            + " current_date - 30, current_date + 30, 'USD', ?, 0, ?)";
    // deferred, then never folded: the commit is refused and nothing is kept
    try (Connection db = Portal.asApplicationRole()) {
      db.setAutoCommit(false);
      bind(db, "acme");
      try (Statement s = db.createStatement()) {
        s.execute("select begin_deferred_balances()");
      }
      addInvoice(db, insert, "FIX-BAL-D1", customer, "70.00");
      SQLException refused = assertThrows(SQLException.class, db::commit);
      assertEquals("55000", refused.getSQLState(), refused.getMessage());
    }
    assertEquals(0L, invoiceCount("FIX-BAL-D1"));

    // the flag set by hand, without the deferral's table: the write fails, nothing is skipped
    try (Connection db = Portal.asApplicationRole()) {
      db.setAutoCommit(false);
      bind(db, "acme");
      try (Statement s = db.createStatement()) {
        s.execute("select set_config('portal.balances_deferred', 'on', true)");
      }
      assertThrows(
          SQLException.class, () -> addInvoice(db, insert, "FIX-BAL-D2", customer, "80.00"));
      db.rollback();
    }

    // deferred over three statements (one an update), folded once: the summaries equal the invoices
    try (Connection db = Portal.asApplicationRole()) {
      db.setAutoCommit(false);
      bind(db, "acme");
      try (Statement s = db.createStatement()) {
        s.execute("select begin_deferred_balances()");
      }
      addInvoice(db, insert, "FIX-BAL-D3", customer, "90.00");
      addInvoice(db, insert, "FIX-BAL-D4", customer, "10.00");
      try (Statement s = db.createStatement()) {
        assertEquals(
            1,
            s.executeUpdate(
                "update invoice set net_amount = 95.00, total_amount = 95.00"
                    + " where number = 'FIX-BAL-D3'"));
        assertEquals(
            "0",
            scalar(
                s,
                "select count(*) from receivable_balance where customer_account_id = " + customer),
            "nothing reaches the summaries before the fold");
        s.execute("select fold_deferred_balances()");
        assertEquals(
            "105.00|2",
            scalar(
                s,
                "select sum(open_amount) || '|' || sum(open_count) from receivable_balance"
                    + " where customer_account_id = "
                    + customer),
            "the fold adds the three statements' changes");
      }
      db.commit();
    }
    assertNoDrift("after a deferred and folded transaction");
  }

  private static void addInvoice(
      Connection db, String insert, String number, long customer, String amount)
      throws SQLException {
    try (PreparedStatement q = db.prepareStatement(insert)) {
      q.setString(1, number);
      q.setLong(2, customer);
      q.setBigDecimal(3, new BigDecimal(amount));
      q.setBigDecimal(4, new BigDecimal(amount));
      assertEquals(1, q.executeUpdate());
    }
  }

  private static String scalar(Statement s, String query) throws SQLException {
    try (ResultSet rs = s.executeQuery(query)) {
      assertTrue(rs.next(), query);
      return rs.getString(1);
    }
  }

  private static long invoiceCount(String number) throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db, "acme");
      try (PreparedStatement q =
          db.prepareStatement("select count(*) from invoice where number = ?")) {
        q.setString(1, number);
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        } finally {
          db.rollback();
        }
      }
    }
  }

  /**
   * Moves one kept balance row of the customer by {@code amount} behind the triggers' back (as the
   * owner), so that it no longer equals the invoices.
   */
  private static void shiftKeptBalance(long customer, String amount) throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db, "acme");
      try (PreparedStatement u =
          db.prepareStatement(
              "update receivable_balance set open_amount = open_amount + ?::numeric"
                  + " where tenant_id = 'acme' and customer_account_id = ? and due_date ="
                  + " (select min(due_date) from receivable_balance"
                  + " where tenant_id = 'acme' and customer_account_id = ?)")) {
        u.setString(1, amount);
        u.setLong(2, customer);
        u.setLong(3, customer);
        assertEquals(1, u.executeUpdate(), "one kept balance row of the customer");
      }
      db.commit();
    }
  }

  @Test
  void concurrentWritersLeaveTheBalancesEqualToTheInvoices() throws Exception {
    // twelve invoices over four due dates and two customers, so that writers meet on keys
    StringBuilder csv = new StringBuilder(INVOICES);
    for (int i = 0; i < 12; i++) {
      csv.append(
          line(
              FIXTURE + "K" + i,
              i % 2 == 0 ? "FIX-BAL-C1" : "FIX-BAL-C2",
              -90,
              -30 * (i % 4) + 5,
              "1000.00"));
    }
    assertEquals(201, upload("invoices", csv.toString()).status());
    assertNoDrift("after the import");

    AtomicInteger retries = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<Integer>> writers = new ArrayList<>();
    for (int w = 0; w < 5; w++) {
      int seed = w;
      writers.add(pool.submit(() -> writeAtRandom(seed, 40, retries)));
    }
    // and payments through the API at the same time
    writers.add(
        pool.submit(
            (Callable<Integer>)
                () -> {
                  for (int p = 0; p < 4; p++) {
                    Reply r =
                        upload(
                            "payments",
                            PAYMENTS
                                + "FIX-BAL-Q"
                                + p
                                + ",FIX-BAL-C1,"
                                + TODAY
                                + ",USD,1.00,FIX-BAL-K"
                                + (2 * p)
                                + ",1.00\n");
                    assertEquals(201, r.status(), r.body());
                  }
                  return 4;
                }));
    int done = 0;
    for (Future<Integer> writer : writers) {
      done += writer.get();
    }
    pool.shutdown();
    assertEquals(5 * 40 + 4, done);
    assertNoDrift("after concurrent writers (" + retries.get() + " deadlock retries)");
    assertApiFiguresEqualTheInvoices();
  }

  /**
   * The payments left to apply (V102) follow every allocation: a payment applied in part through
   * the API keeps its rest, one applied in full leaves the table, an allocation undone gives the
   * amount back, and many writers allocating one payment at once leave the table equal to the
   * payments and allocations. The close pack's unapplied cash reads it.
   */
  @Test
  void thePaymentsLeftToApplyFollowEveryAllocation() throws Exception {
    String csv =
        INVOICES
            + line("FIX-BAL-U1", "FIX-BAL-C1", -40, 10, "1000.00")
            + line("FIX-BAL-U2", "FIX-BAL-C1", -60, -20, "500.00");
    assertEquals(201, upload("invoices", csv).status());
    Reply paid =
        upload(
            "payments",
            PAYMENTS
                + "FIX-BAL-PU1,FIX-BAL-C1,"
                + TODAY
                + ",USD,700.00,FIX-BAL-U2,500.00\n"
                + "FIX-BAL-PU2,FIX-BAL-C1,"
                + TODAY
                + ",USD,40.00,FIX-BAL-U1,40.00\n");
    assertEquals(201, paid.status(), paid.body());
    assertEquals("200.00", leftToApply("FIX-BAL-PU1"), "700 received, 500 applied");
    assertEquals(null, leftToApply("FIX-BAL-PU2"), "applied in full: not kept");
    assertNoDrift("after a payment applied in part and one in full");

    long invoice = invoiceId("FIX-BAL-U1");
    long payment = idOf("select id from payment where reference = ?", "FIX-BAL-PU2");
    asApplicationRole(
        "delete from payment_allocation where tenant_id = 'acme' and payment_id = " + payment);
    assertEquals("40.00", leftToApply("FIX-BAL-PU2"), "an allocation undone gives the amount back");
    assertNoDrift("after an allocation is deleted");
    asApplicationRole(
        "update payment set amount = 45.00 where tenant_id = 'acme' and id = " + payment);
    assertEquals("45.00", leftToApply("FIX-BAL-PU2"), "a corrected amount is left to apply");
    assertNoDrift("after a payment's amount is corrected");

    // six writers at once each allocate one cent at a time of the same payment to the invoice
    long shared = idOf("select id from payment where reference = ?", "FIX-BAL-PU1");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<Integer>> writers = new ArrayList<>();
    for (int w = 0; w < 6; w++) {
      writers.add(
          pool.submit(
              () -> {
                int done = 0;
                try (Connection db = Portal.asApplicationRole()) {
                  db.setAutoCommit(false);
                  for (int i = 0; i < 10; i++) {
                    bind(db, "acme");
                    try (Statement s = db.createStatement()) {
                      s.executeUpdate(
                          "insert into payment_allocation (tenant_id, payment_id, invoice_id, amount)"
                              + " values ('acme', "
                              + shared
                              + ", "
                              + invoice
                              + ", 0.01) on conflict (tenant_id, payment_id, invoice_id)"
                              + " do update set amount = payment_allocation.amount + 0.01");
                    }
                    db.commit();
                    done++;
                  }
                }
                return done;
              }));
    }
    int done = 0;
    for (Future<Integer> writer : writers) {
      done += writer.get();
    }
    pool.shutdown();
    assertEquals(60, done);
    assertEquals("199.40", leftToApply("FIX-BAL-PU1"), "200.00 less sixty cents");
    assertNoDrift("after concurrent allocations of one payment");

    // the sixty allocations of a cent each left a delta row each in allocation_day (V103); the
    // nightly fold leaves one row per key and the same sums
    long before = allocationDayRows();
    assertTrue(before >= 60, "a delta row per allocating statement, found " + before);
    long folded =
        ((Number) valueAsApplicationRole("select allocation_day_compact('acme')", true))
            .longValue();
    assertTrue(folded >= 59, "rows folded: " + folded);
    assertTrue(allocationDayRows() <= before - 59, "one row per key after the fold");
    assertNoDrift("after the allocation days are folded");
    // bound to acme, another tenant's days cannot be named
    SQLException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            SQLException.class,
            () -> valueAsApplicationRole("select allocation_day_compact('globex')", true));
    assertEquals("42501", refused.getSQLState(), refused.getMessage());

    // a kept row moved behind the triggers' back is drift, named with its customer
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db, "acme");
      try (Statement s = db.createStatement()) {
        assertEquals(
            1,
            s.executeUpdate(
                "update unapplied_payment set unapplied = unapplied + 1 where payment_id = "
                    + shared));
      }
      db.commit();
    }
    Reply drifted = Portal.get("/api/v1/receivables/balances/check", "ops.lead", "acme");
    assertEquals(200, drifted.status(), drifted.body());
    assertFalse(drifted.json().getBoolean("equal"), drifted.body());
    var keys = drifted.json().getJsonArray("drift");
    assertEquals(1, keys.size(), drifted.body());
    assertEquals("unapplied_payment", keys.getJsonObject(0).getString("summary"));
    assertEquals(
        customerId("FIX-BAL-C1"), keys.getJsonObject(0).getJsonNumber("customerId").longValue());

    // the allocations and the payment deleted: nothing of it is kept
    asApplicationRole(
        "delete from payment_allocation where tenant_id = 'acme' and payment_id in ("
            + shared
            + ", "
            + payment
            + ")");
    asApplicationRole(
        "delete from payment where tenant_id = 'acme' and id in (" + shared + ", " + payment + ")");
    assertEquals(null, leftToApply("FIX-BAL-PU1"));
    assertEquals(null, leftToApply("FIX-BAL-PU2"));
    assertNoDrift("after the payments are deleted");
  }

  /** The rows of acme's allocation days (V103), as the application role reads them. */
  private static long allocationDayRows() throws SQLException {
    return ((Number) valueAsApplicationRole("select count(*) from allocation_day", false))
        .longValue();
  }

  /** What is kept as left to apply of a payment, read as the application role; null when none. */
  private static String leftToApply(String reference) throws SQLException {
    Object left =
        valueAsApplicationRole(
            "select u.unapplied from unapplied_payment u join payment p"
                + " on p.tenant_id = u.tenant_id and p.id = u.payment_id where p.reference = ?",
            false,
            reference);
    return left == null ? null : ((BigDecimal) left).toPlainString();
  }

  /**
   * The first column of the query's first row (null when it has none), as the application role
   * bound to acme; committed when {@code commit}, else rolled back.
   */
  private static Object valueAsApplicationRole(String query, boolean commit, Object... parameters)
      throws SQLException {
    try (Connection db = Portal.asApplicationRole()) {
      db.setAutoCommit(false);
      bind(db, "acme");
      try (PreparedStatement q = db.prepareStatement(query)) {
        for (int i = 0; i < parameters.length; i++) {
          q.setObject(i + 1, parameters[i]);
        }
        try (ResultSet rs = q.executeQuery()) {
          Object value = rs.next() ? rs.getObject(1) : null;
          if (commit) {
            db.commit();
          } else {
            db.rollback();
          }
          return value;
        }
      }
    }
  }

  private static void asApplicationRole(String statement) throws SQLException {
    try (Connection db = Portal.asApplicationRole()) {
      db.setAutoCommit(false);
      bind(db, "acme");
      try (Statement s = db.createStatement()) {
        s.executeUpdate(statement);
      }
      db.commit();
    }
  }

  /**
   * {@code transactions} transactions as the application role, each changing one to three fixture
   * invoices (paid, disputed and undisputed amounts, due date) in due-date order, as a payment is
   * applied oldest first; sometimes adding or deleting an invoice. Retries a deadlock.
   */
  private static int writeAtRandom(int seed, int transactions, AtomicInteger retries)
      throws SQLException {
    Random random = new Random(seed);
    int done = 0;
    try (Connection db = Portal.asApplicationRole()) {
      db.setAutoCommit(false);
      while (done < transactions) {
        try {
          bind(db, "acme");
          List<Long> ids = new ArrayList<>();
          try (PreparedStatement q =
              db.prepareStatement(
                  "select id from invoice where number like 'FIX-BAL-K%' and open_amount > 0 "
                      + "order by random() limit ?")) {
            q.setInt(1, 1 + random.nextInt(3));
            try (ResultSet rs = q.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getLong(1));
              }
            }
          }
          try (PreparedStatement lock =
              db.prepareStatement(
                  "select id from invoice where id = any(?) order by due_date, id for update")) {
            lock.setArray(1, db.createArrayOf("bigint", ids.toArray()));
            List<Long> ordered = new ArrayList<>();
            try (ResultSet rs = lock.executeQuery()) {
              while (rs.next()) {
                ordered.add(rs.getLong(1));
              }
            }
            ids = ordered;
          }
          for (long id : ids) {
            change(db, id, random.nextInt(4), random);
          }
          if (random.nextInt(5) == 0) {
            try (Statement s = db.createStatement()) {
              s.executeUpdate(
                  "insert into invoice (tenant_id, number, customer_account_id, issue_date, due_date,"
                      + " currency, net_amount, tax_amount, total_amount) select 'acme', 'FIX-BAL-K"
                      + seed
                      + "-"
                      + done
                      + "', id, current_date - 10, current_date + "
                      + random.nextInt(3)
                      + ", 'USD', 50, 0, 50 from customer_account where number = 'FIX-BAL-C1'");
            }
          }
          db.commit();
          done++;
        } catch (SQLException e) {
          db.rollback();
          if (!"40P01".equals(e.getSQLState()) && !"40001".equals(e.getSQLState())) {
            throw e;
          }
          retries.incrementAndGet();
        }
      }
    }
    return done;
  }

  private static void change(Connection db, long id, int kind, Random random) throws SQLException {
    String update =
        switch (kind) {
          case 0 -> "update invoice set paid_amount = paid_amount + least(open_amount, ?)";
          case 1 ->
              "update invoice set disputed_amount = least(open_amount, disputed_amount + ?),"
                  + " disputed = true";
          case 2 ->
              "update invoice set disputed_amount = greatest(disputed_amount - ?, 0),"
                  + " disputed = disputed_amount - 1 > 0";
          default ->
              "update invoice set written_off_amount = written_off_amount + least(open_amount, ?)";
        };
    try (PreparedStatement s = db.prepareStatement(update + " where id = ?")) {
      s.setBigDecimal(1, BigDecimal.valueOf(1 + random.nextInt(30)));
      s.setLong(2, id);
      s.executeUpdate();
    }
  }

  // ------------------------------------------------------------------ checks

  /**
   * The keys where the kept summaries differ from the invoices and payments, read as the
   * application role.
   */
  private static void assertNoDrift(String when) throws SQLException {
    try (Connection db = Portal.asApplicationRole()) {
      db.setAutoCommit(false);
      db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      bind(db, "acme");
      List<String> drift = new ArrayList<>();
      try (PreparedStatement q =
              db.prepareStatement(
                  "select summary, customer_account_id, currency, day, expected::text, actual::text"
                      + " from balance_drift('acme')");
          ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          drift.add(
              rs.getString(1)
                  + " "
                  + rs.getObject(2)
                  + " "
                  + rs.getString(3)
                  + " "
                  + rs.getObject(4)
                  + ": invoices "
                  + rs.getString(5)
                  + ", summary "
                  + rs.getString(6));
        }
      }
      db.rollback();
      assertEquals(List.of(), drift, when);
    }
  }

  /**
   * The aging, DSO and the customer home through the API against the same figures computed from the
   * invoices as they were before the summaries (the queries of the previous version).
   */
  private static void assertApiFiguresEqualTheInvoices() throws SQLException {
    // The API's default day is the tenant's (its time zone), the database's current_date is UTC's:
    // near midnight they differ, so both sides are given the same day.
    LocalDate asOf = LocalDate.now(ZoneOffset.UTC);
    JsonObject aging =
        Portal.get("/api/v1/receivables/aging?limit=5000&asOf=" + asOf, "ops.lead", "acme").json();
    JsonObject dso =
        Portal.get("/api/v1/receivables/dso?days=90&asOf=" + asOf, "ops.lead", "acme").json();
    String day = "date '" + asOf + "'";
    try (Connection db = Portal.asApplicationRole()) {
      db.setAutoCommit(false);
      bind(db, "acme");
      try (PreparedStatement q =
              db.prepareStatement(
                  """
              select currency, sum(open_amount) total,
                     sum(greatest(open_amount - disputed_amount, 0)) filter (where due_date >= %s) cur,
                     sum(greatest(open_amount - disputed_amount, 0)) filter (where %s - due_date > 90) over90,
                     sum(least(disputed_amount, open_amount)) disputed
              from invoice where open_amount > 0 group by currency order by currency"""
                      .formatted(day, day));
          ResultSet rs = q.executeQuery()) {
        List<String> expected = new ArrayList<>();
        while (rs.next()) {
          expected.add(
              String.join(
                  "|",
                  rs.getString(1).trim(),
                  plain(rs.getBigDecimal(2)),
                  plain(rs.getBigDecimal(3)),
                  plain(rs.getBigDecimal(4)),
                  plain(rs.getBigDecimal(5))));
        }
        List<String> shown =
            aging.getJsonArray("totals").getValuesAs(JsonObject.class).stream()
                .map(
                    t ->
                        String.join(
                            "|",
                            t.getJsonObject("total").getString("currency"),
                            t.getJsonObject("total").getString("amount"),
                            t.getJsonObject("current").getString("amount"),
                            t.getJsonObject("over90").getString("amount"),
                            t.getJsonObject("disputed").getString("amount")))
                .toList();
        assertEquals(expected, shown, "aging totals per currency");
      }
      try (PreparedStatement q =
              db.prepareStatement(
                  """
              select currency,
                     coalesce(sum(open_amount) filter (where open_amount > 0), 0) receivables,
                     coalesce(sum(total_amount) filter (where issue_date > %s - 90
                                                        and issue_date <= %s), 0) sales,
                     coalesce(sum(greatest(open_amount - disputed_amount, 0))
                              filter (where open_amount > 0 and due_date < %s), 0) overdue
              from invoice group by currency order by currency"""
                      .formatted(day, day, day));
          ResultSet rs = q.executeQuery()) {
        List<String> expected = new ArrayList<>();
        while (rs.next()) {
          expected.add(
              String.join(
                  "|",
                  rs.getString(1).trim(),
                  plain(rs.getBigDecimal(2)),
                  plain(rs.getBigDecimal(3)),
                  plain(rs.getBigDecimal(4))));
        }
        List<String> shown =
            dso.getJsonArray("figures").getValuesAs(JsonObject.class).stream()
                .map(
                    f ->
                        String.join(
                            "|",
                            f.getJsonObject("receivables").getString("currency"),
                            f.getJsonObject("receivables").getString("amount"),
                            f.getJsonObject("sales").getString("amount"),
                            f.getJsonObject("overdue").getString("amount")))
                .toList();
        assertEquals(expected, shown, "DSO sums per currency");
      }
      db.rollback();
    }
  }

  private static String plain(BigDecimal amount) {
    return (amount == null ? BigDecimal.ZERO : amount).setScale(2).toPlainString();
  }

  /** One customer's aging through the API: current, 1-30, 31-60, disputed and total. */
  private static void assertAging(
      String customer,
      String current,
      String days1To30,
      String days31To60,
      String disputed,
      String total)
      throws SQLException {
    long id = customerId(customer);
    Reply reply = Portal.get("/api/v1/receivables/aging?customer=" + id, "ops.lead", "acme");
    assertEquals(200, reply.status(), reply.body());
    JsonObject row = reply.json().getJsonArray("customers").getJsonObject(0);
    assertEquals(
        List.of(current, days1To30, days31To60, disputed, total),
        List.of(
            row.getJsonObject("current").getString("amount"),
            row.getJsonObject("days1To30").getString("amount"),
            row.getJsonObject("days31To60").getString("amount"),
            row.getJsonObject("disputed").getString("amount"),
            row.getJsonObject("total").getString("amount")),
        reply.body());
  }

  // ------------------------------------------------------------------ helpers

  private static String line(
      String number, String customer, int issuedDaysAgo, int dueInDays, String total) {
    return String.join(
            ",",
            number,
            customer,
            TODAY.plusDays(issuedDaysAgo).toString(),
            TODAY.plusDays(dueInDays).toString(),
            "USD",
            "1",
            "Fixture goods (test data)",
            "1",
            total,
            "0",
            total)
        + "\n";
  }

  private static long raiseDispute(String invoiceNumber, String amount) throws SQLException {
    String body =
        Json.createObjectBuilder()
            .add("reasonCode", "QUANTITY")
            .add("description", "Fixture dispute (test data)")
            .add(
                "items",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("invoiceId", invoiceId(invoiceNumber))
                            .add("lineNo", 1)
                            .add("amount", amount)))
            .build()
            .toString();
    Reply raised = Portal.post("/api/v1/disputes", "ops.lead", "acme", body);
    assertEquals(201, raised.status(), raised.body());
    return raised.json().getJsonObject("dispute").getJsonNumber("id").longValue();
  }

  private static void resolve(long dispute, String outcome, String acceptedAmount) {
    Reply current = Portal.get("/api/v1/disputes/" + dispute, "ops.lead", "acme");
    long version = current.json().getJsonObject("dispute").getJsonNumber("version").longValue();
    Reply reviewing =
        Portal.post(
            "/api/v1/disputes/" + dispute + "/transitions",
            "ops.lead",
            "acme",
            Json.createObjectBuilder()
                .add("action", "START_REVIEW")
                .add("version", version)
                .build()
                .toString());
    assertEquals(200, reviewing.status(), reviewing.body());
    var step =
        Json.createObjectBuilder()
            .add("action", "RESOLVE")
            .add(
                "version",
                reviewing.json().getJsonObject("dispute").getJsonNumber("version").longValue())
            .add("note", "Fixture resolution (test data)")
            .add("outcome", outcome);
    if (acceptedAmount != null) {
      step.add("acceptedAmount", acceptedAmount);
    }
    Reply resolved =
        Portal.post(
            "/api/v1/disputes/" + dispute + "/transitions",
            "ops.lead",
            "acme",
            step.build().toString());
    assertEquals(200, resolved.status(), resolved.body());
  }

  private static Reply upload(String kind, String csv) {
    return Portal.send(
        HttpRequest.newBuilder(URI.create(Portal.URL + "/api/v1/imports?kind=" + kind))
            .header("Content-Type", "text/csv")
            .header("X-File-Name", "fixture.csv")
            .header("Authorization", "Bearer " + Portal.token("agent.acme"))
            .header("X-Tenant", "acme")
            .POST(HttpRequest.BodyPublishers.ofString(csv)));
  }

  private static long customerId(String number) throws SQLException {
    return idOf("select id from customer_account where number = ?", number);
  }

  private static long invoiceId(String number) throws SQLException {
    return idOf("select id from invoice where number = ?", number);
  }

  private static long idOf(String query, String number) throws SQLException {
    try (Connection db = Portal.asOwner()) {
      db.setAutoCommit(false);
      bind(db, "acme");
      try (PreparedStatement q = db.prepareStatement(query)) {
        q.setString(1, number);
        try (ResultSet rs = q.executeQuery()) {
          assertTrue(rs.next(), number);
          return rs.getLong(1);
        } finally {
          db.rollback();
        }
      }
    }
  }

  private static void bind(Connection db, String tenant) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
      s.setString(1, tenant);
      s.execute();
    }
  }
}
