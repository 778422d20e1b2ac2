package com.bpo.portal.ui.collection;

import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem;
import com.bpo.portal.shared.ProblemException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;
import java.util.Map;

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
}
