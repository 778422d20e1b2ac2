import com.bpo.portal.cash.BankStatementFile.Line;
import com.bpo.portal.cash.CashMatcher.OpenInvoice;
import com.bpo.portal.cash.GroundTruth;
import com.bpo.portal.cash.GroundTruth.Case;
import com.bpo.portal.cash.GroundTruth.Customer;
import java.io.BufferedWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The cash benchmark's statement: the application's own ground-truth generator ({@link GroundTruth},
 * the one GroundTruthMatchingTest uses) over a real tenant's ledger, written as a CSV statement with
 * the answers beside it. Run by bench/cash_bench.py with portal-api's classes on the class path:
 *
 * <pre>
 * java -cp portal-api/target/classes bench/CashGroundTruth.java CUSTOMERS.tsv OPEN.tsv LINES SEED
 *      BOOKED_ON ACCOUNT STATEMENT_ID OUT.csv TRUTH.tsv
 * </pre>
 *
 * CUSTOMERS.tsv: id, name, IBAN; OPEN.tsv: id, number, customer id, currency, open amount, due date
 * (tab separated, no header). TRUTH.tsv: entry reference, scenario, the invoice ids it truly pays
 * (comma separated, empty for an unknown payer).
 */
public class CashGroundTruth {
  public static void main(String[] args) throws Exception {
    List<Customer> customers = new ArrayList<>();
    for (String row : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
      String[] f = row.split("\t", -1);
      customers.add(new Customer(Long.parseLong(f[0]), f[1], f[2]));
    }
    List<OpenInvoice> open = new ArrayList<>();
    for (String row : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
      String[] f = row.split("\t", -1);
      open.add(
          new OpenInvoice(
              Long.parseLong(f[0]),
              f[1],
              Long.parseLong(f[2]),
              f[3].trim(),
              new BigDecimal(f[4]),
              LocalDate.parse(f[5])));
    }
    int count = Integer.parseInt(args[2]);
    long seed = Long.parseLong(args[3]);
    LocalDate bookedOn = LocalDate.parse(args[4]);
    String account = args[5];
    String statementId = args[6];
    List<Case> cases = new GroundTruth(seed, customers, open, bookedOn).lines(count);
    try (BufferedWriter csv = Files.newBufferedWriter(Path.of(args[7]), StandardCharsets.UTF_8);
        BufferedWriter truth = Files.newBufferedWriter(Path.of(args[8]), StandardCharsets.UTF_8)) {
      csv.write(
          "account,statement_id,entry_reference,booking_date,amount,currency,payer_name,"
              + "payer_account,reference\n");
      for (Case c : cases) {
        Line l = c.line();
        csv.write(
            String.join(
                    ",",
                    quote(account),
                    quote(statementId),
                    quote(entryRef(statementId, l)),
                    l.bookingDate().toString(),
                    l.amount().toPlainString(),
                    l.currency(),
                    quote(l.payerName()),
                    quote(l.payerAccount()),
                    quote(l.reference()))
                + "\n");
        truth.write(
            entryRef(statementId, l)
                + "\t"
                + c.scenario()
                + "\t"
                + c.invoiceIds().stream().sorted().map(String::valueOf).collect(Collectors.joining(","))
                + "\n");
      }
    }
    System.out.println(cases.size());
  }

  private static String quote(String s) {
    return "\"" + (s == null ? "" : s.replace("\"", "\"\"")) + "\"";
  }

  /**
   * A line's entry reference, unique over the runs: a bank entry is imported once per account
   * (docs/CASH.md), and every run numbers its lines from GT-1 on the same day.
   */
  static String entryRef(String statementId, Line l) {
    return statementId + "/" + l.entryRef();
  }
}
