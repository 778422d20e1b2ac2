package com.bpo.portal.invoice.imports;

import com.bpo.portal.shared.sql.PreparedSql;
import java.util.HashMap;
import java.util.Map;

/**
 * The customer accounts a file names, each looked up once per upload; an unknown number is
 * remembered as null.
 */
final class Customers {
  record Customer(long id, String currency) {}

  private final PreparedSql find;
  private final Map<String, Customer> known = new HashMap<>();

  Customers(CsvImport upload) {
    find =
        upload.prepare(
            "select id, currency from customer_account where tenant_id = :tenant and number = :number");
  }

  Customer find(String number) {
    if (known.containsKey(number)) {
      return known.get(number);
    }
    Customer found =
        find.bind("number", number)
            .optional(r -> new Customer(r.longValue("id"), r.string("currency").trim()))
            .orElse(null);
    known.put(number, found);
    return found;
  }
}
