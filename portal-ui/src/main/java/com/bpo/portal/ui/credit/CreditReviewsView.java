package com.bpo.portal.ui.credit;

import com.bpo.portal.credit.CreditService;
import com.bpo.portal.credit.ReviewDue;
import com.bpo.portal.credit.ReviewState;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.MainLayout;
import com.bpo.portal.ui.invoice.CustomerView;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/** Credit reviews overdue or due within 30 days, soonest first; each account one click away. */
@Route(value = "credit/reviews", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class CreditReviewsView extends VerticalLayout implements HasDynamicTitle {
  static final int PAGE = 500;

  @Inject
  public CreditReviewsView(CreditService credit) {
    Grid<ReviewDue> grid = new Grid<>();
    grid.setId("credit-reviews");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.addComponentColumn(
            r ->
                new RouterLink(
                    r.customerNumber() + " · " + r.customerName(),
                    CustomerView.class,
                    r.customerAccountId()))
        .setHeader(getTranslation("reviews.customer"))
        .setAutoWidth(true)
        .setFlexGrow(1);
    grid.addColumn(r -> getTranslation("credit.risk." + r.riskClass().name()))
        .setHeader(getTranslation("credit.risk"))
        .setAutoWidth(true);
    grid.addColumn(r -> Formats.money(r.limit(), getLocale()))
        .setHeader(getTranslation("credit.limit"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    grid.addColumn(r -> Formats.date(r.lastReviewedOn(), getLocale()))
        .setHeader(getTranslation("reviews.last"))
        .setAutoWidth(true);
    grid.addColumn(r -> Formats.date(r.nextReviewOn(), getLocale()))
        .setHeader(getTranslation("credit.nextReview"))
        .setAutoWidth(true);
    grid.addComponentColumn(
            r ->
                Badge.of(
                    getTranslation("credit.review." + r.state().name()),
                    r.state() == ReviewState.OVERDUE ? Badge.Tone.ERROR : Badge.Tone.WARNING))
        .setHeader(getTranslation("reviews.state"))
        .setAutoWidth(true);
    grid.setEmptyStateText(getTranslation("reviews.none"));
    grid.setItems(credit.reviewsDue(PageRequest.of(PAGE, null)).items());
    add(
        new H1(getTranslation("reviews.title")),
        new Paragraph(getTranslation("reviews.explain")),
        grid);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("reviews.title");
  }
}
