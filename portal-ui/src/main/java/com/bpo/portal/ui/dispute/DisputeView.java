package com.bpo.portal.ui.dispute;

import com.bpo.portal.dispute.DisputeAction;
import com.bpo.portal.dispute.DisputeDetail;
import com.bpo.portal.dispute.DisputeService;
import com.bpo.portal.dispute.DisputeSummary;
import com.bpo.portal.dispute.Outcome;
import com.bpo.portal.dispute.Party;
import com.bpo.portal.dispute.TransitionRequest;
import com.bpo.portal.dispute.Visibility;
import com.bpo.portal.shared.Decimals;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.Problem;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.shared.TransitionRefused;
import com.bpo.portal.tenant.StaffMember;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.MainLayout;
import com.bpo.portal.ui.invoice.InvoiceView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
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
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
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
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * One dispute, for whoever may see it: the facts, what is disputed, the steps the reader can take
 * now, the conversation at the reader's visibility, evidence files and the history. Another
 * tenant's or customer's id is "not found".
 */
@Route(value = "dispute", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER, Roles.CUSTOMER})
public class DisputeView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {
  private static final int MAX_FILE = com.bpo.portal.shared.AttachmentCheck.MAX_BYTES;

  private final DisputeService disputes;
  private final com.bpo.portal.tenant.PeopleNames people;
  private final Party party;
  private final ZoneId zone;
  private long id;
  private String title = "";

  private final com.bpo.portal.tenant.PortalUser user;

  @Inject
  public DisputeView(
      DisputeService disputes, TenantContext context, com.bpo.portal.tenant.PeopleNames people) {
    this.disputes = disputes;
    this.people = people;
    this.party = Party.of(context.requireUser());
    this.user = context.requireUser();
    this.zone = ZoneId.of(context.requireTenant().timeZone());
  }

  @Override
  public void setParameter(BeforeEvent event, Long disputeId) {
    this.id = disputeId;
    show(disputes.find(disputeId).orElseThrow(NotFoundException::new));
  }

  private void reload() {
    disputes.find(id).ifPresent(this::show);
  }

  private void show(DisputeDetail detail) {
    DisputeSummary d = detail.dispute();
    title = getTranslation("dispute.title", d.number());
    removeAll();
    H1 heading = new H1(title);
    heading.setId("dispute-number");
    Span status = DisputeTexts.status(this, d);
    status.setId("dispute-status");
    HorizontalLayout top = new HorizontalLayout(heading, status);
    top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

    // everyone who may have written in the thread, by name (one query)
    Map<String, String> names = people.all();
    // the people a dispute can be given to: named in the facts, offered to the BPO in the actions
    List<StaffMember> staff = party == Party.CUSTOMER ? List.of() : disputes.assignableStaff();
    FormLayout facts = new FormLayout();
    facts.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
    fact(facts, "invoices.customer", d.customerNumber() + " · " + d.customerName());
    fact(facts, "disputes.reason", DisputeTexts.reason(this, d.reasonCode(), detail.reasonLabel()));
    fact(facts, "disputes.amount", Formats.money(d.disputed(), getLocale()))
        .setId("dispute-amount");
    fact(facts, "dispute.settled", Formats.money(d.settled(), getLocale()))
        .setId("dispute-settled");
    fact(
        facts,
        "disputes.raised",
        Formats.dateTime(d.raisedAt(), zone, getLocale())
            + " · "
            + author(d.raisedBy(), false, detail, names));
    if (d.status().isOpen()) {
      fact(facts, "dispute.promisedResponse", Formats.date(d.promisedResponseOn(), getLocale()));
    }
    if (party != Party.CUSTOMER) {
      fact(
          facts,
          "dispute.responseDue",
          Formats.dateTime(d.firstResponseDue(), zone, getLocale())
              + (Boolean.TRUE.equals(d.firstResponseBreached())
                  ? " · " + getTranslation("disputes.breach.response")
                  : ""));
      fact(
          facts,
          "dispute.resolutionDue",
          Formats.dateTime(d.resolutionDue(), zone, getLocale())
              + (Boolean.TRUE.equals(d.resolutionBreached())
                  ? " · " + getTranslation("disputes.breach.resolution")
                  : ""));
      fact(
          facts,
          "disputes.assignee",
          d.assignee() == null
              ? getTranslation("disputes.unassigned")
              : staff.stream()
                  .filter(m -> m.username().equals(d.assignee()))
                  .map(StaffMember::displayName)
                  .findFirst()
                  .orElse(d.assignee()));
    }

    Paragraph description = new Paragraph(detail.description()); // text, never HTML
    description.setId("dispute-description");
    description.getStyle().set("white-space", "pre-wrap").set("max-width", "60em");

    Grid<DisputeDetail.Item> items = new Grid<>();
    items.setId("dispute-items");
    items.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
    items.setAllRowsVisible(true);
    items
        .addComponentColumn(
            i -> new RouterLink(i.invoiceNumber(), InvoiceView.class, i.invoiceId()))
        .setHeader(getTranslation("invoices.number"))
        .setAutoWidth(true);
    items
        .addColumn(i -> i.lineNo() == null ? "—" : String.valueOf(i.lineNo()))
        .setHeader(getTranslation("dispute.line"))
        .setAutoWidth(true);
    items
        .addColumn(i -> Formats.money(i.amount(), getLocale()))
        .setHeader(getTranslation("disputes.amount"))
        .setTextAlign(ColumnTextAlign.END);
    items
        .addColumn(i -> Formats.money(i.settled(), getLocale()))
        .setHeader(getTranslation("dispute.settled"))
        .setTextAlign(ColumnTextAlign.END);
    items
        .addColumn(i -> Formats.money(i.invoiceOpen(), getLocale()))
        .setHeader(getTranslation("invoices.open"))
        .setTextAlign(ColumnTextAlign.END);
    items.setItems(detail.items());

    add(
        new RouterLink(getTranslation("dispute.back"), DisputesView.class),
        top,
        actions(detail, staff),
        facts,
        description,
        new H2(getTranslation("dispute.items")),
        items,
        new H2(getTranslation("dispute.conversation")),
        thread(detail, names),
        new H2(getTranslation("dispute.attachments")),
        attachments(detail, names),
        new H2(getTranslation("dispute.history")),
        history(detail, names));
    com.bpo.portal.ui.audit.AuditHistoryLink.of(user, "dispute", detail.dispute().id())
        .ifPresent(this::add);
  }

  private Paragraph fact(FormLayout form, String labelKey, String value) {
    Paragraph text = new Paragraph(value);
    text.getStyle().set("margin", "0").set("font-weight", "500");
    form.addFormItem(text, getTranslation(labelKey));
    return text;
  }

  // ---------------------------------------------------------------- actions

  private Component actions(DisputeDetail detail, List<StaffMember> staff) {
    HorizontalLayout bar = new HorizontalLayout();
    bar.setId("dispute-actions");
    bar.setWrap(true);
    for (DisputeAction action : DisputeAction.values()) {
      if (detail.actions().contains(action)) {
        Button button =
            new Button(
                getTranslation("dispute.action." + action.name()), e -> openStep(detail, action));
        button.setId(
            "dispute-action-" + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        if (action == DisputeAction.RESOLVE || action == DisputeAction.START_REVIEW) {
          button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        bar.add(button);
      }
    }
    if (party == Party.BPO) {
      ComboBox<StaffMember> assignee = new ComboBox<>(getTranslation("disputes.assignTo"));
      assignee.setId("dispute-assignee");
      assignee.setItems(staff);
      assignee.setItemLabelGenerator(StaffMember::displayName);
      staff.stream()
          .filter(s -> s.username().equals(detail.dispute().assignee()))
          .findFirst()
          .ifPresent(assignee::setValue);
      assignee.addValueChangeListener(
          e -> {
            if (e.isFromClient()) {
              run(
                  () ->
                      disputes.assign(
                          id,
                          e.getValue() == null ? null : e.getValue().username(),
                          detail.dispute().version()),
                  getTranslation(
                      "dispute.assignedTo",
                      e.getValue() == null
                          ? getTranslation("disputes.unassigned")
                          : e.getValue().displayName()));
            }
          });
      bar.add(assignee);
      bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    }
    return bar;
  }

  /**
   * The dialog of one step: why (required where the customer will read it), and for a resolution
   * how.
   */
  private void openStep(DisputeDetail detail, DisputeAction action) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(
        getTranslation("dispute.action." + action.name()) + " · " + detail.dispute().number());
    TextArea note =
        new TextArea(
            getTranslation(
                action == DisputeAction.START_REVIEW
                        || action == DisputeAction.CLOSE
                        || action == DisputeAction.RESUME_REVIEW
                    ? "dispute.noteOptional"
                    : "dispute.noteForCustomer"));
    note.setId("dispute-step-note");
    note.setWidthFull();
    note.setMinHeight("8em");
    note.setMaxLength(8000);
    RadioButtonGroup<Outcome> outcome = new RadioButtonGroup<>(getTranslation("dispute.outcome"));
    outcome.setId("dispute-step-outcome");
    outcome.setItems(Outcome.values());
    outcome.setItemLabelGenerator(o -> getTranslation("dispute.outcome." + o.name()));
    BigDecimalField accepted = new BigDecimalField(getTranslation("dispute.acceptedAmount"));
    accepted.setId("dispute-step-accepted");
    accepted.setVisible(false);
    outcome.addValueChangeListener(
        e -> accepted.setVisible(e.getValue() == Outcome.PARTLY_ACCEPTED));
    VerticalLayout body = new VerticalLayout();
    body.setPadding(false);
    if (action == DisputeAction.RESOLVE) {
      body.add(outcome, accepted);
    }
    body.add(note);
    body.setWidth("32em");
    dialog.add(body);
    Button confirm =
        new Button(
            getTranslation("dispute.action." + action.name()),
            e -> {
              note.setInvalid(false);
              outcome.setInvalid(false);
              accepted.setInvalid(false);
              try {
                disputes.transition(
                    id,
                    new TransitionRequest(
                        action,
                        detail.dispute().version(),
                        note.getValue(),
                        outcome.getValue(),
                        accepted.getValue() == null
                            ? null
                            : Decimals.within(accepted.getValue(), Money.MAX_INTEGER_DIGITS, 2)
                                ? accepted.getValue().toPlainString()
                                : ""));
                dialog.close();
                notify(
                    getTranslation("dispute.done." + action.name()),
                    NotificationVariant.LUMO_SUCCESS);
                reload();
              } catch (InvalidFields invalid) {
                for (Problem.FieldError error : invalid.toProblem().errors()) {
                  switch (error.field()) {
                    case "note" -> {
                      note.setErrorMessage(getTranslation("dispute.error.note"));
                      note.setInvalid(true);
                    }
                    case "outcome" -> {
                      outcome.setErrorMessage(getTranslation("dispute.error.outcome"));
                      outcome.setInvalid(true);
                    }
                    case "acceptedAmount" -> {
                      accepted.setErrorMessage(
                          getTranslation(
                              "dispute.error.accepted",
                              Formats.money(detail.dispute().disputed(), getLocale())));
                      accepted.setInvalid(true);
                    }
                    default -> notify(error.message(), NotificationVariant.LUMO_ERROR);
                  }
                }
              } catch (TransitionRefused refused) {
                dialog.close();
                notify(
                    getTranslation(
                        "dispute.refused",
                        getTranslation("dispute.action." + refused.action().name()),
                        getTranslation("dispute.status." + refused.from().name())),
                    NotificationVariant.LUMO_ERROR);
                reload();
              } catch (ProblemException problem) {
                dialog.close();
                notify(
                    problem.status() == 409
                        ? getTranslation("dispute.conflict")
                        : problem.getMessage(),
                    NotificationVariant.LUMO_ERROR);
                reload();
              }
            });
    confirm.setId("dispute-step-confirm");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(getTranslation("common.cancel"), e -> dialog.close());
    dialog.getFooter().add(cancel, confirm);
    dialog.open();
  }

  // ---------------------------------------------------------------- conversation

  private Component thread(DisputeDetail detail, Map<String, String> names) {
    VerticalLayout thread = new VerticalLayout();
    thread.setId("dispute-thread");
    thread.setPadding(false);
    thread.setSpacing(true);
    thread.setMaxWidth("60em");
    if (detail.messages().isEmpty()) {
      thread.add(new Paragraph(getTranslation("dispute.noMessages")));
    }
    for (DisputeDetail.Message m : detail.messages()) {
      Span who =
          new Span(
              author(m.author(), m.party() == Party.CUSTOMER, detail, names)
                  + " · "
                  + getTranslation("dispute.party." + m.party().name())
                  + " · "
                  + Formats.dateTime(m.at(), zone, getLocale()));
      who.getStyle()
          .set("font-size", "var(--lumo-font-size-s)")
          .set("color", "var(--lumo-secondary-text-color)");
      Div head = new Div(who);
      if (party != Party.CUSTOMER) {
        Span visibility =
            Badge.of(
                getTranslation("dispute.visibility." + m.visibility().name()),
                m.visibility() == Visibility.INTERNAL ? Badge.Tone.WARNING : Badge.Tone.NEUTRAL);
        visibility.getStyle().set("margin-left", "0.5em");
        head.add(visibility);
      }
      Paragraph body = new Paragraph(m.body());
      body.getStyle().set("white-space", "pre-wrap").set("margin", "0.2em 0 0");
      Div message = new Div(head, body);
      message.addClassName("dispute-message");
      message
          .getStyle()
          .set("padding", "0.5em 0.8em")
          .set("border-radius", "var(--lumo-border-radius-m)")
          .set(
              "background",
              m.party() == party ? "var(--lumo-primary-color-10pct)" : "var(--lumo-contrast-5pct)");
      thread.add(message);
    }
    TextArea text = new TextArea(getTranslation("dispute.reply"));
    text.setId("dispute-reply");
    text.setWidthFull();
    text.setMaxLength(8000);
    Select<Visibility> visibility = new Select<>();
    visibility.setId("dispute-reply-visibility");
    visibility.setLabel(getTranslation("dispute.visibility"));
    visibility.setItems(detail.mayPost().stream().sorted().toList());
    visibility.setItemLabelGenerator(v -> getTranslation("dispute.visibility." + v.name()));
    visibility.setValue(party == Party.CLIENT ? Visibility.CLIENT : Visibility.CUSTOMER);
    visibility.setVisible(detail.mayPost().size() > 1);
    Button send =
        new Button(
            getTranslation("dispute.send"),
            e -> {
              if (text.getValue().isBlank()) {
                text.setErrorMessage(getTranslation("dispute.error.message"));
                text.setInvalid(true);
                return;
              }
              run(
                  () -> disputes.post(id, text.getValue(), visibility.getValue()),
                  getTranslation("dispute.sent"));
            });
    send.setId("dispute-send");
    send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout composer = new HorizontalLayout(visibility, send);
    composer.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    thread.add(text, composer);
    return thread;
  }

  // ---------------------------------------------------------------- evidence and history

  /**
   * Who wrote, uploaded or acted, as people read it: the BPO's and the client's staff by their
   * names, the customer's users by their company (only the dispute's own customer can act on it);
   * never a sign-in name.
   */
  private static String author(
      String username, boolean customer, DisputeDetail detail, Map<String, String> names) {
    String staff = names.get(username);
    return customer || staff == null ? detail.dispute().customerName() : staff;
  }

  private Component attachments(DisputeDetail detail, Map<String, String> names) {
    VerticalLayout box = new VerticalLayout();
    box.setPadding(false);
    box.setId("dispute-attachments");
    if (detail.attachments().isEmpty()) {
      box.add(new Paragraph(getTranslation("dispute.noAttachments")));
    }
    for (DisputeDetail.Attachment a : detail.attachments()) {
      Anchor link =
          new Anchor(
              new StreamResource(
                  a.fileName(),
                  () ->
                      new ByteArrayInputStream(
                          disputes.attachment(id, a.id()).orElseThrow().content())),
              a.fileName());
      link.getElement().setAttribute("download", true);
      Span meta =
          new Span(
              " · "
                  + Formats.number(Math.max(1, a.sizeBytes() / 1024), getLocale())
                  + " KB · "
                  + author(a.uploadedBy(), false, detail, names)
                  + " · SHA-256 "
                  + a.sha256().substring(0, 12)
                  + "…");
      meta.getStyle()
          .set("font-size", "var(--lumo-font-size-s)")
          .set("color", "var(--lumo-secondary-text-color)");
      box.add(new Div(link, meta));
    }
    // the Receiver API on purpose: see RaiseDisputeView
    MultiFileMemoryBuffer buffer = new MultiFileMemoryBuffer();
    Upload upload = com.bpo.portal.ui.UploadTexts.translate(new Upload(buffer));
    upload.addSucceededListener(
        e -> {
          try (InputStream in = buffer.getInputStream(e.getFileName())) {
            disputes.attach(id, e.getFileName(), in.readNBytes(MAX_FILE + 1));
            notify(
                getTranslation("dispute.attached", e.getFileName()),
                NotificationVariant.LUMO_SUCCESS);
            reload();
          } catch (ProblemException | IOException problem) {
            notify(
                getTranslation("dispute.error.file", e.getFileName()),
                NotificationVariant.LUMO_ERROR);
          }
        });
    upload.setId("dispute-upload");
    upload.setMaxFileSize(MAX_FILE);
    upload.setAcceptedFileTypes(
        "application/pdf", ".pdf", "image/png", ".png", "image/jpeg", ".jpg", ".jpeg");
    upload.setDropLabel(new Span(getTranslation("dispute.drop")));
    upload.addFileRejectedListener(
        e ->
            notify(
                getTranslation("dispute.error.file", e.getFileName()),
                NotificationVariant.LUMO_ERROR));
    box.add(upload);
    return box;
  }

  private Component history(DisputeDetail detail, Map<String, String> names) {
    Grid<DisputeDetail.Event> grid = new Grid<>();
    grid.setId("dispute-history");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
    grid.setAllRowsVisible(true);
    grid.addColumn(e -> Formats.dateTime(e.at(), zone, getLocale()))
        .setHeader(getTranslation("dispute.when"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(e -> author(e.actor(), false, detail, names))
        .setHeader(getTranslation("dispute.who"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(e -> actionWords(e.action()))
        .setHeader(getTranslation("dispute.what"))
        .setAutoWidth(true);
    grid.addColumn(
            e ->
                e.toStatus() == null ? "" : getTranslation("dispute.status." + e.toStatus().name()))
        .setHeader(getTranslation("disputes.status"))
        .setAutoWidth(true);
    if (party != Party.CUSTOMER) {
      grid.addColumn(e -> e.note() == null ? "" : e.note())
          .setHeader(getTranslation("dispute.why"))
          .setFlexGrow(1);
    }
    grid.setItems(detail.history());
    return grid;
  }

  private String actionWords(String action) {
    String key = "dispute.event." + action;
    String words = getTranslation(key);
    return words.startsWith("!") ? action : words;
  }

  private void run(Runnable change, String success) {
    try {
      change.run();
      notify(success, NotificationVariant.LUMO_SUCCESS);
    } catch (ProblemException problem) {
      notify(
          problem.status() == 409 ? getTranslation("dispute.conflict") : problem.getMessage(),
          NotificationVariant.LUMO_ERROR);
    }
    reload();
  }

  private void notify(String text, NotificationVariant variant) {
    Notification notification = Notification.show(text, 5000, Notification.Position.BOTTOM_START);
    notification.addThemeVariants(variant);
  }

  @Override
  public String getPageTitle() {
    return title;
  }
}
