package com.bpo.portal.ui.close;

import com.bpo.portal.close.CloseAction;
import com.bpo.portal.close.CloseExport;
import com.bpo.portal.close.ClosePack;
import com.bpo.portal.close.CloseQueries;
import com.bpo.portal.close.CloseService;
import com.bpo.portal.close.CloseStatus;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.MainLayout;
import com.bpo.portal.ui.PeriodParameter;
import com.bpo.portal.ui.SvgChart;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A month's close as the OTC manager proves it and the client signs it: the roll-forward, the aging
 * at the month end with its provision, the reconciliation to the client's ledger, the month's
 * write-offs and the accounts carrying the most provision. The buttons are the steps the workflow
 * offers this reader now (the service's {@code actions}).
 */
@Route(value = "close", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class CloseView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {
  private final CloseService close;
  private final CloseExport export;
  private final boolean lead;
  private final ZoneId zone;
  private final Select<YearMonth> period = new Select<>();
  private final Div content = new Div();
  private final List<YearMonth> months = new ArrayList<>();

  /** Full names by user name, for whoever published, signed off or commented: never a login. */
  private final java.util.Map<String, String> names;

  @Inject
  public CloseView(
      CloseService close,
      CloseExport export,
      TenantContext context,
      com.bpo.portal.tenant.PeopleNames people) {
    this.names = people.all();
    this.close = close;
    this.export = export;
    this.lead = context.requireUser().hasRole(Roles.BPO_LEAD);
    this.zone = ZoneId.of(context.requireTenant().timeZone());
    boolean bpo = lead || context.requireUser().hasRole(Roles.BPO_AGENT);
    YearMonth last = YearMonth.from(context.today()).minusMonths(1);
    if (bpo) {
      for (int i = 0; i < 12; i++) {
        months.add(last.minusMonths(i));
      }
    } else {
      // the client sees the months the BPO has published to them
      close.recent().forEach(r -> months.add(YearMonth.parse(r.period())));
    }
    period.setId("close-period");
    period.setLabel(getTranslation("close.period"));
    period.setItems(months);
    period.setItemLabelGenerator(m -> Formats.month(m, getLocale()));
    period.setEmptySelectionAllowed(false);
    if (!months.isEmpty()) {
      // the month that needs attention first: the oldest one still waiting, else the latest
      YearMonth first =
          close.recent().stream()
              .filter(r -> r.status() == (bpo ? CloseStatus.DRAFT : CloseStatus.PUBLISHED))
              .map(r -> YearMonth.parse(r.period()))
              .filter(months::contains)
              .reduce((a, b) -> b)
              .orElse(months.get(0));
      period.setValue(first);
    }
    period.addValueChangeListener(e -> show());
    content.setWidthFull();
    setMaxWidth("1200px");
    add(new H1(getPageTitle()), period, content);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("close.title");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    PeriodParameter.of(event)
        .ifPresent(
            asked -> {
              if (!months.contains(asked)
                  && !asked.isAfter(months.isEmpty() ? asked : months.get(0))) {
                // an older month reached by its address joins the list
                months.add(asked);
                period.setItems(months);
              }
              if (months.contains(asked)) {
                period.setValue(asked);
              }
            });
    show();
  }

  private void show() {
    content.removeAll();
    if (period.getValue() == null) {
      content.add(new Paragraph(getTranslation("close.none")));
      return;
    }
    ClosePack pack;
    try {
      pack = close.pack(period.getValue().toString());
    } catch (ProblemException e) {
      content.add(new Paragraph(e.getMessage()));
      return;
    }
    content.add(header(pack));
    for (ClosePack.CurrencySection c : pack.currencies()) {
      content.add(section(pack, c));
    }
    content.add(new H2(getTranslation("close.writeOffs")));
    content.add(
        pack.writeOffs().isEmpty()
            ? new Paragraph(getTranslation("close.writeOffs.none"))
            : writeOffs(pack));
    content.add(new H2(getTranslation("close.largest")));
    content.add(largest(pack));
    content.add(comments(pack));
  }

  private Component header(ClosePack pack) {
    HorizontalLayout bar = new HorizontalLayout();
    bar.setWrap(true);
    bar.setAlignItems(FlexComponent.Alignment.CENTER);
    Span status =
        Badge.of(
            getTranslation("close.status." + pack.status().name()),
            switch (pack.status()) {
              case DRAFT -> Badge.Tone.NEUTRAL;
              case PUBLISHED -> Badge.Tone.WARNING;
              case SIGNED_OFF -> Badge.Tone.SUCCESS;
            });
    status.setId("close-status");
    bar.add(status);
    if (pack.publishedBy() != null) {
      bar.add(
          new Span(
              getTranslation(
                  "close.publishedBy",
                  name(pack.publishedBy()),
                  Formats.dateTime(pack.publishedAt(), zone, getLocale()))));
    }
    if (pack.signedOffBy() != null) {
      bar.add(
          new Span(
              getTranslation(
                  "close.signedOffBy",
                  name(pack.signedOffBy()),
                  Formats.dateTime(pack.signedOffAt(), zone, getLocale()))));
    }
    for (CloseAction action : pack.actions()) {
      if (action == CloseAction.COMMENT) {
        continue; // the comment box below
      }
      Button button = new Button(getTranslation("close.action." + action.name()));
      button.setId("close-" + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      if (action == CloseAction.PUBLISH || action == CloseAction.SIGN_OFF) {
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      }
      button.addClickListener(
          e -> {
            if (action == CloseAction.SIGN_OFF || action == CloseAction.PUBLISH) {
              confirm(action, pack);
            } else {
              act(action, pack);
            }
          });
      bar.add(button);
    }
    bar.add(
        download(
            "close-pdf",
            getTranslation("close.pdf"),
            "close-" + pack.period() + ".pdf",
            () -> export.pdf(close.pack(pack.period()))));
    bar.add(
        download(
            "close-xlsx",
            getTranslation("close.xlsx"),
            "close-" + pack.period() + ".xlsx",
            () -> export.xlsx(close.pack(pack.period()))));
    return bar;
  }

  private void confirm(CloseAction action, ClosePack pack) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation("close.confirm." + action.name() + ".title"));
    dialog.add(
        new Paragraph(
            getTranslation(
                "close.confirm." + action.name() + ".text",
                Formats.month(YearMonth.parse(pack.period()), getLocale()))));
    Button yes =
        new Button(
            getTranslation("close.action." + action.name()),
            e -> {
              dialog.close();
              act(action, pack);
            });
    yes.setId("close-confirm");
    yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button no = new Button(getTranslation("close.cancel"), e -> dialog.close());
    dialog.getFooter().add(no, yes);
    dialog.open();
    yes.focus();
  }

  private void act(CloseAction action, ClosePack pack) {
    try {
      switch (action) {
        case PREPARE -> close.prepare(pack.period());
        case PUBLISH -> close.publish(pack.period(), pack.version());
        case WITHDRAW -> close.withdraw(pack.period(), pack.version());
        case SIGN_OFF -> close.signOff(pack.period(), pack.version());
        default -> throw new IllegalStateException(action.name());
      }
      Notification.show(
              getTranslation("close.done." + action.name()),
              4000,
              Notification.Position.BOTTOM_START)
          .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    } catch (ProblemException e) {
      Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
          .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
    show();
  }

  private Component section(ClosePack pack, ClosePack.CurrencySection c) {
    VerticalLayout box = new VerticalLayout();
    box.setPadding(false);
    box.add(new H2(getTranslation("close.currency", c.currency())));
    FlexLayout row = new FlexLayout();
    row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    row.getStyle().set("gap", "var(--lumo-space-l)");
    ClosePack.Flow f = c.rollForward();
    Map<String, Money> flow = new LinkedHashMap<>();
    flow.put("close.opening", f.opening());
    flow.put("close.invoiced", f.invoiced());
    flow.put("close.cash", f.cash());
    flow.put("close.credits", f.credits());
    flow.put("close.writeOffsLine", f.writeOffs());
    flow.put("close.adjustments", f.adjustments());
    flow.put("close.closing", f.closing());
    row.add(
        figures(
            "close-rollforward-" + c.currency(),
            getTranslation("close.rollForward"),
            flow,
            "close.closing"));
    ClosePack.Provision p = c.provision();
    Map<String, Money> provision = new LinkedHashMap<>();
    provision.put("close.provision.opening", p.opening());
    provision.put("close.provision.used", p.used());
    provision.put("close.provision.charge", p.charge());
    provision.put("close.provision.release", p.release());
    provision.put("close.provision.general", p.general());
    provision.put("close.provision.specific", p.specific());
    provision.put("close.provision.closing", p.closing());
    row.add(
        figures(
            "close-provision-" + c.currency(),
            getTranslation("close.provision", pack.policyVersion()),
            provision,
            "close.provision.closing"));
    box.add(row);

    List<SvgChart.Bar> bars =
        c.aging().stream()
            .map(
                a ->
                    new SvgChart.Bar(
                        getTranslation("close.bucket." + a.bucket().name()),
                        a.amount().amount().doubleValue()))
            .toList();
    box.add(new H3(getTranslation("close.aging")));
    box.add(
        SvgChart.columns(
            getTranslation("close.aging.chart", c.currency()),
            bars,
            "close-aging-" + c.currency()));
    Grid<ClosePack.AgingLine> aging = new Grid<>();
    aging.setId("close-aging-grid-" + c.currency());
    aging.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    aging.setAllRowsVisible(true);
    aging
        .addColumn(a -> getTranslation("close.bucket." + a.bucket().name()))
        .setHeader(getTranslation("close.bucket"));
    aging
        .addColumn(a -> Formats.money(a.amount(), getLocale()))
        .setHeader(getTranslation("close.amount"))
        .setTextAlign(ColumnTextAlign.END);
    aging
        .addColumn(a -> Formats.money(a.disputed(), getLocale()))
        .setHeader(getTranslation("close.disputed"))
        .setTextAlign(ColumnTextAlign.END);
    aging
        .addColumn(a -> Formats.money(a.provision(), getLocale()))
        .setHeader(getTranslation("close.provisionColumn"))
        .setTextAlign(ColumnTextAlign.END);
    aging.setItems(c.aging());
    box.add(aging);
    box.add(
        new Paragraph(
            getTranslation("close.unapplied", Formats.money(c.unappliedCash(), getLocale()))
                + " · "
                + getTranslation(
                    "close.disputesOpen",
                    c.disputesOpen(),
                    Formats.money(c.disputedAtEnd(), getLocale()))));
    box.add(reconciliation(pack, c));
    return box;
  }

  private Component figures(String id, String title, Map<String, Money> lines, String totalKey) {
    Div card = new Div();
    card.setId(id);
    card.getStyle().set("min-width", "min(100%, 22em)").set("flex", "1");
    card.add(new H3(title));
    for (Map.Entry<String, Money> line : lines.entrySet()) {
      HorizontalLayout l =
          new HorizontalLayout(
              new Span(getTranslation(line.getKey())),
              new Span(Formats.money(line.getValue(), getLocale())));
      l.setWidthFull();
      l.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
      if (line.getKey().equals(totalKey)) {
        l.getStyle()
            .set("font-weight", "600")
            .set("border-top", "1px solid var(--lumo-contrast-20pct)");
      }
      card.add(l);
    }
    return card;
  }

  private Component reconciliation(ClosePack pack, ClosePack.CurrencySection c) {
    VerticalLayout box = new VerticalLayout();
    box.setPadding(false);
    box.setId("close-reconciliation-" + c.currency());
    box.add(new H3(getTranslation("close.reconciliation")));
    ClosePack.Reconciliation r = c.reconciliation();
    String ledger =
        r.ledger() == null
            ? getTranslation("close.ledger.missing")
            : Formats.money(r.ledger(), getLocale());
    box.add(
        new Paragraph(
            getTranslation("close.ledger", ledger)
                + " · "
                + getTranslation(
                    "close.receivables", Formats.money(r.receivables(), getLocale()))));
    for (ClosePack.Item item : r.items()) {
      HorizontalLayout line =
          new HorizontalLayout(
              new Span(getTranslation("close.item.kind." + item.kind())),
              new Span(item.explanation()),
              new Span(Formats.money(item.amount(), getLocale())));
      line.setAlignItems(FlexComponent.Alignment.BASELINE);
      if (lead && pack.status() == CloseStatus.DRAFT) {
        Button remove =
            new Button(
                getTranslation("close.item.remove"),
                e -> {
                  close.removeReconcilingItem(pack.period(), item.id());
                  show();
                });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel(getTranslation("close.item.remove.aria", item.explanation()));
        line.add(remove);
      }
      box.add(line);
    }
    Span unexplained =
        r.unexplained() == null
            ? Badge.of(getTranslation("close.ledger.missing"), Badge.Tone.WARNING)
            : r.explainedToTheCent()
                ? Badge.of(getTranslation("close.explained"), Badge.Tone.SUCCESS)
                : Badge.of(
                    getTranslation(
                        "close.unexplained", Formats.money(r.unexplained(), getLocale())),
                    Badge.Tone.ERROR);
    unexplained.setId("close-unexplained-" + c.currency());
    box.add(unexplained);
    if (lead && pack.status() == CloseStatus.DRAFT) {
      TextField amount = new TextField(getTranslation("close.ledger.amount", c.currency()));
      amount.setId("close-ledger-amount");
      Button save =
          new Button(
              getTranslation("close.ledger.save"),
              e -> {
                Optional<BigDecimal> balance = ReconcilingItemForm.amount(amount.getValue());
                if (balance.isEmpty()) {
                  amount.setInvalid(true);
                  amount.setErrorMessage(getTranslation("close.item.amount.invalid"));
                  return;
                }
                close.enterLedgerBalance(pack.period(), c.currency(), balance.get());
                show();
              });
      save.setId("close-ledger-save");
      HorizontalLayout ledgerForm = new HorizontalLayout(amount, save);
      ledgerForm.setAlignItems(FlexComponent.Alignment.BASELINE);
      ledgerForm.setWrap(true);
      box.add(ledgerForm);
      ReconcilingItemForm form = new ReconcilingItemForm();
      form.addSaveListener(
          e -> {
            try {
              close.addReconcilingItem(
                  pack.period(),
                  c.currency(),
                  e.item().getKind(),
                  ReconcilingItemForm.amount(e.item().getAmount()).orElseThrow(),
                  e.item().getExplanation());
              form.clear();
              show();
            } catch (InvalidFields invalid) {
              Map<String, String> byField = new LinkedHashMap<>();
              invalid.toProblem().errors().forEach(f -> byField.put(f.field(), f.message()));
              form.showServerErrors(byField);
            }
          });
      box.add(form);
    }
    return box;
  }

  private Component writeOffs(ClosePack pack) {
    Grid<ClosePack.WriteOff> grid = new Grid<>();
    grid.setId("close-write-offs");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.setAllRowsVisible(true);
    grid.addColumn(ClosePack.WriteOff::invoiceNumber)
        .setHeader(getTranslation("close.invoice"))
        .setAutoWidth(true);
    grid.addColumn(w -> w.customerName() + " (" + w.customerNumber() + ")")
        .setHeader(getTranslation("close.customer"))
        .setFlexGrow(1);
    grid.addColumn(w -> Formats.date(w.postedOn(), getLocale()))
        .setHeader(getTranslation("close.date"))
        .setAutoWidth(true);
    grid.addColumn(w -> Formats.money(w.amount(), getLocale()))
        .setHeader(getTranslation("close.amount"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    grid.setItems(pack.writeOffs());
    return grid;
  }

  private Component largest(ClosePack pack) {
    Grid<ClosePack.AccountProvision> grid = new Grid<>();
    grid.setId("close-largest");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.setAllRowsVisible(true);
    grid.addColumn(a -> a.customerName() + " (" + a.customerNumber() + ")")
        .setHeader(getTranslation("close.customer"))
        .setFlexGrow(1);
    grid.addColumn(a -> Formats.money(a.overdue(), getLocale()))
        .setHeader(getTranslation("close.overdue"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    grid.addColumn(a -> Formats.money(a.general(), getLocale()))
        .setHeader(getTranslation("close.provision.general"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    grid.addColumn(a -> Formats.money(a.specific(), getLocale()))
        .setHeader(getTranslation("close.provision.specific"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    grid.addColumn(a -> Formats.money(a.total(), getLocale()))
        .setHeader(getTranslation("close.total"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    grid.setItems(pack.largestProvisions());
    return grid;
  }

  private Component comments(ClosePack pack) {
    VerticalLayout box = new VerticalLayout();
    box.setPadding(false);
    box.add(new H2(getTranslation("close.comments")));
    List<CloseQueries.Comment> list;
    try {
      list = close.comments(pack.period());
    } catch (ProblemException e) {
      list = List.of();
    }
    if (list.isEmpty()) {
      box.add(new Paragraph(getTranslation("close.comments.none")));
    }
    for (CloseQueries.Comment c : list) {
      box.add(
          new Paragraph(
              name(c.author())
                  + " · "
                  + Formats.dateTime(c.at(), zone, getLocale())
                  + ": "
                  + c.body()));
    }
    if (pack.actions().contains(CloseAction.COMMENT)) {
      TextArea body = new TextArea(getTranslation("close.comment"));
      body.setId("close-comment");
      body.setMaxLength(4000);
      body.setWidthFull();
      Button send =
          new Button(
              getTranslation("close.comment.send"),
              e -> {
                try {
                  close.comment(pack.period(), body.getValue());
                  show();
                } catch (InvalidFields invalid) {
                  body.setInvalid(true);
                  body.setErrorMessage(getTranslation("close.comment.invalid"));
                }
              });
      send.setId("close-comment-send");
      box.add(body, send);
    }
    return box;
  }

  private Anchor download(String id, String label, String file, Supplier<byte[]> content) {
    Anchor anchor =
        new Anchor(new StreamResource(file, () -> new ByteArrayInputStream(content.get())), label);
    anchor.setId(id);
    anchor.getElement().setAttribute("download", true);
    return anchor;
  }

  private String name(String username) {
    return username == null ? "" : names.getOrDefault(username, username);
  }
}
