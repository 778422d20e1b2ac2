package com.bpo.portal.ui.credit;

import com.bpo.portal.approval.ApprovalDetail;
import com.bpo.portal.approval.ApprovalSummary;
import com.bpo.portal.approval.Approvals;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.PeopleNames;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.MainLayout;
import com.bpo.portal.ui.dispute.DisputeView;
import com.bpo.portal.ui.invoice.CustomerView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * A person's approvals inbox: what waits for their decision, and what they asked for; the chosen
 * approval's facts, decisions and evidence (the dispute, the account) one click away, with approve
 * and refuse where the authority matrix lets them decide.
 */
@Route(value = "approvals", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class ApprovalsView extends VerticalLayout implements HasDynamicTitle {
  static final int PAGE = 200;

  private final Approvals approvals;
  private final TenantContext context;
  private final Tab waiting = new Tab();
  private final Tab mine = new Tab();
  private final Grid<ApprovalSummary> grid = new Grid<>();
  private final VerticalLayout detail = new VerticalLayout();

  /** Full names by user name, for who asked and who decided: never a login. */
  private final Map<String, String> names;

  @Inject
  public ApprovalsView(Approvals approvals, TenantContext context, PeopleNames people) {
    this.approvals = approvals;
    this.context = context;
    this.names = people.all();
    waiting.setLabel(getTranslation("approvals.waiting"));
    waiting.setId("approvals-waiting");
    mine.setLabel(getTranslation("approvals.mine"));
    mine.setId("approvals-mine");
    Tabs tabs = new Tabs(waiting, mine);
    tabs.addSelectedChangeListener(e -> refresh());

    grid.setId("approvals-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(a -> Formats.dateTime(a.createdAt(), zone(), getLocale()))
        .setHeader(getTranslation("approvals.asked"))
        .setAutoWidth(true);
    grid.addColumn(a -> getTranslation("approvals.kind." + a.kind().name()))
        .setHeader(getTranslation("approvals.kind"))
        .setAutoWidth(true);
    grid.addColumn(a -> a.customerName() == null ? "" : a.customerName())
        .setHeader(getTranslation("approvals.customer"))
        .setAutoWidth(true)
        .setFlexGrow(1);
    grid.addColumn(a -> Formats.money(a.amount(), getLocale()))
        .setHeader(getTranslation("approvals.amount"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    grid.addColumn(a -> name(a.maker()))
        .setHeader(getTranslation("approvals.maker"))
        .setAutoWidth(true);
    grid.addComponentColumn(
            a ->
                Badge.of(
                    getTranslation("approvals.status." + a.status().name())
                        + " "
                        + a.approvals()
                        + "/"
                        + a.approversRequired(),
                    tone(a)))
        .setHeader(getTranslation("approvals.status"))
        .setAutoWidth(true);
    grid.setEmptyStateText(getTranslation("approvals.none"));
    grid.setHeight("22em");
    grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
    detail.setPadding(false);
    detail.setId("approval-detail");
    add(new H1(getTranslation("approvals.title")), tabs, grid, detail);
    refresh();
  }

  private void refresh() {
    boolean asked = mine.isSelected();
    grid.setItems(approvals.inbox(asked, Optional.empty(), PageRequest.of(PAGE, null)).items());
    detail.removeAll();
  }

  private void show(ApprovalSummary summary) {
    detail.removeAll();
    if (summary == null) {
      return;
    }
    Optional<ApprovalDetail> found = approvals.find(summary.id());
    if (found.isEmpty()) {
      return;
    }
    ApprovalDetail d = found.get();
    ApprovalSummary a = d.approval();
    detail.add(
        new H2(
            getTranslation("approvals.kind." + a.kind().name())
                + " · "
                + Formats.money(a.amount(), getLocale())));
    FormLayout facts = new FormLayout();
    facts.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
    facts.addFormItem(new Paragraph(name(a.maker())), getTranslation("approvals.maker"));
    facts.addFormItem(new Paragraph(a.reason()), getTranslation("approvals.reason"));
    facts.addFormItem(
        new Paragraph(
            getTranslation(
                "approvals.needs",
                a.approversRequired(),
                String.join(
                    ", ",
                    a.approverRoles().stream().map(r -> getTranslation("role." + r)).toList()))),
        getTranslation("approvals.authority"));
    HorizontalLayout evidence = new HorizontalLayout();
    evidence.setId("approval-evidence");
    String[] ref = a.payloadRef().split(":");
    if (ref[0].equals("dispute")) {
      evidence.add(
          new RouterLink(
              getTranslation("approvals.evidence.dispute"),
              DisputeView.class,
              Long.valueOf(ref[1])));
    }
    if (a.customerAccountId() != null) {
      evidence.add(
          new RouterLink(
              getTranslation("approvals.evidence.account", a.customerName()),
              CustomerView.class,
              a.customerAccountId()));
    }
    facts.addFormItem(evidence, getTranslation("approvals.evidence"));
    detail.add(facts);
    for (ApprovalDetail.Decision decision : d.decisions()) {
      detail.add(
          new Paragraph(
              getTranslation(
                  "approvals.decision." + decision.decision(),
                  name(decision.approver()),
                  Formats.dateTime(decision.decidedAt(), zone(), getLocale()),
                  decision.note() == null ? "" : decision.note())));
    }
    if (d.mayDecide()) {
      TextArea note = new TextArea(getTranslation("approvals.note"));
      note.setId("approval-note");
      note.setWidthFull();
      note.setMaxLength(2000);
      Button approve = new Button(getTranslation("approvals.approve"), e -> decide(a, note, true));
      approve.setId("approval-approve");
      approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
      Button refuse = new Button(getTranslation("approvals.refuse"), e -> decide(a, note, false));
      refuse.setId("approval-refuse");
      refuse.addThemeVariants(ButtonVariant.LUMO_ERROR);
      detail.add(note, new HorizontalLayout(approve, refuse));
    } else if (a.status().name().equals("PENDING") && d.whyNot() != null) {
      Span why = new Span(d.whyNot());
      why.setId("approval-why-not");
      detail.add(why);
    }
  }

  private void decide(ApprovalSummary a, TextArea note, boolean approve) {
    try {
      ApprovalDetail result =
          approve
              ? approvals.approve(a.id(), a.version(), note.getValue())
              : approvals.refuse(a.id(), a.version(), note.getValue());
      Notification.show(
              getTranslation("approvals.done." + result.approval().status().name()),
              5000,
              Notification.Position.BOTTOM_START)
          .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
      refresh();
    } catch (ProblemException problem) {
      note.setErrorMessage(problem.getMessage());
      note.setInvalid(true);
    }
  }

  private static Badge.Tone tone(ApprovalSummary a) {
    return switch (a.status()) {
      case PENDING -> Badge.Tone.WARNING;
      case APPROVED, APPLIED -> Badge.Tone.SUCCESS;
      case REFUSED -> Badge.Tone.ERROR;
    };
  }

  private String name(String username) {
    return username == null ? "" : names.getOrDefault(username, username);
  }

  private ZoneId zone() {
    return ZoneId.of(context.requireTenant().timeZone());
  }

  @Override
  public String getPageTitle() {
    return getTranslation("approvals.title");
  }
}
