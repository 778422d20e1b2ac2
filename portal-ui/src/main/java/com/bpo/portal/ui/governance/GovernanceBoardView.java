package com.bpo.portal.ui.governance;

import com.bpo.portal.governance.EntryFilter;
import com.bpo.portal.governance.EntrySort;
import com.bpo.portal.governance.EntryStatus;
import com.bpo.portal.governance.EntrySummary;
import com.bpo.portal.governance.GovernanceService;
import com.bpo.portal.shared.Page;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.StaffMember;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The log as a board: a column per status with the soonest due first, overdue cards marked in words
 * and colour. Each column shows its first 50 cards and says how many more the log holds.
 */
@Route(value = "governance/board", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class GovernanceBoardView extends VerticalLayout implements HasDynamicTitle {
  static final int CARDS = 50;

  @Inject
  public GovernanceBoardView(GovernanceService governance) {
    setSizeFull();
    Map<String, String> names =
        governance.staff().stream()
            .collect(
                Collectors.toMap(StaffMember::username, StaffMember::displayName, (a, b) -> a));
    HorizontalLayout header =
        new HorizontalLayout(
            new H1(getPageTitle()),
            new RouterLink(getTranslation("governance.logTitle"), GovernanceLogView.class));
    header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    HorizontalLayout board = new HorizontalLayout();
    board.setId("governance-board");
    board.setWidthFull();
    board.getStyle().set("overflow-x", "auto");
    for (EntryStatus status : EntryStatus.values()) {
      EntryFilter filter =
          new EntryFilter(
              Set.of(),
              Set.of(status),
              Set.of(),
              Optional.empty(),
              false,
              Optional.empty(),
              Optional.empty());
      Page<EntrySummary> page = governance.list(filter, EntrySort.DUE, PageRequest.of(CARDS, null));
      VerticalLayout column = new VerticalLayout();
      column.setId("board-" + status.name().toLowerCase(java.util.Locale.ROOT));
      // the columns share the width (all five fit at 1366 px) and scroll sideways inside the board
      // below that
      column.setPadding(true);
      column
          .getStyle()
          .set("background", "var(--lumo-contrast-5pct)")
          .set("border-radius", "var(--lumo-border-radius-l)")
          .set("flex", "1 1 0")
          .set("min-width", "11.5rem");
      column.add(
          new H2(
              getTranslation("governance.status." + status.name())
                  + " ("
                  + page.items().size()
                  + (page.next() != null ? "+" : "")
                  + ")"));
      if (page.items().isEmpty()) {
        column.add(new Paragraph(getTranslation("governance.boardEmpty")));
      }
      for (EntrySummary e : page.items()) {
        column.add(card(e, names));
      }
      board.add(column);
    }
    add(header, board);
  }

  private Div card(EntrySummary e, Map<String, String> names) {
    Div card = new Div();
    card.getStyle()
        .set("background", "var(--lumo-base-color)")
        .set("padding", "var(--lumo-space-s)")
        .set("border-radius", "var(--lumo-border-radius-m)")
        .set("box-shadow", "var(--lumo-box-shadow-xs)")
        .set("width", "100%")
        .set("box-sizing", "border-box");
    if (e.overdue()) {
      card.getStyle().set("border-left", "4px solid var(--lumo-error-color)");
    }
    RouterLink title = new RouterLink(e.number() + " · " + e.title(), EntryView.class, e.id());
    Span meta =
        new Span(
            getTranslation("governance.type." + e.type().name())
                + " · "
                + GovernanceTexts.person(names, e.owner()));
    meta.getStyle()
        .set("display", "block")
        .set("font-size", "var(--lumo-font-size-s)")
        .set("color", "var(--lumo-secondary-text-color)");
    card.add(title, meta, GovernanceTexts.due(this, e));
    if (e.escalationLevel() > 0 && e.status().isLive()) {
      card.add(Badge.of(getTranslation("governance.level", e.escalationLevel()), Badge.Tone.ERROR));
    }
    return card;
  }

  @Override
  public String getPageTitle() {
    return getTranslation("governance.boardTitle");
  }
}
