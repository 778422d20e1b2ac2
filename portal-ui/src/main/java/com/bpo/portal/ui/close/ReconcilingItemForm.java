package com.bpo.portal.ui.close;

import com.bpo.portal.shared.Decimals;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * An item that explains part of the difference between the client's ledger and the receivables: its
 * kind, a signed amount and a sentence. The form owns its {@link Binder} and says {@link Save} with
 * a valid item; the server validates again.
 */
public class ReconcilingItemForm extends FormLayout {
  /** What the form edits. */
  public static class Item {
    private String kind = "UNAPPLIED_CASH";
    private String amount = "";
    private String explanation = "";

    public String getKind() {
      return kind;
    }

    public void setKind(String kind) {
      this.kind = kind;
    }

    public String getAmount() {
      return amount;
    }

    public void setAmount(String amount) {
      this.amount = amount;
    }

    public String getExplanation() {
      return explanation;
    }

    public void setExplanation(String explanation) {
      this.explanation = explanation;
    }
  }

  /** A valid item to add. */
  public static class Save extends ComponentEvent<ReconcilingItemForm> {
    private final Item item;

    Save(ReconcilingItemForm source, Item item) {
      super(source, false);
      this.item = item;
    }

    public Item item() {
      return item;
    }
  }

  final Select<String> kind = new Select<>();
  final TextField amount = new TextField();
  final TextField explanation = new TextField();
  final Button add = new Button();
  private final Binder<Item> binder = new Binder<>(Item.class);

  public ReconcilingItemForm() {
    kind.setId("close-item-kind");
    kind.setLabel(getTranslation("close.item.kind"));
    kind.setItems(List.of("UNAPPLIED_CASH", "TIMING", "OTHER"));
    kind.setItemLabelGenerator(k -> getTranslation("close.item.kind." + k));
    amount.setId("close-item-amount");
    amount.setLabel(getTranslation("close.item.amount"));
    amount.setHelperText(getTranslation("close.item.amount.help"));
    explanation.setId("close-item-explanation");
    explanation.setLabel(getTranslation("close.item.explanation"));
    explanation.setMaxLength(2000);
    // not asRequired: on vaadin-select the required indicator puts aria-required on a button, which
    // axe
    // refuses; the select always holds a kind anyway
    binder
        .forField(kind)
        .withValidator(k -> k != null, getTranslation("close.required"))
        .bind(Item::getKind, Item::setKind);
    binder
        .forField(amount)
        .asRequired(getTranslation("close.required"))
        .withValidator(
            v -> amount(v).filter(a -> a.signum() != 0).isPresent(),
            getTranslation("close.item.amount.invalid"))
        .bind(Item::getAmount, Item::setAmount);
    binder
        .forField(explanation)
        .asRequired(getTranslation("close.required"))
        .bind(Item::getExplanation, Item::setExplanation);
    binder.setBean(new Item());
    add.setId("close-item-add");
    add.setText(getTranslation("close.item.add"));
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add.addClickShortcut(Key.ENTER);
    add.addClickListener(e -> save());
    setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 4));
    add(kind, amount, explanation, add);
    setColspan(explanation, 1);
  }

  void save() {
    if (binder.validate().isOk()) {
      fireEvent(new Save(this, binder.getBean()));
    }
  }

  /** Empties the form after a save. */
  public void clear() {
    binder.setBean(new Item());
  }

  public Registration addSaveListener(ComponentEventListener<Save> listener) {
    return addListener(Save.class, listener);
  }

  /** The server's field messages, shown at the fields. */
  public void showServerErrors(java.util.Map<String, String> byField) {
    amount.setInvalid(byField.containsKey("amount"));
    amount.setErrorMessage(byField.get("amount"));
    explanation.setInvalid(byField.containsKey("explanation"));
    explanation.setErrorMessage(byField.get("explanation"));
  }

  /**
   * A signed amount as the close resource reads it: at most 15 digits before the point and 4 after,
   * no exponent.
   */
  static Optional<BigDecimal> amount(String text) {
    try {
      return Optional.of(Decimals.parse(text, 15, 4));
    } catch (Decimals.Invalid e) {
      return Optional.empty();
    }
  }
}
