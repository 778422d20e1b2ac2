package com.bpo.portal.tenantadmin;

import com.bpo.portal.shared.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A person to add to a tenant: an existing Keycloak sign-in (by username) or a new one, made with
 * the names and e-mail given and, for demos and tests, a first password (temporary or not). Without
 * a password, Keycloak asks the person to choose one at first sign-in.
 */
public record NewPerson(
    String username,
    String email,
    String firstName,
    String lastName,
    String password,
    Boolean temporaryPassword) {
  static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._@-]{1,59}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  public static NewPerson existing(String username) {
    return new NewPerson(username, null, null, null, null, null);
  }

  public boolean temporary() {
    return Boolean.TRUE.equals(temporaryPassword);
  }

  /** The name shown in the tenant's people lists. */
  public String displayName() {
    String full =
        ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    return full.isEmpty() ? username : full;
  }

  List<FieldError> problems(String prefix, boolean newSignIn) {
    List<FieldError> problems = new ArrayList<>();
    if (username == null || !USERNAME.matcher(username).matches()) {
      problems.add(
          new FieldError(
              prefix + "username",
              "must be 2 to 60 lower-case letters, digits, dots, hyphens or @"));
    }
    if (email != null && !email.isBlank() && !EMAIL.matcher(email).matches()) {
      problems.add(new FieldError(prefix + "email", "must be an e-mail address"));
    }
    if (newSignIn && (email == null || email.isBlank())) {
      problems.add(new FieldError(prefix + "email", "must be an e-mail address"));
    }
    // Keycloak's user profile wants both names before a new sign-in may finish signing in
    if (newSignIn && (firstName == null || firstName.isBlank())) {
      problems.add(new FieldError(prefix + "firstName", "is required for a new sign-in"));
    }
    if (newSignIn && (lastName == null || lastName.isBlank())) {
      problems.add(new FieldError(prefix + "lastName", "is required for a new sign-in"));
    }
    if (password != null && !password.isEmpty() && password.length() < 4) {
      problems.add(new FieldError(prefix + "password", "must have at least 4 characters"));
    }
    return problems;
  }
}
