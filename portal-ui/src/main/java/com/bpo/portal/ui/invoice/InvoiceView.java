package com.bpo.portal.ui.invoice;

import com.bpo.portal.invoice.InvoiceDetail;
import com.bpo.portal.invoice.InvoiceService;
import com.bpo.portal.invoice.InvoiceSummary;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * One invoice: amounts, lines, the payments applied and the credit notes. Another tenant's id is
 * "not found".
 */
@Route(value = "invoice", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER, Roles.CUSTOMER})
public class InvoiceView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {
  private final InvoiceService invoices;
  private final com.bpo.portal.dispute.DisputeService disputes;
  private final TenantContext context;
  private String title = "";

  @Inject
  public InvoiceView(
      InvoiceService invoices,
      com.bpo.portal.dispute.DisputeService disputes,
      TenantContext context) {
    this.invoices = invoices;
    this.disputes = disputes;
    this.context = context;
  }

  @Override
  public void setParameter(BeforeEvent event, Long id) {
    InvoiceDetail detail = invoices.find(id).orElseThrow(NotFoundException::new);
    InvoiceSummary invoice = detail.invoice();
    title = getTranslation("invoice.title", invoice.number());
    removeAll();

    H1 heading = new H1(title);
    heading.setId("invoice-number");
    Span status =
        Badge.of(
            getTranslation("invoice.status." + invoice.status().name()),
            Badge.toneOf(invoice, context.today()));
    status.setId("invoice-status");

    FormLayout facts = new FormLayout();
    facts.setResponsiveSteps(
        // on a phone the labels go above their values: beside them, two columns overlapped
        new FormLayout.ResponsiveStep("0", 2, FormLayout.ResponsiveStep.LabelsPosition.TOP),
        new FormLayout.ResponsiveStep("40em", 4));
    fact(facts, "invoices.customer", invoice.customerNumber() + " · " + invoice.customerName());
    fact(facts, "invoices.issued", Formats.date(invoice.issueDate(), getLocale()));
    fact(facts, "invoices.due", Formats.date(invoice.dueDate(), getLocale()));
    fact(facts, "invoice.net", Formats.money(detail.net(), getLocale()));
    fact(facts, "invoice.tax", Formats.money(detail.tax(), getLocale()));
    fact(facts, "invoices.total", Formats.money(invoice.total(), getLocale()));
    fact(facts, "invoice.paid", Formats.money(detail.paid(), getLocale()));
    fact(facts, "invoice.credited", Formats.money(detail.credited(), getLocale()));
    fact(facts, "invoices.open", Formats.money(invoice.open(), getLocale())).setId("invoice-open");

    Grid<InvoiceDetail.Line> lines = table(detail.lines(), "invoice.noLines");
    lines.setId("invoice-lines");
    lines.addColumn(InvoiceDetail.Line::lineNo).setHeader("#").setAutoWidth(true).setFlexGrow(0);
    lines
        .addColumn(InvoiceDetail.Line::description)
        .setHeader(getTranslation("invoice.description"))
        .setFlexGrow(1);
    lines
        .addColumn(l -> l.quantity().stripTrailingZeros().toPlainString())
        .setHeader(getTranslation("invoice.quantity"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    lines
        .addColumn(l -> Formats.money(l.net(), getLocale()))
        .setHeader(getTranslation("invoice.net"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    lines
        .addColumn(l -> Formats.money(l.tax(), getLocale()))
        .setHeader(getTranslation("invoice.tax"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);

    Grid<InvoiceDetail.AppliedPayment> payments = table(detail.payments(), "invoice.noPayments");
    payments
        .addColumn(InvoiceDetail.AppliedPayment::reference)
        .setHeader(getTranslation("invoice.reference"));
    payments
        .addColumn(p -> Formats.date(p.receivedOn(), getLocale()))
        .setHeader(getTranslation("invoice.receivedOn"));
    payments
        .addColumn(p -> Formats.money(p.applied(), getLocale()))
        .setHeader(getTranslation("invoice.applied"))
        .setTextAlign(ColumnTextAlign.END);

    Grid<InvoiceDetail.CreditNoteRef> credits =
        table(detail.creditNotes(), "invoice.noCreditNotes");
    credits
        .addColumn(InvoiceDetail.CreditNoteRef::number)
        .setHeader(getTranslation("invoices.number"));
    credits
        .addColumn(c -> Formats.date(c.issuedOn(), getLocale()))
        .setHeader(getTranslation("invoices.issued"));
    credits
        .addColumn(InvoiceDetail.CreditNoteRef::reason)
        .setHeader(getTranslation("invoice.reason"));
    credits
        .addColumn(c -> Formats.money(c.amount(), getLocale()))
        .setHeader(getTranslation("invoices.total"))
        .setTextAlign(ColumnTextAlign.END);

    Anchor pdf =
        new Anchor(
            new StreamResource(
                "invoice-" + invoice.number() + ".pdf",
                () -> new ByteArrayInputStream(invoices.pdf(id).orElseThrow())),
            getTranslation("invoice.pdf"));
    pdf.setId("invoice-pdf");
    pdf.setTarget("_blank");
    com.vaadin.flow.component.orderedlayout.HorizontalLayout links =
        new com.vaadin.flow.component.orderedlayout.HorizontalLayout(pdf);
    com.bpo.portal.ui.audit.AuditHistoryLink.of(context.requireUser(), "invoice", id)
        .ifPresent(links::add);
    if (disputes.mayRaiseOn(invoice)) {
      RouterLink raise =
          new RouterLink(
              getTranslation(
                  context.requireUser().isCustomer() ? "dispute.raise" : "dispute.raise.titleBpo"),
              com.bpo.portal.ui.dispute.RaiseDisputeView.class);
      raise.setQueryParameters(
          com.vaadin.flow.router.QueryParameters.of("invoice", String.valueOf(id)));
      raise.setId("invoice-raise-dispute");
      links.add(raise);
    }
    if (context.requireUser().isCustomer()
        && invoice.open().amount().signum() > 0
        && invoice.dueDate().isBefore(context.today())) {
      RouterLink promise =
          new RouterLink(
              getTranslation("collections.proposePromise"),
              com.bpo.portal.ui.collection.ProposePromiseView.class,
              id);
      promise.setId("invoice-propose-promise");
      links.add(promise);
    }
    add(
        new RouterLink(getTranslation("invoice.back"), InvoicesView.class),
        heading,
        status,
        links,
        facts,
        new H2(getTranslation("invoice.lines")),
        lines,
        new H2(getTranslation("invoice.payments")),
        payments,
        new H2(getTranslation("invoice.creditNotes")),
        credits,
        new H2(getTranslation("invoice.disputes")),
        disputesOf(id));
  }

  /** The disputes over this invoice, newest first, each opening its page. */
  private Component disputesOf(long invoiceId) {
    List<com.bpo.portal.dispute.DisputeSummary> rows =
        disputes
            .list(
                com.bpo.portal.dispute.DisputeFilter.ofInvoice(invoiceId),
                com.bpo.portal.dispute.DisputeSort.DEFAULT,
                com.bpo.portal.shared.PageRequest.of(100, null))
            .items();
    Grid<com.bpo.portal.dispute.DisputeSummary> grid = table(rows, "invoice.noDisputes");
    grid.setId("invoice-disputes");
    grid.addComponentColumn(
            d -> new RouterLink(d.number(), com.bpo.portal.ui.dispute.DisputeView.class, d.id()))
        .setHeader(getTranslation("disputes.number"))
        .setAutoWidth(true);
    grid.addColumn(d -> Formats.date(d.raisedAt().toLocalDate(), getLocale()))
        .setHeader(getTranslation("disputes.raised"));
    grid.addColumn(
            d ->
                getTranslation("dispute.status." + d.status().name())
                    + (d.outcome() == null
                        ? ""
                        : " · " + getTranslation("dispute.outcome." + d.outcome().name())))
        .setHeader(getTranslation("disputes.status"));
    grid.addColumn(d -> Formats.money(d.disputed(), getLocale()))
        .setHeader(getTranslation("disputes.amount"))
        .setTextAlign(ColumnTextAlign.END);
    return grid;
  }

  private Component fact(FormLayout form, String labelKey, String value) {
    Paragraph text = new Paragraph(value);
    text.getStyle().set("margin", "0").set("font-weight", "500");
    form.addFormItem(text, getTranslation(labelKey));
    return text;
  }

  /**
   * A small, fully-loaded table: an invoice has a handful of lines and payments, never thousands.
   */
  private <T> Grid<T> table(List<T> rows, String emptyKey) {
    Grid<T> grid = new Grid<>();
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
    grid.setAllRowsVisible(true);
    grid.setItems(rows);
    grid.setEmptyStateText(getTranslation(emptyKey));
    return grid;
  }

  @Override
  public String getPageTitle() {
    return title;
  }
}
