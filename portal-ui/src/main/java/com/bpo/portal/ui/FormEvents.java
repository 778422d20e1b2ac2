package com.bpo.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.shared.Registration;

/**
 * The two events every form fires, as in Vaadin's CRM tutorial: {@link SaveEvent} with what the
 * service takes, and {@link CloseEvent}. The form validates and writes its {@code Binder} before it
 * fires a save; the view that listens calls the service and hands field errors back to the form.
 */
public final class FormEvents {
  private FormEvents() {}

  /** The user saves; {@link #request()} is what to send to the service. */
  public static final class SaveEvent<R> extends ComponentEvent<Component> {
    private final R request;

    SaveEvent(Component form, R request) {
      super(form, false);
      this.request = request;
    }

    public R request() {
      return request;
    }
  }

  /** The user closes the form without saving. */
  public static final class CloseEvent extends ComponentEvent<Component> {
    CloseEvent(Component form) {
      super(form, false);
    }
  }

  public static <R> void fireSave(Component form, R request) {
    ComponentUtil.fireEvent(form, new SaveEvent<>(form, request));
  }

  public static void fireClose(Component form) {
    ComponentUtil.fireEvent(form, new CloseEvent(form));
  }

  /** Listens to a form's saves; the request's type is the form's (each form exposes this typed). */
  @SuppressWarnings({"unchecked", "rawtypes"}) // an event class cannot name its type argument
  public static <R> Registration onSave(
      Component form, ComponentEventListener<SaveEvent<R>> listener) {
    return ComponentUtil.addListener(form, SaveEvent.class, (ComponentEventListener) listener);
  }

  public static Registration onClose(Component form, ComponentEventListener<CloseEvent> listener) {
    return ComponentUtil.addListener(form, CloseEvent.class, listener);
  }
}
