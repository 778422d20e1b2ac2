package com.bpo.portal.ui.home;

import com.bpo.portal.invoice.CustomerAccountService;
import com.bpo.portal.invoice.Dso;
import com.bpo.portal.invoice.ReceivablesService;
import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.MainLayout;
import com.bpo.portal.ui.invoice.AgingView;
import com.bpo.portal.ui.tenantadmin.TenantsView;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** The tenant home: whose portal this is, who you are in it, and the figures that matter today. */
@Route(value = "", layout = MainLayout.class)
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {
  private static final int DSO_DAYS = 90;
  private final TenantContext context;

  @Inject
  public HomeView(
      TenantContext context,
      CustomerAccountService accounts,
      ReceivablesService receivables,
      com.bpo.portal.dispute.DisputeService disputes,
      com.bpo.portal.scorecard.ScorecardService scorecards,
      CustomerHome customerHome) {
    this.context = context;
    PortalUser user = context.requireUser();
    Optional<Tenant> tenant = context.tenant();
    setMaxWidth("80em");

    H1 title = new H1(tenant.map(Tenant::name).orElse(getTranslation("home.platform")));
    title.setId("tenant-name");
    String role =
        user.primaryRole()
            .map(r -> getTranslation("role." + r))
            .orElse(getTranslation("role.none"));
    String name =
        com.bpo.portal.tenant.FullNames.of(
            com.vaadin.flow.server.VaadinServletRequest.getCurrent() == null
                ? null
                : com.vaadin.flow.server.VaadinServletRequest.getCurrent().getUserPrincipal(),
            user.username());
    Paragraph welcome = new Paragraph(getTranslation("home.welcome", name, role));
    welcome.setId("welcome");
    add(title, welcome);

    if (tenant.isEmpty()) {
      add(new Paragraph(getTranslation("home.noTenant")));
      if (user.hasRole(com.bpo.portal.shared.Roles.PLATFORM_ADMIN)) {
        add(new RouterLink(getTranslation("nav.tenants"), TenantsView.class));
      }
      return;
    }

    if (user.isCustomer()) {
      customerHome.addTo(this, tenant.get());
      return;
    }
    FlexLayout cards = new FlexLayout();
    cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    cards.getStyle().set("gap", "var(--lumo-space-m)");
    {
      Dso dso = receivables.dso(context.today(), DSO_DAYS, Optional.empty());
      for (Dso.Figure figure : dso.figures()) {
        cards.add(
            card(
                getTranslation("home.openReceivables"),
                Formats.money(figure.receivables(), getLocale()),
                ""));
        cards.add(
            card(
                getTranslation("home.overdue"),
                Formats.money(figure.overdue(), getLocale()),
                share(figure)));
        cards.add(
            card(
                getTranslation("home.dso", DSO_DAYS),
                figure.dso() == null ? "–" : getTranslation("home.days", figure.dso()),
                ""));
      }
      cards.add(
          card(
              getTranslation("home.customerAccounts"),
              Formats.number(accounts.count(), getLocale()),
              ""));
      var open = disputes.openCounts();
      cards.add(
          card(
              getTranslation("home.openDisputes"),
              Formats.number(open.open(), getLocale()),
              getTranslation("home.breachedDisputes", open.breached())));
      // the latest month up to now: a month stored for a future period is not "the latest"
      scorecards
          .latest()
          .ifPresent(
              latest ->
                  cards.add(
                      card(
                          getTranslation(
                              "home.scorecard",
                              Formats.month(
                                  java.time.YearMonth.parse(latest.period()), getLocale())),
                          latest.score() == null
                              ? "–"
                              : Formats.decimal(latest.score(), getLocale()),
                          getTranslation("scorecard.status." + latest.status().name()))));
    }
    add(new H2(getTranslation("home.today")), cards);
    com.vaadin.flow.component.orderedlayout.HorizontalLayout links =
        new com.vaadin.flow.component.orderedlayout.HorizontalLayout();
    links.add(
        new RouterLink(getTranslation("nav.aging"), AgingView.class),
        new RouterLink(
            getTranslation("nav.disputes"), com.bpo.portal.ui.dispute.DisputesView.class),
        new RouterLink(
            getTranslation("nav.scorecard"), com.bpo.portal.ui.scorecard.ScorecardView.class));
    add(links);
  }

  private String share(Dso.Figure figure) {
    if (figure.receivables().amount().signum() == 0) {
      return "";
    }
    BigDecimal percent =
        figure
            .overdue()
            .amount()
            .multiply(BigDecimal.valueOf(100))
            .divide(figure.receivables().amount(), 0, RoundingMode.HALF_UP);
    return getTranslation("home.overdueShare", percent);
  }

  static Div card(String label, String value, String note) {
    Div card = new Div();
    card.addClassName("portal-card");
    card.getStyle()
        .set("padding", "var(--lumo-space-m)")
        .set("border-radius", "var(--lumo-border-radius-l)")
        .set("background", "var(--lumo-contrast-5pct)")
        .set("flex", "1 1 14rem")
        .set("max-width", "24rem");
    Span labelText = new Span(label);
    labelText.getStyle().set("display", "block").set("color", "var(--lumo-secondary-text-color)");
    Span valueText = new Span(value);
    valueText
        .getStyle()
        .set("display", "block")
        .set("font-size", "var(--lumo-font-size-xxl)")
        .set("font-weight", "600");
    card.add(labelText, valueText);
    if (!note.isEmpty()) {
      Span noteText = new Span(note);
      noteText.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)");
      card.add(noteText);
    }
    return card;
  }

  @Override
  public String getPageTitle() {
    return context.tenant().map(Tenant::name).orElse(getTranslation("app.name"))
        + " · "
        + getTranslation("nav.home");
  }
}
