package com.bpo.portal.ui;

import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantDirectory;
import com.bpo.portal.tenant.UserLanguages;
import com.bpo.portal.tenantadmin.TenantBranding;
import com.bpo.portal.ui.home.HomeView;
import com.bpo.portal.ui.invoice.AgingView;
import com.bpo.portal.ui.invoice.CustomersView;
import com.bpo.portal.ui.invoice.InvoicesView;
import com.bpo.portal.ui.tenantadmin.TenantsView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The shell around every screen: the active tenant (with a switcher for people who serve several),
 * navigation by feature, and the user menu (role, language, sign out).
 */
@com.vaadin.flow.component.dependency.StyleSheet("context://styles/portal.css")
public class MainLayout extends AppLayout {
  /** Set once a session has applied the person's stored language (at sign-in). */
  private static final String LANGUAGE_APPLIED = "portal.language.applied";

  static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH);

  private final TenantContext context;
  private final String realmUrl;
  private final String publicUrl;
  private final UserLanguages languages;

  @Inject
  public MainLayout(
      TenantContext context,
      TenantDirectory directory,
      TenantBranding branding,
      com.bpo.portal.audit.AuditTrail audit,
      UserLanguages languages,
      @ConfigProperty(name = "kc.realm.url") String realmUrl,
      @ConfigProperty(name = "portal.public.url") String publicUrl) {
    this.context = context;
    this.realmUrl = realmUrl;
    com.bpo.portal.ui.audit.SignIns.recordOnce(audit, context, VaadinSession.getCurrent());
    this.publicUrl = publicUrl;
    this.languages = languages;
    PortalUser user = context.requireUser();
    applyStoredLanguage(user);

    DrawerToggle toggle = new DrawerToggle();
    toggle.setAriaLabel(getTranslation("nav.toggle"));
    Span product = new Span(getTranslation("app.name"));
    product.addClassName("portal-product");
    product.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");

    HorizontalLayout bar = new HorizontalLayout(product);
    bar.setAlignItems(FlexComponent.Alignment.CENTER);
    bar.setWidthFull();
    bar.getStyle().set("padding-right", "var(--lumo-space-m)");

    bar.setId("portal-header");
    context.tenant().flatMap(active -> branding.current()).ifPresent(look -> brand(bar, look));

    List<Tenant> tenants =
        directory.findAll(user.tenantIds()).stream().filter(Tenant::isActive).toList();
    context.tenant().ifPresent(active -> bar.add(tenantSwitcher(active, tenants)));
    MenuBar userMenu = userMenu(user);
    bar.add(userMenu);
    bar.setFlexGrow(1, product);

    addToNavbar(toggle, bar);
    addToDrawer(navigation(user));
    setPrimarySection(Section.DRAWER);
    // screen readers pronounce the page in the language it is written in
    getElement()
        .executeJs("document.documentElement.setAttribute('lang', $0)", getLocale().getLanguage());
  }

  /**
   * At the first page of a session, the language the person chose before (stored per user) wins
   * over the browser's; the page reloads once so that every text is in it.
   */
  private void applyStoredLanguage(PortalUser user) {
    VaadinSession session = VaadinSession.getCurrent();
    if (session == null || session.getAttribute(LANGUAGE_APPLIED) != null) {
      return;
    }
    session.setAttribute(LANGUAGE_APPLIED, Boolean.TRUE);
    languages
        .of(user.username())
        .filter(stored -> !stored.getLanguage().equals(session.getLocale().getLanguage()))
        .ifPresent(
            stored -> {
              session.setLocale(stored);
              UI.getCurrent().getPage().reload();
            });
  }

  /**
   * The tenant's look: its primary colour under the header and for Lumo's primary elements, its
   * logo first. The colour goes on the document itself too, because dialogs, notifications and
   * menus are drawn outside the layout (under body) and would otherwise keep Lumo's blue.
   */
  private void brand(HorizontalLayout bar, TenantBranding.Branding look) {
    if (look.primaryColour() != null) {
      getElement()
          .getStyle()
          .set("--lumo-primary-color", look.primaryColour())
          .set("--lumo-primary-text-color", look.primaryColour());
      getElement()
          .executeJs(
              "const s = document.documentElement.style;"
                  + "s.setProperty('--lumo-primary-color', $0); s.setProperty('--lumo-primary-text-color', $0);"
                  + "s.setProperty('--lumo-primary-color-50pct', 'color-mix(in srgb, ' + $0 + ' 50%, transparent)');"
                  + "s.setProperty('--lumo-primary-color-10pct', 'color-mix(in srgb, ' + $0 + ' 10%, transparent)')",
              look.primaryColour());
      bar.getElement().setAttribute("data-primary-colour", look.primaryColour());
      getElement()
          .executeJs(
              "this.shadowRoot.querySelector('[part=navbar]').style.borderBottom = '4px solid ' + $0",
              look.primaryColour());
    }
    if (look.logo() != null) {
      byte[] logo = look.logo();
      Image image =
          new Image(
              new StreamResource("logo", () -> new ByteArrayInputStream(logo)),
              getTranslation("tenant.logo"));
      image.setId("tenant-logo");
      image.setHeight("32px");
      bar.addComponentAsFirst(image);
    }
  }

  private com.vaadin.flow.component.Component tenantSwitcher(Tenant active, List<Tenant> tenants) {
    if (tenants.size() < 2) {
      Span name = new Span(active.name());
      name.setId("active-tenant");
      return name;
    }
    Select<Tenant> select = new Select<>();
    select.setId("tenant-switcher");
    select.setAriaLabel(getTranslation("tenant.switch"));
    select.setItems(tenants);
    select.setItemLabelGenerator(Tenant::name);
    select.setValue(
        tenants.stream().filter(t -> t.id().equals(active.id())).findFirst().orElse(null));
    select.addValueChangeListener(
        e -> {
          if (e.isFromClient() && e.getValue() != null) {
            VaadinSession.getCurrent()
                .getSession()
                .setAttribute(TenantContext.SESSION_ATTRIBUTE, e.getValue().id());
            UI.getCurrent().getPage().setLocation("/");
          }
        });
    return select;
  }

  private SideNav navigation(PortalUser user) {
    SideNav nav = new SideNav();
    nav.setLabel(getTranslation("nav.label"));
    nav.addItem(
        new SideNavItem(getTranslation("nav.home"), HomeView.class, VaadinIcon.HOME.create()));
    if (context.tenant().isPresent()) {
      nav.addItem(
          new SideNavItem(
              getTranslation("nav.invoices"), InvoicesView.class, VaadinIcon.FILE_TEXT_O.create()));
      if (!user.isCustomer()) {
        nav.addItem(
            new SideNavItem(
                getTranslation("nav.aging"), AgingView.class, VaadinIcon.BAR_CHART_H.create()));
      }
      nav.addItem(
          new SideNavItem(
              getTranslation(user.isCustomer() ? "nav.myAccount" : "nav.customers"),
              CustomersView.class,
              VaadinIcon.USERS.create()));
      nav.addItem(
          new SideNavItem(
              getTranslation(user.isCustomer() ? "nav.myDisputes" : "nav.disputes"),
              com.bpo.portal.ui.dispute.DisputesView.class,
              VaadinIcon.SCALE_UNBALANCE.create()));
      if (user.hasRole(Roles.BPO_LEAD) || user.hasRole(Roles.BPO_AGENT)) {
        // three items side by side, not a group: Vaadin's expandable item points aria-controls at
        // an element of its own shadow root, which assistive technology cannot reach (axe:
        // critical)
        nav.addItem(
            new SideNavItem(
                getTranslation("nav.collections"),
                com.bpo.portal.ui.collection.WorklistView.class,
                VaadinIcon.PHONE.create()));
        nav.addItem(
            new SideNavItem(
                getTranslation("nav.collectionRuns"),
                com.bpo.portal.ui.collection.DunningRunsView.class,
                VaadinIcon.ENVELOPES_O.create()));
        nav.addItem(
            new SideNavItem(
                getTranslation("nav.collectionStrategies"),
                com.bpo.portal.ui.collection.StrategiesView.class,
                VaadinIcon.ROAD_SPLIT.create()));
      } else if (user.isCustomer()) {
        nav.addItem(
            new SideNavItem(
                getTranslation("nav.myReminders"),
                com.bpo.portal.ui.collection.MyRemindersView.class,
                VaadinIcon.ENVELOPE_O.create()));
        nav.addItem(
            new SideNavItem(
                getTranslation("nav.remittances"),
                com.bpo.portal.ui.cash.RemittancesView.class,
                VaadinIcon.MONEY_DEPOSIT.create()));
      }
      if (!user.isCustomer()) {
        nav.addItem(
            new SideNavItem(
                getTranslation("nav.disputeAnalysis"),
                com.bpo.portal.ui.dispute.DisputeAnalysisView.class,
                VaadinIcon.PIE_BAR_CHART.create()));
      }
      if (!user.isCustomer()) {
        nav.addItem(
            new SideNavItem(
                getTranslation("nav.scorecard"),
                com.bpo.portal.ui.scorecard.ScorecardView.class,
                VaadinIcon.DASHBOARD.create()));
      }
      if (!user.isCustomer()) {
        // flat, not nested: a nested item's toggle carries aria-controls="children", which axe
        // refuses (critical)
        nav.addItem(
            new SideNavItem(
                getTranslation("nav.governance"),
                com.bpo.portal.ui.governance.GovernanceLogView.class,
                VaadinIcon.CLIPBOARD_CHECK.create()));
        nav.addItem(
            new SideNavItem(
                getTranslation("nav.governanceMeetings"),
                com.bpo.portal.ui.governance.MeetingsView.class,
                VaadinIcon.CALENDAR_USER.create()));
        if (user.hasRole(Roles.BPO_LEAD)) {
          nav.addItem(
              new SideNavItem(
                  getTranslation("nav.governanceEscalation"),
                  com.bpo.portal.ui.governance.EscalationSettingsView.class,
                  VaadinIcon.LEVEL_UP.create()));
        }
      }
      if (user.hasRole(Roles.BPO_LEAD)
          || user.hasRole(Roles.BPO_AGENT)
          || user.hasRole(Roles.CLIENT_STAKEHOLDER)) {
        nav.addItem(
            new SideNavItem(
                getTranslation("nav.close"),
                com.bpo.portal.ui.close.CloseView.class,
                VaadinIcon.BOOK_DOLLAR.create()));
      }
      if (user.hasRole(Roles.BPO_LEAD)
          || user.hasRole(Roles.BPO_AGENT)
          || user.hasRole(Roles.CLIENT_STAKEHOLDER)) {
        nav.addItem(
            new SideNavItem(
                getTranslation("nav.cash"),
                com.bpo.portal.ui.cash.CashView.class,
                VaadinIcon.MONEY_EXCHANGE.create()));
      }
      if (user.hasRole(Roles.BPO_LEAD) || user.hasRole(Roles.CLIENT_STAKEHOLDER)) {
        nav.addItem(
            new SideNavItem(
                getTranslation("nav.audit"),
                com.bpo.portal.ui.audit.AuditView.class,
                VaadinIcon.SHIELD.create()));
      }
      if (user.hasRole(Roles.BPO_LEAD)) {
        nav.addItem(
            new SideNavItem(
                getTranslation("nav.webhooks"),
                com.bpo.portal.ui.webhook.WebhooksView.class,
                VaadinIcon.CONNECT.create()));
      }
      if (user.hasRole(Roles.BPO_LEAD)
          || user.hasRole(Roles.BPO_AGENT)
          || user.hasRole(Roles.CLIENT_STAKEHOLDER)) {
        nav.addItem(
            new SideNavItem(
                getTranslation("nav.procedures"),
                com.bpo.portal.ui.procedure.ProceduresView.class,
                VaadinIcon.BOOK.create()));
        nav.addItem(
            new SideNavItem(
                getTranslation("nav.procedureReviews"),
                com.bpo.portal.ui.procedure.ProcedureReviewsView.class,
                VaadinIcon.CALENDAR_CLOCK.create()));
      }
      if (user.hasRole(Roles.BPO_LEAD)
          || user.hasRole(Roles.BPO_AGENT)
          || user.hasRole(Roles.CLIENT_STAKEHOLDER)) {
        nav.addItem(
            new SideNavItem(
                getTranslation("nav.approvals"),
                com.bpo.portal.ui.credit.ApprovalsView.class,
                VaadinIcon.CHECK_SQUARE_O.create()));
        nav.addItem(
            new SideNavItem(
                getTranslation("nav.creditReviews"),
                com.bpo.portal.ui.credit.CreditReviewsView.class,
                VaadinIcon.SCALE.create()));
      }
      if (user.hasRole(Roles.BPO_LEAD)) {
        nav.addItem(
            new SideNavItem(
                getTranslation("nav.disputeSettings"),
                com.bpo.portal.ui.dispute.DisputeSettingsView.class,
                VaadinIcon.COG.create()));
      }
    }
    if (user.hasRole(Roles.PLATFORM_ADMIN)) {
      nav.addItem(
          new SideNavItem(
              getTranslation("nav.tenants"), TenantsView.class, VaadinIcon.BUILDING.create()));
      nav.addItem(
          new SideNavItem(
              getTranslation("tenantadmin.actions.title"),
              com.bpo.portal.ui.tenantadmin.AdminActionsView.class,
              VaadinIcon.RECORDS.create()));
    }
    return nav;
  }

  private MenuBar userMenu(PortalUser user) {
    MenuBar menu = new MenuBar();
    menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
    menu.getElement().setAttribute("aria-label", getTranslation("user.menu"));
    // on a phone the menu folds into a "more" button, which needs a name of its own
    menu.setI18n(new MenuBar.MenuBarI18n().setMoreOptions(getTranslation("user.menu")));
    String role = user.primaryRole().map(r -> getTranslation("role." + r)).orElse("");
    String name =
        com.bpo.portal.tenant.FullNames.of(
            VaadinServletRequest.getCurrent() == null
                ? null
                : VaadinServletRequest.getCurrent().getUserPrincipal(),
            user.username());
    // the name shrinks on a phone; the icon keeps the menu reachable, and the role is in the
    // tooltip
    Span label = new Span(name + (role.isEmpty() ? "" : " · " + role));
    label.addClassName("portal-user-name");
    HorizontalLayout rootContent = new HorizontalLayout(VaadinIcon.USER.create(), label);
    rootContent.setSpacing(false);
    rootContent.getStyle().set("gap", "var(--lumo-space-xs)");
    rootContent.setAlignItems(FlexComponent.Alignment.CENTER);
    MenuItem root = menu.addItem(rootContent);
    root.getElement().setAttribute("title", name + (role.isEmpty() ? "" : " · " + role));
    root.setId("user-menu");
    SubMenu sub = root.getSubMenu();
    SubMenu language = sub.addItem(getTranslation("user.language")).getSubMenu();
    for (Locale locale : LANGUAGES) {
      language.addItem(locale.getDisplayLanguage(locale), e -> switchLanguage(locale));
    }
    sub.addItem(getTranslation("user.signOut"), e -> signOut());
    return menu;
  }

  private void switchLanguage(Locale locale) {
    languages.choose(context.requireUser().username(), locale);
    VaadinSession.getCurrent().setLocale(locale);
    UI.getCurrent().getPage().reload();
  }

  /**
   * Ends the Liberty session and the Keycloak session, then comes back to the portal's front door.
   */
  private void signOut() {
    try {
      VaadinServletRequest.getCurrent().getHttpServletRequest().logout();
    } catch (ServletException e) {
      // the Keycloak logout below still ends the single sign-on session
    }
    VaadinSession.getCurrent().getSession().invalidate();
    String back = URLEncoder.encode(publicUrl + "/", StandardCharsets.UTF_8);
    UI.getCurrent()
        .getPage()
        .setLocation(
            realmUrl
                + "/protocol/openid-connect/logout?client_id=portal-ui"
                + "&post_logout_redirect_uri="
                + back);
  }
}
