package com.bpo.portal.ui.governance;

import com.bpo.portal.governance.MeetingForm;
import com.bpo.portal.governance.MeetingType;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.ui.FieldErrors;
import com.bpo.portal.ui.FormEvents;
import com.bpo.portal.ui.FormEvents.CloseEvent;
import com.bpo.portal.ui.FormEvents.SaveEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.time.LocalDate;
import java.util.List;

/**
 * A meeting to plan: its type, title (the type's name until the user writes one) and date. The form
 * owns its {@link Binder}; saving fires a {@link SaveEvent} with the {@link MeetingForm} the
 * service takes.
 */
public class MeetingPlanForm extends FormLayout {
  final Select<MeetingType> type = new Select<>();
  final TextField title = new TextField();
  final DatePicker heldOn = new DatePicker();

  private final Binder<Plan> binder = new Binder<>(Plan.class);
  private final Plan plan = new Plan();

  /** The meeting as the form edits it. */
  public static class Plan {
    private MeetingType type = MeetingType.WEEKLY_OPERATIONS;
    private String title = "";
    private LocalDate heldOn;

    public MeetingType getType() {
      return type;
    }

    public void setType(MeetingType type) {
      this.type = type;
    }

    public String getTitle() {
      return title;
    }

    public void setTitle(String title) {
      this.title = title;
    }

    public LocalDate getHeldOn() {
      return heldOn;
    }

    public void setHeldOn(LocalDate heldOn) {
      this.heldOn = heldOn;
    }
  }

  public MeetingPlanForm(LocalDate today) {
    type.setId("meeting-type");
    type.setLabel(getTranslation("governance.meetingType"));
    type.setItems(MeetingType.values());
    type.setItemLabelGenerator(t -> getTranslation("governance.meetingType." + t.name()));
    title.setId("meeting-title");
    title.setLabel(getTranslation("governance.title"));
    title.setMaxLength(200);
    heldOn.setId("meeting-date");
    heldOn.setLabel(getTranslation("governance.heldOn"));
    heldOn.setLocale(getLocale());
    // property names are the service's field names, so that its errors find their fields
    binder.forField(type).bind("type");
    binder.forField(title).bind("title");
    binder.forField(heldOn).bind("heldOn");
    plan.setHeldOn(today);
    plan.setTitle(getTranslation("governance.meetingType." + plan.getType().name()));
    binder.readBean(plan);
    type.addValueChangeListener(
        e -> {
          if (e.getValue() != null && (title.getValue().isBlank() || !e.isFromClient())) {
            title.setValue(getTranslation("governance.meetingType." + e.getValue().name()));
          }
        });
    add(type, title, heldOn);
  }

  /** Writes the fields and fires {@link SaveEvent}. */
  public void save() {
    FieldErrors.clear(binder);
    if (binder.writeBeanIfValid(plan)) {
      FormEvents.fireSave(this, new MeetingForm(plan.getType(), plan.getTitle(), plan.getHeldOn()));
    }
  }

  public void close() {
    FormEvents.fireClose(this);
  }

  public List<String> showErrors(InvalidFields invalid) {
    return FieldErrors.show(binder, invalid);
  }

  public Registration addSaveListener(ComponentEventListener<SaveEvent<MeetingForm>> listener) {
    return FormEvents.onSave(this, listener);
  }

  public Registration addCloseListener(ComponentEventListener<CloseEvent> listener) {
    return FormEvents.onClose(this, listener);
  }
}
