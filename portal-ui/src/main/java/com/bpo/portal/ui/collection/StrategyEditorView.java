package com.bpo.portal.ui.collection;

import com.bpo.portal.collection.CollectionService;
import com.bpo.portal.collection.Strategy;
import com.bpo.portal.collection.StrategyQueries.StrategyDraft;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A lead writes a new version of a strategy ({@code ?code=STANDARD}, prefilled from its latest
 * version) or a new strategy (no code). Saved through {@link CollectionService#newStrategyVersion};
 * a new version is confirmed first, since it changes what the next runs do (past runs keep the
 * version they used). Ctrl+Enter saves.
 */
@Route(value = "collections/strategies/edit", layout = MainLayout.class)
@RolesAllowed(Roles.BPO_LEAD)
public class StrategyEditorView extends VerticalLayout
    implements HasDynamicTitle, BeforeEnterObserver {
  private final CollectionService collections;
  private final TenantContext context;
  private Optional<Strategy> latest = Optional.empty();
  private StrategyForm form;

  @Inject
  public StrategyEditorView(CollectionService collections, TenantContext context) {
    this.collections = collections;
    this.context = context;
    setMaxWidth("80em");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Optional<String> code =
        event
            .getLocation()
            .getQueryParameters()
            .getSingleParameter("code")
            .filter(c -> !c.isBlank());
    List<Strategy> all = collections.strategies();
    latest =
        code.map(
            c ->
                all.stream()
                    .filter(s -> s.code().equals(c))
                    .max(Comparator.comparingInt(Strategy::versionNo))
                    .orElseThrow(NotFoundException::new));
    Set<String> codes = all.stream().map(Strategy::code).collect(Collectors.toSet());
    Set<String> templates = new TreeSet<>(StrategyForm.LETTERS);
    all.forEach(s -> s.steps().forEach(step -> templates.add(step.templateKey())));

    removeAll();
    form =
        new StrategyForm(latest, context.today(), templates, latest.isEmpty() ? codes : Set.of());
    form.addSaveListener(e -> confirm(e.request()));
    Button save = new Button(getTranslation("collections.editor.save"), e -> form.save());
    save.setId("strategy-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(this);
    save.setTooltipText(getTranslation("collections.editor.saveShortcut"));
    Button cancel =
        new Button(
            getTranslation("common.cancel"),
            e -> getUI().ifPresent(ui -> ui.navigate(StrategiesView.class)));
    cancel.setId("strategy-cancel");
    HorizontalLayout buttons = new HorizontalLayout(save, cancel);
    buttons.getStyle().set("flex-wrap", "wrap");
    add(
        new RouterLink(getTranslation("collections.editor.back"), StrategiesView.class),
        new H1(getPageTitle()),
        new Paragraph(
            getTranslation(
                latest.isPresent()
                    ? "collections.editor.versionIntro"
                    : "collections.editor.newIntro")),
        form,
        buttons);
    (latest.isPresent() ? form.name : form.code).focus();
  }

  private void confirm(StrategyDraft draft) {
    if (latest.isEmpty()) {
      save(draft);
      return;
    }
    Strategy from = latest.get();
    ConfirmDialog confirm = new ConfirmDialog();
    confirm.setHeader(
        getTranslation("collections.editor.confirmTitle", from.versionNo() + 1, draft.name()));
    confirm.setText(
        getTranslation(
            "collections.editor.confirmText", Formats.date(draft.effectiveFrom(), getLocale())));
    confirm.setId("strategy-confirm");
    Button confirmSave =
        new Button(
            getTranslation("collections.editor.confirmSave"),
            e -> {
              confirm.close();
              save(draft);
            });
    confirmSave.setId("strategy-confirm-save");
    confirmSave.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    confirm.setConfirmButton(confirmSave);
    confirm.setCancelable(true);
    confirm.setCancelText(getTranslation("common.cancel"));
    confirm.open();
  }

  private void save(StrategyDraft draft) {
    try {
      Strategy saved = collections.newStrategyVersion(draft);
      CollectionTexts.notify(
          getTranslation("collections.editor.saved", saved.name(), saved.versionNo()),
          NotificationVariant.LUMO_SUCCESS);
      getUI().ifPresent(ui -> ui.navigate(StrategiesView.class));
    } catch (InvalidFields invalid) {
      List<String> rest = form.showErrors(invalid);
      CollectionTexts.notify(
          rest.isEmpty()
              ? getTranslation("collections.editor.checkFields")
              : getTranslation("collections.editor.checkFields") + " " + String.join("; ", rest),
          NotificationVariant.LUMO_ERROR);
    } catch (ProblemException problem) {
      CollectionTexts.show(this, problem, java.util.Map.of());
    }
  }

  @Override
  public String getPageTitle() {
    return latest
        .map(s -> getTranslation("collections.editor.versionTitle", s.name()))
        .orElse(getTranslation("collections.editor.newTitle"));
  }
}
