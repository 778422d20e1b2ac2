package com.bpo.portal.tenantadmin;

import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.tenant.Tenant;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What it takes to open a tenant. {@link #problems()} holds the rules in one place for every door
 * (REST, command line), and reports every bad field at once rather than the first.
 */
public record NewTenant(String slug, String name, String locale, String currency, String timeZone) {
  private static final Pattern LOCALE = Pattern.compile("^[a-z]{2}(-[A-Z]{2})?$");

  public List<FieldError> problems() {
    List<FieldError> problems = new ArrayList<>();
    if (slug == null || !Tenant.SLUG.matcher(slug).matches()) {
      problems.add(new FieldError("slug",
          "must be 2 to 40 lower-case letters, digits or hyphens, starting with a letter"));
    }
    if (name == null || name.isBlank() || name.length() > 200) {
      problems.add(new FieldError("name", "must be 1 to 200 characters"));
    }
    if (locale == null || !LOCALE.matcher(locale).matches()) {
      problems.add(new FieldError("locale", "must be a language tag such as en or fr-FR"));
    }
    if (!isCurrency(currency)) {
      problems.add(new FieldError("currency", "must be an ISO 4217 code such as EUR"));
    }
    if (!isTimeZone(timeZone)) {
      problems.add(new FieldError("timeZone", "must be a time zone such as Europe/Paris"));
    }
    return problems;
  }

  private static boolean isCurrency(String code) {
    try {
      return code != null && code.length() == 3 && Currency.getInstance(code) != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isTimeZone(String zone) {
    try {
      return zone != null && ZoneId.of(zone) != null;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
