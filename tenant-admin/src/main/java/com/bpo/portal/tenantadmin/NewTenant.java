package com.bpo.portal.tenantadmin;

import com.bpo.portal.shared.AttachmentCheck;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.tenant.Tenant;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What it takes to open a tenant: its registry entry, its branding (a primary colour and a logo,
 * base64), and optionally its first client stakeholder (made in Keycloak) and its BPO lead (an
 * existing staff sign-in, or a new one). {@link #problems()} holds the rules in one place for every
 * door (REST, screen, command line), and reports every bad field at once rather than the first.
 */
public record NewTenant(
    String slug,
    String name,
    String locale,
    String currency,
    String timeZone,
    String primaryColour,
    String logo,
    NewPerson stakeholder,
    NewPerson bpoLead) {
  private static final Pattern LOCALE = Pattern.compile("^[a-z]{2}(-[A-Z]{2})?$");
  private static final Pattern COLOUR = Pattern.compile("^#[0-9a-fA-F]{6}$");
  static final int MAX_LOGO_BYTES = 512 * 1024;

  @JsonbCreator
  public NewTenant(
      @JsonbProperty("slug") String slug,
      @JsonbProperty("name") String name,
      @JsonbProperty("locale") String locale,
      @JsonbProperty("currency") String currency,
      @JsonbProperty("timeZone") String timeZone,
      @JsonbProperty("primaryColour") String primaryColour,
      @JsonbProperty("logo") String logo,
      @JsonbProperty("stakeholder") NewPerson stakeholder,
      @JsonbProperty("bpoLead") NewPerson bpoLead) {
    this.slug = slug;
    this.name = name;
    this.locale = locale;
    this.currency = currency;
    this.timeZone = timeZone;
    this.primaryColour =
        primaryColour == null || primaryColour.isBlank() ? null : primaryColour.toLowerCase();
    this.logo = logo == null || logo.isBlank() ? null : logo;
    this.stakeholder = stakeholder;
    this.bpoLead = bpoLead;
  }

  /** A tenant with no branding and no people yet (the command line's short form). */
  public NewTenant(String slug, String name, String locale, String currency, String timeZone) {
    this(slug, name, locale, currency, timeZone, null, null, null, null);
  }

  public List<FieldError> problems() {
    List<FieldError> problems = new ArrayList<>();
    if (slug == null || !Tenant.SLUG.matcher(slug).matches()) {
      problems.add(
          new FieldError(
              "slug",
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
    if (primaryColour != null && !COLOUR.matcher(primaryColour).matches()) {
      problems.add(new FieldError("primaryColour", "must be a colour such as #1a5fb4"));
    }
    if (logo != null && logoImage().isEmpty()) {
      problems.add(
          new FieldError("logo", "must be a PNG or JPEG image of at most 512 KB, in base64"));
    }
    if (stakeholder != null) {
      stakeholder.problems("stakeholder.", true).forEach(problems::add);
    }
    if (bpoLead != null) {
      bpoLead.problems("bpoLead.", false).forEach(problems::add);
    }
    return problems;
  }

  /** The logo, decoded and checked by its content (never by a name or a declared type). */
  public Optional<AttachmentCheck.Accepted> logoImage() {
    if (logo == null) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(logo.trim());
      if (bytes.length == 0 || bytes.length > MAX_LOGO_BYTES) {
        return Optional.empty();
      }
      AttachmentCheck.Accepted accepted = AttachmentCheck.check("logo", bytes);
      return accepted.mediaType().startsWith("image/") ? Optional.of(accepted) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
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
