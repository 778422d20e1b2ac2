package com.bpo.portal.ui.procedure;

import com.bpo.portal.procedure.Actor;
import com.bpo.portal.procedure.ProcedureDetail;
import com.bpo.portal.procedure.ProcedureService;
import com.bpo.portal.procedure.ProcedureSummary;
import com.bpo.portal.procedure.ProcedureVersions;
import com.bpo.portal.procedure.ReviewRequest;
import com.bpo.portal.procedure.VersionAction;
import com.bpo.portal.procedure.VersionDetail;
import com.bpo.portal.procedure.VersionStatus;
import com.bpo.portal.procedure.VersionSummary;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.shared.TransitionRefused;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MultiFileMemoryBuffer;
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
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * One procedure: the version in force, rendered; the version being made with the steps the reader
 * may take (edit, submit, approve, send back, make effective); every version with its state; which
 * version was in force on a chosen date; a diff between two versions; who has and has not
 * acknowledged; reviews and history. Another tenant's id is "not found".
 *
 * <p>Over 400 lines because it is one page of many sections that share the procedure's id and one
 * reload: the forms are their own classes ({@link ProcedureFactsForm}, {@link DraftEditor}, {@link
 * VersionStepForm}), as is the comparison of versions ({@link VersionComparison}); what stays here
 * lays the sections out and calls the services.
 */
@Route(value = "procedure", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class ProcedureView extends VerticalLayout
    implements HasUrlParameter<Long>, HasDynamicTitle {
  private final ProcedureService procedures;
  private final ProcedureVersions versions;
  private final Actor actor;
  private final ZoneId zone;
  private final LocalDate today;
  private final Map<String, String> names;
  private long id;
  private String title = "";

  @Inject
  public ProcedureView(
      ProcedureService procedures, ProcedureVersions versions, TenantContext context) {
    this.versions = versions;
    this.procedures = procedures;
    this.actor = Actor.of(context.requireUser());
    this.zone = ZoneId.of(context.requireTenant().timeZone());
    this.today = context.today();
    this.names = procedures.staffNames();
    setMaxWidth("80em");
  }

  @Override
  public void setParameter(BeforeEvent event, Long procedureId) {
    this.id = procedureId;
    show(procedures.find(procedureId).orElseThrow(NotFoundException::new));
  }

  private void reload() {
    procedures.find(id).ifPresent(this::show);
  }

  private void show(ProcedureDetail detail) {
    ProcedureSummary p = detail.procedure();
    title = p.title();
    removeAll();
    H1 heading = new H1(p.title());
    heading.setId("procedure-title");
    HorizontalLayout top =
        new HorizontalLayout(
            heading,
            Badge.of(getTranslation("processArea." + p.processArea().name()), Badge.Tone.NEUTRAL));
    top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

    FormLayout facts = new FormLayout();
    facts.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
    fact(facts, "procedures.owner", new Span(p.ownerName()));
    fact(
        facts,
        "procedure.reviewInterval",
        new Span(getTranslation("procedure.months", p.reviewIntervalMonths())));
    fact(
        facts,
        "procedure.approval",
        new Span(
            getTranslation(
                p.clientApprovalRequired()
                    ? "procedure.clientApproval.yes"
                    : "procedure.clientApproval.no")));
    fact(facts, "procedures.nextReview", ProcedureTexts.review(this, p));

    add(
        new RouterLink(getTranslation("procedure.back"), ProceduresView.class),
        top,
        facts,
        actions(detail));

    add(new H2(getTranslation("procedure.inForce")));
    if (detail.effective() == null) {
      add(new Paragraph(getTranslation("procedure.noneEffectiveLong")));
    } else {
      VersionSummary v = detail.effective().version();
      Span caption =
          new Span(
              getTranslation(
                  "procedure.effectiveLong",
                  v.number(),
                  Formats.date(v.effectiveFrom(), getLocale()),
                  v.approvedBy() == null ? "—" : person(v.approvedBy())));
      caption.setId("procedure-effective-caption");
      add(
          caption,
          rendered(detail.effective().html(), "procedure-effective"),
          attachments(detail.effective(), false));
    }

    detail.versions().stream()
        .filter(v -> v.status().isOpen())
        .findFirst()
        .flatMap(v -> procedures.version(id, v.id()))
        .ifPresent(this::openVersion);

    add(
        new H2(getTranslation("procedure.versions")),
        versions(detail),
        new VersionComparison(procedures, id, detail.versions()));
    add(new H2(getTranslation("procedure.acknowledgements")), acknowledgements(detail));
    add(new H2(getTranslation("procedure.reviews")), reviews(detail));
    add(new H2(getTranslation("procedure.history")), history(detail));
  }

  private void fact(FormLayout form, String labelKey, Component value) {
    value.getElement().getStyle().set("font-weight", "500");
    form.addFormItem(value, getTranslation(labelKey));
  }

  /**
   * Sanitised HTML from the service (SafeMarkdown): the only place a procedure's text becomes
   * markup.
   */
  private static Div rendered(String safeHtml, String elementId) {
    Div html = new Div();
    html.setId(elementId);
    html.addClassName("procedure-text");
    html.getElement().setProperty("innerHTML", safeHtml);
    html.getStyle()
        .set("max-width", "60em")
        .set("border-left", "3px solid var(--lumo-contrast-10pct)")
        .set("padding-left", "var(--lumo-space-m)");
    return html;
  }

  // ---------------------------------------------------------------- actions on the procedure

  private Component actions(ProcedureDetail detail) {
    HorizontalLayout bar = new HorizontalLayout();
    bar.setId("procedure-actions");
    bar.setWrap(true);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    ProcedureSummary p = detail.procedure();
    if (actor.isBpo() && detail.effective() != null) {
      if (detail.acknowledgedByMe()) {
        Span done =
            Badge.of(
                getTranslation("procedure.acknowledgedByMe", detail.effective().version().number()),
                Badge.Tone.SUCCESS);
        done.setId("procedure-acknowledged");
        bar.add(done);
      } else {
        Button ack =
            new Button(
                getTranslation("procedure.acknowledge", detail.effective().version().number()),
                e ->
                    run(
                        () -> versions.acknowledge(id),
                        getTranslation("procedure.acknowledgedNow")));
        ack.setId("procedure-acknowledge");
        ack.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        bar.add(ack);
      }
    }
    if (actor == Actor.LEAD) {
      Button edit = new Button(getTranslation("procedure.editDetails"), e -> openDetails(p));
      edit.setId("procedure-edit-details");
      bar.add(edit);
      if (p.openStatus() == null) {
        Button draft =
            new Button(
                getTranslation("procedure.newDraft"),
                e ->
                    run(
                        () -> versions.newDraft(id, null),
                        getTranslation("procedure.draftOpened")));
        draft.setId("procedure-new-draft");
        bar.add(draft);
      }
      if (detail.effective() != null) {
        Button confirm =
            new Button(
                getTranslation("procedure.reviewConfirm"),
                e -> openReview(p, ReviewRequest.Outcome.CONFIRMED));
        confirm.setId("procedure-review-confirm");
        bar.add(confirm);
        if (p.openStatus() == null) {
          Button redraft =
              new Button(
                  getTranslation("procedure.reviewDraft"),
                  e -> openReview(p, ReviewRequest.Outcome.NEW_DRAFT));
          redraft.setId("procedure-review-draft");
          bar.add(redraft);
        }
      }
    }
    return bar;
  }

  /** The procedure's facts: title, area, owner, review interval and who approves. */
  private void openDetails(ProcedureSummary p) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation("procedure.editDetails"));
    ProcedureFactsForm form = new ProcedureFactsForm(procedures.possibleOwners(), p, null);
    dialog.add(form);
    form.addSaveListener(
        e -> {
          try {
            procedures.update(id, form.change());
            dialog.close();
            notify(getTranslation("procedure.detailsSaved"), NotificationVariant.LUMO_SUCCESS);
            reload();
          } catch (InvalidFields invalid) {
            form.showErrors(invalid)
                .forEach(message -> notify(message, NotificationVariant.LUMO_ERROR));
          } catch (ProblemException problem) {
            dialog.close();
            refused(problem);
            reload();
          }
        });
    form.addCloseListener(e -> dialog.close());
    Button save = new Button(getTranslation("procedure.saveDetails"), e -> form.save());
    save.setId("details-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> form.close()), save);
    dialog.open();
    form.title.focus();
  }

  private void openReview(ProcedureSummary p, ReviewRequest.Outcome outcome) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(
        getTranslation(
            outcome == ReviewRequest.Outcome.CONFIRMED
                ? "procedure.reviewConfirm"
                : "procedure.reviewDraft"));
    Paragraph explain =
        new Paragraph(
            getTranslation(
                outcome == ReviewRequest.Outcome.CONFIRMED
                    ? "procedure.reviewConfirmText"
                    : "procedure.reviewDraftText",
                p.reviewIntervalMonths()));
    TextArea comment = new TextArea(getTranslation("procedure.comment"));
    comment.setId("review-comment");
    comment.setWidthFull();
    comment.setMaxLength(4000);
    VerticalLayout body = new VerticalLayout(explain, comment);
    body.setPadding(false);
    body.setWidth("30em");
    dialog.add(body);
    Button confirm =
        new Button(
            getTranslation("procedure.record"),
            e -> {
              dialog.close();
              run(
                  () ->
                      versions.review(
                          id, new ReviewRequest(outcome, comment.getValue(), p.version())),
                  getTranslation("procedure.reviewRecorded"));
            });
    confirm.setId("review-confirm");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog
        .getFooter()
        .add(new Button(getTranslation("common.cancel"), e -> dialog.close()), confirm);
    dialog.open();
  }

  // ---------------------------------------------------------------- the version being made

  private void openVersion(VersionDetail open) {
    VersionSummary v = open.version();
    H2 heading = new H2(getTranslation("procedure.openVersion", v.number()));
    Span status = ProcedureTexts.status(this, v.status());
    status.setId("procedure-open-status");
    HorizontalLayout head = new HorizontalLayout(heading, status);
    head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    add(head);
    if (v.changeNote() != null) {
      add(new Paragraph(getTranslation("procedure.changeNote") + ": " + v.changeNote()));
    }
    HorizontalLayout steps = new HorizontalLayout();
    steps.setId("procedure-steps");
    steps.setWrap(true);
    if (actor == Actor.LEAD && v.status() == VersionStatus.DRAFT) {
      Button edit = new Button(getTranslation("procedure.edit"), e -> openEditor(open));
      edit.setId("procedure-edit-draft");
      steps.add(edit);
    }
    for (VersionAction action : VersionAction.values()) {
      if (open.actions().contains(action)) {
        Button button =
            new Button(
                getTranslation("procedure.action." + action.name()), e -> openStep(open, action));
        button.setId("procedure-step-" + action.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (action != VersionAction.REJECT) {
          button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        steps.add(button);
      }
    }
    if (v.status() == VersionStatus.IN_REVIEW && open.actions().isEmpty()) {
      steps.add(new Span(getTranslation("procedure.awaitingApproval")));
    }
    add(
        steps,
        rendered(open.html(), "procedure-open-text"),
        attachments(open, actor == Actor.LEAD && v.status() == VersionStatus.DRAFT));
  }

  /** The draft editor: Markdown on the left, the sanitised preview beside it as one types. */
  private void openEditor(VersionDetail draft) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation("procedure.editTitle", draft.version().number()));
    dialog.setWidth("min(90vw, 70em)");
    DraftEditor editor = new DraftEditor(draft);
    dialog.add(editor);
    editor.addSaveListener(
        e -> {
          try {
            versions.editDraft(id, draft.version().id(), e.request());
            dialog.close();
            notify(getTranslation("procedure.saved"), NotificationVariant.LUMO_SUCCESS);
            reload();
          } catch (InvalidFields invalid) {
            editor
                .showErrors(invalid)
                .forEach(message -> notify(message, NotificationVariant.LUMO_ERROR));
          } catch (ProblemException problem) {
            refused(problem);
          }
        });
    editor.addCloseListener(e -> dialog.close());
    Button save = new Button(getTranslation("procedure.save"), e -> editor.save());
    save.setId("draft-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> editor.close()), save);
    dialog.open();
    editor.content.focus();
  }

  /** The dialog of one step: a note (required to send back), and for making effective the date. */
  private void openStep(VersionDetail open, VersionAction action) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(
        getTranslation("procedure.action." + action.name())
            + " · "
            + getTranslation("procedure.versionNumber", open.version().number()));
    VersionStepForm form = new VersionStepForm(open.version(), action, today);
    dialog.add(form);
    form.addSaveListener(
        e -> {
          try {
            versions.step(id, open.version().id(), e.request());
            dialog.close();
            notify(
                getTranslation("procedure.done." + action.name()),
                NotificationVariant.LUMO_SUCCESS);
            reload();
          } catch (InvalidFields invalid) {
            if (!form.showErrors(invalid).isEmpty()) {
              notify(getTranslation("procedure.error.content"), NotificationVariant.LUMO_ERROR);
            }
          } catch (TransitionRefused refused) {
            dialog.close();
            notify(getTranslation("procedure.refused"), NotificationVariant.LUMO_ERROR);
            reload();
          } catch (ProblemException problem) {
            dialog.close();
            refused(problem);
            reload();
          }
        });
    form.addCloseListener(e -> dialog.close());
    Button confirm =
        new Button(getTranslation("procedure.action." + action.name()), e -> form.save());
    confirm.setId("step-confirm");
    confirm.addThemeVariants(
        action == VersionAction.REJECT ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> form.close()), confirm);
    dialog.open();
  }

  private Component attachments(VersionDetail version, boolean mayUpload) {
    VerticalLayout box = new VerticalLayout();
    box.setPadding(false);
    box.setSpacing(false);
    box.setId("attachments-" + version.version().number());
    for (VersionDetail.Attachment a : version.attachments()) {
      long versionId = version.version().id();
      Anchor link =
          new Anchor(
              new StreamResource(
                  a.fileName(),
                  () ->
                      procedures
                          .attachment(id, versionId, a.id())
                          .map(f -> (InputStream) new ByteArrayInputStream(f.content()))
                          .orElseGet(InputStream::nullInputStream)),
              a.fileName());
      link.getElement().setAttribute("download", true);
      box.add(
          new HorizontalLayout(
              link, new Span(Formats.number(a.sizeBytes() / 1024 + 1L, getLocale()) + " KB")));
    }
    if (mayUpload) {
      MultiFileMemoryBuffer buffer = new MultiFileMemoryBuffer();
      Upload upload = com.bpo.portal.ui.UploadTexts.translate(new Upload(buffer));
      upload.setId("draft-upload");
      upload.setAcceptedFileTypes(".pdf", ".docx", ".xlsx");
      upload.setMaxFileSize(com.bpo.portal.procedure.ProcedureAttachmentCheck.MAX_BYTES);
      upload.addSucceededListener(
          e -> {
            try (InputStream in = buffer.getInputStream(e.getFileName())) {
              versions.attach(id, version.version().id(), e.getFileName(), in.readAllBytes());
              notify(
                  getTranslation("procedure.attached", e.getFileName()),
                  NotificationVariant.LUMO_SUCCESS);
              reload();
            } catch (ProblemException problem) {
              notify(
                  getTranslation("procedure.attachRefused", e.getFileName()),
                  NotificationVariant.LUMO_ERROR);
            } catch (IOException io) {
              notify(io.getMessage(), NotificationVariant.LUMO_ERROR);
            }
          });
      box.add(new Span(getTranslation("procedure.attachHint")), upload);
    } else if (version.attachments().isEmpty()) {
      return new Span();
    }
    return box;
  }

  // ---------------------------------------------------------------- versions, on a date, diff

  private Component versions(ProcedureDetail detail) {
    Grid<VersionSummary> grid = new Grid<>();
    grid.setId("procedure-versions");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
    grid.setAllRowsVisible(true);
    grid.addColumn(v -> getTranslation("procedure.versionNumber", v.number()))
        .setHeader(getTranslation("procedure.version"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addComponentColumn(v -> ProcedureTexts.status(this, v.status()))
        .setHeader(getTranslation("procedure.state"))
        .setAutoWidth(true);
    grid.addColumn(v -> person(v.author()))
        .setHeader(getTranslation("procedure.author"))
        .setAutoWidth(true);
    grid.addColumn(
            v ->
                v.approvedBy() == null
                    ? ""
                    : person(v.approvedBy())
                        + " · "
                        + Formats.dateTime(v.approvedAt(), zone, getLocale()))
        .setHeader(getTranslation("procedure.approvedBy"))
        .setAutoWidth(true);
    grid.addColumn(
            v ->
                v.effectiveFrom() == null
                    ? ""
                    : Formats.date(v.effectiveFrom(), getLocale())
                        + " → "
                        + (v.effectiveTo() == null
                            ? ""
                            : Formats.date(v.effectiveTo(), getLocale())))
        .setHeader(getTranslation("procedure.inForceDates"))
        .setAutoWidth(true);
    grid.addColumn(v -> v.changeNote() == null ? "" : v.changeNote())
        .setHeader(getTranslation("procedure.changeNote"))
        .setFlexGrow(1);
    grid.addComponentColumn(
        v -> {
          Button read = new Button(getTranslation("procedure.read"), e -> openRead(v));
          read.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
          return read;
        });
    grid.setItems(detail.versions());
    return grid;
  }

  private void openRead(VersionSummary v) {
    procedures
        .version(id, v.id())
        .ifPresent(
            detail -> {
              Dialog dialog = new Dialog();
              dialog.setHeaderTitle(
                  getTranslation("procedure.versionNumber", v.number())
                      + " · "
                      + getTranslation("procedure.status." + v.status().name()));
              dialog.setWidth("min(90vw, 60em)");
              dialog.add(rendered(detail.html(), "procedure-read"), attachments(detail, false));
              dialog
                  .getFooter()
                  .add(new Button(getTranslation("procedure.close"), e -> dialog.close()));
              dialog.open();
            });
  }

  private Component acknowledgements(ProcedureDetail detail) {
    ProcedureDetail.Acknowledgements acks = detail.acknowledgements();
    VerticalLayout box = new VerticalLayout();
    box.setPadding(false);
    if (acks.versionId() == null) {
      box.add(new Paragraph(getTranslation("procedure.ackNothing")));
      return box;
    }
    Paragraph done =
        new Paragraph(
            getTranslation("procedure.acked", acks.number(), acks.acknowledged().size())
                + " "
                + String.join(
                    ", ",
                    acks.acknowledged().stream()
                        .map(
                            a ->
                                a.displayName()
                                    + " ("
                                    + Formats.dateTime(a.acknowledgedAt(), zone, getLocale())
                                    + ")")
                        .toList()));
    done.setId("procedure-acks");
    Paragraph pending =
        new Paragraph(
            acks.pending().isEmpty()
                ? getTranslation("procedure.ackAll")
                : getTranslation("procedure.notAcked", acks.pending().size())
                    + " "
                    + String.join(
                        ", ",
                        acks.pending().stream().map(ProcedureDetail.Person::displayName).toList()));
    pending.setId("procedure-pending");
    box.add(done, pending);
    return box;
  }

  private Component reviews(ProcedureDetail detail) {
    if (detail.reviews().isEmpty()) {
      return new Paragraph(getTranslation("procedure.noReviews"));
    }
    Grid<ProcedureDetail.Review> grid = new Grid<>();
    grid.setId("procedure-reviews");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
    grid.setAllRowsVisible(true);
    grid.addColumn(r -> Formats.dateTime(r.reviewedAt(), zone, getLocale()))
        .setHeader(getTranslation("procedure.when"))
        .setAutoWidth(true);
    grid.addColumn(r -> person(r.reviewedBy()))
        .setHeader(getTranslation("procedure.who"))
        .setAutoWidth(true);
    grid.addColumn(
            r ->
                getTranslation(
                    "procedure.reviewOutcome." + r.outcome(), r.number() == null ? "" : r.number()))
        .setHeader(getTranslation("procedure.outcome"))
        .setAutoWidth(true);
    grid.addColumn(r -> r.comment() == null ? "" : r.comment())
        .setHeader(getTranslation("procedure.comment"))
        .setFlexGrow(1);
    grid.setItems(detail.reviews());
    return grid;
  }

  private Component history(ProcedureDetail detail) {
    Grid<ProcedureDetail.Event> grid = new Grid<>();
    grid.setId("procedure-history");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
    grid.setAllRowsVisible(true);
    grid.addColumn(e -> Formats.dateTime(e.at(), zone, getLocale()))
        .setHeader(getTranslation("procedure.when"))
        .setAutoWidth(true);
    grid.addColumn(e -> person(e.actor()))
        .setHeader(getTranslation("procedure.who"))
        .setAutoWidth(true);
    grid.addColumn(
            e ->
                getTranslation("procedure.event." + e.action())
                    + (e.number() == null
                        ? ""
                        : " · " + getTranslation("procedure.versionNumber", e.number())))
        .setHeader(getTranslation("procedure.what"))
        .setAutoWidth(true);
    grid.addColumn(
            e ->
                e.toStatus() == null || e.fromStatus() == e.toStatus()
                    ? ""
                    : (e.fromStatus() == null
                            ? ""
                            : getTranslation("procedure.status." + e.fromStatus().name()) + " → ")
                        + getTranslation("procedure.status." + e.toStatus().name()))
        .setHeader(getTranslation("procedure.state"))
        .setAutoWidth(true);
    grid.addColumn(e -> e.note() == null ? "" : e.note())
        .setHeader(getTranslation("procedure.comment"))
        .setFlexGrow(1);
    grid.setItems(detail.history());
    return grid;
  }

  // ---------------------------------------------------------------- helpers

  private void run(Runnable change, String success) {
    try {
      change.run();
      notify(success, NotificationVariant.LUMO_SUCCESS);
    } catch (ProblemException problem) {
      refused(problem);
    }
    reload();
  }

  /** The name a person reads for a username (the username itself for someone no longer active). */
  private String person(String username) {
    return names.getOrDefault(username, username);
  }

  /** A refusal in words: someone else's change (409) as such, anything else as the service says. */
  private void refused(ProblemException problem) {
    notify(
        problem.status() == 409 ? getTranslation("procedure.conflict") : problem.getMessage(),
        NotificationVariant.LUMO_ERROR);
  }

  private static void notify(String text, NotificationVariant variant) {
    Notification.show(text, 5000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
  }

  @Override
  public String getPageTitle() {
    return title;
  }
}
