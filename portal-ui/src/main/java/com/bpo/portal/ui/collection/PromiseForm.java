package com.bpo.portal.ui.collection;

import com.bpo.portal.collection.Promise;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A promise to pay: amount, date and note, for the invoices given (none: the account as a whole).
 * The same form records a promise for the BPO and proposes one for a customer. Ctrl+Enter saves.
 */
class PromiseForm extends Dialog {
  static final class Draft {
    String amount = "";
    LocalDate promisedOn;
    String note = "";
  }

  final TextField amount = new TextField();
  final DatePicker promisedOn = new DatePicker();
  final TextArea note = new TextArea();
  final Binder<Draft> binder = new Binder<>();

  PromiseForm(
      String title,
      String suggestedAmount,
      List<Long> invoiceIds,
      LocalDate today,
      Function<Promise.New, Promise> save,
      Consumer<Promise> saved) {
    setHeaderTitle(title);
    amount.setId("promise-amount");
    amount.setLabel(getTranslation("collections.promise.amount"));
    amount.setPattern("\\d{1,15}(\\.\\d{1,2})?");
    amount.setAllowedCharPattern("[0-9.]");
    promisedOn.setId("promise-date");
    promisedOn.setLabel(getTranslation("collections.promise.date"));
    promisedOn.setMin(today);
    promisedOn.setMax(today.plusDays(90));
    promisedOn.setLocale(getLocale());
    note.setId("promise-note");
    note.setLabel(getTranslation("collections.activity.note"));
    note.setMaxLength(2000);
    binder
        .forField(amount)
        .asRequired(getTranslation("collections.error.required"))
        .withValidator(
            v -> v.strip().matches("\\d{1,15}(\\.\\d{1,2})?"),
            getTranslation("collections.error.amount"))
        .bind(d -> d.amount, (d, v) -> d.amount = v);
    binder
        .forField(promisedOn)
        .asRequired(getTranslation("collections.error.required"))
        .bind(d -> d.promisedOn, (d, v) -> d.promisedOn = v);
    binder.forField(note).bind(d -> d.note, (d, v) -> d.note = v);
    Draft draft = new Draft();
    draft.amount = suggestedAmount == null ? "" : suggestedAmount;
    draft.promisedOn = today.plusDays(7);
    binder.readBean(draft);

    FormLayout form = new FormLayout(amount, promisedOn, note);
    form.setColspan(note, 2);
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
    add(form);
    CollectionTexts.saveFooter(
        this,
        "promise-save",
        binder,
        Draft::new,
        bean ->
            save.apply(
                new Promise.New(bean.amount.strip(), bean.promisedOn, invoiceIds, bean.note)),
        saved,
        Map.of("amount", amount, "promisedOn", promisedOn, "note", note));
    addOpenedChangeListener(
        e -> {
          if (e.isOpened()) {
            amount.focus();
          }
        });
  }
}
