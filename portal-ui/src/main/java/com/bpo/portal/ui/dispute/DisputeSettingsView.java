package com.bpo.portal.ui.dispute;

import com.bpo.portal.dispute.DisputeReason;
import com.bpo.portal.dispute.DisputeService;
import com.bpo.portal.dispute.DisputeSettings;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The disputes desk of the tenant, for BPO leads: SLA targets, the promise made to customers, the
 * reopen window, the team mailbox, and the catalogue of reason codes. Saving sends the version
 * read, so two leads editing at once cannot overwrite each other.
 */
@Route(value = "disputes/settings", layout = MainLayout.class)
@RolesAllowed(Roles.BPO_LEAD)
public class DisputeSettingsView extends VerticalLayout implements HasDynamicTitle {
  private final DisputeService disputes;
  private final IntegerField firstResponse = hours("settings.firstResponseHours");
  private final IntegerField resolution = hours("settings.resolutionHours");
  private final IntegerField promise = hours("settings.customerPromiseDays");
  private final IntegerField reopen = hours("settings.reopenDays");
  private final EmailField teamEmail = new EmailField();
  private final Grid<DisputeReason> reasons = new Grid<>();
  private long version;

  @Inject
  public DisputeSettingsView(DisputeService disputes) {
    this.disputes = disputes;
    setMaxWidth("60em");
    teamEmail.setLabel(getTranslation("settings.teamEmail"));
    teamEmail.setId("settings-team-email");
    teamEmail.setClearButtonVisible(true);
    FormLayout form = new FormLayout(firstResponse, resolution, promise, reopen, teamEmail);
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
    Button save = new Button(getTranslation("settings.save"), e -> save());
    save.setId("settings-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

    reasons.setId("settings-reasons");
    reasons.addThemeVariants(GridVariant.LUMO_COMPACT);
    reasons.setAllRowsVisible(true);
    reasons
        .addColumn(DisputeReason::code)
        .setHeader(getTranslation("settings.code"))
        .setAutoWidth(true);
    reasons
        .addComponentColumn(this::reasonEditor)
        .setHeader(getTranslation("settings.label"))
        .setFlexGrow(1);

    TextField code = new TextField(getTranslation("settings.code"));
    code.setId("settings-new-code");
    code.setPattern("[A-Z][A-Z_]{1,39}");
    code.setHelperText(getTranslation("settings.codeHelp"));
    TextField label = new TextField(getTranslation("settings.label"));
    label.setId("settings-new-label");
    Button add =
        new Button(
            getTranslation("settings.addReason"),
            e ->
                saveReason(
                    new DisputeReason(
                        code.getValue().strip().toUpperCase(java.util.Locale.ROOT),
                        label.getValue(),
                        true,
                        100),
                    Map.of("code", code, "label", label),
                    () -> {
                      code.clear();
                      label.clear();
                    }));
    add.setId("settings-add-reason");
    HorizontalLayout adding = new HorizontalLayout(code, label, add);
    adding.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

    add(
        new RouterLink(getTranslation("dispute.back"), DisputesView.class),
        new H1(getPageTitle()),
        new Paragraph(getTranslation("settings.help")),
        form,
        save,
        new H2(getTranslation("settings.reasons")),
        reasons,
        adding);
    load();
  }

  private IntegerField hours(String key) {
    IntegerField field = new IntegerField(getTranslation(key));
    field.setId(key.replace('.', '-'));
    field.setMin(0);
    field.setStepButtonsVisible(true);
    field.setRequiredIndicatorVisible(true);
    return field;
  }

  private void load() {
    DisputeService.VersionedSettings current = disputes.versionedSettings();
    DisputeSettings s = current.settings();
    version = current.version();
    firstResponse.setValue(s.firstResponseHours());
    resolution.setValue(s.resolutionHours());
    promise.setValue(s.customerPromiseDays());
    reopen.setValue(s.reopenDays());
    teamEmail.setValue(s.teamEmail() == null ? "" : s.teamEmail());
    reasons.setItems(disputes.reasons(true));
  }

  private void save() {
    Map<String, HasValidation> fields =
        Map.of(
            "firstResponseHours",
            firstResponse,
            "resolutionHours",
            resolution,
            "customerPromiseDays",
            promise,
            "reopenDays",
            reopen,
            "teamEmail",
            teamEmail);
    fields.values().forEach(f -> f.setInvalid(false));
    try {
      disputes.saveSettings(
          new DisputeSettings(
              value(firstResponse),
              value(resolution),
              value(promise),
              value(reopen),
              teamEmail.getValue()),
          version);
      notify(getTranslation("settings.saved"), NotificationVariant.LUMO_SUCCESS);
      load();
    } catch (InvalidFields invalid) {
      show(invalid, fields);
    } catch (ProblemException problem) {
      notify(
          problem.status() == 409 ? getTranslation("settings.conflict") : problem.getMessage(),
          NotificationVariant.LUMO_ERROR);
      load();
    }
  }

  private static int value(IntegerField field) {
    return field.getValue() == null ? -1 : field.getValue();
  }

  private HorizontalLayout reasonEditor(DisputeReason reason) {
    TextField label = new TextField();
    label.setValue(reason.label());
    label.setAriaLabel(getTranslation("settings.labelOf", reason.code()));
    label.setWidthFull();
    Checkbox active = new Checkbox(getTranslation("settings.active"), reason.active());
    Button save =
        new Button(
            getTranslation("settings.save"),
            e ->
                saveReason(
                    new DisputeReason(
                        reason.code(), label.getValue(), active.getValue(), reason.sortOrder()),
                    Map.of("label", label),
                    () -> {}));
    save.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    HorizontalLayout row = new HorizontalLayout(label, active, save);
    row.setWidthFull();
    row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    return row;
  }

  private void saveReason(
      DisputeReason reason, Map<String, ? extends HasValidation> fields, Runnable after) {
    fields.values().forEach(f -> f.setInvalid(false));
    try {
      disputes.saveReason(reason);
      notify(
          getTranslation("settings.reasonSaved", reason.code()), NotificationVariant.LUMO_SUCCESS);
      after.run();
      reasons.setItems(disputes.reasons(true));
    } catch (InvalidFields invalid) {
      show(invalid, fields);
    } catch (ProblemException problem) {
      notify(problem.getMessage(), NotificationVariant.LUMO_ERROR);
    }
  }

  /** Each field error next to its field, in the reader's language where we have the words. */
  private void show(InvalidFields invalid, Map<String, ? extends HasValidation> fields) {
    for (Problem.FieldError error : invalid.toProblem().errors()) {
      HasValidation field = fields.get(error.field());
      if (field != null) {
        field.setErrorMessage(getTranslation("settings.error." + error.field()));
        field.setInvalid(true);
      } else {
        notify(error.message(), NotificationVariant.LUMO_ERROR);
      }
    }
  }

  private void notify(String text, NotificationVariant variant) {
    Notification.show(text, 5000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("settings.title");
  }
}
