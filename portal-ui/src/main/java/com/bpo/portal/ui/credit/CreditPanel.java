package com.bpo.portal.ui.credit;

import com.bpo.portal.credit.CreditProfile;
import com.bpo.portal.credit.CreditService;
import com.bpo.portal.credit.LimitRequest;
import com.bpo.portal.credit.ReviewState;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.PeopleNames;
import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.Formats;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.Map;

/**
 * The credit panel of the customer account page: limit, exposure, score, risk and review, hold and
 * flags; the limit history and requests; asking for a limit and setting or releasing a hold.
 */
@Dependent
public class CreditPanel extends VerticalLayout {
  private final CreditService credit;
  private final TenantContext context;
  private final PeopleNames people;
  private long accountId;

  /** Full names by user name, for whoever changed a limit, asked for one or set a hold. */
  private Map<String, String> names = Map.of();

  @Inject
  public CreditPanel(CreditService credit, TenantContext context, PeopleNames people) {
    this.credit = credit;
    this.context = context;
    this.people = people;
    setPadding(false);
    setId("credit-panel");
  }

  /** Shows the account's credit; nothing if it does not exist (the page answers not found). */
  public CreditPanel show(long id) {
    accountId = id;
    removeAll();
    credit.profile(id).ifPresent(this::render);
    return this;
  }

  private void render(CreditProfile p) {
    PortalUser user = context.requireUser();
    names = people.all();
    add(new H2(getTranslation("credit.title")));
    FlexLayout flags = new FlexLayout();
    flags.getStyle().set("gap", "var(--lumo-space-s)").set("flex-wrap", "wrap");
    flags.setId("credit-flags");
    for (String flag : p.flags()) {
      flags.add(
          Badge.of(
              getTranslation("credit.flag." + flag),
              flag.equals("REVIEW_OVERDUE") ? Badge.Tone.WARNING : Badge.Tone.ERROR));
    }
    if (p.flags().isEmpty()) {
      flags.add(Badge.of(getTranslation("credit.flag.none"), Badge.Tone.SUCCESS));
    }
    add(flags);

    FormLayout facts = new FormLayout();
    facts.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 2), new FormLayout.ResponsiveStep("40em", 4));
    Paragraph limit = new Paragraph(Formats.money(p.limit(), getLocale()));
    limit.setId("credit-limit");
    facts.addFormItem(limit, getTranslation("credit.limit"));
    Paragraph exposure = new Paragraph(Formats.money(p.exposure(), getLocale()));
    exposure.setId("credit-exposure");
    facts.addFormItem(exposure, getTranslation("credit.exposure"));
    facts.addFormItem(
        new Paragraph(Formats.money(p.openReceivables(), getLocale())),
        getTranslation("credit.open"));
    facts.addFormItem(
        new Paragraph(Formats.money(p.unappliedCredit(), getLocale())),
        getTranslation("credit.unapplied"));
    Paragraph score =
        new Paragraph(
            getTranslation(
                "credit.scoreValue",
                p.score().value(),
                Formats.decimal(p.score().averageDaysLate(), getLocale()),
                Formats.decimal(p.score().disputeRate().movePointRight(2), getLocale()),
                p.score().brokenPromises()));
    score.setId("credit-score");
    facts.addFormItem(score, getTranslation("credit.score"));
    facts.addFormItem(
        new Paragraph(getTranslation("credit.risk." + p.riskClass().name())),
        getTranslation("credit.risk"));
    Span review =
        new Span(
            p.nextReviewOn() == null
                ? getTranslation("credit.review.none")
                : Formats.date(p.nextReviewOn(), getLocale()));
    HorizontalLayout reviewLine = new HorizontalLayout(review);
    if (p.reviewState() != null && p.reviewState() != ReviewState.LATER) {
      reviewLine.add(
          Badge.of(
              getTranslation("credit.review." + p.reviewState().name()),
              p.reviewState() == ReviewState.OVERDUE ? Badge.Tone.ERROR : Badge.Tone.WARNING));
    }
    facts.addFormItem(reviewLine, getTranslation("credit.nextReview"));
    Paragraph hold =
        new Paragraph(
            p.hold() == null
                ? getTranslation("credit.hold.none")
                : getTranslation(
                    "credit.hold.active",
                    p.hold().reason(),
                    name(p.hold().setBy()),
                    Formats.dateTime(p.hold().setAt(), zone(), getLocale())));
    hold.setId("credit-hold");
    facts.addFormItem(hold, getTranslation("credit.hold"));
    add(facts);

    HorizontalLayout actions = new HorizontalLayout();
    actions.getStyle().set("flex-wrap", "wrap");
    Button ask =
        new Button(
            getTranslation("credit.request.open"),
            e -> new LimitRequestDialog(this, credit, accountId, p.limit(), this::raised).open());
    ask.setId("credit-request-limit");
    ask.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    actions.add(ask);
    if (user.hasRole(Roles.BPO_LEAD) || user.hasRole(Roles.BPO_AGENT)) {
      Button holdButton =
          p.hold() == null
              ? new Button(
                  getTranslation("credit.hold.set"),
                  e ->
                      reasonDialog(
                          "credit.hold.set",
                          reason ->
                              credit.setHold(
                                  new CreditService.HoldChange(accountId, reason, null))))
              : new Button(
                  getTranslation("credit.hold.release"),
                  e ->
                      reasonDialog(
                          "credit.hold.release",
                          reason ->
                              credit.releaseHold(
                                  p.hold().id(),
                                  new CreditService.HoldChange(null, reason, p.hold().version()))));
      holdButton.setId("credit-hold-button");
      actions.add(holdButton);
    }
    add(actions);

    Grid<CreditProfile.LimitChange> history = new Grid<>();
    history.setId("credit-history");
    history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
    history.setAllRowsVisible(true);
    history
        .addColumn(c -> Formats.dateTime(c.changedAt(), zone(), getLocale()))
        .setHeader(getTranslation("credit.when"))
        .setAutoWidth(true);
    history
        .addColumn(c -> c.oldLimit() == null ? "" : Formats.money(c.oldLimit(), getLocale()))
        .setHeader(getTranslation("credit.oldLimit"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    history
        .addColumn(c -> Formats.money(c.newLimit(), getLocale()))
        .setHeader(getTranslation("credit.newLimit"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    history
        .addColumn(c -> name(c.changedBy()))
        .setHeader(getTranslation("credit.by"))
        .setAutoWidth(true);
    history
        .addColumn(CreditProfile.LimitChange::reason)
        .setHeader(getTranslation("credit.reason"))
        .setFlexGrow(1);
    history.setItems(p.history());
    history.setEmptyStateText(getTranslation("credit.history.none"));

    Grid<LimitRequest> requests = new Grid<>();
    requests.setId("credit-requests");
    requests.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
    requests.setAllRowsVisible(true);
    requests
        .addColumn(r -> Formats.dateTime(r.raisedAt(), zone(), getLocale()))
        .setHeader(getTranslation("credit.when"))
        .setAutoWidth(true);
    requests
        .addColumn(r -> Formats.money(r.requestedLimit(), getLocale()))
        .setHeader(getTranslation("credit.requested"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    requests
        .addComponentColumn(
            r ->
                Badge.of(
                    getTranslation("credit.status." + r.status().name()),
                    switch (r.status()) {
                      case APPROVED -> Badge.Tone.SUCCESS;
                      case REFUSED -> Badge.Tone.ERROR;
                      case REQUESTED -> Badge.Tone.WARNING;
                    }))
        .setHeader(getTranslation("credit.status"))
        .setAutoWidth(true);
    requests
        .addColumn(r -> name(r.raisedBy()))
        .setHeader(getTranslation("credit.by"))
        .setAutoWidth(true);
    requests
        .addColumn(LimitRequest::reason)
        .setHeader(getTranslation("credit.reason"))
        .setFlexGrow(1);
    requests.setItems(p.requests());
    requests.setEmptyStateText(getTranslation("credit.requests.none"));
    add(
        new H3(getTranslation("credit.history")),
        history,
        new H3(getTranslation("credit.requests")),
        requests);
  }

  private String name(String username) {
    return username == null ? "" : names.getOrDefault(username, username);
  }

  private void raised(LimitRequest request) {
    Notification.show(
            getTranslation("credit.request.sent." + request.status().name()),
            5000,
            Notification.Position.BOTTOM_START)
        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    show(accountId);
  }

  private void reasonDialog(String titleKey, java.util.function.Consumer<String> action) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation(titleKey));
    TextArea reason = new TextArea(getTranslation("credit.reason"));
    reason.setId("credit-hold-reason");
    reason.setWidthFull();
    reason.setMaxLength(2000);
    dialog.add(reason);
    Button confirm =
        new Button(
            getTranslation(titleKey),
            e -> {
              try {
                action.accept(reason.getValue());
                dialog.close();
                show(accountId);
              } catch (ProblemException problem) {
                reason.setErrorMessage(problem.getMessage());
                reason.setInvalid(true);
              }
            });
    confirm.setId("credit-hold-confirm");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog
        .getFooter()
        .add(new Button(getTranslation("common.cancel"), e -> dialog.close()), confirm);
    dialog.open();
  }

  private ZoneId zone() {
    return ZoneId.of(context.requireTenant().timeZone());
  }
}
