package com.bpo.portal.ui.governance;

import com.bpo.portal.governance.EscalationMatrix;
import com.bpo.portal.governance.EscalationService;
import com.bpo.portal.governance.GovernanceSettings;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The escalation matrix (for BPO leads): per level a role, a named contact and the days overdue
 * after which an entry rises to it; and the root-cause threshold. Saved with the version read.
 */
@Route(value = "governance/escalation", layout = MainLayout.class)
@RolesAllowed(Roles.BPO_LEAD)
public class EscalationSettingsView extends VerticalLayout implements HasDynamicTitle {
  private final EscalationService governance;
  private final VerticalLayout rows = new VerticalLayout();
  private final List<LevelRow> levels = new ArrayList<>();
  private final IntegerField threshold = new IntegerField();
  private long version;

  /** The fields of one level. */
  private record LevelRow(
      HorizontalLayout layout,
      TextField role,
      TextField name,
      EmailField email,
      IntegerField days) {}

  @Inject
  public EscalationSettingsView(EscalationService governance) {
    this.governance = governance;
    rows.setPadding(false);
    rows.setId("escalation-levels");
    threshold.setId("escalation-threshold");
    threshold.setLabel(getTranslation("governance.threshold"));
    threshold.setHelperText(getTranslation("governance.thresholdHelp"));
    threshold.setMin(1);
    threshold.setMax(10000);
    threshold.setWidth("20em");
    Button add = new Button(getTranslation("governance.addLevel"), e -> addRow(null));
    add.setId("escalation-add-level");
    Button remove =
        new Button(
            getTranslation("governance.removeLevel"),
            e -> {
              if (levels.size() > 1) {
                rows.remove(levels.remove(levels.size() - 1).layout());
              }
            });
    Button save = new Button(getTranslation("governance.save"), e -> save());
    save.setId("escalation-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(
        new H1(getPageTitle()),
        new Paragraph(getTranslation("governance.matrixHelp")),
        new H2(getTranslation("governance.levels")),
        rows,
        new HorizontalLayout(add, remove),
        new H2(getTranslation("governance.rootCause")),
        threshold,
        save);
    load(governance.settings());
  }

  private void load(GovernanceSettings settings) {
    version = settings.version();
    threshold.setValue(settings.rootCauseThreshold());
    rows.removeAll();
    levels.clear();
    settings.levels().forEach(this::addRow);
  }

  private void addRow(EscalationMatrix.Level level) {
    int number = levels.size() + 1;
    TextField role = new TextField(getTranslation("governance.levelRole", number));
    role.setMaxLength(100);
    TextField name = new TextField(getTranslation("governance.contactName"));
    name.setMaxLength(100);
    EmailField email = new EmailField(getTranslation("governance.contactEmail"));
    IntegerField days = new IntegerField(getTranslation("governance.daysOverdue"));
    days.setMin(1);
    days.setMax(365);
    days.setStepButtonsVisible(true);
    if (level != null) {
      role.setValue(level.role());
      name.setValue(level.contactName() == null ? "" : level.contactName());
      email.setValue(level.contactEmail() == null ? "" : level.contactEmail());
      days.setValue(level.daysOverdue());
    }
    HorizontalLayout layout = new HorizontalLayout(role, name, email, days);
    layout.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    layout.setId("escalation-level-" + number);
    levels.add(new LevelRow(layout, role, name, email, days));
    rows.add(layout);
  }

  private void save() {
    List<EscalationMatrix.Level> matrix = new ArrayList<>();
    for (int i = 0; i < levels.size(); i++) {
      LevelRow r = levels.get(i);
      r.role().setInvalid(false);
      r.email().setInvalid(false);
      r.days().setInvalid(false);
      matrix.add(
          new EscalationMatrix.Level(
              i + 1,
              r.role().getValue(),
              r.name().getValue(),
              r.email().getValue(),
              r.days().getValue() == null ? 0 : r.days().getValue()));
    }
    try {
      load(
          governance.saveSettings(
              new GovernanceSettings(
                  threshold.getValue() == null ? 0 : threshold.getValue(), matrix, version)));
      GovernanceTexts.notify(getTranslation("governance.saved"), NotificationVariant.LUMO_SUCCESS);
    } catch (InvalidFields invalid) {
      for (Problem.FieldError error : invalid.toProblem().errors()) {
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("levels\\[(\\d+)]\\.(\\w+)").matcher(error.field());
        if (m.matches()) {
          LevelRow r = levels.get(Integer.parseInt(m.group(1)));
          var field =
              switch (m.group(2)) {
                case "role" -> r.role();
                case "contactEmail" -> r.email();
                case "contactName" -> r.name();
                default -> r.days();
              };
          field.setErrorMessage(error.message());
          field.setInvalid(true);
        } else if (error.field().equals("rootCauseThreshold")) {
          threshold.setErrorMessage(error.message());
          threshold.setInvalid(true);
        } else {
          GovernanceTexts.notify(error.message(), NotificationVariant.LUMO_ERROR);
        }
      }
    } catch (ProblemException problem) {
      GovernanceTexts.refused(this, problem);
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("governance.escalationTitle");
  }
}
