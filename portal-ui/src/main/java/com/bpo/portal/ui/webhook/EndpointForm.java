package com.bpo.portal.ui.webhook;

import com.bpo.portal.ui.FormEvents;
import com.bpo.portal.webhook.WebhookEndpoint;
import com.bpo.portal.webhook.WebhookEventType;
import com.bpo.portal.webhook.WebhookService;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An endpoint's URL, description, events and switch. The form owns its {@link Binder} and fires a
 * save with the request the service takes; the service checks again (the URL against the address
 * rules, which only it can apply: it knows whether the tenant is a test tenant).
 */
public class EndpointForm extends FormLayout {
  /** What the form edits. */
  public static class Draft {
    private String url = "https://";
    private String description = "";
    private Set<String> events = new LinkedHashSet<>();
    private boolean enabled = true;

    static Draft of(WebhookEndpoint endpoint) {
      Draft draft = new Draft();
      draft.url = endpoint.url();
      draft.description = endpoint.description() == null ? "" : endpoint.description();
      draft.events = new LinkedHashSet<>(endpoint.events());
      draft.enabled = endpoint.enabled();
      return draft;
    }

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url;
    }

    public String getDescription() {
      return description;
    }

    public void setDescription(String description) {
      this.description = description;
    }

    public Set<String> getEvents() {
      return events;
    }

    public void setEvents(Set<String> events) {
      this.events = events;
    }

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  final TextField url = new TextField();
  final TextField description = new TextField();
  final CheckboxGroup<String> events = new CheckboxGroup<>();
  final Checkbox enabled = new Checkbox();
  final Button save = new Button();
  final Button cancel = new Button();
  private final Binder<Draft> binder = new Binder<>(Draft.class);

  public EndpointForm() {
    url.setId("webhooks-url");
    url.setLabel(getTranslation("webhooks.url"));
    url.setHelperText(getTranslation("webhooks.url.help"));
    url.setMaxLength(2000);
    url.setWidthFull();
    description.setId("webhooks-description");
    description.setLabel(getTranslation("webhooks.description"));
    description.setMaxLength(200);
    events.setId("webhooks-events");
    events.setLabel(getTranslation("webhooks.events"));
    events.setItems(Arrays.stream(WebhookEventType.values()).map(WebhookEventType::code).toList());
    events.setItemLabelGenerator(code -> getTranslation("webhooks.event." + code));
    enabled.setId("webhooks-enabled");
    enabled.setLabel(getTranslation("webhooks.enabled"));

    binder
        .forField(url)
        .asRequired(getTranslation("webhooks.required"))
        .withValidator(
            v -> v.strip().matches("(?i)https?://[^\\s/]+.*"),
            getTranslation("webhooks.url.invalid"))
        .bind(Draft::getUrl, Draft::setUrl);
    binder.forField(description).bind(Draft::getDescription, Draft::setDescription);
    binder
        .forField(events)
        .withValidator(v -> v != null && !v.isEmpty(), getTranslation("webhooks.events.required"))
        .bind(Draft::getEvents, Draft::setEvents);
    binder.forField(enabled).bind(Draft::isEnabled, Draft::setEnabled);
    binder.setBean(new Draft());

    save.setId("webhooks-save");
    save.setText(getTranslation("webhooks.save"));
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickShortcut(Key.ENTER);
    save.addClickListener(e -> save());
    cancel.setId("webhooks-cancel");
    cancel.setText(getTranslation("webhooks.cancel"));
    cancel.addClickShortcut(Key.ESCAPE);
    cancel.addClickListener(e -> FormEvents.fireClose(this));

    setResponsiveSteps(new ResponsiveStep("0", 1));
    add(url, description, events, enabled, new HorizontalLayout(save, cancel));
  }

  /** Edits an existing endpoint, or a new one when null. */
  public void edit(WebhookEndpoint endpoint) {
    binder.setBean(endpoint == null ? new Draft() : Draft.of(endpoint));
  }

  void save() {
    if (binder.validate().isOk()) {
      Draft d = binder.getBean();
      // in the order the types are listed, whatever order they were ticked in
      List<String> chosen =
          Arrays.stream(WebhookEventType.values())
              .map(WebhookEventType::code)
              .filter(d.getEvents()::contains)
              .toList();
      FormEvents.fireSave(
          this,
          new WebhookService.EndpointRequest(
              d.getUrl().strip(), d.getDescription(), chosen, d.isEnabled()));
    }
  }

  public Registration addSaveListener(
      ComponentEventListener<FormEvents.SaveEvent<WebhookService.EndpointRequest>> listener) {
    return FormEvents.onSave(this, listener);
  }

  public Registration addCloseListener(ComponentEventListener<FormEvents.CloseEvent> listener) {
    return FormEvents.onClose(this, listener);
  }

  /** The server's field messages, shown at the fields. */
  public void showServerErrors(Map<String, String> byField) {
    url.setInvalid(byField.containsKey("url"));
    url.setErrorMessage(byField.get("url"));
    events.setInvalid(byField.containsKey("events"));
    events.setErrorMessage(byField.get("events"));
    description.setInvalid(byField.containsKey("description"));
    description.setErrorMessage(byField.get("description"));
  }
}
