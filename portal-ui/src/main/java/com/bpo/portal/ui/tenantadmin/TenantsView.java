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

/**
 * The platform's tenants, for platform admins: suspend one (its people are locked out, its data is
 * kept) or reactivate it, each after a confirmation naming the tenant.
 */
@Route(value = "admin/tenants", layout = MainLayout.class)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class TenantsView extends VerticalLayout implements HasDynamicTitle {
  private final TenantProvisioning provisioning;
  private final Grid<Tenant> grid = new Grid<>();

  @Inject
  public TenantsView(TenantProvisioning provisioning) {
    this.provisioning = provisioning;
    setSizeFull();
    grid.setId("tenants-grid");
    grid.addColumn(Tenant::id).setHeader(getTranslation("tenants.slug")).setAutoWidth(true);
    grid.addColumn(Tenant::name).setHeader(getTranslation("tenants.name")).setFlexGrow(1);
    grid.addColumn(Tenant::locale).setHeader(getTranslation("tenants.locale")).setAutoWidth(true);
    grid.addColumn(Tenant::currency).setHeader(getTranslation("tenants.currency")).setAutoWidth(true);
    grid.addColumn(Tenant::timeZone).setHeader(getTranslation("tenants.timeZone")).setAutoWidth(true);
    grid.addColumn(t -> getTranslation("tenants.status." + t.status().name())).setHeader(getTranslation("tenants.status"))
        .setAutoWidth(true);
    grid.addComponentColumn(this::statusButton).setHeader(getTranslation("tenants.actions")).setAutoWidth(true);
    grid.setEmptyStateText(getTranslation("tenants.empty"));
    // the registry holds tens or hundreds of tenants, not millions: one list is fine
    grid.setItems(provisioning.list());
    add(new H1(getTranslation("tenants.title")), grid);
  }

  private com.vaadin.flow.component.button.Button statusButton(Tenant tenant) {
    boolean active = tenant.isActive();
    com.vaadin.flow.component.button.Button button = new com.vaadin.flow.component.button.Button(
        getTranslation(active ? "tenants.suspend" : "tenants.resume"), e -> confirm(tenant, active));
    button.setId("tenant-" + (active ? "suspend-" : "resume-") + tenant.id());
    button.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL,
        active ? com.vaadin.flow.component.button.ButtonVariant.LUMO_ERROR
            : com.vaadin.flow.component.button.ButtonVariant.LUMO_SUCCESS);
    return button;
  }

  private void confirm(Tenant tenant, boolean suspend) {
    com.vaadin.flow.component.dialog.Dialog dialog = new com.vaadin.flow.component.dialog.Dialog();
    dialog.setHeaderTitle(getTranslation(suspend ? "tenants.suspendTitle" : "tenants.resumeTitle", tenant.name()));
    dialog.add(new com.vaadin.flow.component.html.Paragraph(
        getTranslation(suspend ? "tenants.suspendText" : "tenants.resumeText", tenant.id())));
    com.vaadin.flow.component.button.Button yes = new com.vaadin.flow.component.button.Button(
        getTranslation(suspend ? "tenants.suspend" : "tenants.resume"), e -> {
          dialog.close();
          try {
            provisioning.changeStatus(tenant.id(), suspend ? com.bpo.portal.tenant.TenantStatus.SUSPENDED
                : com.bpo.portal.tenant.TenantStatus.ACTIVE, tenant.version());
          } catch (com.bpo.portal.shared.ProblemException problem) {
            com.vaadin.flow.component.notification.Notification.show(problem.getMessage(), 6000,
                com.vaadin.flow.component.notification.Notification.Position.MIDDLE);
          }
          grid.setItems(provisioning.list());
        });
    yes.setId("tenant-status-confirm");
    yes.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY,
        suspend ? com.vaadin.flow.component.button.ButtonVariant.LUMO_ERROR
            : com.vaadin.flow.component.button.ButtonVariant.LUMO_SUCCESS);
    dialog.getFooter().add(new com.vaadin.flow.component.button.Button(getTranslation("common.cancel"),
        e -> dialog.close()), yes);
    dialog.open();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("tenants.title");
  }
}
