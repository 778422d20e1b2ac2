package com.bpo.portal.ui.governance;

import com.bpo.portal.governance.EntryDetail;
import com.bpo.portal.governance.EntryForm;
import com.bpo.portal.governance.EntryType;
import com.bpo.portal.governance.Priority;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.ProcessArea;
import com.bpo.portal.tenant.StaffMember;
import com.bpo.portal.ui.FieldErrors;
import com.bpo.portal.ui.FormEvents;
import com.bpo.portal.ui.FormEvents.CloseEvent;
import com.bpo.portal.ui.FormEvents.SaveEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The fields of a log entry, for creating one (from the log or captured in a meeting) and editing
 * one. The form owns its {@link Binder}; saving fires a {@link SaveEvent} with the entry as the
 * service takes it, and the service's field errors come back through {@link #showErrors}.
 */
public class LogEntryForm extends FormLayout {
  final Select<EntryType> type = new Select<>();
  final TextField title = new TextField();
  final TextArea description = new TextArea();
  final Select<ProcessArea> area = new Select<>();
  final Select<Priority> priority = new Select<>();
  final IntegerField likelihood = new IntegerField();
  final IntegerField impact = new IntegerField();
  final ComboBox<StaffMember> owner = new ComboBox<>();
  final DatePicker dueDate = new DatePicker();

  private final Binder<Entry> binder = new Binder<>(Entry.class);
  private final Entry entry = new Entry();
  private final Long version;

  /** The entry as the form edits it. */
  public static class Entry {
    private EntryType type;
    private String title = "";
    private String description = "";
    private ProcessArea area = ProcessArea.COLLECTIONS;
    private Priority priority = Priority.MEDIUM;
    private Integer likelihood;
    private Integer impact;
    private StaffMember owner;
    private LocalDate dueDate;

    public EntryType getType() {
      return type;
    }

    public void setType(EntryType type) {
      this.type = type;
    }

    public String getTitle() {
      return title;
    }

    public void setTitle(String title) {
      this.title = title;
    }

    public String getDescription() {
      return description;
    }

    public void setDescription(String description) {
      this.description = description;
    }

    public ProcessArea getArea() {
      return area;
    }

    public void setArea(ProcessArea area) {
      this.area = area;
    }

    public Priority getPriority() {
      return priority;
    }

    public void setPriority(Priority priority) {
      this.priority = priority;
    }

    public Integer getLikelihood() {
      return likelihood;
    }

    public void setLikelihood(Integer likelihood) {
      this.likelihood = likelihood;
    }

    public Integer getImpact() {
      return impact;
    }

    public void setImpact(Integer impact) {
      this.impact = impact;
    }

    public StaffMember getOwner() {
      return owner;
    }

    public void setOwner(StaffMember owner) {
      this.owner = owner;
    }

    public LocalDate getDueDate() {
      return dueDate;
    }

    public void setDueDate(LocalDate dueDate) {
      this.dueDate = dueDate;
    }
  }

  /**
   * @param types the types the user may choose (one fixes it)
   * @param existing the entry edited, or null for a new one
   */
  public LogEntryForm(
      Set<EntryType> types, List<StaffMember> staff, EntryDetail existing, boolean mayReassign) {
    type.setId("entry-type");
    type.setLabel(getTranslation("governance.type"));
    type.setItems(types);
    type.setItemLabelGenerator(t -> getTranslation("governance.type." + t.name()));
    type.setEnabled(existing == null && types.size() > 1);
    title.setId("entry-title");
    title.setLabel(getTranslation("governance.title"));
    title.setMaxLength(200);
    title.setRequired(true);
    description.setId("entry-description");
    description.setLabel(getTranslation("governance.description"));
    description.setMaxLength(8000);
    description.setMinHeight("6em");
    area.setId("entry-area");
    area.setLabel(getTranslation("governance.area"));
    area.setItems(ProcessArea.values());
    area.setItemLabelGenerator(a -> getTranslation("processArea." + a.name()));
    priority.setId("entry-priority");
    priority.setLabel(getTranslation("governance.priority"));
    priority.setItems(Priority.values());
    priority.setItemLabelGenerator(p -> getTranslation("governance.priority." + p.name()));
    for (IntegerField score : List.of(likelihood, impact)) {
      score.setMin(1);
      score.setMax(5);
      score.setStepButtonsVisible(true);
      score.setHelperText(getTranslation("governance.scoreHelp"));
    }
    likelihood.setLabel(getTranslation("governance.likelihood"));
    impact.setLabel(getTranslation("governance.impact"));
    owner.setId("entry-owner");
    owner.setLabel(getTranslation("governance.owner"));
    owner.setItems(staff);
    owner.setItemLabelGenerator(s -> s.displayName() + " · " + getTranslation("role." + s.role()));
    owner.setClearButtonVisible(true);
    owner.setEnabled(mayReassign);
    dueDate.setId("entry-due");
    dueDate.setLabel(getTranslation("governance.due"));
    dueDate.setLocale(getLocale());
    type.addValueChangeListener(e -> showScores());

    // property names are the service's field names, so that its errors find their fields
    binder.forField(type).bind("type");
    binder.forField(title).bind("title");
    binder.forField(description).bind("description");
    binder.forField(area).bind("area");
    binder.forField(priority).bind("priority");
    binder.forField(likelihood).bind("likelihood");
    binder.forField(impact).bind("impact");
    binder.forField(owner).bind("owner");
    binder.forField(dueDate).bind("dueDate");

    entry.setType(existing != null ? existing.entry().type() : types.iterator().next());
    version = existing == null ? null : existing.entry().version();
    if (existing != null) {
      entry.setTitle(existing.entry().title());
      entry.setDescription(existing.description() == null ? "" : existing.description());
      entry.setArea(existing.entry().area());
      entry.setPriority(existing.entry().priority());
      entry.setLikelihood(existing.likelihood());
      entry.setImpact(existing.impact());
      entry.setOwner(
          staff.stream()
              .filter(s -> s.username().equals(existing.entry().owner()))
              .findFirst()
              .orElse(null));
      entry.setDueDate(existing.entry().dueDate());
    }
    binder.readBean(entry);
    showScores();

    add(type, title, area, priority, owner, dueDate, likelihood, impact, description);
    setColspan(title, 2);
    setColspan(description, 2);
    setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30em", 2));
    setMaxWidth("44em");
  }

  /** Writes the fields and fires {@link SaveEvent} with the entry as the service takes it. */
  public void save() {
    FieldErrors.clear(binder);
    if (binder.writeBeanIfValid(entry)) {
      FormEvents.fireSave(this, request());
    }
  }

  public void close() {
    FormEvents.fireClose(this);
  }

  /** Shows the service's field errors on their fields; answers what no field took. */
  public List<String> showErrors(InvalidFields invalid) {
    return FieldErrors.show(binder, invalid);
  }

  EntryForm request() {
    boolean risk = entry.getType() == EntryType.RISK;
    return new EntryForm(
        entry.getType(),
        entry.getTitle(),
        entry.getDescription(),
        entry.getArea(),
        entry.getPriority(),
        risk ? entry.getLikelihood() : null,
        risk ? entry.getImpact() : null,
        entry.getOwner() == null ? null : entry.getOwner().username(),
        entry.getDueDate(),
        List.of(),
        version);
  }

  private void showScores() {
    boolean risk = type.getValue() == EntryType.RISK;
    likelihood.setVisible(risk);
    impact.setVisible(risk);
  }

  public Registration addSaveListener(ComponentEventListener<SaveEvent<EntryForm>> listener) {
    return FormEvents.onSave(this, listener);
  }

  public Registration addCloseListener(ComponentEventListener<CloseEvent> listener) {
    return FormEvents.onClose(this, listener);
  }
}
