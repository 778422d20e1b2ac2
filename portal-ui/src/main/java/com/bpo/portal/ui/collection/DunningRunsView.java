package com.bpo.portal.ui.collection;

import com.bpo.portal.collection.CollectionService;
import com.bpo.portal.collection.DunningRun;
import com.bpo.portal.collection.DunningService;
import com.bpo.portal.collection.Notice;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.KeysetFetch;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.TextRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Dunning runs for review: pick a run to see its notices (each invoice listed, or left out with the
 * reason); a lead runs today's dunning and releases a proposed run. Agents read.
 */
@Route(value = "collections/runs", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT})
public class DunningRunsView extends VerticalLayout implements HasDynamicTitle {
  private final DunningService dunning;
  private final boolean lead;
  private final TenantContext context;
  private final Grid<DunningRun> runs = new Grid<>();
  private final Grid<Notice> notices = new Grid<>();
  private final H2 noticesTitle = new H2();
  private final Button release = new Button();
  private DunningRun selected;

  @Inject
  public DunningRunsView(
      DunningService dunning, CollectionService collections, TenantContext context) {
    this.dunning = dunning;
    Map<String, String> names = collections.staffNames();
    this.context = context;
    this.lead = context.requireUser().hasRole(Roles.BPO_LEAD);
    setSizeFull();
    Button runToday = new Button(getTranslation("collections.runToday"), e -> runToday());
    runToday.setId("runs-run-today");
    runToday.setVisible(lead);
    HorizontalLayout header =
        new HorizontalLayout(
            new H1(getPageTitle()),
            runToday,
            new RouterLink(getTranslation("collections.worklist.title"), WorklistView.class));
    header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    header.setWrap(true);

    runs.setId("runs-grid");
    runs.setHeight("14em");
    runs.addColumn(r -> Formats.date(r.runDate(), getLocale()))
        .setHeader(getTranslation("collections.runDate"))
        .setWidth("8em")
        .setFlexGrow(0);
    runs.addComponentColumn(
            r ->
                Badge.of(
                    getTranslation("collections.run." + r.status()),
                    r.status().equals("RELEASED") ? Badge.Tone.SUCCESS : Badge.Tone.WARNING))
        .setHeader(getTranslation("collections.status"))
        .setWidth("8em")
        .setFlexGrow(0);
    runs.addColumn(
            r -> getTranslation("collections.runCounts", r.proposed(), r.excluded(), r.sent()))
        .setHeader(getTranslation("collections.notices"))
        .setFlexGrow(1);
    runs.addColumn(
            r -> r.releasedBy() == null ? "" : names.getOrDefault(r.releasedBy(), r.releasedBy()))
        .setHeader(getTranslation("collections.releasedBy"))
        .setWidth("8em")
        .setFlexGrow(0);
    runs.setEmptyStateText(getTranslation("collections.runs.empty"));
    runs.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));
    KeysetFetch<DunningRun> fetch =
        new KeysetFetch<>((cursor, limit) -> dunning.runs(PageRequest.of(limit, cursor)));
    runs.setItems(query -> fetch.fetch(query.getOffset(), query.getLimit()).stream());

    release.setText(getTranslation("collections.release"));
    release.setId("runs-release");
    release.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    release.setVisible(false);
    release.addClickListener(e -> confirmRelease());
    HorizontalLayout noticesHeader = new HorizontalLayout(noticesTitle, release);
    noticesHeader.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

    notices.setId("runs-notices");
    notices
        .addColumn(Notice::accountNumber)
        .setHeader(getTranslation("collections.account"))
        .setWidth("7em")
        .setFlexGrow(0);
    notices
        .addColumn(Notice::accountName)
        .setHeader(getTranslation("collections.name"))
        .setWidth("9em")
        .setFlexGrow(1);
    notices
        .addColumn(
            n ->
                getTranslation(
                    "collections.levelAction",
                    n.level(),
                    getTranslation("collections.action." + n.action().name())))
        .setHeader(getTranslation("collections.step"))
        .setWidth("10em")
        .setFlexGrow(0);
    notices
        .addColumn(n -> Formats.money(n.total(), getLocale()))
        .setHeader(getTranslation("collections.total"))
        .setTextAlign(ColumnTextAlign.END)
        .setWidth("8em")
        .setFlexGrow(0);
    notices
        .addComponentColumn(
            n ->
                Badge.of(
                    getTranslation("collections.notice." + n.status())
                        + (n.exclusion() == null
                            ? ""
                            : " · "
                                + getTranslation("collections.exclusion." + n.exclusion().name())),
                    switch (n.status()) {
                      case "SENT", "DONE" -> Badge.Tone.SUCCESS;
                      case "EXCLUDED" -> Badge.Tone.NEUTRAL;
                      default -> Badge.Tone.WARNING;
                    }))
        .setHeader(getTranslation("collections.status"))
        .setWidth("11em")
        .setFlexGrow(0);
    notices
        .addColumn(new TextRenderer<>(this::lines))
        .setHeader(getTranslation("collections.invoices"))
        .setFlexGrow(2);
    notices.setEmptyStateText(getTranslation("collections.notices.empty"));
    notices.setSizeFull();
    add(header, runs, noticesHeader, notices);
  }

  /** Each invoice of the notice, with the reason when it is left out. */
  private String lines(Notice notice) {
    return notice.lines().stream()
        .map(
            l ->
                l.number()
                    + " "
                    + Formats.money(l.amount(), getLocale())
                    + (l.exclusion() == null
                        ? ""
                        : " ("
                            + getTranslation("collections.exclusion." + l.exclusion().name())
                            + ")"))
        .collect(Collectors.joining(", "));
  }

  private void select(DunningRun run) {
    selected = run;
    if (run == null) {
      notices.setItems(java.util.List.of());
      noticesTitle.setText("");
      release.setVisible(false);
      return;
    }
    noticesTitle.setText(
        getTranslation("collections.runOf", Formats.date(run.runDate(), getLocale())));
    dunning.detail(run.id()).ifPresent(d -> notices.setItems(d.notices()));
    release.setVisible(lead && run.status().equals("PROPOSED") && run.proposed() > 0);
  }

  private void runToday() {
    try {
      DunningRun.Result result = dunning.run(context.today());
      CollectionTexts.notify(
          getTranslation("collections.runDone", result.noticesAdded()),
          NotificationVariant.LUMO_SUCCESS);
      runs.getDataProvider().refreshAll();
      runs.select(result.run());
    } catch (ProblemException problem) {
      CollectionTexts.show(this, problem, java.util.Map.of());
    }
  }

  private void confirmRelease() {
    DunningRun run = selected;
    ConfirmDialog confirm =
        new ConfirmDialog(
            getTranslation("collections.release"),
            getTranslation("collections.releaseConfirm", run.proposed()),
            getTranslation("collections.release"),
            e -> {
              try {
                DunningRun.Detail detail = dunning.release(run.id(), run.version());
                CollectionTexts.notify(
                    getTranslation("collections.released"), NotificationVariant.LUMO_SUCCESS);
                runs.getDataProvider().refreshAll();
                select(detail.run());
              } catch (ProblemException problem) {
                CollectionTexts.show(this, problem, java.util.Map.of());
              }
            });
    confirm.setCancelable(true);
    confirm.setCancelText(getTranslation("common.cancel"));
    confirm.open();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("collections.runs");
  }
}
