package com.bpo.portal.ui.invoice;

import com.bpo.portal.invoice.CustomerContact;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem.FieldError;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.util.Map;
import java.util.function.Function;

/**
 * The form that adds a contact to a customer account (BPO staff). It binds a {@link Draft} and
 * fires a {@link SaveEvent}; the service judges the contact, and its field errors are shown beside
 * their fields ({@link #show(InvalidFields)}). Texts come through {@code text} (the view's
 * translations), so the form is tested without a browser.
 */
public class ContactForm extends HorizontalLayout {
  /** What the fields hold while being edited. */
  public static final class Draft {
    private String name = "";
    private String role = "";
    private String email = "";
    private String phone = "";
    private boolean primary;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getRole() {
      return role;
    }

    public void setRole(String role) {
      this.role = role;
    }

    public String getEmail() {
      return email;
    }

    public void setEmail(String email) {
      this.email = email;
    }

    public String getPhone() {
      return phone;
    }

    public void setPhone(String phone) {
      this.phone = phone;
    }

    public boolean isPrimary() {
      return primary;
    }

    public void setPrimary(boolean primary) {
      this.primary = primary;
    }

    CustomerContact.New toNew() {
      return new CustomerContact.New(name, role, email, phone, primary);
    }
  }

  /** "Add" was pressed: the contact as entered, for the service to judge. */
  public static final class SaveEvent extends ComponentEvent<ContactForm> {
    private final CustomerContact.New contact;

    SaveEvent(ContactForm source, CustomerContact.New contact) {
      super(source, false);
      this.contact = contact;
    }

    public CustomerContact.New contact() {
      return contact;
    }
  }

  final TextField name = new TextField();
  final TextField role = new TextField();
  final EmailField email = new EmailField();
  final TextField phone = new TextField();
  final Checkbox primary = new Checkbox();
  final Button add = new Button();
  private final Binder<Draft> binder = new Binder<>(Draft.class);
  private final Map<String, HasValidation> byField =
      Map.of("name", name, "email", email, "phone", phone);
  private final Function<String, String> text;

  public ContactForm(Function<String, String> text) {
    this.text = text;
    name.setLabel(text.apply("contact.name"));
    name.setId("contact-name");
    role.setLabel(text.apply("contact.role"));
    email.setLabel(text.apply("contact.email"));
    email.setId("contact-email");
    phone.setLabel(text.apply("contact.phone"));
    primary.setLabel(text.apply("contact.primary"));
    add.setText(text.apply("contact.add"));
    add.setId("contact-add");
    binder.forField(name).bind(Draft::getName, Draft::setName);
    binder.forField(role).bind(Draft::getRole, Draft::setRole);
    binder.forField(email).bind(Draft::getEmail, Draft::setEmail);
    binder.forField(phone).bind(Draft::getPhone, Draft::setPhone);
    binder.forField(primary).bind(Draft::isPrimary, Draft::setPrimary);
    binder.setBean(new Draft());
    add.addClickListener(e -> save());
    add(name, role, email, phone, primary, add);
    setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    setWrap(true);
  }

  public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
    return addListener(SaveEvent.class, listener);
  }

  private void save() {
    byField.values().forEach(f -> f.setInvalid(false));
    fireEvent(new SaveEvent(this, binder.getBean().toNew()));
  }

  /** The contact was added: the form starts again empty. */
  public void saved() {
    binder.setBean(new Draft());
  }

  /** Shows each of the service's field errors beside its field, in the reader's words. */
  public void show(InvalidFields invalid) {
    for (FieldError error : invalid.toProblem().errors()) {
      HasValidation field = byField.get(error.field());
      if (field != null) {
        field.setErrorMessage(text.apply("contact.error." + error.field()));
        field.setInvalid(true);
      }
    }
  }
}
