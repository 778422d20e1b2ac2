package com.bpo.portal.ui.governance;

import com.bpo.portal.governance.GovernanceRules;
import com.bpo.portal.governance.GovernanceService;
import com.bpo.portal.governance.MeetingDetail;
import com.bpo.portal.governance.MeetingService;
import com.bpo.portal.governance.MeetingSummary;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.KeysetFetch;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/** The governance meetings, most recent first; the lead plans a new one. */
@Route(value = "governance/meetings", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class MeetingsView extends VerticalLayout implements HasDynamicTitle {
  private final GovernanceService governance;

  @Inject
  public MeetingsView(MeetingService meetings, GovernanceService governance) {
    this.governance = governance;
    setSizeFull();
    Grid<MeetingSummary> grid = new Grid<>();
    grid.setId("meetings-grid");
    grid.addColumn(m -> Formats.date(m.heldOn(), getLocale()))
        .setHeader(getTranslation("governance.heldOn"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(m -> getTranslation("governance.meetingType." + m.type().name()))
        .setHeader(getTranslation("governance.meetingType"))
        .setAutoWidth(true);
    grid.addColumn(MeetingSummary::title)
        .setHeader(getTranslation("governance.title"))
        .setFlexGrow(1);
    grid.addColumn(m -> Formats.number(m.attendees(), getLocale()))
        .setHeader(getTranslation("governance.attendees"))
        .setAutoWidth(true);
    grid.addColumn(m -> Formats.number(m.captured(), getLocale()))
        .setHeader(getTranslation("governance.captured"))
        .setAutoWidth(true);
    grid.setEmptyStateText(getTranslation("governance.noMeetings"));
    grid.setSizeFull();
    KeysetFetch<MeetingSummary> fetch =
        new KeysetFetch<>((cursor, limit) -> meetings.list(PageRequest.of(limit, cursor)));
    grid.setItems(query -> fetch.fetch(query.getOffset(), query.getLimit()).stream());
    grid.addItemClickListener(
        e -> getUI().ifPresent(ui -> ui.navigate(MeetingView.class, e.getItem().id())));

    HorizontalLayout header =
        new HorizontalLayout(
            new H1(getPageTitle()),
            new RouterLink(getTranslation("governance.logTitle"), GovernanceLogView.class));
    header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    if (GovernanceRules.managesMeetings(governance.actor())) {
      Button plan = new Button(getTranslation("governance.planMeeting"), e -> plan(meetings));
      plan.setId("meetings-plan");
      plan.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      header.add(plan);
    }
    add(header, grid);
  }

  private void plan(MeetingService meetings) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation("governance.planMeeting"));
    MeetingPlanForm form = new MeetingPlanForm(governance.today());
    dialog.add(form);
    form.addSaveListener(
        e -> {
          try {
            MeetingDetail created = meetings.create(e.request());
            dialog.close();
            getUI().ifPresent(ui -> ui.navigate(MeetingView.class, created.meeting().id()));
          } catch (InvalidFields invalid) {
            form.showErrors(invalid)
                .forEach(
                    message -> GovernanceTexts.notify(message, NotificationVariant.LUMO_ERROR));
          } catch (ProblemException problem) {
            GovernanceTexts.refused(this, problem);
          }
        });
    form.addCloseListener(e -> dialog.close());
    Button save = new Button(getTranslation("governance.save"), e -> form.save());
    save.setId("meeting-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> form.close()), save);
    dialog.open();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("governance.meetingsTitle");
  }
}
