package com.bpo.portal.ui.cash;

import com.bpo.portal.cash.CashRecords.InvoiceChoice;
import com.bpo.portal.shared.Money;
import com.bpo.portal.ui.Formats;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Splits a bank line over invoices: one row per invoice (chosen among those offered, or found by
 * number) with the amount applied to it, and a note. Each row has its own {@link Binder}; the total
 * may not exceed the line, and what is left goes on account. Fires {@link SaveEvent} with the rows.
 */
public class SplitForm extends VerticalLayout {
  /** One row as the form edits it. */
  public static final class Row {
    private InvoiceChoice invoice;
    private BigDecimal amount;

    public InvoiceChoice getInvoice() {
      return invoice;
    }

    public void setInvoice(InvoiceChoice invoice) {
      this.invoice = invoice;
    }

    public BigDecimal getAmount() {
      return amount;
    }

    public void setAmount(BigDecimal amount) {
      this.amount = amount;
    }
  }

  public static class SaveEvent extends ComponentEvent<SplitForm> {
    private final List<Row> rows;
    private final String note;

    SaveEvent(SplitForm source, List<Row> rows, String note) {
      super(source, false);
      this.rows = rows;
      this.note = note;
    }

    public List<Row> rows() {
      return rows;
    }

    public String note() {
      return note;
    }
  }

  public static class CloseEvent extends ComponentEvent<SplitForm> {
    CloseEvent(SplitForm source) {
      super(source, false);
    }
  }

  static final int MAX_ROWS = 6;
  private final Money lineAmount;
  private final List<InvoiceChoice> offered;
  private final Function<String, List<InvoiceChoice>> byNumber;
  private final List<Binder<Row>> binders = new ArrayList<>();
  private final List<ComboBox<InvoiceChoice>> boxes = new ArrayList<>();
  private final VerticalLayout rows = new VerticalLayout();
  private final TextField note = new TextField();
  private final Span remaining = new Span();
  private final Button add = new Button();

  public SplitForm(
      Money lineAmount,
      List<InvoiceChoice> offered,
      Function<String, List<InvoiceChoice>> byNumber) {
    this.lineAmount = lineAmount;
    this.offered = new ArrayList<>(offered);
    this.byNumber = byNumber;
    setPadding(false);
    rows.setPadding(false);
    rows.setSpacing(false);
    add.setText(getTranslation("cash.split.addRow"));
    add.setId("cash-split-add");
    add.addClickListener(e -> addRow());
    note.setLabel(getTranslation("cash.split.note"));
    note.setMaxLength(500);
    note.setWidthFull();
    note.setId("cash-split-note");
    remaining.setId("cash-split-remaining");
    Button save = new Button(getTranslation("cash.split.save"), e -> save());
    save.setId("cash-split-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(getTranslation("cash.cancel"), e -> fireEvent(new CloseEvent(this)));
    HorizontalLayout buttons = new HorizontalLayout(save, cancel);
    add(rows, add, remaining, note, buttons);
    addRow();
    addRow();
  }

  private void addRow() {
    if (binders.size() >= MAX_ROWS) {
      return;
    }
    int index = binders.size();
    ComboBox<InvoiceChoice> invoice = new ComboBox<>(getTranslation("cash.split.invoice"));
    invoice.setId("cash-split-invoice-" + index);
    invoice.setItems(offered);
    invoice.setItemLabelGenerator(this::label);
    invoice.setAllowCustomValue(true);
    invoice.setWidth("22em");
    invoice.addCustomValueSetListener(
        e -> {
          List<InvoiceChoice> found = byNumber.apply(e.getDetail());
          found.stream()
              .filter(f -> offered.stream().noneMatch(o -> o.id() == f.id()))
              .forEach(offered::add);
          for (ComboBox<InvoiceChoice> box : boxes) {
            InvoiceChoice kept = box.getValue();
            box.setItems(offered);
            box.setValue(kept);
          }
          found.stream().findFirst().ifPresent(invoice::setValue);
        });
    boxes.add(invoice);
    BigDecimalField amount = new BigDecimalField(getTranslation("cash.split.amount"));
    amount.setId("cash-split-amount-" + index);
    amount.setWidth("10em");
    amount.addValueChangeListener(e -> updateRemaining());
    Binder<Row> binder = new Binder<>(Row.class);
    binder.forField(invoice).bind(Row::getInvoice, Row::setInvoice);
    binder
        .forField(amount)
        .withValidator(
            a -> a == null || (a.signum() > 0 && a.scale() <= 2),
            getTranslation("cash.split.amountInvalid"))
        .withValidator(
            a ->
                a == null
                    || invoice.getValue() == null
                    || a.compareTo(invoice.getValue().open().amount()) <= 0,
            getTranslation("cash.split.moreThanOpen"))
        .bind(Row::getAmount, Row::setAmount);
    invoice.addValueChangeListener(
        e -> {
          if (e.getValue() != null && amount.getValue() == null) {
            amount.setValue(
                e.getValue().open().amount().min(remainingAmount().max(BigDecimal.ZERO)));
          }
        });
    binder.setBean(new Row());
    binders.add(binder);
    FormLayout row = new FormLayout(invoice, amount);
    row.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
    rows.add(row);
    rows.setDefaultHorizontalComponentAlignment(FlexComponent.Alignment.STRETCH);
    add.setEnabled(binders.size() < MAX_ROWS);
    updateRemaining();
  }

  private String label(InvoiceChoice c) {
    Locale locale = getLocale();
    return c.number() + " · " + c.customerNumber() + " · " + Formats.money(c.open(), locale);
  }

  private BigDecimal total() {
    return binders.stream()
        .map(b -> b.getBean().getAmount())
        .filter(a -> a != null)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private BigDecimal remainingAmount() {
    return lineAmount.amount().subtract(total());
  }

  private void updateRemaining() {
    BigDecimal left = remainingAmount();
    remaining.setText(
        left.signum() < 0
            ? getTranslation("cash.split.tooMuch")
            : getTranslation(
                "cash.split.remaining",
                Formats.money(new Money(left, lineAmount.currency()), getLocale())));
    remaining.getStyle().set("color", left.signum() < 0 ? "var(--lumo-error-text-color)" : "");
  }

  private void save() {
    List<Row> filled = new ArrayList<>();
    boolean valid = true;
    for (Binder<Row> binder : binders) {
      valid &= binder.validate().isOk();
      Row row = binder.getBean();
      if (row.getInvoice() != null && row.getAmount() != null) {
        filled.add(row);
      }
    }
    if (!valid || filled.isEmpty() || remainingAmount().signum() < 0) {
      remaining.setText(
          filled.isEmpty() ? getTranslation("cash.split.empty") : remaining.getText());
      return;
    }
    fireEvent(new SaveEvent(this, filled, note.getValue()));
  }

  public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
    return addListener(SaveEvent.class, listener);
  }

  public Registration addCloseListener(ComponentEventListener<CloseEvent> listener) {
    return addListener(CloseEvent.class, listener);
  }
}
