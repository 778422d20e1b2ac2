package com.bpo.portal.ui.tenantadmin;

import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenantadmin.TenantProvisioning;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/** The platform's tenants, for platform admins. Onboarding and offboarding screens come with tenant administration. */
@Route(value = "admin/tenants", layout = MainLayout.class)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class TenantsView extends VerticalLayout implements HasDynamicTitle {
  @Inject
  public TenantsView(TenantProvisioning provisioning) {
    setSizeFull();
    Grid<Tenant> grid = new Grid<>();
    grid.setId("tenants-grid");
    grid.addColumn(Tenant::id).setHeader(getTranslation("tenants.slug")).setAutoWidth(true);
    grid.addColumn(Tenant::name).setHeader(getTranslation("tenants.name")).setFlexGrow(1);
    grid.addColumn(Tenant::locale).setHeader(getTranslation("tenants.locale")).setAutoWidth(true);
    grid.addColumn(Tenant::currency).setHeader(getTranslation("tenants.currency")).setAutoWidth(true);
    grid.addColumn(Tenant::timeZone).setHeader(getTranslation("tenants.timeZone")).setAutoWidth(true);
    grid.addColumn(t -> getTranslation("tenants.status." + t.status().name())).setHeader(getTranslation("tenants.status"))
        .setAutoWidth(true);
    grid.setEmptyStateText(getTranslation("tenants.empty"));
    // the registry holds tens or hundreds of tenants, not millions: one list is fine
    grid.setItems(provisioning.list());
    add(new H1(getTranslation("tenants.title")), grid);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("tenants.title");
  }
}
