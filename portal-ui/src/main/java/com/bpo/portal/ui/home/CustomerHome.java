package com.bpo.portal.ui.home;

import com.bpo.portal.audit.AuditTrail;
import com.bpo.portal.dispute.DisputeFilter;
import com.bpo.portal.dispute.DisputeService;
import com.bpo.portal.dispute.DisputeSort;
import com.bpo.portal.dispute.DisputeStatus;
import com.bpo.portal.dispute.DisputeSummary;
import com.bpo.portal.invoice.AccountPosition;
import com.bpo.portal.invoice.AccountPositions;
import com.bpo.portal.invoice.StatementPdf;
import com.bpo.portal.invoice.StatementService;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.cash.RemittancesView;
import com.bpo.portal.ui.dispute.DisputeView;
import com.bpo.portal.ui.dispute.DisputesView;
import com.bpo.portal.ui.dispute.RaiseDisputeView;
import com.bpo.portal.ui.invoice.InvoicesView;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.StreamResource;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The customer's home, led by what they owe the way AR portals lead with it: balance due, what is
 * overdue on how many invoices, the next due date, their open disputes with the date a response was
 * promised (flagged once it has passed unanswered), a statement for a month they pick, and the way
 * to their open invoices.
 */
public class CustomerHome {
  private static final int DISPUTES_SHOWN = 5;
  private static final int STATEMENT_MONTHS = 12;

  private final AccountPositions positions;
  private final DisputeService disputes;
  private final StatementService statements;
  private final TenantContext context;
  private final AuditTrail audit;

  @Inject
  public CustomerHome(
      AccountPositions positions,
      DisputeService disputes,
      StatementService statements,
      TenantContext context,
      AuditTrail audit) {
    this.positions = positions;
    this.disputes = disputes;
    this.statements = statements;
    this.context = context;
    this.audit = audit;
  }

  private static Locale locale() {
    return com.vaadin.flow.component.UI.getCurrent().getLocale();
  }

  void addTo(VerticalLayout home, Tenant tenant) {
    Optional<AccountPosition> own = positions.own();
    if (own.isEmpty()) {
      home.add(new Paragraph(home.getTranslation("home.noAccount")));
      return;
    }
    AccountPosition position = own.get();
    Locale locale = locale();
    LocalDate today = context.today();

    Paragraph account =
        new Paragraph(
            home.getTranslation(
                "home.accountOf", position.customerNumber(), position.customerName()));
    account.setId("home-account");

    Div figures = new Div();
    figures.setId("home-position");
    figures.setWidthFull();
    figures
        .getStyle()
        .set("display", "grid")
        .set("gap", "var(--lumo-space-m)")
        .set("grid-template-columns", "repeat(auto-fit, minmax(14rem, 1fr))");
    Div balance =
        HomeView.card(
            home.getTranslation("home.balanceDue"),
            Formats.money(position.balanceDue(), locale),
            "");
    balance.setId("home-balance");
    Div overdue =
        HomeView.card(
            home.getTranslation("home.overdue"),
            Formats.money(position.overdue(), locale),
            home.getTranslation("home.overdueInvoices", position.overdueInvoices()));
    overdue.setId("home-overdue");
    if (position.overdueInvoices() > 0) {
      overdue.getStyle().set("border-left", "4px solid var(--lumo-error-color)");
    }
    Div next =
        HomeView.card(
            home.getTranslation("home.nextDue"),
            position
                .nextDue()
                .map(d -> Formats.date(d, locale))
                .orElse(home.getTranslation("home.nothingDue")),
            position
                .nextDue()
                .map(
                    d ->
                        home.getTranslation(
                            "home.nextDueAmount", Formats.money(position.nextDueAmount(), locale)))
                .orElse(""));
    next.setId("home-next-due");
    figures.add(balance, overdue, next);
    List.of(balance, overdue, next).forEach(card -> card.getStyle().set("max-width", "none"));

    RouterLink openInvoices =
        new RouterLink(home.getTranslation("home.seeOpenInvoices"), InvoicesView.class);
    openInvoices.setId("home-open-invoices");
    RouterLink raise =
        new RouterLink(home.getTranslation("dispute.raise.title"), RaiseDisputeView.class);
    RouterLink remittance =
        new RouterLink(home.getTranslation("remittance.tell"), RemittancesView.class);
    remittance.setId("home-remittance");
    HorizontalLayout links = new HorizontalLayout(openInvoices, raise, remittance);
    links.getStyle().set("flex-wrap", "wrap");

    home.add(
        account,
        figures,
        links,
        openDisputes(home, today),
        statement(home, tenant, position, today));
  }

  /** The customer's open disputes, newest first, each with the date a response was promised. */
  private VerticalLayout openDisputes(VerticalLayout home, LocalDate today) {
    VerticalLayout section = new VerticalLayout();
    section.setPadding(false);
    section.setSpacing(false);
    section.setId("home-disputes");
    section.add(new H2(home.getTranslation("home.yourOpenDisputes")));
    DisputeFilter open = DisputeFilter.open();
    var page = disputes.list(open, DisputeSort.DEFAULT, PageRequest.of(DISPUTES_SHOWN, null));
    if (page.items().isEmpty()) {
      section.add(new Paragraph(home.getTranslation("home.noOpenDisputes")));
      return section;
    }
    for (DisputeSummary d : page.items()) {
      RouterLink number = new RouterLink(d.number(), DisputeView.class, d.id());
      Span amount = new Span(Formats.money(d.disputed(), locale()));
      Span status =
          Badge.of(home.getTranslation("dispute.status." + d.status().name()), Badge.Tone.NEUTRAL);
      HorizontalLayout row = new HorizontalLayout(number, status, amount, promise(home, d, today));
      row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
      row.getStyle()
          .set("flex-wrap", "wrap")
          .set("padding", "var(--lumo-space-xs) 0")
          .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
      row.setWidthFull();
      row.addClassName("home-dispute");
      section.add(row);
    }
    if (page.next() != null) {
      section.add(new RouterLink(home.getTranslation("home.allDisputes"), DisputesView.class));
    }
    return section;
  }

  /** A response promised and not given by its date reads as late, in words and colour. */
  private static Span promise(VerticalLayout home, DisputeSummary d, LocalDate today) {
    String date = Formats.date(d.promisedResponseOn(), locale());
    boolean late =
        d.status() == DisputeStatus.NEW
            && d.promisedResponseOn() != null
            && d.promisedResponseOn().isBefore(today);
    if (late) {
      Span flag = Badge.of(home.getTranslation("home.promiseLate", date), Badge.Tone.ERROR);
      flag.addClassName("home-promise-late");
      return flag;
    }
    return new Span(home.getTranslation("home.promisedBy", date));
  }

  /**
   * A statement of account for a month the customer picks (the current one runs to today), as a
   * PDF.
   */
  private VerticalLayout statement(
      VerticalLayout home, Tenant tenant, AccountPosition position, LocalDate today) {
    VerticalLayout section = new VerticalLayout();
    section.setPadding(false);
    section.setId("home-statement");
    List<YearMonth> months = new ArrayList<>();
    for (int i = 0; i < STATEMENT_MONTHS; i++) {
      months.add(YearMonth.from(today).minusMonths(i));
    }
    Select<YearMonth> month = new Select<>();
    month.setId("home-statement-month");
    month.setLabel(home.getTranslation("home.statementMonth"));
    month.setItems(months);
    month.setItemLabelGenerator(m -> Formats.month(m, locale()));
    month.setValue(months.size() > 1 ? months.get(1) : months.get(0));
    Anchor download = new Anchor();
    download.setId("home-statement-pdf");
    download.setText(home.getTranslation("home.statementPdf"));
    download.getElement().setAttribute("download", true);
    Runnable point =
        () -> {
          YearMonth m = month.getValue();
          LocalDate from = m.atDay(1);
          LocalDate to = m.atEndOfMonth().isAfter(today) ? today : m.atEndOfMonth();
          Locale locale = locale();
          download.setHref(
              new StreamResource(
                  "statement-" + position.customerNumber() + "-" + m + ".pdf",
                  () -> {
                    audit.record(
                        AuditTrail.EXPORT,
                        "statement",
                        String.valueOf(position.customerId()),
                        Map.of("format", "pdf", "period", m.toString()));
                    return new ByteArrayInputStream(
                        statements
                            .statement(position.customerId(), from, to)
                            .map(s -> StatementPdf.render(s, tenant.name(), today, locale))
                            .orElseThrow());
                  }));
        };
    point.run();
    month.addValueChangeListener(
        e -> {
          if (e.getValue() != null) {
            point.run();
          }
        });
    HorizontalLayout row = new HorizontalLayout(month, download);
    row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    row.getStyle().set("flex-wrap", "wrap");
    section.add(new H2(home.getTranslation("home.statement")), row);
    return section;
  }
}
