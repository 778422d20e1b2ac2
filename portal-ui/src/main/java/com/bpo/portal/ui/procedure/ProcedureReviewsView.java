package com.bpo.portal.ui.procedure;

import com.bpo.portal.procedure.ProcedureService;
import com.bpo.portal.procedure.ProcedureSummary;
import com.bpo.portal.procedure.ProcedureVersions;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/**
 * Periodic reviews due within thirty days or overdue, the oldest first; leads can send the
 * reminders now.
 */
@Route(value = "procedures/reviews", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class ProcedureReviewsView extends VerticalLayout implements HasDynamicTitle {
  @Inject
  public ProcedureReviewsView(
      ProcedureService procedures, ProcedureVersions versions, TenantContext context) {
    setSizeFull();
    Grid<ProcedureSummary> grid = new Grid<>();
    grid.setId("procedure-reviews-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.addComponentColumn(p -> ProcedureTexts.review(this, p))
        .setHeader(getTranslation("procedures.nextReview"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addComponentColumn(p -> new RouterLink(p.title(), ProcedureView.class, p.id()))
        .setHeader(getTranslation("procedures.title"))
        .setWidth("20em")
        .setFlexGrow(3);
    grid.addColumn(p -> getTranslation("processArea." + p.processArea().name()))
        .setHeader(getTranslation("procedures.area"))
        .setAutoWidth(true);
    grid.addColumn(ProcedureSummary::ownerName)
        .setHeader(getTranslation("procedures.owner"))
        .setAutoWidth(true);
    grid.addColumn(p -> ProcedureTexts.effective(this, p))
        .setHeader(getTranslation("procedures.effective"))
        .setAutoWidth(true);
    grid.setEmptyStateText(getTranslation("procedureReviews.empty"));
    grid.setItems(procedures.dueReviews());
    add(
        new RouterLink(getTranslation("procedure.back"), ProceduresView.class),
        new H1(getPageTitle()),
        new Paragraph(getTranslation("procedureReviews.intro")));
    if (context.requireUser().hasRole(Roles.BPO_LEAD)) {
      Button remind =
          new Button(
              getTranslation("procedureReviews.remind"),
              e -> {
                int queued = versions.sendReviewReminders();
                Notification.show(
                        getTranslation("procedureReviews.reminded", queued),
                        4000,
                        Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
              });
      remind.setId("procedure-reviews-remind");
      add(remind);
    }
    add(grid);
    setFlexGrow(1, grid);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("procedureReviews.pageTitle");
  }
}
