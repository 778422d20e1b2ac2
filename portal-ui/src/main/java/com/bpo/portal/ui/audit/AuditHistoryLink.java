package com.bpo.portal.ui.audit;

import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.PortalUser;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.Map;
import java.util.Optional;

/**
 * The "history" door of a record's page: opens the audit trail on that one record, for the people
 * who may read the trail (team leads and client stakeholders); nobody else sees the link.
 */
public final class AuditHistoryLink {
  private AuditHistoryLink() {}

  public static Optional<RouterLink> of(PortalUser user, String entity, long id) {
    if (!user.hasRole(Roles.BPO_LEAD) && !user.hasRole(Roles.CLIENT_STAKEHOLDER)) {
      return Optional.empty();
    }
    RouterLink link = new RouterLink(AuditView.class);
    link.add(new Span(link.getTranslation("audit.history")));
    link.setQueryParameters(
        QueryParameters.simple(Map.of("entity", entity, "entityId", Long.toString(id))));
    link.setId("audit-history");
    return Optional.of(link);
  }
}
