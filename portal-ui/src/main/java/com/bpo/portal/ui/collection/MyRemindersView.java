package com.bpo.portal.ui.collection;

import com.bpo.portal.collection.CollectionService;
import com.bpo.portal.collection.DunningLetter;
import com.bpo.portal.collection.DunningService;
import com.bpo.portal.collection.Notice;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.KeysetFetch;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * A customer's reminders: each notice they were sent, with its letter, and from each a promise to
 * pay proposed for the invoices it chased (the collector accepts, counters or declines it).
 */
@Route(value = "collections/reminders", layout = MainLayout.class)
@RolesAllowed(Roles.CUSTOMER)
public class MyRemindersView extends VerticalLayout implements HasDynamicTitle {
  @Inject
  public MyRemindersView(
      DunningService dunning, CollectionService collections, TenantContext context) {
    setSizeFull();
    Grid<Notice> grid = new Grid<>();
    grid.setId("reminders-grid");
    grid.addColumn(n -> Formats.date(n.runDate(), getLocale()))
        .setHeader(getTranslation("collections.sentOn"))
        .setWidth("8em")
        .setFlexGrow(0);
    grid.addColumn(n -> DunningLetter.title(n.templateKey(), getLocale()))
        .setHeader(getTranslation("collections.reminder"))
        .setFlexGrow(1);
    grid.addColumn(n -> Formats.money(n.total(), getLocale()))
        .setHeader(getTranslation("collections.total"))
        .setTextAlign(ColumnTextAlign.END)
        .setWidth("9em")
        .setFlexGrow(0);
    grid.addComponentColumn(
            n -> {
              Anchor pdf =
                  new Anchor(
                      new StreamResource(
                          "reminder-" + n.id() + ".pdf",
                          () -> new ByteArrayInputStream(dunning.letter(n.id()).orElseThrow())),
                      getTranslation("collections.letter"));
              pdf.setTarget("_blank");
              Button propose =
                  new Button(
                      getTranslation("collections.proposePromise"),
                      e -> {
                        List<Long> invoices =
                            n.lines().stream()
                                .filter(l -> l.exclusion() == null)
                                .map(Notice.Line::invoiceId)
                                .toList();
                        new PromiseForm(
                                getTranslation("collections.proposePromise"),
                                n.total().amount().toPlainString(),
                                invoices,
                                context.today(),
                                p -> collections.recordPromise(n.accountId(), p),
                                saved ->
                                    CollectionTexts.notify(
                                        getTranslation("collections.proposed"),
                                        NotificationVariant.LUMO_SUCCESS))
                            .open();
                      });
              propose.setId("reminder-propose-" + n.id());
              HorizontalLayout actions = new HorizontalLayout(pdf, propose);
              actions.setDefaultVerticalComponentAlignment(
                  com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
              return actions;
            })
        .setHeader(getTranslation("collections.actions"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.setEmptyStateText(getTranslation("collections.reminders.empty"));
    grid.setSizeFull();
    KeysetFetch<Notice> fetch =
        new KeysetFetch<>(
            (cursor, limit) ->
                dunning.notices(java.util.Optional.empty(), PageRequest.of(limit, cursor)));
    grid.setItems(query -> fetch.fetch(query.getOffset(), query.getLimit()).stream());
    add(new H1(getPageTitle()), new Paragraph(getTranslation("collections.reminders.intro")), grid);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("collections.reminders.title");
  }
}
