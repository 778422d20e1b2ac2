package com.bpo.portal.ui.procedure;

import com.bpo.portal.procedure.NewProcedure;
import com.bpo.portal.procedure.ProcedureChange;
import com.bpo.portal.procedure.ProcedureDetail;
import com.bpo.portal.procedure.ProcedureSummary;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.ProcessArea;
import com.bpo.portal.ui.FieldErrors;
import com.bpo.portal.ui.FormEvents;
import com.bpo.portal.ui.FormEvents.CloseEvent;
import com.bpo.portal.ui.FormEvents.SaveEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.util.List;

/**
 * A procedure's facts: title, process area, owner, review interval and whether the client approves;
 * for a new procedure also its first text. The form owns its {@link Binder}; saving fires a {@link
 * SaveEvent} with what the service takes ({@link NewProcedure} or {@link ProcedureChange}).
 */
public class ProcedureFactsForm extends VerticalLayout {
  final TextField title = new TextField();
  final Select<ProcessArea> processArea = new Select<>();
  final ComboBox<ProcedureDetail.Person> owner = new ComboBox<>();
  final IntegerField reviewIntervalMonths = new IntegerField();
  final Checkbox clientApprovalRequired = new Checkbox();
  final TextArea content = new TextArea();

  private final Binder<Facts> binder = new Binder<>(Facts.class);
  private final Facts facts = new Facts();
  private final ProcedureSummary existing;

  /** The facts as the form edits them. */
  public static class Facts {
    private String title = "";
    private ProcessArea processArea;
    private ProcedureDetail.Person owner;
    private Integer reviewIntervalMonths = 12;
    private boolean clientApprovalRequired = true;
    private String content = "";

    public String getTitle() {
      return title;
    }

    public void setTitle(String title) {
      this.title = title;
    }

    public ProcessArea getProcessArea() {
      return processArea;
    }

    public void setProcessArea(ProcessArea processArea) {
      this.processArea = processArea;
    }

    public ProcedureDetail.Person getOwner() {
      return owner;
    }

    public void setOwner(ProcedureDetail.Person owner) {
      this.owner = owner;
    }

    public Integer getReviewIntervalMonths() {
      return reviewIntervalMonths;
    }

    public void setReviewIntervalMonths(Integer months) {
      this.reviewIntervalMonths = months;
    }

    public boolean isClientApprovalRequired() {
      return clientApprovalRequired;
    }

    public void setClientApprovalRequired(boolean required) {
      this.clientApprovalRequired = required;
    }

    public String getContent() {
      return content;
    }

    public void setContent(String content) {
      this.content = content;
    }
  }

  /**
   * @param existing the procedure whose facts are edited, or null for a new one (which takes a
   *     text)
   * @param area the area a new procedure starts in
   */
  public ProcedureFactsForm(
      List<ProcedureDetail.Person> owners, ProcedureSummary existing, ProcessArea area) {
    this.existing = existing;
    String prefix = existing == null ? "new-procedure-" : "details-";
    title.setId(prefix + "title");
    title.setLabel(getTranslation("procedures.title"));
    title.setWidthFull();
    title.setMaxLength(200);
    processArea.setId(prefix + "area");
    processArea.setLabel(getTranslation("procedures.area"));
    processArea.setItems(ProcessArea.values());
    processArea.setItemLabelGenerator(a -> getTranslation("processArea." + a.name()));
    owner.setLabel(getTranslation("procedures.owner"));
    owner.setItems(owners);
    owner.setItemLabelGenerator(ProcedureDetail.Person::displayName);
    reviewIntervalMonths.setLabel(getTranslation("procedures.interval"));
    reviewIntervalMonths.setMin(1);
    reviewIntervalMonths.setMax(60);
    reviewIntervalMonths.setStepButtonsVisible(true);
    clientApprovalRequired.setLabel(getTranslation("procedures.clientApproval"));
    content.setId(prefix + "content");
    content.setLabel(getTranslation("procedure.markdown"));
    content.setWidthFull();
    content.setMinHeight("10em");

    // property names are the service's field names, so that its errors find their fields
    binder.forField(title).bind("title");
    binder.forField(processArea).bind("processArea");
    binder.forField(owner).bind("owner");
    binder.forField(reviewIntervalMonths).bind("reviewIntervalMonths");
    binder.forField(clientApprovalRequired).bind("clientApprovalRequired");
    if (existing == null) {
      binder.forField(content).bind("content");
      facts.setProcessArea(area);
      owners.stream().findFirst().ifPresent(facts::setOwner);
    } else {
      facts.setTitle(existing.title());
      facts.setProcessArea(existing.processArea());
      owners.stream()
          .filter(o -> o.username().equals(existing.owner()))
          .findFirst()
          .ifPresent(facts::setOwner);
      facts.setReviewIntervalMonths(existing.reviewIntervalMonths());
      facts.setClientApprovalRequired(existing.clientApprovalRequired());
    }
    binder.readBean(facts);
    setPadding(false);
    add(title, processArea, owner, reviewIntervalMonths, clientApprovalRequired);
    if (existing == null) {
      add(content);
    }
    setWidth(existing == null ? "36em" : "30em");
  }

  /** Writes the fields and fires {@link SaveEvent}. */
  public void save() {
    FieldErrors.clear(binder);
    if (binder.writeBeanIfValid(facts)) {
      FormEvents.fireSave(this, facts);
    }
  }

  public void close() {
    FormEvents.fireClose(this);
  }

  /**
   * Shows the service's field errors on their fields (the title's in the user's words); answers the
   * rest.
   */
  public List<String> showErrors(InvalidFields invalid) {
    List<String> unmatched = FieldErrors.show(binder, invalid);
    if (title.isInvalid()) {
      title.setErrorMessage(getTranslation("procedures.error.title"));
    }
    return unmatched;
  }

  /** What {@code ProcedureService.create} takes. */
  public NewProcedure newProcedure() {
    return new NewProcedure(
        facts.getTitle(),
        facts.getProcessArea(),
        username(),
        facts.getReviewIntervalMonths(),
        facts.isClientApprovalRequired(),
        facts.getContent());
  }

  /** What {@code ProcedureService.update} takes, with the version the form was opened on. */
  public ProcedureChange change() {
    return new ProcedureChange(
        facts.getTitle(),
        facts.getProcessArea(),
        username(),
        facts.getReviewIntervalMonths(),
        facts.isClientApprovalRequired(),
        existing.version());
  }

  private String username() {
    return facts.getOwner() == null ? null : facts.getOwner().username();
  }

  /**
   * The save carries the facts written; {@link #newProcedure()} and {@link #change()} shape them
   * for the service.
   */
  public Registration addSaveListener(ComponentEventListener<SaveEvent<Facts>> listener) {
    return FormEvents.onSave(this, listener);
  }

  public Registration addCloseListener(ComponentEventListener<CloseEvent> listener) {
    return FormEvents.onClose(this, listener);
  }
}
