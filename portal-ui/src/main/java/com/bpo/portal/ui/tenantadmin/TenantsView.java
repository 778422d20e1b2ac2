package com.bpo.portal.ui.tenantadmin;

import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantStatus;
import com.bpo.portal.tenantadmin.AdminActor;
import com.bpo.portal.tenantadmin.TenantProvisioning;
import com.bpo.portal.tenantadmin.TenantProvisioning.TenantSummary;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/**
 * The platform's tenants, for platform admins: their status (a tenant whose opening failed shows
 * PROVISIONING with the error), opening a new one, a tenant's page (people, export, deletion), and
 * suspending or reactivating one after a confirmation naming it.
 */
@Route(value = "admin/tenants", layout = MainLayout.class)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class TenantsView extends VerticalLayout implements HasDynamicTitle {
  private final TenantProvisioning provisioning;
  private final TenantContext context;
  private final Grid<TenantSummary> grid = new Grid<>();

  @Inject
  public TenantsView(TenantProvisioning provisioning, TenantContext context) {
    this.provisioning = provisioning;
    this.context = context;
    setSizeFull();
    grid.setId("tenants-grid");
    grid.addComponentColumn(t -> new RouterLink(t.id(), TenantDetailView.class, t.id()))
        .setHeader(getTranslation("tenants.slug"))
        .setAutoWidth(true);
    grid.addColumn(TenantSummary::name)
        .setHeader(getTranslation("tenants.name"))
        .setAutoWidth(true)
        .setFlexGrow(1);
    grid.addColumn(TenantSummary::locale)
        .setHeader(getTranslation("tenants.locale"))
        .setAutoWidth(true);
    grid.addColumn(TenantSummary::currency)
        .setHeader(getTranslation("tenants.currency"))
        .setAutoWidth(true);
    grid.addColumn(TenantSummary::timeZone)
        .setHeader(getTranslation("tenants.timeZone"))
        .setAutoWidth(true);
    grid.addComponentColumn(this::status)
        .setHeader(getTranslation("tenants.status"))
        .setAutoWidth(true);
    grid.addComponentColumn(this::statusButton)
        .setHeader(getTranslation("tenants.actions"))
        .setAutoWidth(true);
    grid.setEmptyStateText(getTranslation("tenants.empty"));
    // the registry holds tens or hundreds of tenants, not millions: one list is fine
    grid.setItems(provisioning.list());

    Button create =
        new Button(
            getTranslation("tenantadmin.new"),
            VaadinIcon.PLUS.create(),
            e -> getUI().ifPresent(ui -> ui.navigate(TenantCreateView.class)));
    create.setId("tenant-new");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    RouterLink actions =
        new RouterLink(getTranslation("tenantadmin.actions.title"), AdminActionsView.class);
    HorizontalLayout header =
        new HorizontalLayout(new H1(getTranslation("tenants.title")), create, actions);
    header.setAlignItems(FlexComponent.Alignment.BASELINE);
    add(header, grid);
  }

  static Component statusBadge(Component owner, String status) {
    Badge.Tone tone =
        switch (status) {
          case "ACTIVE" -> Badge.Tone.SUCCESS;
          case "SUSPENDED" -> Badge.Tone.ERROR;
          default -> Badge.Tone.WARNING;
        };
    return Badge.of(owner.getTranslation("tenants.status." + status), tone);
  }

  private Component status(TenantSummary tenant) {
    Span badge = (Span) statusBadge(this, tenant.status());
    badge.setId("tenant-status-" + tenant.id());
    if (tenant.lastError() != null) {
      badge.setTitle(tenant.lastError());
    }
    return badge;
  }

  private Component statusButton(TenantSummary tenant) {
    if (tenant.status().equals("PROVISIONING")) {
      return new Span(getTranslation("tenantadmin.provisioningHint"));
    }
    boolean active = tenant.isActive();
    Button button =
        new Button(
            getTranslation(active ? "tenants.suspend" : "tenants.resume"),
            e -> confirm(tenant, active));
    button.setId("tenant-" + (active ? "suspend-" : "resume-") + tenant.id());
    button.addThemeVariants(
        ButtonVariant.LUMO_SMALL, active ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
    return button;
  }

  private void confirm(TenantSummary tenant, boolean suspend) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(
        getTranslation(suspend ? "tenants.suspendTitle" : "tenants.resumeTitle", tenant.name()));
    dialog.add(
        new Paragraph(
            getTranslation(suspend ? "tenants.suspendText" : "tenants.resumeText", tenant.id())));
    Button yes =
        new Button(
            getTranslation(suspend ? "tenants.suspend" : "tenants.resume"),
            e -> {
              dialog.close();
              try {
                provisioning.changeStatus(
                    tenant.id(),
                    suspend ? TenantStatus.SUSPENDED : TenantStatus.ACTIVE,
                    tenant.version(),
                    AdminActor.of(context.requireUser().username()));
              } catch (ProblemException problem) {
                Notification.show(problem.getMessage(), 6000, Notification.Position.MIDDLE);
              }
              grid.setItems(provisioning.list());
            });
    yes.setId("tenant-status-confirm");
    yes.addThemeVariants(
        ButtonVariant.LUMO_PRIMARY,
        suspend ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
    dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), yes);
    dialog.open();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("tenants.title");
  }
}
