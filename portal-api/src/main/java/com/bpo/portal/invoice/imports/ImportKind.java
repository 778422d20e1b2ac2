package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.sql.TenantSql;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an uploaded file holds; each kind has its own format (docs/IMPORT.md) and its own import.
 */
public enum ImportKind {
  INVOICES,
  CUSTOMERS,
  PAYMENTS;

  /**
   * The name the API takes in {@code ?kind=}: {@code invoices}, {@code customers}, {@code
   * payments}.
   */
  public String parameter() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ImportKind> ofParameter(String parameter) {
    return Arrays.stream(values()).filter(k -> k.parameter().equals(parameter)).findFirst();
  }

  CsvImport start(TenantSql sql) {
    return switch (this) {
      case INVOICES -> new InvoiceCsvImport(sql);
      case CUSTOMERS -> new CustomerCsvImport(sql);
      case PAYMENTS -> new PaymentCsvImport(sql);
    };
  }
}
