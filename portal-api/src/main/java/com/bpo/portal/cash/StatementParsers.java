package com.bpo.portal.cash;

import com.bpo.portal.cash.BankStatementFile.Format;
import com.bpo.portal.cash.BankStatementFile.Line;
import com.bpo.portal.shared.Problem.FieldError;
import com.prowidesoftware.swift.model.MxNode;
import com.prowidesoftware.swift.model.field.Field61;
import com.prowidesoftware.swift.model.mt.mt9xx.MT940;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a bank statement file: ISO 20022 camt.053 (any version, read by element names through
 * Prowide's {@link MxNode}), SWIFT MT940 (Prowide's {@link MT940}) or a simple CSV of bank lines.
 * The format is told by the content, not the file name. Every problem found is reported at once as
 * a {@link StatementRejected}; a file with no statement id, no account or a bad amount is not half
 * read.
 */
public final class StatementParsers {
  /** Larger files are refused before parsing (a day's statement is far smaller). */
  public static final int MAX_BYTES = 20 * 1024 * 1024;

  static final int MAX_LINES = 100_000;
  static final int MAX_AMOUNT_DIGITS = 15;
  static final List<String> CSV_COLUMNS =
      List.of(
          "account",
          "statement_id",
          "entry_reference",
          "booking_date",
          "amount",
          "currency",
          "payer_name",
          "payer_account",
          "reference");
  private static final Pattern CAMT053 =
      Pattern.compile("urn:iso:std:iso:20022:tech:xsd:camt\\.053\\.001\\.\\d\\d");
  private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

  private StatementParsers() {}

  public static BankStatementFile parse(byte[] content) {
    if (content.length == 0) {
      throw new StatementRejected("The file is empty.");
    }
    if (content.length > MAX_BYTES) {
      throw new StatementRejected("The file is larger than " + MAX_BYTES / (1024 * 1024) + " MB.");
    }
    String text = new String(content, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String head = text.stripLeading();
    if (head.startsWith("<")) {
      return camt053(text);
    }
    if (head.startsWith("{1:") || head.startsWith(":20:")) {
      return mt940(text);
    }
    if (head.toLowerCase(Locale.ROOT).startsWith("account,")) {
      return csv(text);
    }
    throw new StatementRejected(
        "The file is neither a camt.053 XML document, an MT940 message nor a CSV of bank "
            + "lines with the header "
            + String.join(",", CSV_COLUMNS)
            + ".");
  }

  // ---------------------------------------------------------------- camt.053

  static BankStatementFile camt053(String xml) {
    if (xml.contains("<!DOCTYPE") || xml.contains("<!ENTITY")) {
      throw new StatementRejected("A statement may not declare a document type or entities.");
    }
    MxNode root = MxNode.parse(withoutEntityReferences(xml));
    if (root == null || root.findFirst("/Document") == null) {
      throw new StatementRejected("The file is not well-formed XML with a Document element.");
    }
    String namespace = root.findFirst("/Document").getAttribute("xmlns");
    if (namespace == null || !CAMT053.matcher(namespace).matches()) {
      throw new StatementRejected(
          "The XML document is not a camt.053 bank-to-customer statement (namespace "
              + namespace
              + ").");
    }
    List<MxNode> statements = root.find("/Document/BkToCstmrStmt/Stmt");
    if (statements.size() != 1) {
      throw new StatementRejected(
          "A camt.053 file must hold exactly one statement (Stmt); this one holds "
              + statements.size()
              + ".");
    }
    MxNode stmt = statements.get(0);
    Errors errors = new Errors();
    String id = text(stmt, "Id");
    if (id.isEmpty()) {
      errors.add(0, "Stmt/Id", "is required");
    }
    String account = text(stmt, "Acct", "Id", "IBAN");
    if (account.isEmpty()) {
      account = text(stmt, "Acct", "Id", "Othr", "Id");
    }
    if (account.isEmpty()) {
      errors.add(0, "Stmt/Acct/Id", "is required (IBAN or Othr/Id)");
    }
    LocalDate from = isoDate(text(stmt, "FrToDt", "FrDtTm"));
    LocalDate to = isoDate(text(stmt, "FrToDt", "ToDtTm"));
    List<Line> lines = new ArrayList<>();
    Set<String> refs = new HashSet<>();
    int position = 0;
    for (MxNode entry : children(stmt, "Ntry")) {
      position++;
      if (!"CRDT".equals(text(entry, "CdtDbtInd"))) {
        continue;
      }
      if ("true".equals(text(entry, "RvslInd"))) {
        continue; // a reversal takes money back: not cash to apply
      }
      MxNode amt = child(entry, "Amt");
      BigDecimal amount =
          creditAmount(amt == null ? "" : amt.getValue(), position, "Ntry/Amt", errors);
      String currency =
          currency(amt == null ? null : amt.getAttribute("Ccy"), position, "Ntry/Amt/@Ccy", errors);
      String booked = text(entry, "BookgDt", "Dt");
      if (booked.isEmpty()) {
        booked = text(entry, "BookgDt", "DtTm");
      }
      LocalDate bookingDate = isoDate(booked);
      if (bookingDate == null) {
        errors.add(position, "Ntry/BookgDt", "is required as a date");
      }
      LocalDate valueDate = isoDate(text(entry, "ValDt", "Dt"));
      MxNode tx = child(entry, "NtryDtls", "TxDtls");
      String payerName = "";
      String payerAccount = "";
      List<String> refParts = new ArrayList<>();
      String endToEnd = "";
      if (tx != null) {
        payerName =
            firstNonEmpty(
                text(tx, "RltdPties", "Dbtr", "Nm"),
                text(tx, "RltdPties", "Dbtr", "Pty", "Nm"),
                text(tx, "RltdPties", "UltmtDbtr", "Nm"));
        payerAccount =
            firstNonEmpty(
                text(tx, "RltdPties", "DbtrAcct", "Id", "IBAN"),
                text(tx, "RltdPties", "DbtrAcct", "Id", "Othr", "Id"));
        endToEnd = text(tx, "Refs", "EndToEndId");
        MxNode remittance = child(tx, "RmtInf");
        if (remittance != null) {
          for (MxNode part : remittance.getChildren()) {
            collectValues(part, refParts);
          }
        }
      }
      refParts.add(text(entry, "AddtlNtryInf"));
      String entryRef =
          firstNonEmpty(
              text(entry, "NtryRef"),
              text(entry, "AcctSvcrRef"),
              "NOTPROVIDED".equals(endToEnd) ? "" : endToEnd);
      lines.add(
          line(
              entryRef(entryRef, position, refs),
              bookingDate,
              valueDate,
              amount,
              currency,
              payerName,
              payerAccount,
              String.join(" ", refParts)));
    }
    errors.throwIfAny("The camt.053 statement cannot be imported as it is.");
    return file(Format.CAMT053, account, id, from, to, lines);
  }

  /**
   * MxNode keeps only the last piece of a text that the XML parser hands over in several pieces,
   * which it does around every entity reference ("Martin &amp;amp; Fils" was read as "Fils"). So
   * references are replaced beforehand: the five predefined ones by look-alike characters that
   * {@link #restored} turns back, numeric ones by the character itself.
   */
  static String withoutEntityReferences(String xml) {
    StringBuilder out = new StringBuilder(xml.length());
    Matcher m =
        Pattern.compile("&(amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});").matcher(xml);
    while (m.find()) {
      String ref = m.group(1);
      String replacement =
          switch (ref) {
            case "amp" -> "\uFF06";
            case "lt" -> "\uFF1C";
            case "gt" -> "\uFF1E";
            case "quot" -> "\uFF02";
            case "apos" -> "\uFF07";
            default -> {
              int code =
                  ref.startsWith("#x")
                      ? Integer.parseInt(ref.substring(2), 16)
                      : Integer.parseInt(ref.substring(1));
              yield Character.isValidCodePoint(code) && code >= 0x20 && "&<>\"'".indexOf(code) < 0
                  ? new String(Character.toChars(code))
                  : " ";
            }
          };
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String restored(String value) {
    return value
        .replace('\uFF06', '&')
        .replace('\uFF1C', '<')
        .replace('\uFF1E', '>')
        .replace('\uFF02', '"')
        .replace('\uFF07', '\'');
  }

  private static void collectValues(MxNode node, List<String> into) {
    if (node.getChildren().isEmpty()) {
      if (node.getValue() != null && !node.getValue().isBlank()) {
        into.add(restored(node.getValue().strip()));
      }
    } else {
      for (MxNode child : node.getChildren()) {
        collectValues(child, into);
      }
    }
  }

  private static String name(MxNode node) {
    String path = node.path();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static List<MxNode> children(MxNode node, String name) {
    return node.getChildren().stream().filter(c -> name.equals(name(c))).toList();
  }

  private static MxNode child(MxNode node, String... names) {
    MxNode at = node;
    for (String name : names) {
      List<MxNode> found = children(at, name);
      if (found.isEmpty()) {
        return null;
      }
      at = found.get(0);
    }
    return at;
  }

  private static String text(MxNode node, String... names) {
    MxNode found = child(node, names);
    return found == null || found.getValue() == null ? "" : restored(found.getValue().strip());
  }

  private static LocalDate isoDate(String value) {
    if (value == null || value.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(value.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  // ---------------------------------------------------------------- MT940

  private static final Pattern SUBFIELD =
      Pattern.compile("/(ORDP|NAME|REMI|IBAN|ACCW|EREF|BENM)/([^/]*)");

  static BankStatementFile mt940(String text) {
    MT940 mt;
    try {
      String message = text.strip();
      if (message.startsWith(":20:")) {
        message = "{1:F01XXXXXXXXAXXX0000000000}{2:I940XXXXXXXXXXXXN}{4:\n" + message + "\n-}";
      }
      mt = MT940.parse(message);
    } catch (RuntimeException e) {
      throw new StatementRejected("The file is not a readable MT940 message.");
    }
    if (mt == null
        || mt.getSwiftMessage() == null
        || mt.getSwiftMessage().getBlock4() == null
        || mt.getField20() == null) {
      throw new StatementRejected(
          "The file is not a readable MT940 message (no block 4 with field 20).");
    }
    Errors errors = new Errors();
    String id = mt.getField20().getValue().strip();
    if (mt.getField28C() != null) {
      id = id + "/" + mt.getField28C().getValue().strip();
    }
    String account = mt.getField25() == null ? "" : mt.getField25().getValue().strip();
    if (account.isEmpty()) {
      errors.add(0, ":25:", "the account identification is required");
    }
    String currency = null;
    if (mt.getField60F() != null) {
      currency = mt.getField60F().getCurrency();
    } else if (mt.getField60M() != null) {
      currency = mt.getField60M().getCurrency();
    }
    currency = currency(currency, 0, ":60F:", errors);
    // a :61: statement line is followed by its :86: information, when there is one
    List<com.prowidesoftware.swift.model.Tag> tags = mt.getSwiftMessage().getBlock4().getTags();
    List<Line> lines = new ArrayList<>();
    Set<String> refs = new HashSet<>();
    LocalDate from = null;
    LocalDate to = null;
    int position = 0;
    for (int i = 0; i < tags.size(); i++) {
      if (!"61".equals(tags.get(i).getName())) {
        continue;
      }
      position++;
      Field61 f = new Field61(tags.get(i).getValue());
      String info =
          i + 1 < tags.size() && "86".equals(tags.get(i + 1).getName())
              ? tags.get(i + 1).getValue()
              : "";
      LocalDate valueDate = yymmdd(f.getValueDate());
      if (valueDate == null) {
        errors.add(position, ":61:", "has no readable value date");
        continue;
      }
      LocalDate bookingDate = valueDate;
      if (f.getEntryDate() != null && f.getEntryDate().length() == 4) {
        bookingDate = entryDate(valueDate, f.getEntryDate());
      }
      from = from == null || bookingDate.isBefore(from) ? bookingDate : from;
      to = to == null || bookingDate.isAfter(to) ? bookingDate : to;
      String mark = f.getDebitCreditMark();
      if (!"C".equals(mark)) {
        continue; // debits and reversals of credits (RD) are not cash to apply
      }
      BigDecimal amount =
          creditAmount(
              f.getAmount() == null ? "" : f.getAmount().replace(',', '.'),
              position,
              ":61:",
              errors);
      String ownerRef = nonRef(f.getReferenceForTheAccountOwner());
      String bankRef = nonRef(f.getReferenceOfTheAccountServicingInstitution());
      String entryRef = firstNonEmpty(bankRef, ownerRef);
      String flatInfo = info.replace("\r", "").replace("\n", "");
      String payerName = "";
      String payerAccount = "";
      String remittance = "";
      Matcher m = SUBFIELD.matcher(flatInfo);
      while (m.find()) {
        switch (m.group(1)) {
          case "ORDP", "NAME" -> payerName = payerName.isEmpty() ? m.group(2).strip() : payerName;
          case "IBAN", "ACCW" -> payerAccount = m.group(2).strip();
          case "REMI", "EREF" -> remittance = (remittance + " " + m.group(2)).strip();
          default -> {}
        }
      }
      String reference = remittance.isEmpty() ? flatInfo : remittance;
      reference = (reference + (ownerRef.isEmpty() ? "" : " " + ownerRef)).strip();
      lines.add(
          line(
              entryRef(entryRef, position, refs),
              bookingDate,
              valueDate,
              amount,
              currency,
              payerName,
              payerAccount,
              reference));
    }
    errors.throwIfAny("The MT940 statement cannot be imported as it is.");
    return file(Format.MT940, account, id, from, to, lines);
  }

  private static String nonRef(String ref) {
    return ref == null || ref.isBlank() || "NONREF".equalsIgnoreCase(ref.strip())
        ? ""
        : ref.strip();
  }

  private static LocalDate yymmdd(String value) {
    try {
      return value == null ? null : LocalDate.parse(value, YYMMDD);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The entry date (MMDD) is in the value date's year, or the next/previous one around new year.
   */
  private static LocalDate entryDate(LocalDate valueDate, String mmdd) {
    try {
      LocalDate d =
          LocalDate.of(
              valueDate.getYear(),
              Integer.parseInt(mmdd.substring(0, 2)),
              Integer.parseInt(mmdd.substring(2)));
      if (d.isBefore(valueDate.minusMonths(6))) {
        return d.plusYears(1);
      }
      if (d.isAfter(valueDate.plusMonths(6))) {
        return d.minusYears(1);
      }
      return d;
    } catch (RuntimeException e) {
      return valueDate;
    }
  }

  // ---------------------------------------------------------------- CSV

  static BankStatementFile csv(String text) {
    Errors errors = new Errors();
    List<Line> lines = new ArrayList<>();
    String account = null;
    String id = null;
    Set<String> refs = new HashSet<>();
    LocalDate from = null;
    LocalDate to = null;
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      List<String> header =
          parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
      if (!header.containsAll(CSV_COLUMNS)) {
        throw new StatementRejected(
            "The CSV header must name the columns " + String.join(",", CSV_COLUMNS) + ".");
      }
      for (CSVRecord r : parser) {
        int row = (int) r.getRecordNumber();
        if (row > MAX_LINES) {
          throw new StatementRejected("A statement holds at most " + MAX_LINES + " lines.");
        }
        String rowAccount = normaliseAccount(r.get("account"));
        String rowId = r.get("statement_id");
        if (account == null) {
          account = rowAccount;
          id = rowId;
        } else if (!account.equals(rowAccount) || !id.equals(rowId)) {
          errors.add(
              row,
              "statement_id",
              "one file holds one statement: account and statement_id must be those of "
                  + "the first row");
        }
        String ref = r.get("entry_reference");
        if (ref.isEmpty() || ref.length() > 100) {
          errors.add(row, "entry_reference", "is required, at most 100 characters");
        } else if (!refs.add(ref)) {
          errors.add(row, "entry_reference", "'" + ref + "' appears twice in this statement");
        }
        LocalDate booked = isoDate(r.get("booking_date"));
        if (booked == null || r.get("booking_date").length() != 10) {
          errors.add(row, "booking_date", "must be a date like 2026-11-23");
        } else {
          from = from == null || booked.isBefore(from) ? booked : from;
          to = to == null || booked.isAfter(to) ? booked : to;
        }
        BigDecimal amount = amount(r.get("amount"), row, "amount", errors);
        String currency = currency(r.get("currency"), row, "currency", errors);
        if (amount != null && amount.signum() <= 0) {
          continue; // a debit
        }
        lines.add(
            line(
                ref,
                booked,
                booked,
                amount,
                currency,
                r.get("payer_name"),
                r.get("payer_account"),
                r.get("reference")));
      }
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      throw new StatementRejected("The CSV cannot be read: " + e.getMessage());
    }
    if (account == null) {
      throw new StatementRejected("The CSV holds no bank line.");
    }
    if (id.isEmpty()) {
      errors.add(1, "statement_id", "is required");
    }
    errors.throwIfAny("The CSV statement cannot be imported as it is.");
    return file(Format.CSV, account, id, from, to, lines);
  }

  // ---------------------------------------------------------------- shared

  private static BankStatementFile file(
      Format format, String account, String id, LocalDate from, LocalDate to, List<Line> lines) {
    String normalised = normaliseAccount(account);
    if (!normalised.matches("[A-Z0-9]{5,34}")) {
      throw new StatementRejected(
          "The statement's account '"
              + limit(account, 40)
              + "' is not an IBAN or account id "
              + "of 5 to 34 letters and digits.");
    }
    if (id.length() > 100) {
      throw new StatementRejected("The statement id is longer than 100 characters.");
    }
    if (lines.size() > MAX_LINES) {
      throw new StatementRejected("A statement holds at most " + MAX_LINES + " lines.");
    }
    return new BankStatementFile(format, normalised, id, from, to, lines);
  }

  /**
   * The bank's reference of an entry, unique in the statement; when the bank gave none (or the same
   * twice), the entry's place in the statement, which is stable.
   */
  private static String entryRef(String given, int position, Set<String> refs) {
    String ref = given.isEmpty() || !refs.add(given) ? "#" + position : given;
    refs.add(ref);
    return ref;
  }

  /** A line as stored: texts cut to their columns, the payer's account normalised. */
  private static Line line(
      String ref,
      LocalDate bookingDate,
      LocalDate valueDate,
      BigDecimal amount,
      String currency,
      String payerName,
      String payerAccount,
      String reference) {
    return new Line(
        limit(ref, 100),
        bookingDate,
        valueDate,
        amount,
        currency,
        limit(payerName, 140),
        normaliseAccount(payerAccount),
        limit(reference, 1000));
  }

  /** An account as stored: upper case, without spaces or separators. */
  public static String normaliseAccount(String account) {
    return account == null ? "" : account.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
  }

  /**
   * A credit's amount: more than zero (a bank's credit of nothing, or a sign where none belongs, is
   * an error of the file, reported with the others).
   */
  private static BigDecimal creditAmount(String text, int row, String field, Errors errors) {
    BigDecimal amount = amount(text, row, field, errors);
    if (amount != null && amount.signum() <= 0) {
      errors.add(row, field, "a credit must be more than zero, not " + amount.toPlainString());
      return null;
    }
    return amount;
  }

  private static BigDecimal amount(String text, int row, String field, Errors errors) {
    String t = text == null ? "" : text.strip();
    if (!t.matches("-?\\d{1," + MAX_AMOUNT_DIGITS + "}(\\.\\d{0,2})?")) {
      errors.add(
          row,
          field,
          "'"
              + limit(t, 30)
              + "' is not an amount with at most "
              + MAX_AMOUNT_DIGITS
              + " digits and 2 decimals");
      return null;
    }
    return new BigDecimal(t).setScale(2, RoundingMode.UNNECESSARY);
  }

  private static String currency(String code, int row, String field, Errors errors) {
    try {
      if (code != null && code.length() == 3 && Currency.getInstance(code) != null) {
        return code;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    errors.add(row, field, "'" + code + "' is not an ISO 4217 currency code");
    return null;
  }

  private static String firstNonEmpty(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return "";
  }

  private static String limit(String value, int max) {
    String v = value == null ? "" : value.strip();
    return v.length() > max ? v.substring(0, max) : v;
  }

  /**
   * Problems of one file, each with its line (0 for the statement itself); the first 1,000 are
   * kept.
   */
  private static final class Errors {
    private final List<FieldError> list = new ArrayList<>();
    private int count;

    void add(int row, String field, String message) {
      count++;
      if (list.size() < 1000) {
        list.add(new FieldError(row == 0 ? null : row, field, message));
      }
    }

    void throwIfAny(String detail) {
      if (count > 0) {
        throw new StatementRejected(detail + " " + count + " problem(s).", list);
      }
    }
  }
}
