package com.bpo.portal.procedure;

import com.bpo.portal.shared.ProcessArea;
import com.bpo.portal.shared.sql.TenantSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The SQL of procedure search: PostgreSQL full text over the title and the text in force (the
 * {@code search} column the database keeps from {@code search_text}), and keeping that text
 * current.
 */
@ApplicationScoped
class ProcedureSearchQueries {
  @Inject TenantSql sql;

  /**
   * Best first, with {@code ts_headline}'s snippet marked by {@link ProcedureSearch}'s private
   * characters.
   */
  List<SearchHit> search(String config, String text, int limit) {
    return sql.sql(
            """
            select p.id, p.title, p.process_area, ts_headline(p.search_config, p.search_text, q, :options) as headline,
                   ts_rank(p.search, q) as rank
            from procedure p, websearch_to_tsquery(cast(:config as regconfig), :q) q
            where p.tenant_id = :tenant and p.search @@ q
            order by rank desc, p.id limit :limit""")
        .bind("options", ProcedureSearch.HEADLINE_OPTIONS)
        .bind("config", config)
        .bind("q", text)
        .bind("limit", limit)
        .list(
            r ->
                new SearchHit(
                    r.longValue("id"),
                    r.string("title"),
                    r.enumValue("process_area", ProcessArea.class),
                    ProcedureSearch.snippetHtml(r.string("headline")),
                    r.decimal("rank").doubleValue()));
  }

  /**
   * Search reads the text of the effective version, or of the newest one while none is effective.
   */
  void refresh(long procedureId) {
    String content =
        sql.sql(
                """
            select content from procedure_version where tenant_id = :tenant and procedure_id = :procedure
            order by (status = 'EFFECTIVE') desc, number desc limit 1""")
            .bind("procedure", procedureId)
            .optional(r -> r.string("content"))
            .orElse(null);
    String text = content == null ? "" : SafeMarkdown.toPlainText(content);
    sql.sql("update procedure set search_text = :text where tenant_id = :tenant and id = :id")
        .bind("id", procedureId)
        .bind("text", text)
        .update();
  }
}
