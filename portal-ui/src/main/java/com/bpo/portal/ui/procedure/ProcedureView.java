package com.bpo.portal.ui.procedure;

import com.bpo.portal.procedure.Actor;
import com.bpo.portal.procedure.DraftChange;
import com.bpo.portal.procedure.ProcedureChange;
import com.bpo.portal.procedure.ProcedureDetail;
import com.bpo.portal.procedure.ProcedureDiff;
import com.bpo.portal.procedure.ProcedureService;
import com.bpo.portal.procedure.ProcedureSummary;
import com.bpo.portal.procedure.ReviewRequest;
import com.bpo.portal.procedure.SafeMarkdown;
import com.bpo.portal.procedure.StepRequest;
import com.bpo.portal.shared.TransitionRefused;
import com.bpo.portal.procedure.VersionAction;
import com.bpo.portal.procedure.VersionDetail;
import com.bpo.portal.procedure.VersionStatus;
import com.bpo.portal.procedure.VersionSummary;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.ProcessArea;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.MainLayout;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
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
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MultiFileMemoryBuffer;
import com.vaadin.flow.data.value.ValueChangeMode;
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
import java.util.List;
import java.util.Locale;

/**
 * One procedure: the version in force, rendered; the version being made with the steps the reader
 * may take (edit, submit, approve, send back, make effective); every version with its state; which
 * version was in force on a chosen date; a diff between two versions; who has and has not
 * acknowledged; reviews and history. Another tenant's id is "not found".
 */
@Route(value = "procedure", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class ProcedureView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {
  private final ProcedureService procedures;
  private final Actor actor;
  private final ZoneId zone;
  private final LocalDate today;
  private long id;
  private String title = "";

  @Inject
  public ProcedureView(ProcedureService procedures, TenantContext context) {
    this.procedures = procedures;
    this.actor = Actor.of(context.requireUser());
    this.zone = ZoneId.of(context.requireTenant().timeZone());
    this.today = context.today();
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
    HorizontalLayout top = new HorizontalLayout(heading,
        Badge.of(getTranslation("processArea." + p.processArea().name()), Badge.Tone.NEUTRAL));
    top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

    FormLayout facts = new FormLayout();
    facts.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
    fact(facts, "procedures.owner", new Span(p.ownerName()));
    fact(facts, "procedure.reviewInterval", new Span(getTranslation("procedure.months", p.reviewIntervalMonths())));
    fact(facts, "procedure.approval", new Span(getTranslation(p.clientApprovalRequired()
        ? "procedure.clientApproval.yes" : "procedure.clientApproval.no")));
    fact(facts, "procedures.nextReview", ProcedureTexts.review(this, p));

    add(new RouterLink(getTranslation("procedure.back"), ProceduresView.class), top, facts, actions(detail));

    add(new H2(getTranslation("procedure.inForce")));
    if (detail.effective() == null) {
      add(new Paragraph(getTranslation("procedure.noneEffectiveLong")));
    } else {
      VersionSummary v = detail.effective().version();
      Span caption = new Span(getTranslation("procedure.effectiveLong", v.number(),
          Formats.date(v.effectiveFrom(), getLocale()), v.approvedBy() == null ? "—" : v.approvedBy()));
      caption.setId("procedure-effective-caption");
      add(caption, rendered(detail.effective().html(), "procedure-effective"),
          attachments(detail.effective(), false));
    }

    detail.versions().stream().filter(v -> v.status().isOpen()).findFirst()
        .flatMap(v -> procedures.version(id, v.id())).ifPresent(this::openVersion);

    add(new H2(getTranslation("procedure.versions")), versions(detail), onDate(detail), diff(detail));
    add(new H2(getTranslation("procedure.acknowledgements")), acknowledgements(detail));
    add(new H2(getTranslation("procedure.reviews")), reviews(detail));
    add(new H2(getTranslation("procedure.history")), history(detail));
  }

  private void fact(FormLayout form, String labelKey, Component value) {
    value.getElement().getStyle().set("font-weight", "500");
    form.addFormItem(value, getTranslation(labelKey));
  }

  /** Sanitised HTML from the service (SafeMarkdown): the only place a procedure's text becomes markup. */
  private static Div rendered(String safeHtml, String elementId) {
    Div html = new Div();
    html.setId(elementId);
    html.addClassName("procedure-text");
    html.getElement().setProperty("innerHTML", safeHtml);
    html.getStyle().set("max-width", "60em").set("border-left", "3px solid var(--lumo-contrast-10pct)")
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
        Span done = Badge.of(getTranslation("procedure.acknowledgedByMe", detail.effective().version().number()),
            Badge.Tone.SUCCESS);
        done.setId("procedure-acknowledged");
        bar.add(done);
      } else {
        Button ack = new Button(getTranslation("procedure.acknowledge", detail.effective().version().number()),
            e -> run(() -> procedures.acknowledge(id), getTranslation("procedure.acknowledgedNow")));
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
        Button draft = new Button(getTranslation("procedure.newDraft"), e -> run(() -> procedures.newDraft(id, null),
            getTranslation("procedure.draftOpened")));
        draft.setId("procedure-new-draft");
        bar.add(draft);
      }
      if (detail.effective() != null) {
        Button confirm = new Button(getTranslation("procedure.reviewConfirm"),
            e -> openReview(p, ReviewRequest.Outcome.CONFIRMED));
        confirm.setId("procedure-review-confirm");
        bar.add(confirm);
        if (p.openStatus() == null) {
          Button redraft = new Button(getTranslation("procedure.reviewDraft"),
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
    TextField name = new TextField(getTranslation("procedures.title"));
    name.setId("details-title");
    name.setWidthFull();
    name.setMaxLength(200);
    name.setValue(p.title());
    Select<ProcessArea> area = new Select<>();
    area.setLabel(getTranslation("procedures.area"));
    area.setItems(ProcessArea.values());
    area.setItemLabelGenerator(a -> getTranslation("processArea." + a.name()));
    area.setValue(p.processArea());
    List<ProcedureDetail.Person> owners = procedures.possibleOwners();
    ComboBox<ProcedureDetail.Person> owner = new ComboBox<>(getTranslation("procedures.owner"));
    owner.setItems(owners);
    owner.setItemLabelGenerator(ProcedureDetail.Person::displayName);
    owners.stream().filter(o -> o.username().equals(p.owner())).findFirst().ifPresent(owner::setValue);
    IntegerField interval = new IntegerField(getTranslation("procedures.interval"));
    interval.setMin(1);
    interval.setMax(60);
    interval.setStepButtonsVisible(true);
    interval.setValue(p.reviewIntervalMonths());
    Checkbox clientApproval = new Checkbox(getTranslation("procedures.clientApproval"), p.clientApprovalRequired());
    VerticalLayout body = new VerticalLayout(name, area, owner, interval, clientApproval);
    body.setPadding(false);
    body.setWidth("30em");
    dialog.add(body);
    Button save = new Button(getTranslation("procedure.saveDetails"), e -> {
      try {
        procedures.update(id, new ProcedureChange(name.getValue(), area.getValue(),
            owner.getValue() == null ? null : owner.getValue().username(), interval.getValue(),
            clientApproval.getValue(), p.version()));
        dialog.close();
        notify(getTranslation("procedure.detailsSaved"), NotificationVariant.LUMO_SUCCESS);
        reload();
      } catch (InvalidFields invalid) {
        invalid.toProblem().errors().forEach(error -> {
          if (error.field().equals("title")) {
            name.setErrorMessage(getTranslation("procedures.error.title"));
            name.setInvalid(true);
          } else {
            notify(error.field() + ": " + error.message(), NotificationVariant.LUMO_ERROR);
          }
        });
      } catch (ProblemException problem) {
        dialog.close();
        notify(problem.status() == 409 ? getTranslation("procedure.conflict") : problem.getMessage(),
            NotificationVariant.LUMO_ERROR);
        reload();
      }
    });
    save.setId("details-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
    dialog.open();
    name.focus();
  }

  private void openReview(ProcedureSummary p, ReviewRequest.Outcome outcome) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation(outcome == ReviewRequest.Outcome.CONFIRMED
        ? "procedure.reviewConfirm" : "procedure.reviewDraft"));
    Paragraph explain = new Paragraph(getTranslation(outcome == ReviewRequest.Outcome.CONFIRMED
        ? "procedure.reviewConfirmText" : "procedure.reviewDraftText", p.reviewIntervalMonths()));
    TextArea comment = new TextArea(getTranslation("procedure.comment"));
    comment.setId("review-comment");
    comment.setWidthFull();
    comment.setMaxLength(4000);
    VerticalLayout body = new VerticalLayout(explain, comment);
    body.setPadding(false);
    body.setWidth("30em");
    dialog.add(body);
    Button confirm = new Button(getTranslation("procedure.record"), e -> {
      dialog.close();
      run(() -> procedures.review(id, new ReviewRequest(outcome, comment.getValue(), p.version())),
          getTranslation("procedure.reviewRecorded"));
    });
    confirm.setId("review-confirm");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), confirm);
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
        Button button = new Button(getTranslation("procedure.action." + action.name()), e -> openStep(open, action));
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
    add(steps, rendered(open.html(), "procedure-open-text"), attachments(open, actor == Actor.LEAD
        && v.status() == VersionStatus.DRAFT));
  }

  /** The draft editor: Markdown on the left, the sanitised preview beside it as one types. */
  private void openEditor(VersionDetail draft) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation("procedure.editTitle", draft.version().number()));
    dialog.setWidth("min(90vw, 70em)");
    TextArea content = new TextArea(getTranslation("procedure.markdown"));
    content.setId("draft-content");
    content.setValue(draft.content());
    content.setWidthFull();
    content.setMinHeight("24em");
    content.setValueChangeMode(ValueChangeMode.LAZY);
    Div preview = rendered(draft.html(), "draft-preview");
    preview.setWidthFull();
    content.addValueChangeListener(e -> preview.getElement().setProperty("innerHTML", SafeMarkdown.toHtml(e.getValue())));
    VerticalLayout previewColumn = new VerticalLayout(new Span(getTranslation("procedure.preview")), preview);
    previewColumn.setPadding(false);
    HorizontalLayout split = new HorizontalLayout(content, previewColumn);
    split.setWidthFull();
    split.setFlexGrow(1, content, previewColumn);
    TextField note = new TextField(getTranslation("procedure.changeNote"));
    note.setId("draft-note");
    note.setWidthFull();
    note.setMaxLength(4000);
    note.setValue(draft.version().changeNote() == null ? "" : draft.version().changeNote());
    dialog.add(new VerticalLayout(note, split));
    Button save = new Button(getTranslation("procedure.save"), e -> {
      try {
        procedures.editDraft(id, draft.version().id(),
            new DraftChange(content.getValue(), note.getValue(), draft.version().version()));
        dialog.close();
        notify(getTranslation("procedure.saved"), NotificationVariant.LUMO_SUCCESS);
        reload();
      } catch (ProblemException problem) {
        notify(problem.status() == 409 ? getTranslation("procedure.conflict") : problem.getMessage(),
            NotificationVariant.LUMO_ERROR);
      }
    });
    save.setId("draft-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
    dialog.open();
    content.focus();
  }

  /** The dialog of one step: a note (required to send back), and for making effective the date. */
  private void openStep(VersionDetail open, VersionAction action) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation("procedure.action." + action.name()) + " · "
        + getTranslation("procedure.versionNumber", open.version().number()));
    VerticalLayout body = new VerticalLayout();
    body.setPadding(false);
    body.setWidth("30em");
    body.add(new Paragraph(getTranslation("procedure.explain." + action.name())));
    DatePicker from = new DatePicker(getTranslation("procedure.effectiveFrom"));
    from.setId("step-effective-from");
    from.setLocale(getLocale());
    from.setMin(today);
    from.setValue(today);
    if (action == VersionAction.MAKE_EFFECTIVE) {
      body.add(from);
    }
    TextArea note = new TextArea(getTranslation(action == VersionAction.REJECT
        ? "procedure.noteRequired" : "procedure.noteOptional"));
    note.setId("step-note");
    note.setWidthFull();
    note.setMaxLength(4000);
    body.add(note);
    dialog.add(body);
    Button confirm = new Button(getTranslation("procedure.action." + action.name()), e -> {
      try {
        procedures.step(id, open.version().id(), new StepRequest(action, open.version().version(), note.getValue(),
            action == VersionAction.MAKE_EFFECTIVE ? from.getValue() : null));
        dialog.close();
        notify(getTranslation("procedure.done." + action.name()), NotificationVariant.LUMO_SUCCESS);
        reload();
      } catch (InvalidFields invalid) {
        invalid.toProblem().errors().forEach(error -> {
          if (error.field().equals("note")) {
            note.setErrorMessage(getTranslation("procedure.error.note"));
            note.setInvalid(true);
          } else if (error.field().equals("effectiveFrom")) {
            from.setErrorMessage(getTranslation("procedure.error.effectiveFrom"));
            from.setInvalid(true);
          } else {
            notify(getTranslation("procedure.error.content"), NotificationVariant.LUMO_ERROR);
          }
        });
      } catch (TransitionRefused refused) {
        dialog.close();
        notify(getTranslation("procedure.refused"), NotificationVariant.LUMO_ERROR);
        reload();
      } catch (ProblemException problem) {
        dialog.close();
        notify(problem.status() == 409 ? getTranslation("procedure.conflict") : problem.getMessage(),
            NotificationVariant.LUMO_ERROR);
        reload();
      }
    });
    confirm.setId("step-confirm");
    confirm.addThemeVariants(action == VersionAction.REJECT ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), confirm);
    dialog.open();
  }

  private Component attachments(VersionDetail version, boolean mayUpload) {
    VerticalLayout box = new VerticalLayout();
    box.setPadding(false);
    box.setSpacing(false);
    box.setId("attachments-" + version.version().number());
    for (VersionDetail.Attachment a : version.attachments()) {
      long versionId = version.version().id();
      Anchor link = new Anchor(new StreamResource(a.fileName(), () -> procedures.attachment(id, versionId, a.id())
          .map(f -> (InputStream) new ByteArrayInputStream(f.content())).orElseGet(InputStream::nullInputStream)),
          a.fileName());
      link.getElement().setAttribute("download", true);
      box.add(new HorizontalLayout(link, new Span(Formats.number(a.sizeBytes() / 1024 + 1L, getLocale()) + " KB")));
    }
    if (mayUpload) {
      MultiFileMemoryBuffer buffer = new MultiFileMemoryBuffer();
      Upload upload = com.bpo.portal.ui.UploadTexts.translate(new Upload(buffer));
      upload.setId("draft-upload");
      upload.setAcceptedFileTypes(".pdf", ".docx", ".xlsx");
      upload.setMaxFileSize(com.bpo.portal.procedure.ProcedureAttachmentCheck.MAX_BYTES);
      upload.addSucceededListener(e -> {
        try (InputStream in = buffer.getInputStream(e.getFileName())) {
          procedures.attach(id, version.version().id(), e.getFileName(), in.readAllBytes());
          notify(getTranslation("procedure.attached", e.getFileName()), NotificationVariant.LUMO_SUCCESS);
          reload();
        } catch (ProblemException problem) {
          notify(getTranslation("procedure.attachRefused", e.getFileName()), NotificationVariant.LUMO_ERROR);
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
    grid.addColumn(v -> getTranslation("procedure.versionNumber", v.number())).setHeader(getTranslation("procedure.version"))
        .setAutoWidth(true).setFlexGrow(0);
    grid.addComponentColumn(v -> ProcedureTexts.status(this, v.status())).setHeader(getTranslation("procedure.state"))
        .setAutoWidth(true);
    grid.addColumn(VersionSummary::author).setHeader(getTranslation("procedure.author")).setAutoWidth(true);
    grid.addColumn(v -> v.approvedBy() == null ? "" : v.approvedBy() + " · "
        + Formats.dateTime(v.approvedAt(), zone, getLocale())).setHeader(getTranslation("procedure.approvedBy"))
        .setAutoWidth(true);
    grid.addColumn(v -> v.effectiveFrom() == null ? "" : Formats.date(v.effectiveFrom(), getLocale()) + " → "
        + (v.effectiveTo() == null ? "" : Formats.date(v.effectiveTo(), getLocale())))
        .setHeader(getTranslation("procedure.inForceDates")).setAutoWidth(true);
    grid.addColumn(v -> v.changeNote() == null ? "" : v.changeNote()).setHeader(getTranslation("procedure.changeNote"))
        .setFlexGrow(1);
    grid.addComponentColumn(v -> {
      Button read = new Button(getTranslation("procedure.read"), e -> openRead(v));
      read.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
      return read;
    });
    grid.setItems(detail.versions());
    return grid;
  }

  private void openRead(VersionSummary v) {
    procedures.version(id, v.id()).ifPresent(detail -> {
      Dialog dialog = new Dialog();
      dialog.setHeaderTitle(getTranslation("procedure.versionNumber", v.number()) + " · "
          + getTranslation("procedure.status." + v.status().name()));
      dialog.setWidth("min(90vw, 60em)");
      dialog.add(rendered(detail.html(), "procedure-read"), attachments(detail, false));
      dialog.getFooter().add(new Button(getTranslation("procedure.close"), e -> dialog.close()));
      dialog.open();
    });
  }

  private Component onDate(ProcedureDetail detail) {
    DatePicker date = new DatePicker(getTranslation("procedure.onDate"));
    date.setId("procedure-on-date");
    date.setLocale(getLocale());
    Span result = new Span();
    result.setId("procedure-on-date-result");
    date.addValueChangeListener(e -> {
      if (e.getValue() == null) {
        result.setText("");
        return;
      }
      result.setText(procedures.effectiveOn(id, e.getValue())
          .map(v -> getTranslation("procedure.onDateResult", Formats.date(e.getValue(), getLocale()), v.number(),
              Formats.date(v.effectiveFrom(), getLocale())))
          .orElse(getTranslation("procedure.onDateNone", Formats.date(e.getValue(), getLocale()))));
    });
    HorizontalLayout row = new HorizontalLayout(date, result);
    row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    return row;
  }

  private Component diff(ProcedureDetail detail) {
    VerticalLayout box = new VerticalLayout();
    box.setPadding(false);
    if (detail.versions().size() < 2) {
      return box;
    }
    List<VersionSummary> versions = detail.versions();
    Select<VersionSummary> from = new Select<>();
    from.setId("diff-from");
    from.setLabel(getTranslation("procedure.diffFrom"));
    from.setItems(versions);
    from.setItemLabelGenerator(v -> getTranslation("procedure.versionNumber", v.number()));
    from.setValue(versions.get(1));
    Select<VersionSummary> to = new Select<>();
    to.setId("diff-to");
    to.setLabel(getTranslation("procedure.diffTo"));
    to.setItems(versions);
    to.setItemLabelGenerator(v -> getTranslation("procedure.versionNumber", v.number()));
    to.setValue(versions.get(0));
    Div lines = new Div();
    lines.setId("procedure-diff");
    lines.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)")
        .set("font-size", "var(--lumo-font-size-s)").set("white-space", "pre-wrap").set("max-width", "70em");
    Button compare = new Button(getTranslation("procedure.compare"), e -> {
      lines.removeAll();
      if (from.getValue() == null || to.getValue() == null) {
        return;
      }
      ProcedureDiff.Result result = procedures.diff(id, from.getValue().id(), to.getValue().id());
      Span summary = new Span(getTranslation("procedure.diffSummary", result.added(), result.removed()));
      summary.setId("procedure-diff-summary");
      lines.add(summary);
      for (ProcedureDiff.Line line : result.lines()) {
        Div row = new Div();
        // text, never HTML: the Markdown source shows as written
        row.setText(switch (line.kind()) {
          case ADDED -> "+ ";
          case REMOVED -> "− ";
          default -> "  ";
        } + line.text());
        row.addClassName("diff-" + line.kind().name().toLowerCase(Locale.ROOT));
        if (line.kind() == ProcedureDiff.Kind.ADDED) {
          row.getStyle().set("background", "var(--lumo-success-color-10pct)");
        } else if (line.kind() == ProcedureDiff.Kind.REMOVED) {
          row.getStyle().set("background", "var(--lumo-error-color-10pct)").set("text-decoration", "line-through");
        }
        lines.add(row);
      }
    });
    compare.setId("diff-show");
    compare.click();   // what the newest version changed, shown at once
    HorizontalLayout row = new HorizontalLayout(from, to, compare);
    row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    box.add(row, lines);
    return box;
  }

  // ---------------------------------------------------------------- acknowledgements, reviews, history

  private Component acknowledgements(ProcedureDetail detail) {
    ProcedureDetail.Acknowledgements acks = detail.acknowledgements();
    VerticalLayout box = new VerticalLayout();
    box.setPadding(false);
    if (acks.versionId() == null) {
      box.add(new Paragraph(getTranslation("procedure.ackNothing")));
      return box;
    }
    Paragraph done = new Paragraph(getTranslation("procedure.acked", acks.number(), acks.acknowledged().size()) + " "
        + String.join(", ", acks.acknowledged().stream().map(a -> a.displayName() + " ("
            + Formats.dateTime(a.acknowledgedAt(), zone, getLocale()) + ")").toList()));
    done.setId("procedure-acks");
    Paragraph pending = new Paragraph(acks.pending().isEmpty() ? getTranslation("procedure.ackAll")
        : getTranslation("procedure.notAcked", acks.pending().size()) + " "
            + String.join(", ", acks.pending().stream().map(ProcedureDetail.Person::displayName).toList()));
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
    grid.addColumn(r -> Formats.dateTime(r.reviewedAt(), zone, getLocale())).setHeader(getTranslation("procedure.when"))
        .setAutoWidth(true);
    grid.addColumn(ProcedureDetail.Review::reviewedBy).setHeader(getTranslation("procedure.who")).setAutoWidth(true);
    grid.addColumn(r -> getTranslation("procedure.reviewOutcome." + r.outcome(), r.number() == null ? "" : r.number()))
        .setHeader(getTranslation("procedure.outcome")).setAutoWidth(true);
    grid.addColumn(r -> r.comment() == null ? "" : r.comment()).setHeader(getTranslation("procedure.comment"))
        .setFlexGrow(1);
    grid.setItems(detail.reviews());
    return grid;
  }

  private Component history(ProcedureDetail detail) {
    Grid<ProcedureDetail.Event> grid = new Grid<>();
    grid.setId("procedure-history");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
    grid.setAllRowsVisible(true);
    grid.addColumn(e -> Formats.dateTime(e.at(), zone, getLocale())).setHeader(getTranslation("procedure.when"))
        .setAutoWidth(true);
    grid.addColumn(ProcedureDetail.Event::actor).setHeader(getTranslation("procedure.who")).setAutoWidth(true);
    grid.addColumn(e -> getTranslation("procedure.event." + e.action())
            + (e.number() == null ? "" : " · " + getTranslation("procedure.versionNumber", e.number())))
        .setHeader(getTranslation("procedure.what")).setAutoWidth(true);
    grid.addColumn(e -> e.toStatus() == null || e.fromStatus() == e.toStatus() ? ""
            : (e.fromStatus() == null ? "" : getTranslation("procedure.status." + e.fromStatus().name()) + " → ")
                + getTranslation("procedure.status." + e.toStatus().name()))
        .setHeader(getTranslation("procedure.state")).setAutoWidth(true);
    grid.addColumn(e -> e.note() == null ? "" : e.note()).setHeader(getTranslation("procedure.comment")).setFlexGrow(1);
    grid.setItems(detail.history());
    return grid;
  }

  // ---------------------------------------------------------------- helpers

  private void run(Runnable change, String success) {
    try {
      change.run();
      notify(success, NotificationVariant.LUMO_SUCCESS);
    } catch (ProblemException problem) {
      notify(problem.status() == 409 ? getTranslation("procedure.conflict") : problem.getMessage(),
          NotificationVariant.LUMO_ERROR);
    }
    reload();
  }

  private static void notify(String text, NotificationVariant variant) {
    Notification.show(text, 5000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
  }

  @Override
  public String getPageTitle() {
    return title;
  }
}
