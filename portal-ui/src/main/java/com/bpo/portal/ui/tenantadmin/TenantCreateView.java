package com.bpo.portal.ui.tenantadmin;

import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenantadmin.AdminActor;
import com.bpo.portal.tenantadmin.NewPerson;
import com.bpo.portal.tenantadmin.NewTenant;
import com.bpo.portal.tenantadmin.TenantProvisioning;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Opens a tenant in one go: its registry entry, branding, first client stakeholder and BPO lead.
 * Field errors appear next to their fields. If a step fails (Keycloak down, say), the tenant stays
 * PROVISIONING and sending the same form again completes it.
 */
@Route(value = "admin/tenants/new", layout = MainLayout.class)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class TenantCreateView extends VerticalLayout implements HasDynamicTitle {
  private final TenantProvisioning provisioning;
  private final TenantContext context;
  private final Map<String, TextField> fields = new LinkedHashMap<>();
  private final EmailField stakeholderEmail = new EmailField();
  private final PasswordField stakeholderPassword = new PasswordField();
  private final Span logoError = new Span();
  private final Paragraph failure = new Paragraph();
  private byte[] logo;

  @Inject
  public TenantCreateView(TenantProvisioning provisioning, TenantContext context) {
    this.provisioning = provisioning;
    this.context = context;
    setMaxWidth("900px");

    FormLayout tenant = new FormLayout();
    tenant.add(
        field("slug", "tenantadmin.field.slug", ""),
        field("name", "tenants.name", ""),
        field("locale", "tenants.locale", "en"),
        field("currency", "tenants.currency", "EUR"),
        field("timeZone", "tenants.timeZone", "Europe/Paris"),
        field("primaryColour", "tenantadmin.field.primaryColour", "#1a5fb4"));
    fields.get("slug").setHelperText(getTranslation("tenantadmin.help.slug"));

    MemoryBuffer buffer = new MemoryBuffer();
    Upload upload = com.bpo.portal.ui.UploadTexts.translate(new Upload(buffer));
    upload.setId("tenant-logo-upload");
    upload.setMaxFiles(1);
    upload.setAcceptedFileTypes("image/png", ".png", "image/jpeg", ".jpg", ".jpeg");
    upload.setDropLabel(new Span(getTranslation("tenantadmin.logo.drop")));
    upload.addSucceededListener(
        e -> {
          try {
            logo = buffer.getInputStream().readAllBytes();
          } catch (IOException ex) {
            throw new UncheckedIOException(ex);
          }
        });
    logoError.getStyle().set("color", "var(--lumo-error-text-color)");

    FormLayout people = new FormLayout();
    stakeholderEmail.setId("tenant-field-stakeholder-email");
    stakeholderEmail.setLabel(getTranslation("tenantadmin.field.email"));
    stakeholderPassword.setId("tenant-field-stakeholder-password");
    stakeholderPassword.setLabel(getTranslation("tenantadmin.field.firstPassword"));
    stakeholderPassword.setHelperText(getTranslation("tenantadmin.help.password"));
    people.add(
        field("stakeholder.username", "tenantadmin.field.stakeholder", ""),
        field("stakeholder.firstName", "tenantadmin.field.firstName", ""),
        field("stakeholder.lastName", "tenantadmin.field.lastName", ""),
        stakeholderEmail,
        stakeholderPassword,
        field("bpoLead.username", "tenantadmin.field.bpoLead", "ops.lead"));

    failure.setId("tenant-create-failure");
    failure.getStyle().set("color", "var(--lumo-error-text-color)");
    failure.setVisible(false);

    Button save = new Button(getTranslation("tenantadmin.create"), e -> save());
    save.setId("tenant-create");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickShortcut(Key.ENTER);
    Button cancel =
        new Button(
            getTranslation("common.cancel"),
            e -> getUI().ifPresent(ui -> ui.navigate(TenantsView.class)));

    add(
        new H1(getTranslation("tenantadmin.new")),
        tenant,
        new H2(getTranslation("tenantadmin.logo")),
        upload,
        logoError,
        new H2(getTranslation("tenantadmin.firstPeople")),
        people,
        failure,
        new com.vaadin.flow.component.orderedlayout.HorizontalLayout(save, cancel));
  }

  private TextField field(String name, String label, String value) {
    TextField field = new TextField(getTranslation(label));
    field.setId("tenant-field-" + name.replace('.', '-'));
    field.setValue(value);
    fields.put(name, field);
    return field;
  }

  private String value(String name) {
    String value = fields.get(name).getValue().trim();
    return value.isEmpty() ? null : value;
  }

  private void save() {
    fields.values().forEach(f -> f.setInvalid(false));
    stakeholderEmail.setInvalid(false);
    stakeholderPassword.setInvalid(false);
    logoError.setText("");
    failure.setVisible(false);
    NewPerson stakeholder =
        value("stakeholder.username") == null
            ? null
            : new NewPerson(
                value("stakeholder.username"),
                stakeholderEmail.getValue().trim(),
                value("stakeholder.firstName"),
                value("stakeholder.lastName"),
                stakeholderPassword.getValue(),
                false);
    NewPerson lead =
        value("bpoLead.username") == null ? null : NewPerson.existing(value("bpoLead.username"));
    NewTenant request =
        new NewTenant(
            value("slug"),
            value("name"),
            value("locale"),
            value("currency"),
            value("timeZone"),
            value("primaryColour"),
            logo == null ? null : Base64.getEncoder().encodeToString(logo),
            stakeholder,
            lead);
    try {
      TenantProvisioning.TenantSummary created =
          provisioning.create(request, AdminActor.of(context.requireUser().username()), null);
      Notification.show(
              getTranslation("tenantadmin.created", created.name()),
              5000,
              Notification.Position.BOTTOM_START)
          .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
      getUI().ifPresent(ui -> ui.navigate(TenantDetailView.class, created.id()));
    } catch (InvalidFields invalid) {
      for (Problem.FieldError error : invalid.toProblem().errors()) {
        HasValidation field =
            switch (error.field()) {
              case "stakeholder.email" -> stakeholderEmail;
              case "stakeholder.password" -> stakeholderPassword;
              default -> fields.get(error.field());
            };
        String message = getTranslation("tenantadmin.error." + error.field());
        if (field != null) {
          field.setErrorMessage(message);
          field.setInvalid(true);
        } else {
          logoError.setText(message);
        }
      }
    } catch (ProblemException problem) {
      failure.setText(
          getTranslation(
              problem.status() == 409 ? "tenantadmin.exists" : "tenantadmin.incomplete",
              problem.getMessage()));
      failure.setVisible(true);
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("tenantadmin.new");
  }
}
