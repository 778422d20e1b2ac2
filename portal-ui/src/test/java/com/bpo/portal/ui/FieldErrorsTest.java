package com.bpo.portal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem.FieldError;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldErrorsTest {
  public static class Person {
    private String name = "";
    private String email = "";

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getEmail() {
      return email;
    }

    public void setEmail(String email) {
      this.email = email;
    }
  }

  private final TextField name = new TextField();
  private final TextField email = new TextField();
  private final Binder<Person> binder = new Binder<>(Person.class);

  FieldErrorsTest() {
    binder.forField(name).bind("name");
    binder.forField(email).bind("email");
  }

  @Test
  void eachErrorLandsOnTheFieldBoundUnderItsName() {
    List<String> rest =
        FieldErrors.show(
            binder,
            new InvalidFields(
                "no",
                List.of(
                    new FieldError("email", "must be an email address"),
                    new FieldError("version", "is required"))));
    assertTrue(email.isInvalid());
    assertEquals("must be an email address", email.getErrorMessage());
    assertFalse(name.isInvalid());
    assertEquals(List.of("version: is required"), rest);
  }

  @Test
  void anAliasMapsAServiceNameTheFormBindsDifferently() {
    List<String> rest =
        FieldErrors.show(
            binder,
            new InvalidFields(
                "no", List.of(new FieldError("displayName", "must be 1 to 100 characters"))),
            Map.of("displayName", "name"));
    assertTrue(name.isInvalid());
    assertEquals(List.of(), rest);
  }

  @Test
  void showingTheNextErrorsClearsThePreviousOnes() {
    FieldErrors.show(
        binder, new InvalidFields("no", List.of(new FieldError("name", "is required"))));
    FieldErrors.show(
        binder, new InvalidFields("no", List.of(new FieldError("email", "is required"))));
    assertFalse(name.isInvalid());
    assertTrue(email.isInvalid());
    FieldErrors.clear(binder);
    assertFalse(email.isInvalid());
  }
}
