package com.bpo.portal.ui.procedure;

import com.bpo.portal.procedure.StepRequest;
import com.bpo.portal.procedure.VersionAction;
import com.bpo.portal.procedure.VersionSummary;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.ui.FieldErrors;
import com.bpo.portal.ui.FormEvents;
import com.bpo.portal.ui.FormEvents.CloseEvent;
import com.bpo.portal.ui.FormEvents.SaveEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.time.LocalDate;
import java.util.List;

/**
 * One step on a version, as {@link com.bpo.portal.procedure.ProcedureWorkflow} offers it: a note
 * (required to send a version back) and, to make it effective, the first day. The form owns its
 * {@link Binder}; confirming fires a {@link SaveEvent} with the {@link StepRequest} the service
 * takes.
 */
public class VersionStepForm extends VerticalLayout {
  final DatePicker effectiveFrom = new DatePicker();
  final TextArea note = new TextArea();

  private final Binder<Step> binder = new Binder<>(Step.class);
  private final Step step = new Step();
  private final VersionAction action;
  private final VersionSummary version;

  /** The step as the form edits it. */
  public static class Step {
    private String note = "";
    private LocalDate effectiveFrom;

    public String getNote() {
      return note;
    }

    public void setNote(String note) {
      this.note = note;
    }

    public LocalDate getEffectiveFrom() {
      return effectiveFrom;
    }

    public void setEffectiveFrom(LocalDate effectiveFrom) {
      this.effectiveFrom = effectiveFrom;
    }
  }

  public VersionStepForm(VersionSummary version, VersionAction action, LocalDate today) {
    this.version = version;
    this.action = action;
    setPadding(false);
    setWidth("30em");
    add(new Paragraph(getTranslation("procedure.explain." + action.name())));
    effectiveFrom.setId("step-effective-from");
    effectiveFrom.setLabel(getTranslation("procedure.effectiveFrom"));
    effectiveFrom.setLocale(getLocale());
    effectiveFrom.setMin(today);
    note.setId("step-note");
    note.setLabel(
        getTranslation(
            action == VersionAction.REJECT ? "procedure.noteRequired" : "procedure.noteOptional"));
    note.setWidthFull();
    note.setMaxLength(4000);
    // property names are the service's field names, so that its errors find their fields
    binder.forField(note).bind("note");
    if (action == VersionAction.MAKE_EFFECTIVE) {
      binder.forField(effectiveFrom).bind("effectiveFrom");
      step.setEffectiveFrom(today);
      add(effectiveFrom);
    }
    binder.readBean(step);
    add(note);
  }

  /** Writes the fields and fires {@link SaveEvent}. */
  public void save() {
    FieldErrors.clear(binder);
    if (binder.writeBeanIfValid(step)) {
      FormEvents.fireSave(
          this,
          new StepRequest(
              action,
              version.version(),
              step.getNote(),
              action == VersionAction.MAKE_EFFECTIVE ? step.getEffectiveFrom() : null));
    }
  }

  public void close() {
    FormEvents.fireClose(this);
  }

  /** Shows the service's field errors on their fields, in the user's words; answers the rest. */
  public List<String> showErrors(InvalidFields invalid) {
    List<String> unmatched = FieldErrors.show(binder, invalid);
    if (note.isInvalid()) {
      note.setErrorMessage(getTranslation("procedure.error.note"));
    }
    if (effectiveFrom.isInvalid()) {
      effectiveFrom.setErrorMessage(getTranslation("procedure.error.effectiveFrom"));
    }
    return unmatched;
  }

  public Registration addSaveListener(ComponentEventListener<SaveEvent<StepRequest>> listener) {
    return FormEvents.onSave(this, listener);
  }

  public Registration addCloseListener(ComponentEventListener<CloseEvent> listener) {
    return FormEvents.onClose(this, listener);
  }
}
