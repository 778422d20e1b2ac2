package com.bpo.portal.ui.tenantadmin;

import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenantadmin.AdminAudit;
import com.bpo.portal.tenantadmin.AdminAudit.Entry;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.KeysetFetch;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.List;

/** What platform admins did (who, when, what, on which tenant, how it ended), newest first. */
@Route(value = "admin/actions", layout = MainLayout.class)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class AdminActionsView extends VerticalLayout implements HasDynamicTitle {
  @Inject
  public AdminActionsView(AdminAudit audit) {
    setSizeFull();
    Grid<Entry> grid = new Grid<>();
    grid.setId("admin-actions");
    ZoneId zone = ZoneId.systemDefault();
    grid.addColumn(e -> Formats.dateTime(e.occurredAt(), zone, getLocale()))
        .setHeader(getTranslation("tenantadmin.actions.when"))
        .setAutoWidth(true);
    grid.addColumn(Entry::actor)
        .setHeader(getTranslation("tenantadmin.actions.who"))
        .setAutoWidth(true);
    grid.addColumn(e -> getTranslation("tenantadmin.action." + e.action()))
        .setHeader(getTranslation("tenantadmin.actions.what"))
        .setAutoWidth(true);
    grid.addColumn(e -> e.tenantSlug() == null ? "" : e.tenantSlug())
        .setHeader(getTranslation("tenantadmin.actions.tenant"))
        .setAutoWidth(true);
    grid.addColumn(e -> getTranslation("tenantadmin.outcome." + e.outcome()))
        .setHeader(getTranslation("tenantadmin.actions.outcome"))
        .setAutoWidth(true);
    grid.addColumn(Entry::detail)
        .setHeader(getTranslation("tenantadmin.actions.detail"))
        .setFlexGrow(1);
    grid.setEmptyStateText(getTranslation("tenantadmin.actions.empty"));
    // keyset pages of the append-only log, fetched as the grid scrolls
    KeysetFetch<Entry> fetch =
        new KeysetFetch<>(
            (cursor, limit) -> {
              List<Entry> page =
                  audit.recent(cursor == null ? null : Long.valueOf(cursor), null, limit);
              return new Page<>(
                  page,
                  page.size() == limit ? String.valueOf(page.get(page.size() - 1).id()) : null);
            });
    grid.setItems(query -> fetch.fetch(query.getOffset(), query.getLimit()).stream());
    add(new H1(getTranslation("tenantadmin.actions.title")), grid);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("tenantadmin.actions.title");
  }
}
