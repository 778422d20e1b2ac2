package com.bpo.portal.ui.invoice;

import com.bpo.portal.invoice.Aging;
import com.bpo.portal.invoice.AgingBucket;
import com.bpo.portal.invoice.ReceivablesService;
import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * The aging: open receivables by how late they are, as bars per bucket (what people look at first)
 * and by customer, largest debt first. A customer's row opens their overdue invoices.
 */
@Route(value = "receivables/aging", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class AgingView extends VerticalLayout implements HasDynamicTitle {
  private static final int CUSTOMERS_SHOWN = 200;
  private static final String[] BUCKET_COLOURS = {
    "var(--lumo-success-color)", "#e6b800", "#f08c00", "#e8590c", "var(--lumo-error-color)"
  };

  private final ReceivablesService receivables;
  private final DatePicker asOf = new DatePicker();
  private final Div chart = new Div();
  private final Grid<Aging.Row> grid = new Grid<>();

  @Inject
  public AgingView(ReceivablesService receivables, TenantContext context) {
    this.receivables = receivables;
    setSizeFull();
    asOf.setId("aging-as-of");
    asOf.setLabel(getTranslation("aging.asOf"));
    asOf.setLocale(getLocale());
    asOf.setValue(context.today());
    asOf.addValueChangeListener(
        e -> {
          if (e.getValue() != null) {
            refresh();
          }
        });

    chart.setId("aging-chart");
    chart.setWidthFull();

    grid.setId("aging-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(r -> r.customerNumber() + " · " + r.customerName())
        .setHeader(getTranslation("invoices.customer"))
        .setAutoWidth(true)
        .setFlexGrow(1);
    for (AgingBucket bucket : AgingBucket.values()) {
      grid.addColumn(r -> Formats.money(r.in(bucket), getLocale()))
          .setHeader(getTranslation("aging." + bucket.name()))
          .setTextAlign(ColumnTextAlign.END)
          .setAutoWidth(true);
    }
    grid.addColumn(r -> Formats.money(r.disputed(), getLocale()))
        .setHeader(getTranslation("aging.disputed"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    grid.addColumn(r -> Formats.money(r.total(), getLocale()))
        .setHeader(getTranslation("invoices.total"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    grid.setEmptyStateText(getTranslation("aging.empty"));
    grid.addItemClickListener(
        e ->
            getUI()
                .ifPresent(
                    ui ->
                        ui.navigate(
                            InvoicesView.class,
                            QueryParameters.simple(
                                Map.of(
                                    InvoicesView.CUSTOMER_PARAMETER,
                                    String.valueOf(e.getItem().customerId()),
                                    "overdue",
                                    "true")))));
    grid.setSizeFull();

    add(new H1(getPageTitle()), asOf, chart, new H2(getTranslation("aging.byCustomer")), grid);
    refresh();
  }

  private void refresh() {
    Aging aging = receivables.aging(asOf.getValue(), Optional.empty(), CUSTOMERS_SHOWN);
    grid.setItems(aging.customers());
    chart.removeAll();
    aging.totals().forEach(total -> chart.add(bars(total)));
    if (aging.totals().isEmpty()) {
      chart.add(new Span(getTranslation("aging.empty")));
    }
  }

  /**
   * One horizontal bar per bucket, its length the bucket's share of the largest; the amount written
   * beside it.
   */
  private Component bars(Aging.Row total) {
    Div block = new Div();
    BigDecimal largest =
        java.util.Arrays.stream(AgingBucket.values())
            .map(b -> total.in(b).amount())
            .max(BigDecimal::compareTo)
            .orElse(BigDecimal.ZERO);
    StringBuilder description = new StringBuilder();
    AgingBucket[] buckets = AgingBucket.values();
    for (int i = 0; i < buckets.length; i++) {
      Money amount = total.in(buckets[i]);
      int percent =
          largest.signum() == 0
              ? 0
              : amount
                  .amount()
                  .multiply(BigDecimal.valueOf(100))
                  .divide(largest, 0, RoundingMode.HALF_UP)
                  .intValue();
      Span label = new Span(getTranslation("aging." + buckets[i].name()));
      label.getStyle().set("width", "9em").set("flex", "none");
      Div bar = new Div();
      bar.getStyle()
          .set("width", Math.max(percent, 1) + "%")
          .set("height", "1.4em")
          .set("background", BUCKET_COLOURS[i])
          .set("border-radius", "var(--lumo-border-radius-s)");
      Div track = new Div(bar);
      track.getStyle().set("flex", "1");
      Span value = new Span(Formats.money(amount, getLocale()));
      value.getStyle().set("width", "10em").set("text-align", "end").set("flex", "none");
      Div row = new Div(label, track, value);
      row.getStyle()
          .set("display", "flex")
          .set("align-items", "center")
          .set("gap", "var(--lumo-space-m)")
          .set("margin", "var(--lumo-space-xs) 0");
      block.add(row);
      description.append(label.getText()).append(": ").append(value.getText()).append(". ");
    }
    // what is under dispute is kept out of the buckets; said below them so the total still adds up
    Span disputed =
        new Span(
            getTranslation("aging.disputed") + ": " + Formats.money(total.disputed(), getLocale()));
    disputed.setId("aging-disputed-total");
    disputed.getStyle().set("color", "var(--lumo-secondary-text-color)");
    block.add(disputed);
    description.append(disputed.getText()).append('.');
    block.getElement().setAttribute("role", "img");
    block.getElement().setAttribute("aria-label", description.toString());
    block.getStyle().set("max-width", "60em");
    return block;
  }

  @Override
  public String getPageTitle() {
    return getTranslation("aging.title");
  }
}
