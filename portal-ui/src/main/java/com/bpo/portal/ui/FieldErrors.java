package com.bpo.portal.ui;

import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.data.binder.Binder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place where the service's field errors ({@link InvalidFields}) reach a form: each error
 * lands on the field the form's {@link Binder} bound under the same property name (the name the
 * service uses, e.g. {@code dueDate}); an alias maps a service name the form binds differently.
 * What no field takes is answered, for the form to show as a notice.
 */
public final class FieldErrors {
  private FieldErrors() {}

  public static List<String> show(Binder<?> binder, InvalidFields invalid) {
    return show(binder, invalid, Map.of());
  }

  /**
   * @param aliases service field name → the binder's property name, where they differ
   * @return the messages of the errors no bound field took
   */
  public static List<String> show(
      Binder<?> binder, InvalidFields invalid, Map<String, String> aliases) {
    clear(binder);
    List<String> unmatched = new ArrayList<>();
    for (Problem.FieldError error : errors(invalid)) {
      String property =
          error.field() == null ? null : aliases.getOrDefault(error.field(), error.field());
      HasValidation field =
          property == null
              ? null
              : binder
                  .getBinding(property)
                  .map(b -> b.getField() instanceof HasValidation v ? v : null)
                  .orElse(null);
      if (field == null) {
        unmatched.add(
            error.field() == null ? error.message() : error.field() + ": " + error.message());
      } else {
        field.setErrorMessage(error.message());
        field.setInvalid(true);
      }
    }
    return unmatched;
  }

  /** Takes the service's marks off every bound field. */
  public static void clear(Binder<?> binder) {
    binder
        .getFields()
        .forEach(
            f -> {
              if (f instanceof HasValidation v) {
                v.setInvalid(false);
              }
            });
  }

  private static List<Problem.FieldError> errors(InvalidFields invalid) {
    List<Problem.FieldError> errors = invalid.toProblem().errors();
    return errors == null ? List.of() : errors;
  }
}
