package com.bpo.portal.ui.collection;

import com.bpo.portal.collection.Activity;
import com.bpo.portal.collection.ActivityKind;
import com.bpo.portal.collection.ContactOutcome;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Logging a contact: kind (a call by default), contact, outcome, note and next action date, bound
 * with a {@link Binder}; the service checks it again and its field errors land on the fields.
 * Ctrl+Enter saves.
 */
class ActivityForm extends Dialog {
  /** The form's bean: what the collector types. */
  static final class Draft {
    ActivityKind kind = ActivityKind.CALL;
    String contact = "";
    ContactOutcome outcome;
    String note = "";
    LocalDate nextActionOn;

    Activity.New toNew() {
      return new Activity.New(kind, contact, outcome, note, nextActionOn);
    }
  }

  final Select<ActivityKind> kind = new Select<>();
  final TextField contact = new TextField();
  final Select<ContactOutcome> outcome = new Select<>();
  final TextArea note = new TextArea();
  final DatePicker nextActionOn = new DatePicker();
  final Binder<Draft> binder = new Binder<>();

  ActivityForm(
      String title,
      String defaultContact,
      LocalDate today,
      Function<Activity.New, Activity> save,
      Consumer<Activity> saved) {
    setHeaderTitle(title);
    kind.setId("activity-kind");
    kind.setLabel(getTranslation("collections.activity.kind"));
    kind.setItems(ActivityKind.CALL, ActivityKind.MAIL, ActivityKind.LETTER, ActivityKind.NOTE);
    kind.setItemLabelGenerator(k -> getTranslation("collections.kind." + k.name()));
    contact.setId("activity-contact");
    contact.setLabel(getTranslation("collections.activity.contact"));
    contact.setMaxLength(200);
    outcome.setId("activity-outcome");
    outcome.setLabel(getTranslation("collections.activity.outcome"));
    outcome.setItems(ContactOutcome.values());
    outcome.setItemLabelGenerator(
        o -> o == null ? "" : getTranslation("collections.outcome." + o.name()));
    outcome.setEmptySelectionAllowed(true);
    note.setId("activity-note");
    note.setLabel(getTranslation("collections.activity.note"));
    note.setMaxLength(4000);
    nextActionOn.setId("activity-next");
    nextActionOn.setLabel(getTranslation("collections.nextAction"));
    nextActionOn.setMin(today);
    nextActionOn.setLocale(getLocale());

    binder
        .forField(kind)
        .asRequired(getTranslation("collections.error.required"))
        .bind(d -> d.kind, (d, v) -> d.kind = v);
    binder.forField(contact).bind(d -> d.contact, (d, v) -> d.contact = v);
    binder
        .forField(outcome)
        .withValidator(
            (v, c) ->
                kind.getValue() != ActivityKind.CALL || v != null
                    ? com.vaadin.flow.data.binder.ValidationResult.ok()
                    : com.vaadin.flow.data.binder.ValidationResult.error(
                        getTranslation("collections.error.outcome")))
        .bind(d -> d.outcome, (d, v) -> d.outcome = v);
    binder.forField(note).bind(d -> d.note, (d, v) -> d.note = v);
    binder.forField(nextActionOn).bind(d -> d.nextActionOn, (d, v) -> d.nextActionOn = v);
    Draft draft = new Draft();
    draft.contact = defaultContact == null ? "" : defaultContact;
    draft.nextActionOn = today.plusDays(3);
    binder.readBean(draft);

    FormLayout form = new FormLayout(kind, outcome, contact, nextActionOn, note);
    form.setColspan(note, 2);
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
    add(form);
    CollectionTexts.saveFooter(
        this,
        "activity-save",
        binder,
        Draft::new,
        bean -> save.apply(bean.toNew()),
        saved,
        Map.of(
            "kind",
            kind,
            "outcome",
            outcome,
            "contact",
            contact,
            "note",
            note,
            "nextActionOn",
            nextActionOn));
    addOpenedChangeListener(
        e -> {
          if (e.isOpened()) {
            outcome.focus();
          }
        });
  }
}
