package com.bpo.portal.ui.cash;

import com.bpo.portal.cash.CashRecords;
import com.bpo.portal.cash.CashRecords.Candidate;
import com.bpo.portal.cash.CashRecords.LineDetail;
import com.bpo.portal.cash.CashRecords.LineSummary;
import com.bpo.portal.cash.CashService;
import com.bpo.portal.invoice.CustomerAccountService;
import com.bpo.portal.invoice.CustomerAccountSummary;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.Formats;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One bank line of the queue: what the bank said, every candidate with its rule, confidence, reason
 * and invoices (each can be applied as proposed), and the actions a person takes instead: split
 * over invoices, put on the customer's account, or mark for refund. Calls back when the line is
 * settled.
 */
class LineDialog extends Dialog {
  /** How many customers the on-account picker offers for what has been typed. */
  static final int CUSTOMERS_OFFERED = 50;

  private final CashService cash;
  private final CustomerAccountService accounts;
  private final Runnable settled;
  private final boolean canAct;
  private LineDetail detail;

  LineDialog(
      CashService cash,
      CustomerAccountService accounts,
      long lineId,
      boolean canAct,
      Runnable settled) {
    this.cash = cash;
    this.accounts = accounts;
    this.settled = settled;
    this.canAct = canAct;
    setId("cash-line-dialog");
    setWidth("min(52em, 100vw)");
    setMaxHeight("100vh");
    detail = cash.line(lineId).orElseThrow(() -> ProblemException.notFound("Bank line " + lineId));
    setHeaderTitle(getTranslation("cash.line.title", detail.line().entryRef()));
    Button close = new Button(getTranslation("cash.close"), e -> close());
    close.setId("cash-line-close");
    getFooter().add(close);
    showLine();
  }

  private void showLine() {
    removeAll();
    LineSummary l = detail.line();
    VerticalLayout body = new VerticalLayout();
    body.setPadding(false);
    body.add(
        new Paragraph(
            Formats.date(l.bookingDate(), getLocale())
                + " · "
                + Formats.money(l.amount(), getLocale())
                + " · "
                + (l.payerName().isBlank() ? getTranslation("cash.payer.unknown") : l.payerName())
                + (l.payerAccount().isBlank() ? "" : " (" + l.payerAccount() + ")")));
    Paragraph reference =
        new Paragraph(
            getTranslation("cash.reference")
                + ": "
                + (l.reference().isBlank() ? "—" : l.reference()));
    reference.getStyle().set("overflow-wrap", "anywhere");
    body.add(reference, CashView.status(this, l.status()));
    body.add(new H3(getTranslation("cash.candidates")));
    if (detail.candidates().isEmpty()) {
      body.add(new Paragraph(getTranslation("cash.candidates.none")));
    }
    for (Candidate c : detail.candidates()) {
      body.add(candidate(c, l));
    }
    if (canAct && l.status().inQueue()) {
      body.add(actions(l));
    }
    add(body);
  }

  private Div candidate(Candidate c, LineSummary l) {
    Div box = new Div();
    box.getStyle()
        .set("border", "1px solid var(--lumo-contrast-20pct)")
        .set("border-radius", "var(--lumo-border-radius-m)")
        .set("padding", "var(--lumo-space-s)")
        .set("margin-bottom", "var(--lumo-space-s)");
    Span rule = Badge.of(getTranslation("cash.rule." + c.rule()), Badge.Tone.NEUTRAL);
    Span confidence =
        new Span(getTranslation("cash.confidence", Formats.decimal(c.confidence(), getLocale())));
    HorizontalLayout head = new HorizontalLayout(rule);
    if (!"NONE".equals(c.rule()) && !"MANUAL".equals(c.rule())) {
      head.add(confidence); // a rule's own measure; a person's decision or no match has none
    }
    head.add(Badge.of(getTranslation("cash.status." + c.status()), CashView.tone(c.status())));
    head.setWrap(true);
    box.add(head);
    Paragraph reason = new Paragraph(c.why().in(getLocale())); // in the user's language
    reason
        .getStyle()
        .set("margin", "var(--lumo-space-xs) 0")
        .set("font-size", "var(--lumo-font-size-s)");
    box.add(reason);
    if (!c.items().isEmpty()) {
      box.add(
          new Paragraph(
              c.items().stream()
                  .map(
                      i ->
                          i.invoiceNumber()
                              + " "
                              + Formats.money(i.amount(), getLocale())
                              + (i.writeOff().amount().signum() > 0
                                  ? " ("
                                      + getTranslation("cash.writeOff")
                                      + " "
                                      + Formats.money(i.writeOff(), getLocale())
                                      + ")"
                                  : ""))
                  .collect(Collectors.joining(" · "))));
    }
    if (canAct && l.status().inQueue() && "SUGGESTED".equals(c.status())) {
      Button accept =
          new Button(
              getTranslation("cash.accept"),
              e -> act(() -> cash.acceptCandidate(l.id(), c.id(), l.version())));
      accept.setId("cash-accept-" + c.id());
      accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
      box.add(accept);
    }
    return box;
  }

  private VerticalLayout actions(LineSummary l) {
    Button split = new Button(getTranslation("cash.split"), e -> openSplit(l));
    split.setId("cash-split");
    // the recognised payer's account, or one a person picks when the payer was not recognised
    ComboBox<CustomerAccountSummary> customer =
        new ComboBox<>(getTranslation("cash.onAccount.customer"));
    customer.setId("cash-on-account-customer");
    customer.setWidth("min(18em, 100%)");
    customer.getStyle().set("--vaadin-combo-box-overlay-width", "min(26em, 95vw)");
    customer.setItemLabelGenerator(c -> c.number() + " · " + c.name());
    com.vaadin.flow.data.provider.CallbackDataProvider.FetchCallback<CustomerAccountSummary, String>
        matching =
            query ->
                accounts
                    .list(
                        query.getFilter(),
                        PageRequest.of(
                            Math.min(query.getOffset() + query.getLimit(), CUSTOMERS_OFFERED),
                            null))
                    .items()
                    .stream()
                    .skip(query.getOffset())
                    .limit(query.getLimit());
    customer.setItems(matching);
    customer.setVisible(l.customerId() == null);
    Button onAccount =
        new Button(
            getTranslation("cash.onAccount"),
            e ->
                act(
                    () ->
                        cash.apply(
                            l.id(),
                            new CashRecords.Application(
                                l.version(),
                                l.customerId() != null ? l.customerId() : customer.getValue().id(),
                                List.of(),
                                ""))));
    onAccount.setId("cash-on-account");
    onAccount.setEnabled(l.customerId() != null);
    customer.addValueChangeListener(e -> onAccount.setEnabled(e.getValue() != null));
    TextField why = new TextField(getTranslation("cash.refund.note"));
    why.setId("cash-refund-note");
    why.setMaxLength(500);
    why.setRequiredIndicatorVisible(true);
    Binder<RefundNote> refundBinder = new Binder<>(RefundNote.class);
    refundBinder
        .forField(why)
        .withValidator(
            n -> !n.isBlank() && n.strip().length() <= 500,
            getTranslation("cash.refund.noteRequired"))
        .bind("note");
    refundBinder.setBean(new RefundNote());
    Button refund =
        new Button(
            getTranslation("cash.refund"),
            e -> {
              if (refundBinder.validate().isOk()) {
                act(
                    () ->
                        cash.requestRefund(
                            l.id(),
                            new CashRecords.Application(
                                l.version(), null, null, refundBinder.getBean().getNote())));
              }
            });
    refund.setId("cash-refund");
    refund.addThemeVariants(ButtonVariant.LUMO_ERROR);
    HorizontalLayout buttons = new HorizontalLayout(split, customer, onAccount);
    buttons.setDefaultVerticalComponentAlignment(
        com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
    buttons.setWrap(true);
    HorizontalLayout refundRow = new HorizontalLayout(why, refund);
    refundRow.setDefaultVerticalComponentAlignment(
        com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
    refundRow.setWrap(true);
    VerticalLayout box =
        new VerticalLayout(new H3(getTranslation("cash.actions")), buttons, refundRow);
    box.setPadding(false);
    return box;
  }

  private void openSplit(LineSummary l) {
    SplitForm form =
        new SplitForm(
            l.amount(),
            cash.invoiceChoices(l.id()),
            number -> cash.invoiceChoicesByNumber(number, l.amount().currency()));
    form.addSaveListener(
        e ->
            act(
                () ->
                    cash.apply(
                        l.id(),
                        new CashRecords.Application(
                            l.version(),
                            null,
                            e.rows().stream()
                                .map(
                                    r ->
                                        new CashRecords.Allocation(
                                            r.getInvoice().id(), r.getAmount().toPlainString()))
                                .toList(),
                            e.note()))));
    form.addCloseListener(e -> showLine());
    removeAll();
    add(new H3(getTranslation("cash.split.title", Formats.money(l.amount(), getLocale()))), form);
  }

  private void act(java.util.function.Supplier<LineDetail> action) {
    try {
      detail = action.get();
      Notification.show(
              getTranslation("cash.done." + detail.line().status()),
              4000,
              Notification.Position.BOTTOM_START)
          .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
      settled.run();
      close();
    } catch (ProblemException problem) {
      Notification.show(getTranslation(refusal(problem)), 6000, Notification.Position.MIDDLE)
          .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
  }

  /** The bundle key that says, in the user's language, why the service refused an action. */
  static String refusal(ProblemException problem) {
    return switch (problem.status()) {
      case 409 -> "cash.error.changed";
      case 400, 422 -> "cash.error.invalid";
      case 403 -> "cash.error.forbidden";
      default -> "cash.error.refused";
    };
  }

  /** The reason a person gives for sending a line's money back, as the refund form edits it. */
  public static class RefundNote {
    private String note = "";

    public String getNote() {
      return note;
    }

    public void setNote(String note) {
      this.note = note;
    }
  }
}
