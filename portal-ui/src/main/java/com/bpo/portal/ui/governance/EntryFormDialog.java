package com.bpo.portal.ui.governance;

import com.bpo.portal.governance.EntryDetail;
import com.bpo.portal.governance.EntryForm;
import com.bpo.portal.governance.EntryType;
import com.bpo.portal.governance.Priority;
import com.bpo.portal.tenant.StaffMember;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.ProcessArea;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The form of a log entry, for creating one (from the log or captured in a meeting) and editing one.
 * The service validates again; its field errors are shown on the fields they name.
 */
class EntryFormDialog extends Dialog {
  private final Select<EntryType> type = new Select<>();
  private final TextField title = new TextField();
  private final TextArea description = new TextArea();
  private final Select<ProcessArea> area = new Select<>();
  private final Select<Priority> priority = new Select<>();
  private final IntegerField likelihood = new IntegerField();
  private final IntegerField impact = new IntegerField();
  private final ComboBox<StaffMember> owner = new ComboBox<>();
  private final DatePicker due = new DatePicker();

  /**
   * @param types the types the user may choose (one fixes it)
   * @param existing the entry edited, or null for a new one
   * @param save what saving does: create, capture or update; returns the saved entry
   */
  EntryFormDialog(Component view, String heading, Set<EntryType> types, List<StaffMember> staff, EntryDetail existing,
                  boolean mayReassign, Function<EntryForm, EntryDetail> save, Consumer<EntryDetail> saved) {
    setHeaderTitle(heading);
    type.setId("entry-type");
    type.setLabel(view.getTranslation("governance.type"));
    type.setItems(types);
    type.setItemLabelGenerator(t -> view.getTranslation("governance.type." + t.name()));
    type.setValue(existing != null ? existing.entry().type() : types.iterator().next());
    type.setEnabled(existing == null && types.size() > 1);
    title.setId("entry-title");
    title.setLabel(view.getTranslation("governance.title"));
    title.setMaxLength(200);
    title.setRequired(true);
    description.setId("entry-description");
    description.setLabel(view.getTranslation("governance.description"));
    description.setMaxLength(8000);
    description.setMinHeight("6em");
    area.setId("entry-area");
    area.setLabel(view.getTranslation("governance.area"));
    area.setItems(ProcessArea.values());
    area.setItemLabelGenerator(a -> view.getTranslation("processArea." + a.name()));
    area.setValue(ProcessArea.COLLECTIONS);
    priority.setId("entry-priority");
    priority.setLabel(view.getTranslation("governance.priority"));
    priority.setItems(Priority.values());
    priority.setItemLabelGenerator(p -> view.getTranslation("governance.priority." + p.name()));
    priority.setValue(Priority.MEDIUM);
    for (IntegerField score : List.of(likelihood, impact)) {
      score.setMin(1);
      score.setMax(5);
      score.setStepButtonsVisible(true);
      score.setHelperText(view.getTranslation("governance.scoreHelp"));
    }
    likelihood.setLabel(view.getTranslation("governance.likelihood"));
    impact.setLabel(view.getTranslation("governance.impact"));
    owner.setId("entry-owner");
    owner.setLabel(view.getTranslation("governance.owner"));
    owner.setItems(staff);
    owner.setItemLabelGenerator(s -> s.displayName() + " · " + view.getTranslation("role." + s.role()));
    owner.setClearButtonVisible(true);
    owner.setEnabled(mayReassign);
    due.setId("entry-due");
    due.setLabel(view.getTranslation("governance.due"));
    due.setLocale(getLocale());
    type.addValueChangeListener(e -> showScores());

    if (existing != null) {
      title.setValue(existing.entry().title());
      description.setValue(existing.description());
      area.setValue(existing.entry().area());
      priority.setValue(existing.entry().priority());
      likelihood.setValue(existing.likelihood());
      impact.setValue(existing.impact());
      owner.setValue(staff.stream().filter(s -> s.username().equals(existing.entry().owner())).findFirst().orElse(null));
      due.setValue(existing.entry().dueDate());
    }
    showScores();

    FormLayout form = new FormLayout(type, title, area, priority, owner, due, likelihood, impact, description);
    form.setColspan(title, 2);
    form.setColspan(description, 2);
    form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
    form.setMaxWidth("44em");
    add(form);

    Map<String, HasValidation> fields = Map.of("type", type, "title", title, "description", description, "area", area,
        "priority", priority, "likelihood", likelihood, "impact", impact, "owner", owner, "dueDate", due);
    Button confirm = new Button(view.getTranslation("governance.save"), e -> {
      fields.values().forEach(f -> f.setInvalid(false));
      boolean risk = type.getValue() == EntryType.RISK;
      EntryForm request = new EntryForm(type.getValue(), title.getValue(), description.getValue(), area.getValue(),
          priority.getValue(), risk ? likelihood.getValue() : null, risk ? impact.getValue() : null,
          owner.getValue() == null ? null : owner.getValue().username(), due.getValue(), List.of(),
          existing == null ? null : existing.entry().version());
      try {
        EntryDetail result = save.apply(request);
        close();
        saved.accept(result);
      } catch (InvalidFields invalid) {
        for (Problem.FieldError error : invalid.toProblem().errors()) {
          HasValidation field = fields.get(error.field());
          if (field == null) {
            GovernanceTexts.notify(error.message(), NotificationVariant.LUMO_ERROR);
          } else {
            field.setErrorMessage(error.message());
            field.setInvalid(true);
          }
        }
      } catch (ProblemException problem) {
        GovernanceTexts.refused(view, problem);
      }
    });
    confirm.setId("entry-save");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button(view.getTranslation("common.cancel"), e -> close()), confirm);
  }

  private void showScores() {
    boolean risk = type.getValue() == EntryType.RISK;
    likelihood.setVisible(risk);
    impact.setVisible(risk);
  }
}
