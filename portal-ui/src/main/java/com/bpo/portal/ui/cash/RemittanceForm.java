package com.bpo.portal.ui.cash;

import com.bpo.portal.cash.CashRecords.NewRemittance;
import com.bpo.portal.cash.CashRecords.RemittanceItem;
import com.bpo.portal.invoice.InvoiceSummary;
import com.bpo.portal.shared.Decimals;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.ui.Accessible;
import com.bpo.portal.ui.FieldErrors;
import com.bpo.portal.ui.FormEvents;
import com.bpo.portal.ui.FormEvents.SaveEvent;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.Phone;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Tell us about a payment": the payment's reference, its amount (optional), the account's currency
 * (fixed), and which of the customer's open invoices it covers, each with an optional amount. The
 * form owns its {@link Binder} (property names are the service's field names, so that its {@link
 * InvalidFields} land on their fields) and fires a {@link SaveEvent} with the {@link NewRemittance}
 * the service takes.
 */
public class RemittanceForm extends VerticalLayout {
  private static final Pattern ITEM_FIELD = Pattern.compile("items\\[(\\d+)]\\.(\\w+)");

  /** The payment as the form edits it. */
  public static class Payment {
    private String paymentReference = "";
    private String amount = "";
    private String currency = "";

    public String getPaymentReference() {
      return paymentReference;
    }

    public void setPaymentReference(String paymentReference) {
      this.paymentReference = paymentReference;
    }

    public String getAmount() {
      return amount;
    }

    public void setAmount(String amount) {
      this.amount = amount;
    }

    public String getCurrency() {
      return currency;
    }

    public void setCurrency(String currency) {
      this.currency = currency;
    }
  }

  final TextField paymentReference = new TextField();
  final TextField amount = new TextField();
  final TextField currency = new TextField();
  final Grid<InvoiceSummary> invoices = new Grid<>();
  final Map<Long, TextField> amounts = new LinkedHashMap<>();
  final Paragraph invoiceErrors = new Paragraph();

  private final Binder<Payment> binder = new Binder<>(Payment.class);
  private final String accountCurrency;
  private List<InvoiceSummary> sent = List.of();

  /**
   * @param open the customer's open invoices, in the account's currency
   */
  public RemittanceForm(String accountCurrency, List<InvoiceSummary> open) {
    this.accountCurrency = accountCurrency;
    setPadding(false);
    setId("remittance-form");

    paymentReference.setId("remittance-reference");
    paymentReference.setLabel(getTranslation("remittance.reference"));
    paymentReference.setHelperText(getTranslation("remittance.referenceHelp"));
    paymentReference.setMaxLength(100);
    paymentReference.setWidthFull();
    amount.setId("remittance-amount");
    amount.setLabel(getTranslation("remittance.amount"));
    amount.setHelperText(getTranslation("remittance.amountHelp"));
    amount.setAllowedCharPattern("[0-9.]");
    amount.setWidthFull();
    currency.setId("remittance-currency");
    currency.setLabel(getTranslation("remittance.currency"));
    currency.setReadOnly(true);
    currency.setWidth("6em");

    binder
        .forField(paymentReference)
        .withValidator(
            RemittanceForm::namesOnePayment, getTranslation("remittance.error.paymentReference"))
        .bind("paymentReference");
    binder
        .forField(amount)
        .withValidator(
            a -> a.isBlank() || positive(a).isPresent(), getTranslation("remittance.error.amount"))
        .bind("amount");
    binder.forField(currency).bind("currency");
    Payment start = new Payment();
    start.setCurrency(accountCurrency);
    binder.readBean(start);

    invoices.setId("remittance-invoices");
    invoices.setSelectionMode(Grid.SelectionMode.MULTI);
    invoices.addThemeVariants(GridVariant.LUMO_COMPACT);
    invoices.setAriaLabel(getTranslation("remittance.which"));
    Accessible.nameSelectionCheckboxes(
        invoices, getTranslation("grid.selectRow"), getTranslation("grid.selectAll"));
    // number and amount first, so that on a phone the field is on screen without scrolling sideways
    invoices
        .addColumn(InvoiceSummary::number)
        .setHeader(getTranslation("invoices.number"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    var openAmount =
        invoices
            .addColumn(i -> Formats.money(i.open(), locale()))
            .setHeader(getTranslation("invoices.open"))
            .setTextAlign(ColumnTextAlign.END)
            .setAutoWidth(true)
            .setFlexGrow(0);
    invoices
        .addComponentColumn(this::amountField)
        .setHeader(getTranslation("remittance.itemAmount"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    var due =
        invoices
            .addColumn(i -> Formats.date(i.dueDate(), locale()))
            .setHeader(getTranslation("invoices.due"))
            .setAutoWidth(true);
    // on a phone the field itself shows what is open (its placeholder), so that it fits on screen
    Phone.onNarrow(
        invoices,
        narrow -> {
          due.setVisible(!narrow);
          openAmount.setVisible(!narrow);
        });
    invoices.setItems(open);
    invoices.setEmptyStateText(getTranslation("remittance.noOpenInvoices"));
    invoices.setHeight("20em");
    invoices.setWidthFull();
    invoiceErrors.setId("remittance-invoice-errors");
    invoiceErrors.getElement().setAttribute("role", "alert");
    invoiceErrors
        .getStyle()
        .set("color", "var(--lumo-error-text-color)")
        .set("white-space", "pre-line")
        .set("margin", "0");

    FormLayout payment = new FormLayout(paymentReference, amount, currency);
    payment.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 3));
    add(payment, new Paragraph(getTranslation("remittance.which")), invoices, invoiceErrors);
  }

  private static Locale locale() {
    var ui = com.vaadin.flow.component.UI.getCurrent();
    return ui == null ? Locale.ENGLISH : ui.getLocale();
  }

  TextField amountField(InvoiceSummary invoice) {
    return amounts.computeIfAbsent(
        invoice.id(),
        id -> {
          TextField f = new TextField();
          f.setId("remittance-item-amount-" + id);
          f.setAllowedCharPattern("[0-9.]");
          f.setPlaceholder(invoice.open().amount().toPlainString());
          f.setWidth("8em");
          f.setAriaLabel(getTranslation("remittance.itemAmountFor", invoice.number()));
          return f;
        });
  }

  /**
   * No reference, or one that names a single payment as the service asks: 6 to 100 characters with
   * a digit (a line is taken for the advice when its reference holds this one).
   */
  static boolean namesOnePayment(String reference) {
    String r = reference == null ? "" : reference.strip();
    return r.isEmpty() || (r.length() >= 6 && r.length() <= 100 && r.matches(".*\\d.*"));
  }

  /** A positive amount with at most two decimals, read with bounded digits; otherwise empty. */
  static Optional<BigDecimal> positive(String text) {
    try {
      BigDecimal value = Decimals.parse(text, Money.MAX_INTEGER_DIGITS, 2);
      return value.signum() > 0 ? Optional.of(value) : Optional.empty();
    } catch (Decimals.Invalid e) {
      return Optional.empty();
    }
  }

  /** Checks the fields and the chosen invoices' amounts; when all hold, fires {@link SaveEvent}. */
  public void save() {
    clearErrors();
    Payment payment = new Payment();
    boolean valid = binder.writeBeanIfValid(payment);
    List<InvoiceSummary> chosen =
        invoices.getSelectedItems().stream()
            .sorted(java.util.Comparator.comparing(InvoiceSummary::dueDate))
            .toList();
    List<RemittanceItem> items = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    if (chosen.isEmpty()) {
      messages.add(getTranslation("remittance.error.pickInvoice"));
      valid = false;
    }
    for (InvoiceSummary invoice : chosen) {
      TextField field = amountField(invoice);
      String text = field.getValue().strip();
      if (!text.isEmpty() && positive(text).isEmpty()) {
        field.setInvalid(true);
        messages.add(getTranslation("remittance.error.itemAmount", invoice.number()));
        valid = false;
      }
      items.add(
          new RemittanceItem(
              invoice.id(),
              text.isEmpty() ? null : positive(text).map(BigDecimal::toPlainString).orElse(null)));
    }
    invoiceErrors.setText(String.join("\n", messages));
    if (!valid) {
      // the first wrong field gets the focus: on a phone the form's top is scrolled away by then
      binder.validate().getFieldValidationErrors().stream()
          .findFirst()
          .map(e -> e.getField())
          .filter(f -> f instanceof com.vaadin.flow.component.Focusable<?>)
          .ifPresent(f -> ((com.vaadin.flow.component.Focusable<?>) f).focus());
      return;
    }
    sent = chosen;
    String total = payment.getAmount().strip();
    FormEvents.fireSave(
        this,
        new NewRemittance(
            null,
            payment.getPaymentReference().strip(),
            total.isEmpty() ? null : positive(total).map(BigDecimal::toPlainString).orElse(null),
            accountCurrency,
            items));
  }

  private void clearErrors() {
    FieldErrors.clear(binder);
    amounts.values().forEach(f -> f.setInvalid(false));
    invoiceErrors.setText("");
  }

  /**
   * Shows the service's field errors in the user's words: the payment's on its fields, an invoice's
   * under the list naming the invoice; answers what no field took.
   */
  public List<String> showErrors(InvalidFields invalid) {
    clearErrors();
    List<FieldError> own = new ArrayList<>();
    List<String> listMessages = new ArrayList<>();
    for (FieldError error : invalid.toProblem().errors()) {
      String field = error.field() == null ? "" : error.field();
      Matcher item = ITEM_FIELD.matcher(field);
      if (item.matches() && Integer.parseInt(item.group(1)) < sent.size()) {
        InvoiceSummary invoice = sent.get(Integer.parseInt(item.group(1)));
        amountField(invoice).setInvalid(true);
        listMessages.add(getTranslation("remittance.error.invoice", invoice.number()));
      } else if (field.startsWith("items")) {
        listMessages.add(getTranslation("remittance.error.pickInvoice"));
      } else {
        own.add(error);
      }
    }
    List<String> unmatched =
        new ArrayList<>(FieldErrors.show(binder, new InvalidFields(invalid.getMessage(), own)));
    for (FieldError error : own) {
      binder
          .getBinding(error.field())
          .filter(b -> b.getField() instanceof TextField t && t.isInvalid())
          .ifPresent(
              b ->
                  ((TextField) b.getField())
                      .setErrorMessage(
                          getTranslation(
                              error.message().contains("reference or its amount")
                                  ? "remittance.error.referenceOrAmount"
                                  : "remittance.error." + error.field())));
    }
    invoiceErrors.setText(String.join("\n", listMessages));
    return unmatched;
  }

  public Registration addSaveListener(ComponentEventListener<SaveEvent<NewRemittance>> listener) {
    return FormEvents.onSave(this, listener);
  }
}
