package com.bpo.portal.ui.webhook;

import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.Problem;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.KeysetFetch;
import com.bpo.portal.ui.MainLayout;
import com.bpo.portal.webhook.WebhookDelivery;
import com.bpo.portal.webhook.WebhookEndpoint;
import com.bpo.portal.webhook.WebhookService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lead's webhooks screen: the tenant's endpoints (add, change, rotate the secret, delete, each
 * change confirmed where it cannot be undone), the secret shown once after creation or rotation,
 * and the delivery log (lazy, newest first, by endpoint and status) with each delivery's attempts
 * and redelivery.
 */
@Route(value = "webhooks", layout = MainLayout.class)
@RolesAllowed(Roles.BPO_LEAD)
public class WebhooksView extends VerticalLayout implements HasDynamicTitle {
  private final WebhookService webhooks;
  private final ZoneId zone;
  private final Grid<WebhookEndpoint> endpoints = new Grid<>();
  private final Grid<WebhookDelivery> deliveries = new Grid<>();
  private final ComboBox<WebhookEndpoint> endpointFilter = new ComboBox<>();
  private final ComboBox<WebhookDelivery.Status> statusFilter = new ComboBox<>();
  private final Button edit = new Button();
  private final Button rotate = new Button();
  private final Button delete = new Button();
  private final Button redeliver = new Button();

  @Inject
  public WebhooksView(WebhookService webhooks, TenantContext context) {
    this.webhooks = webhooks;
    this.zone = ZoneId.of(context.requireTenant().timeZone());
    setSizeFull();

    Button add =
        new Button(getTranslation("webhooks.add"), VaadinIcon.PLUS.create(), e -> openForm(null));
    add.setId("webhooks-add");
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    edit.setId("webhooks-edit");
    edit.setText(getTranslation("webhooks.edit"));
    edit.addClickListener(e -> selectedEndpoint().ifPresent(this::openForm));
    rotate.setId("webhooks-rotate");
    rotate.setText(getTranslation("webhooks.rotate"));
    rotate.addClickListener(e -> selectedEndpoint().ifPresent(this::confirmRotate));
    delete.setId("webhooks-delete");
    delete.setText(getTranslation("webhooks.delete"));
    delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
    delete.addClickListener(e -> selectedEndpoint().ifPresent(this::confirmDelete));

    endpoints.setId("webhooks-endpoints");
    endpoints.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    endpoints
        .addColumn(WebhookEndpoint::url)
        .setHeader(getTranslation("webhooks.url"))
        .setFlexGrow(2);
    endpoints
        .addColumn(e -> e.description() == null ? "" : e.description())
        .setHeader(getTranslation("webhooks.description"))
        .setFlexGrow(1);
    endpoints
        .addColumn(e -> String.join(", ", e.events().stream().map(this::eventLabel).toList()))
        .setHeader(getTranslation("webhooks.events"))
        .setFlexGrow(2);
    endpoints
        .addComponentColumn(
            e ->
                e.enabled()
                    ? Badge.of(getTranslation("webhooks.on"), Badge.Tone.SUCCESS)
                    : Badge.of(getTranslation("webhooks.off"), Badge.Tone.NEUTRAL))
        .setHeader(getTranslation("webhooks.enabled"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    endpoints.setEmptyStateText(getTranslation("webhooks.noEndpoints"));
    endpoints.setAllRowsVisible(true);
    endpoints.addSelectionListener(e -> endpointSelected());

    endpointFilter.setId("webhooks-filter-endpoint");
    endpointFilter.setLabel(getTranslation("webhooks.filter.endpoint"));
    endpointFilter.setItemLabelGenerator(WebhookEndpoint::url);
    endpointFilter.setClearButtonVisible(true);
    endpointFilter.addValueChangeListener(e -> refreshDeliveries());
    statusFilter.setId("webhooks-filter-status");
    statusFilter.setLabel(getTranslation("webhooks.filter.status"));
    statusFilter.setItems(WebhookDelivery.Status.values());
    statusFilter.setItemLabelGenerator(s -> getTranslation("webhooks.status." + s));
    statusFilter.setClearButtonVisible(true);
    statusFilter.addValueChangeListener(e -> refreshDeliveries());
    redeliver.setId("webhooks-redeliver");
    redeliver.setText(getTranslation("webhooks.redeliver"));
    redeliver.setEnabled(false);
    redeliver.addClickListener(e -> redeliverSelected());

    deliveries.setId("webhooks-deliveries");
    deliveries.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    deliveries
        .addColumn(d -> Formats.dateTime(d.createdAt(), zone, getLocale()))
        .setHeader(getTranslation("webhooks.when"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    deliveries
        .addColumn(d -> eventLabel(d.eventType()))
        .setHeader(getTranslation("webhooks.event"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    deliveries.addColumn(WebhookDelivery::endpointUrl).setHeader(getTranslation("webhooks.url"));
    deliveries
        .addComponentColumn(d -> Badge.of(getTranslation("webhooks.status." + d.status()), tone(d)))
        .setHeader(getTranslation("webhooks.filter.status"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    deliveries
        .addColumn(WebhookDelivery::attemptCount)
        .setHeader(getTranslation("webhooks.attempts"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    deliveries
        .addColumn(d -> d.lastStatusCode() == null ? "" : String.valueOf(d.lastStatusCode()))
        .setHeader(getTranslation("webhooks.lastStatus"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    deliveries
        .addColumn(d -> Formats.dateTime(d.nextAttemptAt(), zone, getLocale()))
        .setHeader(getTranslation("webhooks.nextAttempt"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    deliveries.setItemDetailsRenderer(new ComponentRenderer<>(this::attempts));
    deliveries.setEmptyStateText(getTranslation("webhooks.noDeliveries"));
    deliveries.addSelectionListener(
        e -> redeliver.setEnabled(e.getFirstSelectedItem().isPresent()));
    deliveries.setSizeFull();

    HorizontalLayout endpointActions = new HorizontalLayout(add, edit, rotate, delete);
    HorizontalLayout logFilters = new HorizontalLayout(endpointFilter, statusFilter, redeliver);
    logFilters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    logFilters.setWrap(true);
    add(
        new H1(getPageTitle()),
        new Paragraph(getTranslation("webhooks.intro")),
        endpointActions,
        endpoints,
        new H2(getTranslation("webhooks.log")),
        logFilters,
        deliveries);
    refreshEndpoints();
  }

  private void refreshEndpoints() {
    List<WebhookEndpoint> list = webhooks.endpoints();
    endpoints.setItems(list);
    endpointFilter.setItems(list);
    endpointSelected();
    refreshDeliveries();
  }

  private void endpointSelected() {
    boolean one = selectedEndpoint().isPresent();
    edit.setEnabled(one);
    rotate.setEnabled(one);
    delete.setEnabled(one);
  }

  private Optional<WebhookEndpoint> selectedEndpoint() {
    return endpoints.getSelectedItems().stream().findFirst();
  }

  private void refreshDeliveries() {
    Optional<Long> endpoint =
        Optional.ofNullable(endpointFilter.getValue()).map(WebhookEndpoint::id);
    Optional<WebhookDelivery.Status> status = Optional.ofNullable(statusFilter.getValue());
    KeysetFetch<WebhookDelivery> fetch =
        new KeysetFetch<>(
            (cursor, limit) ->
                webhooks.deliveries(endpoint, status, PageRequest.of(limit, cursor)));
    deliveries.setItems(query -> fetch.fetch(query.getOffset(), query.getLimit()).stream());
    redeliver.setEnabled(false);
  }

  private void openForm(WebhookEndpoint endpoint) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation(endpoint == null ? "webhooks.add" : "webhooks.edit"));
    dialog.setWidth("min(40em, 95vw)");
    EndpointForm form = new EndpointForm();
    form.edit(endpoint);
    form.addCloseListener(e -> dialog.close());
    form.addSaveListener(
        e -> {
          try {
            if (endpoint == null) {
              WebhookService.Created created = webhooks.create(e.request());
              dialog.close();
              refreshEndpoints();
              showSecret(created.secret(), getTranslation("webhooks.secret.created"));
            } else {
              webhooks.update(endpoint.id(), endpoint.version(), e.request());
              dialog.close();
              refreshEndpoints();
              notify(getTranslation("webhooks.saved"), NotificationVariant.LUMO_SUCCESS);
            }
          } catch (ProblemException problem) {
            Map<String, String> byField = new HashMap<>();
            List<Problem.FieldError> errors = problem.toProblem().errors();
            if (errors != null) {
              errors.forEach(f -> byField.put(f.field(), f.message()));
            }
            form.showServerErrors(byField);
            if (byField.isEmpty()) {
              notify(
                  getTranslation(
                      problem.status() == 412 ? "webhooks.stale" : "webhooks.refused",
                      problem.getMessage()),
                  NotificationVariant.LUMO_ERROR);
            }
          }
        });
    dialog.add(form);
    dialog.open();
  }

  private void confirmRotate(WebhookEndpoint endpoint) {
    ConfirmDialog confirm =
        new ConfirmDialog(
            getTranslation("webhooks.rotate"),
            getTranslation("webhooks.rotate.confirm", endpoint.url()),
            getTranslation("webhooks.rotate"),
            e -> {
              WebhookService.Rotated rotated = webhooks.rotateSecret(endpoint.id());
              refreshEndpoints();
              showSecret(
                  rotated.secret(),
                  getTranslation(
                      "webhooks.secret.rotated",
                      Formats.dateTime(rotated.previousValidUntil(), zone, getLocale())));
            });
    confirm.setCancelable(true);
    confirm.setCancelText(getTranslation("webhooks.cancel"));
    confirm.open();
  }

  private void confirmDelete(WebhookEndpoint endpoint) {
    ConfirmDialog confirm =
        new ConfirmDialog(
            getTranslation("webhooks.delete"),
            getTranslation("webhooks.delete.confirm", endpoint.url()),
            getTranslation("webhooks.delete"),
            e -> {
              webhooks.delete(endpoint.id());
              refreshEndpoints();
              notify(getTranslation("webhooks.deleted"), NotificationVariant.LUMO_SUCCESS);
            });
    confirm.setConfirmButtonTheme("error primary");
    confirm.setCancelable(true);
    confirm.setCancelText(getTranslation("webhooks.cancel"));
    confirm.open();
  }

  /** An event type as a person reads it (its code is what a receiver sees). */
  private String eventLabel(String code) {
    return getTranslation("webhooks.event." + code);
  }

  /** The secret, this once: selected in a read-only field, with a copy button. */
  private void showSecret(String secret, String explanation) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation("webhooks.secret"));
    TextField field = new TextField(getTranslation("webhooks.secret"));
    field.setId("webhooks-secret");
    field.setValue(secret);
    field.setReadOnly(true);
    field.setWidthFull();
    field.setHelperText(getTranslation("webhooks.secret.once"));
    Button copy =
        new Button(
            getTranslation("webhooks.secret.copy"),
            VaadinIcon.COPY.create(),
            e -> {
              UI.getCurrent().getPage().executeJs("navigator.clipboard.writeText($0)", secret);
              notify(getTranslation("webhooks.secret.copied"), NotificationVariant.LUMO_SUCCESS);
            });
    copy.setId("webhooks-secret-copy");
    Button done = new Button(getTranslation("webhooks.secret.done"), e -> dialog.close());
    done.setId("webhooks-secret-done");
    done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.add(new Paragraph(explanation), field);
    dialog.getFooter().add(copy, done);
    dialog.setCloseOnOutsideClick(false);
    dialog.setWidth("min(40em, 95vw)");
    dialog.open();
    field.focus();
  }

  private void redeliverSelected() {
    deliveries.getSelectedItems().stream()
        .findFirst()
        .ifPresent(
            d -> {
              webhooks.redeliver(d.id());
              refreshDeliveries();
              notify(getTranslation("webhooks.redelivered"), NotificationVariant.LUMO_SUCCESS);
            });
  }

  private Component attempts(WebhookDelivery delivery) {
    Grid<WebhookDelivery.Attempt> grid = new Grid<>();
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
    grid.addColumn(WebhookDelivery.Attempt::attempt)
        .setHeader(getTranslation("webhooks.attempt"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(a -> Formats.dateTime(a.startedAt(), zone, getLocale()))
        .setHeader(getTranslation("webhooks.when"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(a -> a.statusCode() == null ? "—" : String.valueOf(a.statusCode()))
        .setHeader(getTranslation("webhooks.lastStatus"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(a -> a.durationMs() + " ms")
        .setHeader(getTranslation("webhooks.duration"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(a -> a.error() != null ? a.error() : a.responseExcerpt())
        .setHeader(getTranslation("webhooks.answer"));
    grid.setItems(webhooks.delivery(delivery.id()).attempts());
    grid.setAllRowsVisible(true);
    return grid;
  }

  private static Badge.Tone tone(WebhookDelivery delivery) {
    return switch (delivery.status()) {
      case DELIVERED -> Badge.Tone.SUCCESS;
      case FAILED -> Badge.Tone.ERROR;
      case PENDING -> delivery.attemptCount() > 0 ? Badge.Tone.WARNING : Badge.Tone.NEUTRAL;
    };
  }

  private static void notify(String text, NotificationVariant variant) {
    Notification.show(text, 5000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("webhooks.title");
  }
}
