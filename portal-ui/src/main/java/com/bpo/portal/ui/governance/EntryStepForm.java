package com.bpo.portal.ui.governance;

import com.bpo.portal.governance.EntryAction;
import com.bpo.portal.governance.StepRequest;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.ui.FieldErrors;
import com.bpo.portal.ui.FormEvents;
import com.bpo.portal.ui.FormEvents.CloseEvent;
import com.bpo.portal.ui.FormEvents.SaveEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.util.List;

/**
 * One workflow step on a log entry, as {@link com.bpo.portal.governance.EntryWorkflow} offers it: a
 * note, required (the reason) to escalate. The form owns its {@link Binder}; confirming fires a
 * {@link SaveEvent} with the {@link StepRequest} the service takes, with the version it was opened
 * on.
 */
public class EntryStepForm extends VerticalLayout {
  final TextArea note = new TextArea();

  private final Binder<Step> binder = new Binder<>(Step.class);
  private final Step step = new Step();
  private final EntryAction action;
  private final long version;

  /** The step as the form edits it. */
  public static class Step {
    private String note = "";

    public String getNote() {
      return note;
    }

    public void setNote(String note) {
      this.note = note;
    }
  }

  public EntryStepForm(EntryAction action, long version) {
    this.action = action;
    this.version = version;
    setPadding(false);
    note.setId("entry-step-note");
    note.setLabel(
        getTranslation(
            action == EntryAction.ESCALATE
                ? "governance.escalationReason"
                : "governance.noteOptional"));
    note.setWidth("30em");
    note.setMinHeight("6em");
    note.setMaxLength(8000);
    note.setRequired(action == EntryAction.ESCALATE);
    // the property name is the service's field name, so that its error finds the field
    binder.forField(note).bind("note");
    binder.readBean(step);
    add(note);
  }

  /** Writes the note and fires {@link SaveEvent}. */
  public void save() {
    FieldErrors.clear(binder);
    if (binder.writeBeanIfValid(step)) {
      FormEvents.fireSave(this, new StepRequest(action, step.getNote(), version));
    }
  }

  public void close() {
    FormEvents.fireClose(this);
  }

  /** Shows the service's field errors, the note's in the user's words; answers the rest. */
  public List<String> showErrors(InvalidFields invalid) {
    List<String> unmatched = FieldErrors.show(binder, invalid);
    if (note.isInvalid()) {
      note.setErrorMessage(getTranslation("governance.reasonRequired"));
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
