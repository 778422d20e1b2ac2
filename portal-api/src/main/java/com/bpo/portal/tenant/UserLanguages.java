package com.bpo.portal.tenant;

import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The language each person chose, kept across sign-ins and tenants (table {@code user_language},
 * V40). A person's choice, not tenant data: a plain transactional bean over a table without
 * tenants, like the tenant registry.
 */
@ApplicationScoped
@Transactional
public class UserLanguages {
  /** The languages the portal is written in; anything else is refused rather than stored. */
  public static final Set<String> OFFERED = Set.of("en", "fr");

  @Inject TenantSql sql;

  public Optional<Locale> of(String username) {
    return sql.global("select language from user_language where user_name = :user")
        .bind("user", username)
        .optional(row -> Locale.forLanguageTag(row.string("language")));
  }

  public void choose(String username, Locale locale) {
    String language = locale.getLanguage();
    if (!OFFERED.contains(language)) {
      throw new IllegalArgumentException("The portal is not written in " + language);
    }
    sql.global(
            """
            insert into user_language (user_name, language) values (:user, :language)
            on conflict (user_name) do update set language = excluded.language, chosen_at = now()""")
        .bind("user", username)
        .bind("language", language)
        .update();
  }
}
