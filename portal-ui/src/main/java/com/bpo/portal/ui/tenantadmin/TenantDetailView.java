package com.bpo.portal.ui.tenantadmin;

import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenantadmin.AdminActor;
import com.bpo.portal.tenantadmin.NewPerson;
import com.bpo.portal.tenantadmin.TenantDeletion;
import com.bpo.portal.tenantadmin.TenantExport;
import com.bpo.portal.tenantadmin.TenantPeople;
import com.bpo.portal.tenantadmin.TenantPeople.Person;
import com.bpo.portal.tenantadmin.TenantProvisioning;
import com.bpo.portal.tenantadmin.TenantProvisioning.TenantSummary;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * One tenant for platform admins: its status (and, while it is being opened, the last error), its
 * webhook test mode (switched after a confirmation saying what it allows), its people (assign
 * staff, invite client users and customers, deactivate), the export (a ZIP built in the background
 * with its progress shown, then downloaded) and the deletion, which needs an export and the slug
 * typed out, and shows the proof that nothing is left.
 */
@Route(value = "admin/tenant", layout = MainLayout.class)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class TenantDetailView extends VerticalLayout
    implements HasUrlParameter<String>, HasDynamicTitle {
  private final TenantProvisioning provisioning;
  private final TenantPeople people;
  private final TenantExport export;
  private final TenantDeletion deletion;
  private final TenantContext context;
  private final Grid<Person> peopleGrid = new Grid<>();
  private final ProgressBar progress = new ProgressBar();
  private final Span progressText = new Span();
  private final HorizontalLayout download = new HorizontalLayout();
  private TenantSummary tenant;

  @Inject
  public TenantDetailView(
      TenantProvisioning provisioning,
      TenantPeople people,
      TenantExport export,
      TenantDeletion deletion,
      TenantContext context) {
    this.provisioning = provisioning;
    this.people = people;
    this.export = export;
    this.deletion = deletion;
    this.context = context;
    setMaxWidth("1100px");
  }

  @Override
  public void setParameter(BeforeEvent event, String slug) {
    tenant = provisioning.find(slug).orElse(null);
    removeAll();
    if (tenant == null) {
      add(new H1(getTranslation("tenantadmin.notFound", slug)));
      return;
    }
    Span status = (Span) TenantsView.statusBadge(this, tenant.status());
    status.setId("tenant-detail-status");
    HorizontalLayout title = new HorizontalLayout(new H1(tenant.name()), status);
    title.setAlignItems(FlexComponent.Alignment.BASELINE);
    add(
        title,
        new Paragraph(
            getTranslation(
                "tenantadmin.summary",
                tenant.id(),
                tenant.locale(),
                tenant.currency(),
                tenant.timeZone())));
    if (tenant.status().equals("PROVISIONING")) {
      Paragraph error =
          new Paragraph(
              getTranslation(
                  "tenantadmin.provisioningText",
                  String.join(", ", tenant.stepsDone()),
                  tenant.lastError() == null ? "—" : tenant.lastError()));
      error.setId("tenant-provisioning-error");
      error.getStyle().set("color", "var(--lumo-error-text-color)");
      add(error);
      return;
    }
    add(
        new H2(getTranslation("tenantadmin.webhooks")), testModeSection(),
        new H2(getTranslation("tenantadmin.people")), peopleSection(),
        new H2(getTranslation("tenantadmin.export")), exportSection(),
        new H2(getTranslation("tenantadmin.delete")), deleteSection());
  }

  private AdminActor actor() {
    return AdminActor.of(context.requireUser().username());
  }

  // ------------------------------------------------------------------ webhook test mode

  private VerticalLayout testModeSection() {
    Checkbox testMode = new Checkbox(getTranslation("tenantadmin.testMode"), tenant.testMode());
    testMode.setId("tenant-test-mode");
    testMode.setHelperText(getTranslation("tenantadmin.testModeHelp"));
    testMode.addValueChangeListener(
        e -> {
          if (e.isFromClient()) {
            confirmTestMode(testMode, e.getValue());
          }
        });
    return new VerticalLayout(testMode);
  }

  /** Says what the switch allows (or stops) before it is thrown; cancelling puts the box back. */
  private void confirmTestMode(Checkbox box, boolean on) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(
        getTranslation(on ? "tenantadmin.testModeOnTitle" : "tenantadmin.testModeOffTitle"));
    dialog.add(
        new Paragraph(
            getTranslation(
                on ? "tenantadmin.testModeOnText" : "tenantadmin.testModeOffText", tenant.id())));
    dialog.setCloseOnEsc(false);
    dialog.setCloseOnOutsideClick(false);
    Button yes =
        new Button(
            getTranslation(on ? "tenantadmin.testModeOn" : "tenantadmin.testModeOff"),
            e -> {
              dialog.close();
              try {
                tenant = provisioning.changeTestMode(tenant.id(), on, tenant.version(), actor());
                notify(
                    getTranslation(
                        on ? "tenantadmin.testModeIsOn" : "tenantadmin.testModeIsOff", tenant.id()),
                    NotificationVariant.LUMO_SUCCESS);
              } catch (ProblemException problem) {
                box.setValue(!on);
                notify(problem.getMessage(), NotificationVariant.LUMO_ERROR);
              }
            });
    yes.setId("tenant-test-mode-confirm");
    yes.addThemeVariants(
        ButtonVariant.LUMO_PRIMARY, on ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
    Button cancel =
        new Button(
            getTranslation("common.cancel"),
            e -> {
              dialog.close();
              box.setValue(!on);
            });
    cancel.setId("tenant-test-mode-cancel");
    dialog.getFooter().add(cancel, yes);
    dialog.open();
  }

  // ------------------------------------------------------------------ people

  private VerticalLayout peopleSection() {
    peopleGrid.setId("tenant-people");
    var usernameColumn =
        peopleGrid
            .addColumn(Person::username)
            .setHeader(getTranslation("tenantadmin.field.username"))
            .setAutoWidth(true);
    // on a phone: who, by name, with the sign-in under it (one column instead of two)
    var personColumn =
        peopleGrid
            .addColumn(
                com.vaadin.flow.data.renderer.LitRenderer.<Person>of(
                        "<div style=\"overflow-wrap: anywhere\">${item.name}<div style=\"font-size:"
                            + " var(--lumo-font-size-s); color: var(--lumo-secondary-text-color)\">"
                            + "${item.username}</div></div>")
                    .withProperty("name", Person::displayName)
                    .withProperty("username", Person::username))
            .setHeader(getTranslation("tenants.name"))
            .setWidth("5.5em")
            .setFlexGrow(0);
    personColumn.setVisible(false);
    var nameColumn =
        peopleGrid
            .addColumn(Person::displayName)
            .setHeader(getTranslation("tenants.name"))
            .setFlexGrow(1);
    var roleColumn =
        peopleGrid
            .addComponentColumn(this::roleInTenant)
            .setHeader(getTranslation("tenantadmin.field.role"))
            .setWidth("14em")
            .setFlexGrow(1);
    var accountColumn =
        peopleGrid
            .addColumn(p -> p.customerAccount() == null ? "" : p.customerAccount())
            .setHeader(getTranslation("tenantadmin.field.account"))
            .setAutoWidth(true);
    var statusColumn =
        peopleGrid
            .addColumn(
                p -> getTranslation(p.active() ? "tenantadmin.active" : "tenantadmin.inactive"))
            .setHeader(getTranslation("tenants.status"))
            .setAutoWidth(true);
    peopleGrid
        .addComponentColumn(
            p -> {
              if (!p.active()) {
                return new Span();
              }
              // an icon with its name (tooltip, and what a screen reader says): it fits a phone
              Button off =
                  new Button(
                      com.vaadin.flow.component.icon.VaadinIcon.BAN.create(),
                      e -> confirmDeactivate(p));
              off.setId("person-deactivate-" + p.username());
              off.setAriaLabel(getTranslation("tenantadmin.deactivatePerson", p.username()));
              off.setTooltipText(getTranslation("tenantadmin.deactivate"));
              off.addThemeVariants(
                  ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
              return off;
            })
        .setWidth("2.75em")
        .setFlexGrow(0);
    // a phone keeps who (by name, with the sign-in), their role and the way to deactivate them
    com.bpo.portal.ui.Phone.onNarrow(
        peopleGrid,
        narrow -> {
          usernameColumn.setVisible(!narrow);
          nameColumn.setVisible(!narrow);
          personColumn.setVisible(narrow);
          accountColumn.setVisible(!narrow);
          statusColumn.setVisible(!narrow);
          if (narrow) {
            peopleGrid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_COMPACT);
          } else {
            peopleGrid.removeThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_COMPACT);
          }
        });
    peopleGrid.setEmptyStateText(getTranslation("tenantadmin.noPeople"));
    peopleGrid.setAllRowsVisible(true);
    peopleGrid.setItems(people.list(tenant.id()));

    TextField username = new TextField(getTranslation("tenantadmin.field.username"));
    username.setId("person-username");
    Select<String> role = new Select<>();
    role.setId("person-role");
    role.setLabel(getTranslation("tenantadmin.field.role"));
    role.setItems(Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER, Roles.CUSTOMER);
    role.setItemLabelGenerator(r -> getTranslation("role." + r));
    role.setValue(Roles.CLIENT_STAKEHOLDER);
    EmailField email = new EmailField(getTranslation("tenantadmin.field.email"));
    email.setId("person-email");
    TextField firstName = new TextField(getTranslation("tenantadmin.field.firstName"));
    TextField lastName = new TextField(getTranslation("tenantadmin.field.lastName"));
    TextField account = new TextField(getTranslation("tenantadmin.field.account"));
    account.setId("person-account");
    PasswordField password = new PasswordField(getTranslation("tenantadmin.field.firstPassword"));
    password.setHelperText(getTranslation("tenantadmin.help.password"));
    Map<String, com.vaadin.flow.component.HasValidation> fields =
        Map.of(
            "username",
            username,
            "role",
            role,
            "email",
            email,
            "customerAccount",
            account,
            "password",
            password,
            "firstName",
            firstName,
            "lastName",
            lastName);
    Button add =
        new Button(
            getTranslation("tenantadmin.addPerson"),
            VaadinIcon.PLUS.create(),
            e -> {
              fields.values().forEach(f -> f.setInvalid(false));
              try {
                people.add(
                    tenant.id(),
                    new NewPerson(
                        username.getValue().trim(),
                        blank(email.getValue()),
                        blank(firstName.getValue()),
                        blank(lastName.getValue()),
                        blank(password.getValue()),
                        true),
                    role.getValue(),
                    blank(account.getValue()),
                    actor());
                peopleGrid.setItems(people.list(tenant.id()));
                username.clear();
                email.clear();
                firstName.clear();
                lastName.clear();
                account.clear();
                password.clear();
                notify(getTranslation("tenantadmin.personAdded"), NotificationVariant.LUMO_SUCCESS);
              } catch (InvalidFields invalid) {
                for (Problem.FieldError error : invalid.toProblem().errors()) {
                  var field = fields.get(error.field());
                  if (field != null) {
                    field.setErrorMessage(
                        getTranslation("tenantadmin.error.person." + error.field()));
                    field.setInvalid(true);
                  }
                }
              } catch (ProblemException problem) {
                notify(problem.getMessage(), NotificationVariant.LUMO_ERROR);
              }
            });
    add.setId("person-add");
    FormLayout form =
        new FormLayout(username, role, email, firstName, lastName, account, password, add);
    VerticalLayout section = new VerticalLayout(peopleGrid, form);
    // the grid lines up with the section's heading, and a phone's width goes to the columns
    section.setPadding(false);
    return section;
  }

  /**
   * An active staff member's role in THIS tenant, changed in place; a customer's is fixed by their
   * account.
   */
  private com.vaadin.flow.component.Component roleInTenant(Person person) {
    if (!person.active() || Roles.CUSTOMER.equals(person.role())) {
      return new Span(getTranslation("role." + person.role()));
    }
    Select<String> role = new Select<>();
    role.setId("person-role-" + person.username());
    role.setWidthFull();
    // the small variant: "Client stakeholder" whole in a phone's column
    role.addThemeVariants(com.vaadin.flow.component.select.SelectVariant.LUMO_SMALL);
    role.setAriaLabel(getTranslation("tenantadmin.roleIn", person.username(), tenant.id()));
    role.setItems(Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER);
    role.setItemLabelGenerator(r -> getTranslation("role." + r));
    role.setValue(person.role());
    role.addValueChangeListener(
        e -> {
          if (!e.isFromClient() || e.getValue() == null) {
            return;
          }
          try {
            people.changeRole(tenant.id(), person.username(), e.getValue(), actor());
            notify(
                getTranslation(
                    "tenantadmin.roleChanged",
                    person.username(),
                    getTranslation("role." + e.getValue())),
                NotificationVariant.LUMO_SUCCESS);
          } catch (ProblemException problem) {
            role.setValue(e.getOldValue());
            notify(problem.getMessage(), NotificationVariant.LUMO_ERROR);
          }
        });
    return role;
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private void confirmDeactivate(Person person) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation("tenantadmin.deactivateTitle", person.username()));
    dialog.add(
        new Paragraph(
            getTranslation("tenantadmin.deactivateText", person.username(), tenant.id())));
    Button yes =
        new Button(
            getTranslation("tenantadmin.deactivate"),
            e -> {
              dialog.close();
              try {
                people.deactivate(tenant.id(), person.username(), actor());
                peopleGrid.setItems(people.list(tenant.id()));
              } catch (ProblemException problem) {
                notify(problem.getMessage(), NotificationVariant.LUMO_ERROR);
              }
            });
    yes.setId("person-deactivate-confirm");
    yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
    dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), yes);
    dialog.open();
  }

  // ------------------------------------------------------------------ export

  private VerticalLayout exportSection() {
    progress.setVisible(false);
    progress.setId("export-progress");
    progressText.setId("export-progress-text");
    Button start =
        new Button(getTranslation("tenantadmin.exportStart"), VaadinIcon.DOWNLOAD.create());
    start.setId("export-start");
    start.addClickListener(e -> startExport(start));
    download.setId("export-download");
    return new VerticalLayout(
        new Paragraph(getTranslation("tenantadmin.exportText")),
        start,
        progress,
        progressText,
        download);
  }

  /**
   * Builds the ZIP in a managed background thread; the page polls for progress, then offers the
   * file.
   */
  private void startExport(Button start) {
    UI ui = UI.getCurrent();
    String slug = tenant.id();
    AdminActor actor = actor();
    Path file;
    ManagedExecutorService executor;
    try {
      file = Files.createTempFile("tenant-" + slug + "-", ".zip");
      executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
    } catch (IOException | NamingException e) {
      notify(e.getMessage(), NotificationVariant.LUMO_ERROR);
      return;
    }
    start.setEnabled(false);
    download.removeAll();
    progress.setVisible(true);
    progress.setValue(0);
    progressText.setText(getTranslation("tenantadmin.exportRunning", 0, "…"));
    ui.setPollInterval(500);
    executor.submit(
        () -> {
          try (OutputStream out = Files.newOutputStream(file)) {
            JsonObject manifest =
                export.export(
                    slug,
                    out,
                    actor,
                    (done, total, table) ->
                        ui.access(
                            () -> {
                              progress.setValue((double) done / total);
                              progressText.setText(
                                  getTranslation(
                                      "tenantadmin.exportRunning", done * 100 / total, table));
                            }));
            long rows =
                manifest.getJsonObject("rows").values().stream()
                    .mapToLong(v -> ((jakarta.json.JsonNumber) v).longValue())
                    .sum();
            ui.access(
                () -> {
                  ui.setPollInterval(-1);
                  start.setEnabled(true);
                  progress.setValue(1);
                  progressText.setText(
                      getTranslation(
                          "tenantadmin.exportDone",
                          rows,
                          manifest.getJsonArray("attachments").size()));
                  Anchor link =
                      new Anchor(
                          new StreamResource(
                              slug + "-export.zip",
                              () -> {
                                try {
                                  return Files.newInputStream(file);
                                } catch (IOException e) {
                                  throw new UncheckedIOException(e);
                                }
                              }),
                          getTranslation("tenantadmin.exportDownload", slug + "-export.zip"));
                  link.setId("export-link");
                  link.getElement().setAttribute("download", true);
                  download.add(link);
                });
          } catch (RuntimeException | IOException e) {
            ui.access(
                () -> {
                  ui.setPollInterval(-1);
                  start.setEnabled(true);
                  progress.setVisible(false);
                  progressText.setText(
                      getTranslation("tenantadmin.exportFailed", String.valueOf(e.getMessage())));
                });
          }
        });
  }

  // ------------------------------------------------------------------ deletion

  private VerticalLayout deleteSection() {
    Button delete =
        new Button(
            getTranslation("tenantadmin.deleteStart", tenant.id()),
            VaadinIcon.TRASH.create(),
            e -> confirmDelete());
    delete.setId("tenant-delete");
    delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
    return new VerticalLayout(new Paragraph(getTranslation("tenantadmin.deleteText")), delete);
  }

  private void confirmDelete() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation("tenantadmin.deleteTitle", tenant.name()));
    TextField typed = new TextField(getTranslation("tenantadmin.deleteType", tenant.id()));
    typed.setId("tenant-delete-slug");
    typed.setWidthFull();
    Button yes = new Button(getTranslation("tenantadmin.deleteConfirm", tenant.id()));
    yes.setId("tenant-delete-confirm");
    yes.setEnabled(false);
    yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
    typed.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
    typed.addValueChangeListener(e -> yes.setEnabled(tenant.id().equals(e.getValue())));
    yes.addClickListener(
        e -> {
          dialog.close();
          try {
            JsonObject proof = deletion.delete(tenant.id(), typed.getValue(), actor());
            showProof(proof);
          } catch (ProblemException problem) {
            notify(
                problem.status() == 409
                    ? getTranslation("tenantadmin.exportFirst")
                    : problem.getMessage(),
                NotificationVariant.LUMO_ERROR);
          }
        });
    dialog.add(new Paragraph(getTranslation("tenantadmin.deleteWarning", tenant.id())), typed);
    dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), yes);
    dialog.open();
  }

  private void showProof(JsonObject proof) {
    removeAll();
    boolean complete = proof.getBoolean("complete");
    long tables = proof.getJsonObject("remainingRows").size();
    long deletedRows =
        proof.getJsonObject("deletedRows").values().stream()
            .mapToLong(v -> ((jakarta.json.JsonNumber) v).longValue())
            .sum();
    Paragraph result =
        new Paragraph(
            getTranslation(
                complete ? "tenantadmin.deleted" : "tenantadmin.deletedIncomplete",
                proof.getString("tenant"),
                deletedRows,
                tables,
                proof.getJsonObject("keycloak").getJsonArray("usersDeleted").size()));
    result.setId("tenant-deletion-proof");
    add(
        new H1(getTranslation("tenantadmin.deletedTitle", proof.getString("tenant"))),
        result,
        new com.vaadin.flow.router.RouterLink(getTranslation("tenants.title"), TenantsView.class));
  }

  private void notify(String text, NotificationVariant variant) {
    Notification.show(text, 6000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
  }

  @Override
  public String getPageTitle() {
    return tenant == null ? getTranslation("tenants.title") : tenant.name();
  }
}
