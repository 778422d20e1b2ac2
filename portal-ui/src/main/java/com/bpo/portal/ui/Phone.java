package com.bpo.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;

/**
 * Phone-sized screens (at most {@value #MAX_WIDTH} px wide, a 390 px phone among them). CSS in
 * {@code styles/portal.css} does what it can; grid columns live in a shadow root, so a view hides
 * the ones a phone has no room for through {@link #onNarrow}.
 */
public final class Phone {
  public static final int MAX_WIDTH = 640;

  private Phone() {}

  /**
   * Tells {@code narrow} whether the window is phone-sized: when the component is attached and at
   * each resize.
   */
  public static void onNarrow(Component component, Consumer<Boolean> narrow) {
    component.addAttachListener(
        attach -> {
          var page = attach.getUI().getPage();
          page.retrieveExtendedClientDetails(
              details -> narrow.accept(details.getWindowInnerWidth() <= MAX_WIDTH));
          Registration resize =
              page.addBrowserWindowResizeListener(e -> narrow.accept(e.getWidth() <= MAX_WIDTH));
          component.addDetachListener(
              detach -> {
                resize.remove();
                detach.unregisterListener();
              });
        });
  }

  /**
   * Filters that fold away behind a "Filters" button on a phone, so the list is on the first
   * screen; on wider screens the button is hidden and the filters always show.
   */
  public static Button collapsibleFilters(Component filters) {
    filters.addClassNames("portal-filters", "portal-collapsed");
    Button toggle = new Button(filters.getTranslation("filters.show"), VaadinIcon.FILTER.create());
    toggle.addClassName("portal-filters-toggle");
    toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    toggle.getElement().setAttribute("aria-expanded", "false");
    toggle.addClickListener(
        e -> {
          boolean open = filters.getElement().getClassList().contains("portal-collapsed");
          filters.getElement().getClassList().set("portal-collapsed", !open);
          toggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
          toggle.setText(filters.getTranslation(open ? "filters.hide" : "filters.show"));
        });
    return toggle;
  }
}
