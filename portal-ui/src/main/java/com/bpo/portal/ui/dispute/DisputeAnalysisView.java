package com.bpo.portal.ui.dispute;

import com.bpo.portal.dispute.DisputeAnalysis;
import com.bpo.portal.dispute.DisputeAnalysisService;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.MainLayout;
import com.bpo.portal.ui.SvgChart;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Root causes of disputes over a period: a Pareto chart of reasons, disputes by month, the
 * customers who dispute most, and how long resolution takes. For the BPO and the client.
 */
@Route(value = "disputes/analysis", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class DisputeAnalysisView extends VerticalLayout implements HasDynamicTitle {
  private final DisputeAnalysisService analysis;
  private final DatePicker from = new DatePicker();
  private final DatePicker to = new DatePicker();
  private final Div content = new Div();

  @Inject
  public DisputeAnalysisView(DisputeAnalysisService analysis, TenantContext context) {
    this.analysis = analysis;
    from.setId("analysis-from");
    from.setLabel(getTranslation("analysis.from"));
    from.setLocale(getLocale());
    from.setValue(context.today().minusMonths(6).withDayOfMonth(1));
    to.setId("analysis-to");
    to.setLabel(getTranslation("analysis.to"));
    to.setLocale(getLocale());
    to.setValue(context.today());
    from.addValueChangeListener(e -> refresh());
    to.addValueChangeListener(e -> refresh());
    content.setWidthFull();
    HorizontalLayout period = new HorizontalLayout(from, to);
    period.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(
        new RouterLink(getTranslation("dispute.back"), DisputesView.class),
        new H1(getPageTitle()),
        period,
        content);
    refresh();
  }

  private void refresh() {
    content.removeAll();
    if (from.getValue() == null || to.getValue() == null) {
      return;
    }
    DisputeAnalysis result;
    try {
      result = analysis.analyse(from.getValue(), to.getValue());
    } catch (ProblemException problem) {
      to.setErrorMessage(getTranslation("analysis.badPeriod"));
      to.setInvalid(true);
      return;
    }
    to.setInvalid(false);
    Anchor csv =
        new Anchor(
            new StreamResource(
                "dispute-analysis.csv",
                () -> {
                  ByteArrayOutputStream out = new ByteArrayOutputStream();
                  try {
                    analysis.csv(result, out);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                  return new ByteArrayInputStream(out.toByteArray());
                }),
            getTranslation("analysis.export"));
    csv.getElement().setAttribute("download", true);
    csv.setId("analysis-csv");
    if (result.disputes() == 0) {
      content.add(new Paragraph(getTranslation("analysis.empty")));
      return;
    }
    DisputeAnalysis.CycleTime cycle = result.cycleTime();
    Paragraph summary =
        new Paragraph(
            getTranslation(
                "analysis.summary",
                Formats.number(result.disputes(), getLocale()),
                Formats.number(cycle.resolved(), getLocale()),
                Formats.decimal(cycle.meanDays(), getLocale()),
                Formats.decimal(cycle.p90Days(), getLocale())));
    summary.setId("analysis-summary");

    List<SvgChart.Bar> reasonBars =
        result.reasons().stream()
            .map(r -> new SvgChart.Bar(DisputeTexts.reason(this, r.code(), r.label()), r.count()))
            .toList();
    Grid<DisputeAnalysis.ByReason> reasons = new Grid<>();
    reasons.setId("analysis-reasons");
    reasons.addThemeVariants(GridVariant.LUMO_COMPACT);
    reasons.setAllRowsVisible(true);
    reasons
        .addColumn(r -> DisputeTexts.reason(this, r.code(), r.label()))
        .setHeader(getTranslation("disputes.reason"));
    reasons
        .addColumn(DisputeAnalysis.ByReason::count)
        .setHeader(getTranslation("analysis.count"))
        .setTextAlign(ColumnTextAlign.END);
    reasons
        .addColumn(r -> Formats.money(r.amount(), getLocale()))
        .setHeader(getTranslation("disputes.amount"))
        .setTextAlign(ColumnTextAlign.END);
    reasons
        .addColumn(r -> Formats.decimal(r.cumulativeShare(), getLocale()) + " %")
        .setHeader(getTranslation("analysis.cumulative"))
        .setTextAlign(ColumnTextAlign.END);
    reasons.setItems(result.reasons());

    List<SvgChart.Bar> monthBars =
        result.months().stream().map(m -> new SvgChart.Bar(m.month(), m.raised())).toList();
    Grid<DisputeAnalysis.ByMonth> months = new Grid<>();
    months.setId("analysis-months");
    months.addThemeVariants(GridVariant.LUMO_COMPACT);
    months.setAllRowsVisible(true);
    months.addColumn(DisputeAnalysis.ByMonth::month).setHeader(getTranslation("analysis.month"));
    months
        .addColumn(DisputeAnalysis.ByMonth::raised)
        .setHeader(getTranslation("analysis.raised"))
        .setTextAlign(ColumnTextAlign.END);
    months
        .addColumn(DisputeAnalysis.ByMonth::resolved)
        .setHeader(getTranslation("analysis.resolved"))
        .setTextAlign(ColumnTextAlign.END);
    months
        .addColumn(m -> Formats.money(m.amount(), getLocale()))
        .setHeader(getTranslation("disputes.amount"))
        .setTextAlign(ColumnTextAlign.END);
    months
        .addColumn(m -> Formats.decimal(m.meanCycleDays(), getLocale()))
        .setHeader(getTranslation("analysis.cycleDays"))
        .setTextAlign(ColumnTextAlign.END);
    months.setItems(result.months());

    Grid<DisputeAnalysis.ByCustomer> customers = new Grid<>();
    customers.setId("analysis-customers");
    customers.addThemeVariants(GridVariant.LUMO_COMPACT);
    customers.setAllRowsVisible(true);
    customers
        .addColumn(c -> c.number() + " · " + c.name())
        .setHeader(getTranslation("invoices.customer"));
    customers
        .addColumn(DisputeAnalysis.ByCustomer::count)
        .setHeader(getTranslation("analysis.count"))
        .setTextAlign(ColumnTextAlign.END);
    customers
        .addColumn(c -> Formats.money(c.amount(), getLocale()))
        .setHeader(getTranslation("disputes.amount"))
        .setTextAlign(ColumnTextAlign.END);
    customers.setItems(result.customers());

    content.add(
        new VerticalLayout(
            summary,
            csv,
            new H2(getTranslation("analysis.byReason")),
            SvgChart.pareto(getTranslation("analysis.paretoLabel"), reasonBars, "analysis-pareto"),
            reasons,
            new H2(getTranslation("analysis.byMonth")),
            SvgChart.columns(getTranslation("analysis.byMonth"), monthBars, "analysis-monthly"),
            months,
            new H2(getTranslation("analysis.byCustomer")),
            customers));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("analysis.title");
  }
}
