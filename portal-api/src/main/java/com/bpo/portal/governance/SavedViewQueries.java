package com.bpo.portal.governance;

import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The SQL of each user's saved views of the log. */
@ApplicationScoped
class SavedViewQueries {
  @Inject TenantSql sql;

  List<SavedView> of(String username) {
    return sql.sql(
            "select id, name, filter from governance_saved_view where tenant_id = :tenant"
                + " and username = :username order by name")
        .bind("username", username)
        .list(r -> new SavedView(r.longValue("id"), r.string("name"), r.string("filter")));
  }

  /**
   * Saves the view under its name; the same name again replaces the filter. Answers the view's id.
   */
  long save(String username, String name, String filter) {
    return sql.sql(
            """
            insert into governance_saved_view (tenant_id, username, name, filter)
            values (:tenant, :username, :name, :filter)
            on conflict (tenant_id, username, name) do update set filter = excluded.filter returning id""")
        .bind("username", username)
        .bind("name", name)
        .bind("filter", filter)
        .one(r -> r.longValue("id"));
  }

  boolean delete(String username, long id) {
    return sql.sql(
                "delete from governance_saved_view where tenant_id = :tenant and username = :username"
                    + " and id = :id")
            .bind("username", username)
            .bind("id", id)
            .update()
        > 0;
  }
}
