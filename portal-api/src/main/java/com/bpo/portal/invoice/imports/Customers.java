package com.bpo.portal.invoice.imports;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** The customer accounts a file names, each looked up once per upload; an unknown number is remembered as null. */
final class Customers {
  record Customer(long id, String currency) {}

  private final CsvImport upload;
  private final PreparedStatement find;
  private final Map<String, Customer> known = new HashMap<>();

  Customers(CsvImport upload) throws SQLException {
    this.upload = upload;
    find = upload.prepare("select id, currency from customer_account where tenant_id = ? and number = ?");
  }

  Customer find(String number) throws SQLException {
    if (known.containsKey(number)) {
      return known.get(number);
    }
    Customer found = null;
    find.setString(1, upload.tenant);
    find.setString(2, number);
    try (ResultSet rs = find.executeQuery()) {
      if (rs.next()) {
        found = new Customer(rs.getLong(1), rs.getString(2).trim());
      }
    }
    known.put(number, found);
    return found;
  }
}
