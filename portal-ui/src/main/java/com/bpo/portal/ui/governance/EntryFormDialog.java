package com.bpo.portal.ui.governance;

import com.bpo.portal.governance.EntryDetail;
import com.bpo.portal.governance.EntryForm;
import com.bpo.portal.governance.EntryType;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.tenant.StaffMember;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link LogEntryForm} in a dialog: saving calls the service (create, capture or update); the
 * service validates again, and its field errors are shown on the fields they name.
 */
class EntryFormDialog extends Dialog {
  /**
   * @param types the types the user may choose (one fixes it)
   * @param existing the entry edited, or null for a new one
   * @param save what saving does: create, capture or update; returns the saved entry
   */
  EntryFormDialog(
      Component view,
      String heading,
      Set<EntryType> types,
      List<StaffMember> staff,
      EntryDetail existing,
      boolean mayReassign,
      Function<EntryForm, EntryDetail> save,
      Consumer<EntryDetail> saved) {
    setHeaderTitle(heading);
    LogEntryForm form = new LogEntryForm(types, staff, existing, mayReassign);
    add(form);
    form.addSaveListener(
        e -> {
          try {
            EntryDetail result = save.apply(e.request());
            close();
            saved.accept(result);
          } catch (InvalidFields invalid) {
            form.showErrors(invalid)
                .forEach(
                    message -> GovernanceTexts.notify(message, NotificationVariant.LUMO_ERROR));
          } catch (ProblemException problem) {
            GovernanceTexts.refused(view, problem);
          }
        });
    form.addCloseListener(e -> close());
    Button confirm = new Button(view.getTranslation("governance.save"), e -> form.save());
    confirm.setId("entry-save");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button(view.getTranslation("common.cancel"), e -> form.close()), confirm);
  }
}
