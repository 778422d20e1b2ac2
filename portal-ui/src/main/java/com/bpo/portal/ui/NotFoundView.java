package com.bpo.portal.ui;

import com.bpo.portal.ui.home.HomeView;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What an unknown address, or an id outside the user's tenant or account, shows: the same page in
 * both cases, so that nothing tells whether something exists elsewhere.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotFoundView extends VerticalLayout
    implements HasErrorParameter<NotFoundException>, HasDynamicTitle {
  @Override
  public int setErrorParameter(
      BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
    removeAll();
    setId("not-found");
    add(
        new H1(getTranslation("notFound.title")),
        new Paragraph(getTranslation("notFound.text")),
        new RouterLink(getTranslation("notFound.home"), HomeView.class));
    return HttpServletResponse.SC_NOT_FOUND;
  }

  /** A page without a title leaves a screen reader user without a name for where they are. */
  @Override
  public String getPageTitle() {
    return getTranslation("notFound.title");
  }
}
