package com.bpo.portal.ui.collection;

import com.bpo.portal.collection.CollectionService;
import com.bpo.portal.invoice.InvoiceDetail;
import com.bpo.portal.invoice.InvoiceService;
import com.bpo.portal.invoice.InvoiceSummary;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.MainLayout;
import com.bpo.portal.ui.invoice.InvoiceView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;

/**
 * A customer proposes a promise to pay for one of their overdue invoices (reached from the invoice
 * page).
 */
@Route(value = "collections/propose", layout = MainLayout.class)
@RolesAllowed(Roles.CUSTOMER)
public class ProposePromiseView extends VerticalLayout
    implements HasUrlParameter<Long>, HasDynamicTitle {
  private final InvoiceService invoices;
  private final CollectionService collections;
  private final TenantContext context;

  @Inject
  public ProposePromiseView(
      InvoiceService invoices, CollectionService collections, TenantContext context) {
    this.invoices = invoices;
    this.collections = collections;
    this.context = context;
  }

  @Override
  public void setParameter(BeforeEvent event, Long invoiceId) {
    InvoiceDetail detail =
        invoices.find(invoiceId).orElseThrow(com.vaadin.flow.router.NotFoundException::new);
    InvoiceSummary invoice = detail.invoice();
    removeAll();
    Paragraph facts =
        new Paragraph(
            getTranslation(
                "collections.propose.facts",
                invoice.number(),
                Formats.money(invoice.open(), getLocale()),
                Formats.date(invoice.dueDate(), getLocale())));
    Button open =
        new Button(
            getTranslation("collections.proposePromise"),
            e ->
                new PromiseForm(
                        getTranslation("collections.proposePromise"),
                        invoice.open().amount().toPlainString(),
                        List.of(invoiceId),
                        context.today(),
                        p -> collections.recordPromise(invoice.customerId(), p),
                        saved -> {
                          CollectionTexts.notify(
                              getTranslation("collections.proposed"),
                              NotificationVariant.LUMO_SUCCESS);
                          getUI().ifPresent(ui -> ui.navigate(MyRemindersView.class));
                        })
                    .open());
    open.setId("propose-open");
    open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(
        new RouterLink(getTranslation("collections.backToInvoice"), InvoiceView.class, invoiceId),
        new H1(getPageTitle()),
        facts,
        new Paragraph(getTranslation("collections.propose.intro")),
        open);
    open.focus();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("collections.proposePromise");
  }
}
