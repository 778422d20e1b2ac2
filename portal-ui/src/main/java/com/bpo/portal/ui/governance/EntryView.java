package com.bpo.portal.ui.governance;

import com.bpo.portal.governance.EntryAction;
import com.bpo.portal.governance.EntryDetail;
import com.bpo.portal.governance.EntryForm;
import com.bpo.portal.governance.EntrySummary;
import com.bpo.portal.governance.EntryType;
import com.bpo.portal.governance.GovernanceService;
import com.bpo.portal.governance.LinkKind;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.StaffMember;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.MainLayout;
import com.bpo.portal.ui.dispute.DisputeView;
import com.bpo.portal.ui.invoice.InvoiceView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One log entry: its facts, the steps the reader may take now, edits, links, the comment thread and
 * the full history of changes. An entry the reader may not see is "not found".
 */
@Route(value = "governance/entry", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class EntryView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {
  private final GovernanceService governance;
  private final ZoneId zone;
  private final List<StaffMember> staff;
  private final Map<String, String> names;
  private long id;
  private String title = "";

  @Inject
  public EntryView(GovernanceService governance, TenantContext context) {
    this.governance = governance;
    this.zone = ZoneId.of(context.requireTenant().timeZone());
    this.staff = governance.staff();
    this.names =
        staff.stream()
            .collect(
                Collectors.toMap(StaffMember::username, StaffMember::displayName, (a, b) -> a));
  }

  @Override
  public void setParameter(BeforeEvent event, Long entryId) {
    this.id = entryId;
    show(governance.find(entryId).orElseThrow(NotFoundException::new));
  }

  private void reload() {
    governance.find(id).ifPresent(this::show);
  }

  private void show(EntryDetail detail) {
    EntrySummary e = detail.entry();
    title = e.number() + " · " + e.title();
    removeAll();
    H1 heading = new H1(title);
    heading.setId("entry-heading");
    Span status = GovernanceTexts.status(this, e);
    status.setId("entry-status");
    HorizontalLayout top = new HorizontalLayout(heading, status);
    top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    add(new RouterLink(getTranslation("governance.backToLog"), GovernanceLogView.class), top);

    FormLayout facts = new FormLayout();
    facts.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
    fact(
        facts,
        "governance.type",
        getTranslation("governance.type." + e.type().name())
            + (e.proposed() ? " · " + getTranslation("governance.proposed") : ""));
    fact(facts, "governance.area", getTranslation("processArea." + e.area().name()));
    fact(
        facts, "governance.priority", getTranslation("governance.priority." + e.priority().name()));
    fact(facts, "governance.owner", GovernanceTexts.person(names, e.owner()))
        .setId("entry-owner-value");
    Component due = GovernanceTexts.due(this, e);
    due.setId("entry-due-value");
    facts.addFormItem(due, getTranslation("governance.due"));
    if (e.type() == EntryType.RISK) {
      fact(
          facts,
          "governance.riskScore",
          getTranslation(
              "governance.riskScoreOf", e.riskScore(), detail.likelihood(), detail.impact()));
    }
    fact(
        facts,
        "governance.createdBy",
        GovernanceTexts.person(names, detail.createdBy())
            + " · "
            + Formats.dateTime(detail.createdAt(), zone, getLocale()));
    if (e.meetingId() != null) {
      facts.addFormItem(
          new RouterLink(
              getTranslation("governance.openMeeting"), MeetingView.class, e.meetingId()),
          getTranslation("governance.meeting"));
    }
    add(facts);
    Paragraph description =
        new Paragraph(
            detail.description().isBlank()
                ? getTranslation("governance.noDescription")
                : detail.description());
    description.getStyle().set("white-space", "pre-wrap");
    add(description);
    add(actions(detail));

    add(new H2(getTranslation("governance.links")), links(detail));
    add(new H2(getTranslation("governance.comments")), comments(detail));
    add(new H2(getTranslation("governance.history")), history(detail));
  }

  private Span fact(FormLayout form, String label, String value) {
    Span text = new Span(value);
    form.addFormItem(text, getTranslation(label));
    return text;
  }

  private Component actions(EntryDetail detail) {
    HorizontalLayout bar = new HorizontalLayout();
    for (EntryAction action : EntryAction.values()) {
      if (detail.actions().contains(action)) {
        Button step =
            new Button(
                getTranslation("governance.action." + action.name()),
                e -> openStep(detail, action));
        step.setId("entry-action-" + action.name().toLowerCase(Locale.ROOT));
        if (action == EntryAction.ESCALATE) {
          step.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        bar.add(step);
      }
    }
    if (detail.mayEdit()) {
      Button edit =
          new Button(
              getTranslation("governance.edit"),
              e ->
                  new EntryFormDialog(
                          this,
                          getTranslation("governance.edit") + " · " + detail.entry().number(),
                          EnumSet.of(detail.entry().type()),
                          staff,
                          detail,
                          detail.mayReassign(),
                          form -> governance.update(id, form),
                          saved -> {
                            GovernanceTexts.notify(
                                getTranslation("governance.saved"),
                                NotificationVariant.LUMO_SUCCESS);
                            show(saved);
                          })
                      .open());
      edit.setId("entry-edit");
      bar.add(edit);
    }
    return bar;
  }

  private void openStep(EntryDetail detail, EntryAction action) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(
        getTranslation("governance.action." + action.name()) + " · " + detail.entry().number());
    EntryStepForm form = new EntryStepForm(action, detail.entry().version());
    dialog.add(form);
    form.addSaveListener(
        e -> {
          try {
            governance.transition(id, e.request());
            dialog.close();
            GovernanceTexts.notify(
                getTranslation("governance.done." + action.name()),
                NotificationVariant.LUMO_SUCCESS);
            reload();
          } catch (InvalidFields invalid) {
            form.showErrors(invalid)
                .forEach(
                    message -> GovernanceTexts.notify(message, NotificationVariant.LUMO_ERROR));
          } catch (ProblemException problem) {
            dialog.close();
            GovernanceTexts.refused(this, problem);
            reload();
          }
        });
    form.addCloseListener(e -> dialog.close());
    Button confirm =
        new Button(getTranslation("governance.action." + action.name()), e -> form.save());
    confirm.setId("entry-step-confirm");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> form.close()), confirm);
    dialog.open();
    form.note.focus();
  }

  private Component links(EntryDetail detail) {
    VerticalLayout box = new VerticalLayout();
    box.setPadding(false);
    box.setId("entry-links");
    if (detail.links().isEmpty()) {
      box.add(new Paragraph(getTranslation("governance.noLinks")));
    }
    for (EntryDetail.Link link : detail.links()) {
      Component target =
          switch (link.kind()) {
            case INVOICE -> new RouterLink(link.label(), InvoiceView.class, link.targetId());
            case DISPUTE -> new RouterLink(link.label(), DisputeView.class, link.targetId());
            case ENTRY -> new RouterLink(link.label(), EntryView.class, link.targetId());
            case PROCEDURE ->
                new RouterLink(
                    link.label(), com.bpo.portal.ui.procedure.ProcedureView.class, link.targetId());
          };
      HorizontalLayout row =
          new HorizontalLayout(
              new Span(getTranslation("governance.link." + link.kind().name())), target);
      row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
      if (detail.mayEdit()) {
        Button remove =
            new Button(
                getTranslation("governance.unlink"),
                e -> {
                  try {
                    show(governance.unlink(id, link.kind(), link.targetId()));
                  } catch (ProblemException problem) {
                    GovernanceTexts.refused(this, problem);
                  }
                });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        row.add(remove);
      }
      box.add(row);
    }
    if (detail.mayEdit()) {
      Select<LinkKind> kind = new Select<>();
      kind.setLabel(getTranslation("governance.linkKind"));
      kind.setItems(LinkKind.values());
      kind.setItemLabelGenerator(k -> getTranslation("governance.link." + k.name()));
      kind.setValue(LinkKind.DISPUTE);
      TextField target = new TextField(getTranslation("governance.linkTarget"));
      target.setId("link-reference");
      target.setHelperText(getTranslation("governance.linkTarget.help"));
      target.setMaxLength(64);
      Button add =
          new Button(
              getTranslation("governance.addLink"),
              e -> {
                if (target.getValue().isBlank()) {
                  target.setErrorMessage(getTranslation("governance.linkTarget.required"));
                  target.setInvalid(true);
                  return;
                }
                try {
                  show(
                      governance.link(
                          id, new EntryForm.NewLink(kind.getValue(), null, target.getValue())));
                } catch (InvalidFields invalid) {
                  target.setErrorMessage(getTranslation("governance.noSuchTarget"));
                  target.setInvalid(true);
                } catch (ProblemException problem) {
                  GovernanceTexts.refused(this, problem);
                }
              });
      add.addClickShortcut(com.vaadin.flow.component.Key.ENTER).listenOn(target);
      HorizontalLayout form = new HorizontalLayout(kind, target, add);
      form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
      box.add(form);
    }
    return box;
  }

  private Component comments(EntryDetail detail) {
    VerticalLayout box = new VerticalLayout();
    box.setPadding(false);
    Div thread = new Div();
    thread.setId("entry-thread");
    if (detail.comments().isEmpty()) {
      thread.add(new Paragraph(getTranslation("governance.noComments")));
    }
    for (EntryDetail.Comment c : detail.comments()) {
      Div item = new Div();
      Span who =
          new Span(
              GovernanceTexts.person(names, c.author())
                  + " · "
                  + Formats.dateTime(c.at(), zone, getLocale()));
      who.getStyle()
          .set("font-size", "var(--lumo-font-size-s)")
          .set("color", "var(--lumo-secondary-text-color)");
      Paragraph body = new Paragraph(c.body());
      body.getStyle().set("white-space", "pre-wrap").set("margin", "0 0 var(--lumo-space-m) 0");
      item.add(who, body);
      thread.add(item);
    }
    box.add(thread);
    if (detail.mayComment()) {
      TextArea text = new TextArea(getTranslation("governance.comment"));
      text.setId("entry-comment");
      text.setWidth("40em");
      text.setMaxLength(8000);
      Button post =
          new Button(
              getTranslation("governance.postComment"),
              e -> {
                try {
                  show(governance.comment(id, text.getValue()));
                } catch (InvalidFields invalid) {
                  text.setErrorMessage(getTranslation("governance.commentRequired"));
                  text.setInvalid(true);
                } catch (ProblemException problem) {
                  GovernanceTexts.refused(this, problem);
                }
              });
      post.setId("entry-comment-post");
      post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      box.add(text, post);
    }
    return box;
  }

  private Component history(EntryDetail detail) {
    Grid<EntryDetail.Event> grid = new Grid<>();
    grid.setId("entry-history");
    grid.addColumn(ev -> Formats.dateTime(ev.at(), zone, getLocale()))
        .setHeader(getTranslation("governance.when"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(ev -> GovernanceTexts.person(names, ev.actor()))
        .setHeader(getTranslation("governance.who"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(
            ev -> {
              String key = "governance.event." + ev.action();
              String translated = getTranslation(key);
              return translated.startsWith("!") || translated.equals(key)
                  ? ev.action()
                  : translated;
            })
        .setHeader(getTranslation("governance.what"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(
            ev ->
                ev.field() == null
                    ? ""
                    : ev.field()
                        + ": "
                        + (ev.before() == null ? "—" : ev.before())
                        + " → "
                        + (ev.after() == null ? "—" : ev.after()))
        .setHeader(getTranslation("governance.change"))
        .setFlexGrow(1);
    grid.addColumn(ev -> ev.note() == null ? "" : ev.note())
        .setHeader(getTranslation("governance.note"))
        .setFlexGrow(1);
    grid.setItems(detail.history());
    grid.setAllRowsVisible(true);
    return grid;
  }

  @Override
  public String getPageTitle() {
    return title;
  }
}
