package com.bpo.portal.ui.scorecard;

import com.bpo.portal.scorecard.Rag;
import com.bpo.portal.scorecard.Scorecard;
import com.bpo.portal.scorecard.ScorecardExport;
import com.bpo.portal.scorecard.ScorecardService;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.MainLayout;
import com.bpo.portal.ui.PeriodParameter;
import com.bpo.portal.ui.SvgChart;
import com.bpo.portal.ui.dispute.DisputesView;
import com.bpo.portal.ui.invoice.AgingView;
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
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The month's SLA scorecard: each KPI's actual against its target with RAG and a twelve-month
 * trend, the weighted score, comments and history. BPO leads compute, enter manual values, publish
 * and answer disputes; client stakeholders comment, dispute a KPI and sign off. A KPI drills down
 * to the receivables or disputes behind it.
 */
@Route(value = "scorecard", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class ScorecardView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {
  /** The computed KPIs the aging screen explains, where their names lead. */
  private static final java.util.Set<String> RECEIVABLES_KPIS =
      java.util.Set.of(
          "DSO", "DSO_COUNTBACK", "BEST_DSO", "ADD", "CEI", "PCT_CURRENT", "PCT_OVER_90");

  private final ScorecardService scorecards;
  private final ScorecardExport export;
  private final boolean lead;
  private final boolean stakeholder;
  private final ZoneId zone;
  private final Select<YearMonth> period = new Select<>();
  private final Div content = new Div();
  private final List<YearMonth> months = new ArrayList<>();
  private final java.util.Map<String, String> names;

  @Inject
  public ScorecardView(
      ScorecardService scorecards,
      ScorecardExport export,
      TenantContext context,
      com.bpo.portal.tenant.PeopleNames people) {
    this.names = people.all();
    this.scorecards = scorecards;
    this.export = export;
    PortalUser user = context.requireUser();
    this.lead = user.hasRole(Roles.BPO_LEAD);
    this.stakeholder = user.hasRole(Roles.CLIENT_STAKEHOLDER);
    this.zone = ZoneId.of(context.requireTenant().timeZone());
    YearMonth last = YearMonth.from(context.today()).minusMonths(1);
    for (int i = 0; i < 13; i++) {
      months.add(last.minusMonths(i));
    }
    period.setId("scorecard-period");
    period.setLabel(getTranslation("scorecard.period"));
    // open on the latest month the reader may see (a client: the latest published), not on an empty
    // one
    YearMonth opening = scorecards.latest().map(l -> YearMonth.parse(l.period())).orElse(last);
    if (!months.contains(opening)) {
      months.add(opening);
      months.sort(java.util.Comparator.reverseOrder());
    }
    period.setItems(months);
    period.setItemLabelGenerator(m -> Formats.month(m, getLocale()));
    period.setValue(opening);
    period.addValueChangeListener(
        e -> {
          if (e.getValue() != null) {
            show();
          }
        });
    content.setWidthFull();
    add(new H1(getPageTitle()), period, content);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    PeriodParameter.of(event)
        .ifPresent(
            asked -> {
              if (!months.contains(asked)) {
                // an older month reached by its address joins the list
                months.add(asked);
                period.setItems(months);
              }
              period.setValue(asked);
            });
    show();
  }

  private void show() {
    content.removeAll();
    Scorecard card = scorecards.scorecard(period.getValue().toString());
    Span status =
        Badge.of(
            getTranslation(
                card.stored() ? "scorecard.status." + card.status().name() : "scorecard.preview"),
            card.status() == Scorecard.Status.SIGNED_OFF
                ? Badge.Tone.SUCCESS
                : card.status() == Scorecard.Status.PUBLISHED
                    ? Badge.Tone.NEUTRAL
                    : Badge.Tone.WARNING);
    status.setId("scorecard-status");
    Span score =
        new Span(
            getTranslation(
                "scorecard.score",
                card.overallScore() == null
                    ? "—"
                    : Formats.decimal(card.overallScore(), getLocale())));
    score.setId("scorecard-score");
    score.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
    HorizontalLayout head = new HorizontalLayout(status, score);
    head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

    VerticalLayout layout = new VerticalLayout(head, actions(card), kpiGrid(card));
    layout.setPadding(false);
    if (!card.credits().isEmpty()) {
      layout.add(new H2(getTranslation("scorecard.credits")), credits(card));
    }
    layout.add(new H2(getTranslation("scorecard.comments")), comments(card));
    if (!card.history().isEmpty()) {
      Grid<Scorecard.Event> history = new Grid<>();
      history.setId("scorecard-history");
      history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
      history.setAllRowsVisible(true);
      var when =
          history
              .addColumn(e -> Formats.dateTime(e.at(), zone, getLocale()))
              .setHeader(getTranslation("dispute.when"))
              .setAutoWidth(true);
      var who =
          history
              .addColumn(e -> person(e.actor()))
              .setHeader(getTranslation("dispute.who"))
              .setAutoWidth(true);
      // on a phone the time and the person wrap in narrow columns, so what happened stays on screen
      com.bpo.portal.ui.Phone.onNarrow(
          history,
          narrow -> {
            for (var column : List.of(when, who)) {
              column.setAutoWidth(!narrow);
              column.setWidth(narrow ? "6.5em" : null);
            }
            history.recalculateColumnWidths();
          });
      history
          .addColumn(
              e ->
                  words("scorecard.event." + e.action(), e.action())
                      + (e.note() == null ? "" : " · " + noteWords(card, e.note())))
          .setHeader(getTranslation("dispute.what"))
          .setFlexGrow(1);
      history.setItems(card.history());
      layout.add(new H2(getTranslation("dispute.history")), history);
    }
    content.add(layout);
  }

  private Component actions(Scorecard card) {
    HorizontalLayout bar = new HorizontalLayout();
    bar.setId("scorecard-actions");
    bar.setWrap(true);
    if (lead && (!card.stored() || card.status() == Scorecard.Status.DRAFT)) {
      bar.add(
          button(
              "scorecard-compute",
              card.stored() ? "scorecard.recompute" : "scorecard.compute",
              () -> scorecards.compute(card.period()),
              ButtonVariant.LUMO_PRIMARY));
    }
    if (lead && card.stored() && card.status() == Scorecard.Status.DRAFT) {
      bar.add(
          button(
              "scorecard-publish",
              "scorecard.publish",
              () -> scorecards.publish(card.period(), card.version()),
              ButtonVariant.LUMO_CONTRAST));
    }
    List<String> unanswered =
        card.kpis().stream()
            .filter(k -> k.review() == Scorecard.Review.DISPUTED)
            .map(k -> words("scorecard.kpi." + k.code(), k.name()))
            .toList();
    if (stakeholder && card.status() == Scorecard.Status.PUBLISHED && unanswered.isEmpty()) {
      Button signOff = new Button(getTranslation("scorecard.signOff"), e -> confirmSignOff(card));
      signOff.setId("scorecard-sign-off");
      signOff.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
      bar.add(signOff);
    } else if (card.status() == Scorecard.Status.PUBLISHED && !unanswered.isEmpty()) {
      // sign-off would be refused: say why instead of offering it
      Span waiting =
          new Span(
              getTranslation(
                  stakeholder ? "scorecard.signOffWaits" : "scorecard.answerNeeded",
                  String.join(", ", unanswered)));
      waiting.setId("scorecard-sign-off-waits");
      bar.add(waiting);
    }
    if (card.stored()) {
      Anchor csv =
          new Anchor(
              new StreamResource(
                  "scorecard-" + card.period() + ".csv",
                  () -> new ByteArrayInputStream(export.csv(card))),
              getTranslation("scorecard.csv"));
      csv.getElement().setAttribute("download", true);
      Anchor pdf =
          new Anchor(
              new StreamResource(
                  "scorecard-" + card.period() + ".pdf",
                  () -> new ByteArrayInputStream(export.pdf(card))),
              getTranslation("scorecard.pdf"));
      pdf.setTarget("_blank");
      pdf.setId("scorecard-pdf");
      bar.add(csv, pdf);
    } else {
      bar.add(new Span(getTranslation(lead ? "scorecard.previewLead" : "scorecard.previewOthers")));
    }
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    return bar;
  }

  /** Service credits by KPI name, with their total. */
  private Component credits(Scorecard card) {
    Grid<Scorecard.Credit> grid = new Grid<>();
    grid.setId("scorecard-credits");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
    grid.setAllRowsVisible(true);
    grid.setMaxWidth("36em");
    var name =
        grid.addColumn(
                c ->
                    words(
                        "scorecard.kpi." + c.code(),
                        card.kpis().stream()
                            .filter(k -> k.code().equals(c.code()))
                            .map(Scorecard.Kpi::name)
                            .findFirst()
                            .orElse(c.code())))
            .setHeader(getTranslation("scorecard.kpi"))
            .setFlexGrow(1);
    var amount =
        grid.addColumn(c -> Formats.money(c.amount(), getLocale()))
            .setHeader(getTranslation("scorecard.credit"))
            .setTextAlign(ColumnTextAlign.END)
            .setAutoWidth(true);
    BigDecimal total =
        card.credits().stream()
            .map(c -> c.amount().amount())
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    var footer = grid.appendFooterRow();
    footer.getCell(name).setText(getTranslation("scorecard.creditsTotal"));
    footer
        .getCell(amount)
        .setText(
            Formats.money(
                new com.bpo.portal.shared.Money(total, card.credits().get(0).amount().currency()),
                getLocale()));
    grid.setItems(card.credits());
    return grid;
  }

  private String person(String username) {
    return username == null ? "" : names.getOrDefault(username, username);
  }

  /**
   * A history note that starts with a KPI's code ("DSO", "DSO = 41.2 (...)") reads with its name.
   */
  private String noteWords(Scorecard card, String note) {
    String text = note.strip();
    return card.kpis().stream()
        .filter(
            k ->
                text.equals(k.code())
                    || text.startsWith(k.code() + " ")
                    || text.startsWith(k.code() + ":"))
        .max(java.util.Comparator.comparingInt(k -> k.code().length()))
        .map(k -> words("scorecard.kpi." + k.code(), k.name()) + text.substring(k.code().length()))
        .orElse(note);
  }

  private void confirmSignOff(Scorecard card) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(
        getTranslation(
            "scorecard.signOffTitle", Formats.month(YearMonth.parse(card.period()), getLocale())));
    dialog.add(new Paragraph(getTranslation("scorecard.signOffText")));
    Button confirm =
        new Button(
            getTranslation("scorecard.signOff"),
            e -> {
              dialog.close();
              run(
                  () -> scorecards.signOff(card.period(), card.version()),
                  "scorecard.done.signOff");
            });
    confirm.setId("scorecard-sign-off-confirm");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
    dialog
        .getFooter()
        .add(new Button(getTranslation("common.cancel"), e -> dialog.close()), confirm);
    dialog.open();
  }

  private Grid<Scorecard.Kpi> kpiGrid(Scorecard card) {
    Grid<Scorecard.Kpi> grid = new Grid<>();
    grid.setId("scorecard-kpis");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.setAllRowsVisible(true);
    var name =
        grid.addComponentColumn(this::kpiName)
            .setHeader(getTranslation("scorecard.kpi"))
            .setWidth("20rem")
            .setFlexGrow(2);
    grid.addColumn(k -> value(k.actual(), k))
        .setHeader(getTranslation("scorecard.actual"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    var target =
        grid.addColumn(
                k -> (k.direction() == Rag.Direction.HIGHER ? "≥ " : "≤ ") + value(k.target(), k))
            .setHeader(getTranslation("scorecard.target"))
            .setTextAlign(ColumnTextAlign.END)
            .setAutoWidth(true);
    grid.addComponentColumn(
            k -> Badge.of(getTranslation("scorecard.rag." + k.rag().name()), tone(k.rag())))
        .setHeader(getTranslation("scorecard.rag"))
        .setAutoWidth(true);
    var trend =
        grid.addComponentColumn(this::trend)
            .setHeader(getTranslation("scorecard.trend"))
            .setWidth("180px")
            .setFlexGrow(0);
    var weight =
        grid.addColumn(k -> Formats.decimal(k.weight().stripTrailingZeros(), getLocale()))
            .setHeader(getTranslation("scorecard.weight"))
            .setTextAlign(ColumnTextAlign.END)
            .setAutoWidth(true);
    grid.addComponentColumn(k -> kpiActions(card, k))
        .setHeader(getTranslation("scorecard.review"))
        .setAutoWidth(true);
    // a phone keeps the name, the figure, its status and the review; the rest needs a wider screen
    com.bpo.portal.ui.Phone.onNarrow(
        grid,
        narrow -> {
          name.setWidth(narrow ? "6.5rem" : "20rem"); // names wrap: no column beyond the screen
          target.setVisible(!narrow);
          trend.setVisible(!narrow);
          weight.setVisible(!narrow);
        });
    grid.setItems(card.kpis());
    return grid;
  }

  /**
   * The name links to the figures behind it: receivables KPIs to the aging, dispute KPIs to the
   * queue.
   */
  private Component kpiName(Scorecard.Kpi k) {
    String name = words("scorecard.kpi." + k.code(), k.name());
    if (k.code().startsWith("DISPUTE_")) {
      RouterLink link = new RouterLink(name, DisputesView.class);
      link.setQueryParameters(QueryParameters.empty());
      return link;
    }
    if (k.computed() && RECEIVABLES_KPIS.contains(k.code())) {
      RouterLink link = new RouterLink(name, AgingView.class);
      link.setId("scorecard-drill-" + k.code().toLowerCase(java.util.Locale.ROOT));
      return link;
    }
    Span span = new Span(name);
    if (k.evidence() != null) {
      span.setTitle(k.evidence());
    }
    return span;
  }

  private Component trend(Scorecard.Kpi k) {
    List<SvgChart.Bar> points = new ArrayList<>();
    k.trend().stream()
        .filter(p -> p.actual() != null)
        .forEach(p -> points.add(new SvgChart.Bar(p.period(), p.actual().doubleValue())));
    if (k.actual() != null) {
      points.add(new SvgChart.Bar("now", k.actual().doubleValue()));
    }
    return points.size() < 2
        ? new Span("—")
        : SvgChart.sparkline(getTranslation("scorecard.trendOf", k.name()), points);
  }

  private Component kpiActions(Scorecard card, Scorecard.Kpi k) {
    HorizontalLayout actions = new HorizontalLayout();
    actions.setSpacing(false);
    if (k.review() != Scorecard.Review.OPEN) {
      actions.add(
          Badge.of(
              getTranslation("scorecard.review." + k.review().name()),
              k.review() == Scorecard.Review.DISPUTED ? Badge.Tone.ERROR : Badge.Tone.NEUTRAL));
    }
    if (lead && card.stored() && card.status() == Scorecard.Status.DRAFT && !k.computed()) {
      actions.add(small("scorecard.enter", () -> enterValue(card, k)));
      actions.add(small("scorecard.attach", () -> attachEvidence(card, k)));
    }
    if (k.evidenceFile() != null) {
      Anchor file =
          new Anchor(
              new StreamResource(
                  k.evidenceFile(),
                  () ->
                      new ByteArrayInputStream(
                          scorecards.evidence(card.period(), k.code()).orElseThrow().content())),
              "📎 " + k.evidenceFile());
      file.getElement().setAttribute("download", true);
      actions.add(file);
    }
    if (stakeholder
        && card.status() == Scorecard.Status.PUBLISHED
        && k.review() != Scorecard.Review.DISPUTED) {
      actions.add(
          small(
              "scorecard.dispute",
              () ->
                  writeDialog(
                      "scorecard.disputeTitle",
                      k,
                      text -> scorecards.disputeKpi(card.period(), k.code(), text),
                      "scorecard.done.dispute")));
    }
    if (lead
        && card.status() == Scorecard.Status.PUBLISHED
        && k.review() == Scorecard.Review.DISPUTED) {
      actions.add(
          small(
              "scorecard.answer",
              () ->
                  writeDialog(
                      "scorecard.answerTitle",
                      k,
                      text -> scorecards.answer(card.period(), k.code(), text),
                      "scorecard.done.answer")));
    }
    return actions;
  }

  private Button small(String key, Runnable action) {
    Button button = new Button(getTranslation(key), e -> action.run());
    button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    return button;
  }

  private void enterValue(Scorecard card, Scorecard.Kpi k) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation("scorecard.enterTitle", k.name()));
    TextField value = new TextField(getTranslation("scorecard.actual"));
    value.setId("scorecard-value");
    TextArea evidence = new TextArea(getTranslation("scorecard.evidence"));
    evidence.setId("scorecard-evidence");
    evidence.setWidthFull();
    dialog.add(new VerticalLayout(value, evidence));
    Button save =
        new Button(
            getTranslation("settings.save"),
            e -> {
              try {
                scorecards.enterValue(
                    card.period(), k.code(), value.getValue(), evidence.getValue());
                dialog.close();
                notify(getTranslation("scorecard.done.value"), NotificationVariant.LUMO_SUCCESS);
                show();
              } catch (InvalidFields invalid) {
                invalid
                    .toProblem()
                    .errors()
                    .forEach(
                        error -> {
                          if (error.field().equals("value")) {
                            value.setErrorMessage(getTranslation("scorecard.error.value"));
                            value.setInvalid(true);
                          } else if (error.field().equals("evidence")) {
                            evidence.setErrorMessage(getTranslation("scorecard.error.evidence"));
                            evidence.setInvalid(true);
                          }
                        });
              } catch (ProblemException problem) {
                dialog.close();
                notify(problem.getMessage(), NotificationVariant.LUMO_ERROR);
                show();
              }
            });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
    dialog.open();
  }

  /** The evidence file of a manual KPI, checked by content on the server like every upload. */
  private void attachEvidence(Scorecard card, Scorecard.Kpi k) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation("scorecard.attachTitle", k.name()));
    com.vaadin.flow.component.upload.receivers.MultiFileMemoryBuffer buffer =
        new com.vaadin.flow.component.upload.receivers.MultiFileMemoryBuffer();
    com.vaadin.flow.component.upload.Upload upload =
        com.bpo.portal.ui.UploadTexts.translate(
            new com.vaadin.flow.component.upload.Upload(buffer));
    upload.setId("scorecard-evidence-upload");
    upload.setMaxFiles(1);
    upload.setMaxFileSize(com.bpo.portal.shared.AttachmentCheck.MAX_BYTES);
    upload.setAcceptedFileTypes(
        "application/pdf", ".pdf", "image/png", ".png", "image/jpeg", ".jpg", ".jpeg");
    upload.setDropLabel(new Span(getTranslation("dispute.drop")));
    upload.addSucceededListener(
        e -> {
          try (java.io.InputStream in = buffer.getInputStream(e.getFileName())) {
            scorecards.attachEvidence(
                card.period(),
                k.code(),
                e.getFileName(),
                in.readNBytes(com.bpo.portal.shared.AttachmentCheck.MAX_BYTES + 1));
            dialog.close();
            notify(
                getTranslation("dispute.attached", e.getFileName()),
                NotificationVariant.LUMO_SUCCESS);
            show();
          } catch (ProblemException | java.io.IOException refused) {
            notify(
                getTranslation("dispute.error.file", e.getFileName()),
                NotificationVariant.LUMO_ERROR);
          }
        });
    upload.addFileRejectedListener(
        e ->
            notify(
                getTranslation("dispute.error.file", e.getFileName()),
                NotificationVariant.LUMO_ERROR));
    dialog.add(upload);
    dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()));
    dialog.open();
  }

  private void writeDialog(
      String titleKey, Scorecard.Kpi k, java.util.function.Consumer<String> send, String doneKey) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation(titleKey, k.name()));
    TextArea text = new TextArea();
    text.setId("scorecard-text");
    text.setWidth("30em");
    text.setMinHeight("8em");
    text.setAriaLabel(getTranslation(titleKey, k.name()));
    dialog.add(text);
    Button send_ =
        new Button(
            getTranslation("dispute.send"),
            e -> {
              if (text.getValue().isBlank()) {
                text.setErrorMessage(getTranslation("dispute.error.message"));
                text.setInvalid(true);
                return;
              }
              dialog.close();
              run(() -> send.accept(text.getValue()), doneKey);
            });
    send_.setId("scorecard-text-send");
    send_.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), send_);
    dialog.open();
  }

  private Component comments(Scorecard card) {
    VerticalLayout list = new VerticalLayout();
    list.setPadding(false);
    list.setId("scorecard-comments");
    if (card.comments().isEmpty()) {
      list.add(new Paragraph(getTranslation("scorecard.noComments")));
    }
    for (Scorecard.Comment c : card.comments()) {
      Span who =
          new Span(
              person(c.author())
                  + " · "
                  + Formats.dateTime(c.at(), zone, getLocale())
                  + (c.code() == null ? "" : " · " + words("scorecard.kpi." + c.code(), c.code()))
                  + " · "
                  + getTranslation("scorecard.kind." + c.kind()));
      who.getStyle()
          .set("font-size", "var(--lumo-font-size-s)")
          .set("color", "var(--lumo-secondary-text-color)");
      Paragraph body = new Paragraph(c.body());
      body.getStyle().set("white-space", "pre-wrap").set("margin", "0.2em 0 0");
      list.add(new Div(who, body));
    }
    boolean open =
        card.stored()
            && card.status() != Scorecard.Status.SIGNED_OFF
            && (stakeholder && card.status() == Scorecard.Status.PUBLISHED || lead);
    if (open) {
      TextArea text = new TextArea(getTranslation("scorecard.addComment"));
      text.setId("scorecard-comment");
      text.setWidthFull();
      Button post =
          new Button(
              getTranslation("dispute.send"),
              e -> {
                if (!text.getValue().isBlank()) {
                  run(
                      () -> scorecards.comment(card.period(), null, text.getValue()),
                      "scorecard.done.comment");
                }
              });
      post.setId("scorecard-comment-send");
      list.add(text, post);
    }
    return list;
  }

  private void run(Runnable change, String doneKey) {
    try {
      change.run();
      notify(getTranslation(doneKey), NotificationVariant.LUMO_SUCCESS);
    } catch (ProblemException problem) {
      // a KPI disputed since the page was drawn: say which, by name, rather than the server's codes
      boolean disputed = problem.toProblem().type().endsWith("kpi-disputed");
      notify(
          disputed
              ? getTranslation("scorecard.signOffWaits", disputedNames())
              : problem.getMessage(),
          NotificationVariant.LUMO_ERROR);
    }
    show();
  }

  private String disputedNames() {
    return String.join(
        ", ",
        scorecards.scorecard(period.getValue().toString()).kpis().stream()
            .filter(k -> k.review() == Scorecard.Review.DISPUTED)
            .map(k -> words("scorecard.kpi." + k.code(), k.name()))
            .toList());
  }

  private Button button(String id, String key, Supplier<Scorecard> action, ButtonVariant variant) {
    Button button =
        new Button(
            getTranslation(key),
            e ->
                run(
                    action::get,
                    key.equals("scorecard.publish")
                        ? "scorecard.done.publish"
                        : "scorecard.done.compute"));
    button.setId(id);
    button.addThemeVariants(variant);
    return button;
  }

  private String value(BigDecimal value, Scorecard.Kpi k) {
    if (value == null) {
      return "—";
    }
    String number =
        Formats.decimal(
            value.setScale(Math.min(value.scale(), 1), java.math.RoundingMode.HALF_UP),
            getLocale());
    return switch (k.unit()) {
      case DAYS -> getTranslation("scorecard.days", number);
      case PERCENT -> number + " %";
      case NUMBER -> number;
    };
  }

  private static Badge.Tone tone(Rag rag) {
    return switch (rag) {
      case GREEN -> Badge.Tone.SUCCESS;
      case AMBER -> Badge.Tone.WARNING;
      case RED -> Badge.Tone.ERROR;
      case NONE -> Badge.Tone.NEUTRAL;
    };
  }

  private String words(String key, String fallback) {
    String words = getTranslation(key);
    return words.startsWith("!") || words.equals(key) ? fallback : words;
  }

  private void notify(String text, NotificationVariant variant) {
    Notification.show(text, 5000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("scorecard.title");
  }
}
