package com.bpo.portal.ui.governance;

import com.bpo.portal.governance.EntrySummary;
import com.bpo.portal.governance.EntryType;
import com.bpo.portal.governance.GovernanceService;
import com.bpo.portal.governance.MeetingDetail;
import com.bpo.portal.governance.MeetingPdf;
import com.bpo.portal.governance.MeetingService;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.StaffMember;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.MainLayout;
import com.bpo.portal.ui.dispute.DisputeTexts;
import com.bpo.portal.ui.dispute.DisputeView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One meeting: the agenda built from the log, the scorecard and the dispute queue; attendees and
 * minutes; the actions and decisions captured in it (the lead captures them here, and each becomes
 * a log entry); the agenda and the minutes as PDFs.
 */
@Route(value = "governance/meeting", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class MeetingView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {
  private final MeetingService meetings;
  private final MeetingPdf pdf;
  private final List<StaffMember> staff;
  private final Map<String, String> names;
  private long id;
  private String title = "";

  @Inject
  public MeetingView(MeetingService meetings, MeetingPdf pdf, GovernanceService governance) {
    this.meetings = meetings;
    this.pdf = pdf;
    this.staff = governance.staff();
    this.names =
        staff.stream()
            .collect(
                Collectors.toMap(StaffMember::username, StaffMember::displayName, (a, b) -> a));
  }

  @Override
  public void setParameter(BeforeEvent event, Long meetingId) {
    this.id = meetingId;
    show(meetings.find(meetingId).orElseThrow(NotFoundException::new));
  }

  private void reload() {
    meetings.find(id).ifPresent(this::show);
  }

  private void show(MeetingDetail m) {
    removeAll();
    title = m.meeting().title();
    H1 heading = new H1(title);
    heading.setId("meeting-heading");
    Span meta =
        new Span(
            getTranslation("governance.meetingType." + m.meeting().type().name())
                + " · "
                + Formats.date(m.meeting().heldOn(), getLocale()));
    Anchor agendaPdf =
        download(
            "agenda-" + id + ".pdf",
            () -> pdf.agenda(meetings.find(id).orElseThrow()),
            getTranslation("governance.agendaPdf"));
    agendaPdf.setId("meeting-agenda-pdf");
    Anchor minutesPdf =
        download(
            "minutes-" + id + ".pdf",
            () -> pdf.minutes(meetings.find(id).orElseThrow()),
            getTranslation("governance.minutesPdf"));
    minutesPdf.setId("meeting-minutes-pdf");
    HorizontalLayout links =
        new HorizontalLayout(
            new RouterLink(getTranslation("governance.meetingsTitle"), MeetingsView.class),
            agendaPdf,
            minutesPdf);
    add(links, heading, meta);

    add(new H2(getTranslation("governance.agenda")));
    MeetingDetail.Agenda a = m.agenda();
    add(
        new H3(getTranslation("governance.agenda.open")),
        entries(a.openEntries(), "meeting-agenda-open"));
    add(
        new H3(getTranslation("governance.agenda.actions")),
        entries(a.recentActions(), "meeting-agenda-actions"));
    add(
        new H3(
            a.scorecardPeriod() == null
                ? getTranslation("governance.agenda.kpis")
                : getTranslation("governance.agenda.kpisOf", a.scorecardPeriod())));
    if (a.redKpis().isEmpty()) {
      add(new Paragraph(getTranslation("governance.agenda.noRedKpis")));
    } else {
      Grid<MeetingDetail.RedKpi> kpis = new Grid<>();
      kpis.addColumn(k -> k.name() + " (" + k.code() + ")")
          .setHeader(getTranslation("governance.kpi"))
          .setFlexGrow(1);
      kpis.addColumn(k -> Formats.decimal(k.actual(), getLocale()))
          .setHeader(getTranslation("governance.actual"));
      kpis.addColumn(k -> Formats.decimal(k.target(), getLocale()))
          .setHeader(getTranslation("governance.target"));
      kpis.setItems(a.redKpis());
      kpis.setAllRowsVisible(true);
      add(kpis);
    }
    add(new H3(getTranslation("governance.agenda.disputes")));
    if (a.agedDisputes().isEmpty()) {
      add(new Paragraph(getTranslation("governance.agenda.noAgedDisputes")));
    } else {
      Grid<MeetingDetail.AgedDispute> disputes = new Grid<>();
      disputes
          .addComponentColumn(d -> new RouterLink(d.number(), DisputeView.class, d.id()))
          .setHeader(getTranslation("governance.number"))
          .setAutoWidth(true)
          .setFlexGrow(0);
      disputes
          .addColumn(MeetingDetail.AgedDispute::customer)
          .setHeader(getTranslation("governance.customer"))
          .setFlexGrow(1);
      disputes
          .addColumn(d -> DisputeTexts.reason(this, d.reasonCode(), d.reason()))
          .setHeader(getTranslation("governance.agenda.reason"))
          .setAutoWidth(true);
      disputes
          .addColumn(d -> Formats.money(d.disputed(), getLocale()))
          .setHeader(getTranslation("governance.amount"))
          .setAutoWidth(true);
      disputes
          .addColumn(d -> Formats.number(d.ageDays(), getLocale()))
          .setHeader(getTranslation("governance.ageDays"))
          .setAutoWidth(true);
      disputes.setItems(a.agedDisputes());
      disputes.setAllRowsVisible(true);
      add(disputes);
    }

    add(new H2(getTranslation("governance.attendees")), attendees(m));
    add(new H2(getTranslation("governance.minutes")), minutes(m));
    add(new H2(getTranslation("governance.captured")));
    if (m.mayManage()) {
      Button capture =
          new Button(
              getTranslation("governance.captureAction"),
              e ->
                  new EntryFormDialog(
                          this,
                          getTranslation("governance.captureAction"),
                          EnumSet.of(EntryType.ACTION, EntryType.DECISION),
                          staff,
                          null,
                          true,
                          form -> meetings.capture(id, form),
                          saved -> {
                            GovernanceTexts.notify(
                                getTranslation("governance.capturedOne", saved.entry().number()),
                                NotificationVariant.LUMO_SUCCESS);
                            reload();
                          })
                      .open());
      capture.setId("meeting-capture");
      capture.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      add(capture);
    }
    add(entries(m.captured(), "meeting-captured"));
  }

  private Anchor download(
      String fileName, java.util.function.Supplier<byte[]> content, String label) {
    Anchor anchor =
        new Anchor(
            new StreamResource(fileName, () -> new ByteArrayInputStream(content.get())), label);
    anchor.getElement().setAttribute("download", true);
    return anchor;
  }

  private Component entries(List<EntrySummary> entries, String gridId) {
    if (entries.isEmpty()) {
      Paragraph none = new Paragraph(getTranslation("governance.none"));
      none.setId(gridId);
      return none;
    }
    Grid<EntrySummary> grid = new Grid<>();
    grid.setId(gridId);
    grid.addComponentColumn(e -> new RouterLink(e.number(), EntryView.class, e.id()))
        .setHeader(getTranslation("governance.number"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(e -> getTranslation("governance.type." + e.type().name()))
        .setHeader(getTranslation("governance.type"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(EntrySummary::title)
        .setHeader(getTranslation("governance.title"))
        .setWidth("22em")
        .setFlexGrow(1);
    grid.addColumn(e -> GovernanceTexts.person(names, e.owner()))
        .setHeader(getTranslation("governance.owner"))
        .setAutoWidth(true);
    grid.addComponentColumn(e -> GovernanceTexts.due(this, e))
        .setHeader(getTranslation("governance.due"))
        .setAutoWidth(true);
    grid.addComponentColumn(e -> GovernanceTexts.status(this, e))
        .setHeader(getTranslation("governance.status"))
        .setAutoWidth(true);
    grid.setItems(entries);
    grid.setAllRowsVisible(true);
    return grid;
  }

  private Component attendees(MeetingDetail m) {
    VerticalLayout box = new VerticalLayout();
    box.setPadding(false);
    box.setId("meeting-attendees");
    if (m.attendees().isEmpty()) {
      box.add(new Paragraph(getTranslation("governance.noAttendees")));
    }
    for (MeetingDetail.Attendee a : m.attendees()) {
      HorizontalLayout row =
          new HorizontalLayout(
              new Span(a.name() + " · " + getTranslation("governance.org." + a.organisation())));
      row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
      if (m.mayManage()) {
        Button remove =
            new Button(
                getTranslation("governance.remove"),
                e -> act(() -> meetings.removeAttendee(id, a.id())));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        row.add(remove);
      }
      box.add(row);
    }
    if (m.mayManage()) {
      TextField name = new TextField(getTranslation("governance.attendeeName"));
      name.setId("meeting-attendee-name");
      name.setMaxLength(200);
      RadioButtonGroup<String> org =
          new RadioButtonGroup<>(getTranslation("governance.organisation"));
      org.setItems("BPO", "CLIENT");
      org.setItemLabelGenerator(o -> getTranslation("governance.org." + o));
      org.setValue("CLIENT");
      Button add =
          new Button(
              getTranslation("governance.addAttendee"),
              e -> {
                try {
                  show(meetings.addAttendee(id, name.getValue(), org.getValue()));
                } catch (InvalidFields invalid) {
                  name.setErrorMessage(getTranslation("governance.attendeeRequired"));
                  name.setInvalid(true);
                } catch (ProblemException problem) {
                  GovernanceTexts.refused(this, problem);
                }
              });
      add.setId("meeting-attendee-add");
      HorizontalLayout form = new HorizontalLayout(name, org, add);
      form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
      box.add(form);
    }
    return box;
  }

  private Component minutes(MeetingDetail m) {
    TextArea text = new TextArea();
    text.setId("meeting-minutes");
    text.setAriaLabel(getTranslation("governance.minutes"));
    text.setWidthFull();
    text.setMinHeight("8em");
    text.setMaxLength(50_000);
    text.setValue(m.minutes());
    text.setReadOnly(!m.mayManage());
    if (!m.mayManage()) {
      return text;
    }
    Button save =
        new Button(
            getTranslation("governance.saveMinutes"),
            e -> {
              try {
                show(meetings.saveMinutes(id, text.getValue(), m.meeting().version()));
                GovernanceTexts.notify(
                    getTranslation("governance.saved"), NotificationVariant.LUMO_SUCCESS);
              } catch (ProblemException problem) {
                GovernanceTexts.refused(this, problem);
              }
            });
    save.setId("meeting-minutes-save");
    VerticalLayout box = new VerticalLayout(text, save);
    box.setPadding(false);
    return box;
  }

  private void act(java.util.function.Supplier<MeetingDetail> change) {
    try {
      show(change.get());
    } catch (ProblemException problem) {
      GovernanceTexts.refused(this, problem);
    }
  }

  @Override
  public String getPageTitle() {
    return title;
  }
}
