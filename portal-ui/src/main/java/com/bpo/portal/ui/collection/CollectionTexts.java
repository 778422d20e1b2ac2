package com.bpo.portal.ui.collection;

import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem;
import com.bpo.portal.shared.ProblemException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.data.binder.Binder;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Small shared pieces of the collections screens: notices and field errors from a refused change.
 */
final class CollectionTexts {
  private CollectionTexts() {}

  static void notify(String text, NotificationVariant variant) {
    Notification.show(text, 5000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
  }

  /**
   * Shows a refusal: field errors on their fields (by the field's name in the request), the rest as
   * a notice in the reader's language.
   */
  static void show(Component view, ProblemException problem, Map<String, HasValidation> fields) {
    List<Problem.FieldError> errors =
        problem instanceof InvalidFields invalid ? invalid.toProblem().errors() : List.of();
    boolean placed = false;
    for (Problem.FieldError error : errors) {
      HasValidation field = fields.get(error.field());
      if (field != null) {
        field.setErrorMessage(view.getTranslation("collections.error.field"));
        field.setInvalid(true);
        placed = true;
      }
    }
    if (!placed) {
      notify(
          view.getTranslation(
              problem.status() == 409 ? "collections.error.conflict" : "collections.error.refused"),
          NotificationVariant.LUMO_ERROR);
    }
  }

  /**
   * A form dialog's footer: cancel, and save (also Ctrl+Enter), which writes a fresh draft through
   * the binder, saves it and closes the dialog, or shows the service's refusal on the fields.
   */
  static <D, R> void saveFooter(
      Dialog dialog,
      String saveId,
      Binder<D> binder,
      Supplier<D> draft,
      Function<D, R> save,
      Consumer<R> saved,
      Map<String, HasValidation> fields) {
    Button ok =
        new Button(
            dialog.getTranslation("collections.save"),
            e -> {
              D bean = draft.get();
              if (!binder.writeBeanIfValid(bean)) {
                return;
              }
              try {
                R result = save.apply(bean);
                dialog.close();
                saved.accept(result);
              } catch (ProblemException problem) {
                show(dialog, problem, fields);
              }
            });
    ok.setId(saveId);
    ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    ok.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(dialog);
    dialog
        .getFooter()
        .add(new Button(dialog.getTranslation("common.cancel"), e -> dialog.close()), ok);
  }
}
