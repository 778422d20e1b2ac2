package com.bpo.portal.ui.collection;

import com.bpo.portal.collection.AccountProfile;
import com.bpo.portal.collection.CollectionService;
import com.bpo.portal.collection.Promise;
import com.bpo.portal.collection.PromiseStatus;
import com.bpo.portal.collection.TimelineEntry;
import com.bpo.portal.collection.WorklistFilter;
import com.bpo.portal.collection.WorklistItem;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.MainLayout;
import com.bpo.portal.ui.invoice.CustomerView;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One account's collections page: the figures the collector works from, the timeline (activities,
 * promises, notices, disputes, payments), the promises with the customer's proposals to answer, and
 * the keyboard flow: Alt+L logs a call, Alt+P records a promise, Alt+N opens the next account of
 * the worklist.
 */
@Route(value = "collections/account", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT})
public class AccountCollectionsView extends VerticalLayout
    implements HasUrlParameter<Long>, HasDynamicTitle {
  private final CollectionService collections;
  private final TenantContext context;
  private final ZoneId zone;
  private String title = "";

  @Inject
  public AccountCollectionsView(CollectionService collections, TenantContext context) {
    this.collections = collections;
    this.context = context;
    this.zone = ZoneId.of(context.requireTenant().timeZone());
  }

  @Override
  public void setParameter(BeforeEvent event, Long id) {
    show(collections.profile(id).orElseThrow(com.vaadin.flow.router.NotFoundException::new));
  }

  private void show(AccountProfile account) {
    removeAll();
    title = account.number() + " · " + account.name();
    H1 heading = new H1(title);
    heading.setId("account-title");

    HorizontalLayout badges =
        new HorizontalLayout(
            Badge.of(
                getTranslation("collections.risk." + account.riskClass().name()),
                account.riskClass().name().equals("HIGH") ? Badge.Tone.ERROR : Badge.Tone.NEUTRAL),
            Badge.of(
                getTranslation("collections.type." + account.customerType().name()),
                Badge.Tone.NEUTRAL),
            Badge.of(account.language().toUpperCase(java.util.Locale.ROOT), Badge.Tone.NEUTRAL));
    if (account.onHold()) {
      badges.add(
          Badge.of(
              getTranslation("collections.flag.onHold") + ": " + account.holdReason(),
              Badge.Tone.WARNING));
    }
    badges.getStyle().set("flex-wrap", "wrap");

    Div figures =
        new Div(
            figure("collections.open", Formats.money(account.open(), getLocale())),
            figure("collections.overdue", Formats.money(account.overdue(), getLocale())),
            figure("collections.disputed", Formats.money(account.disputed(), getLocale())),
            figure("collections.promised", Formats.money(account.promised(), getLocale())),
            figure("collections.days", Formats.number(account.daysOverdue(), getLocale())),
            figure(
                "collections.nextAction",
                account.nextActionOn() == null
                    ? "—"
                    : Formats.date(account.nextActionOn(), getLocale())),
            figure(
                "collections.collector", account.collector() == null ? "—" : account.collector()));
    figures.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0.5em 2em");

    Button logCall = new Button(getTranslation("collections.logCall"), e -> logCall(account));
    logCall.setId("account-log-call");
    logCall.addClickShortcut(Key.KEY_L, KeyModifier.ALT);
    logCall.setTooltipText("Alt+L");
    logCall.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button promise =
        new Button(getTranslation("collections.recordPromise"), e -> recordPromise(account));
    promise.setId("account-record-promise");
    promise.addClickShortcut(Key.KEY_P, KeyModifier.ALT);
    promise.setTooltipText("Alt+P");
    Button next = new Button(getTranslation("collections.nextAccount"), e -> next(account.id()));
    next.setId("account-next");
    next.addClickShortcut(Key.KEY_N, KeyModifier.ALT);
    next.setTooltipText("Alt+N");
    HorizontalLayout actions =
        new HorizontalLayout(
            logCall,
            promise,
            next,
            new RouterLink(
                getTranslation("collections.customerPage"), CustomerView.class, account.id()),
            new RouterLink(getTranslation("collections.backToWorklist"), WorklistView.class));
    actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    actions.setWrap(true);

    add(
        heading,
        badges,
        figures,
        actions,
        new H2(getTranslation("collections.promises")),
        promises(account),
        new H2(getTranslation("collections.timeline")),
        timeline(account));
    logCall.focus();
  }

  private Div figure(String key, String value) {
    Span label = new Span(getTranslation(key));
    label
        .getStyle()
        .set("color", "var(--lumo-secondary-text-color)")
        .set("font-size", "var(--lumo-font-size-s)")
        .set("display", "block");
    Span text = new Span(value);
    text.getStyle().set("font-weight", "600");
    return new Div(label, text);
  }

  private Grid<Promise> promises(AccountProfile account) {
    Grid<Promise> grid = new Grid<>();
    grid.setId("account-promises");
    grid.setAllRowsVisible(true);
    grid.addColumn(p -> Formats.date(p.promisedOn(), getLocale()))
        .setHeader(getTranslation("collections.promise.date"))
        .setAutoWidth(true);
    grid.addColumn(p -> Formats.money(p.amount(), getLocale()))
        .setHeader(getTranslation("collections.promise.amount"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    grid.addColumn(p -> Formats.money(p.paid(), getLocale()))
        .setHeader(getTranslation("collections.paid"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true);
    grid.addComponentColumn(
            p ->
                Badge.of(
                    getTranslation("collections.promise.status." + p.status().name()),
                    switch (p.status()) {
                      case KEPT -> Badge.Tone.SUCCESS;
                      case BROKEN -> Badge.Tone.ERROR;
                      case PARTLY_KEPT, PROPOSED -> Badge.Tone.WARNING;
                      default -> Badge.Tone.NEUTRAL;
                    }))
        .setHeader(getTranslation("collections.status"))
        .setAutoWidth(true);
    grid.addComponentColumn(
            p -> {
              if (p.status() != PromiseStatus.PROPOSED) {
                return new Span();
              }
              Button accept =
                  new Button(
                      getTranslation("collections.accept"),
                      e -> decide(account, p, Promise.Answer.ACCEPT));
              accept.setId("promise-accept-" + p.id());
              Button counter =
                  new Button(
                      getTranslation("collections.counter"),
                      e ->
                          new PromiseForm(
                                  getTranslation("collections.counter"),
                                  p.amount().amount().toPlainString(),
                                  p.invoiceIds(),
                                  context.today(),
                                  draft ->
                                      collections.decide(
                                          p.id(),
                                          new Promise.Decision(
                                              Promise.Answer.COUNTER,
                                              draft.amount(),
                                              draft.promisedOn(),
                                              p.version())),
                                  saved -> reload(account.id()))
                              .open());
              counter.setId("promise-counter-" + p.id());
              Button decline =
                  new Button(
                      getTranslation("collections.decline"),
                      e -> decide(account, p, Promise.Answer.DECLINE));
              decline.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
              return new HorizontalLayout(accept, counter, decline);
            })
        .setHeader(getTranslation("collections.proposal"))
        .setAutoWidth(true);
    grid.setItems(collections.promisesOf(account.id()));
    grid.setEmptyStateText(getTranslation("collections.promises.empty"));
    return grid;
  }

  private Grid<TimelineEntry> timeline(AccountProfile account) {
    Grid<TimelineEntry> grid = new Grid<>();
    grid.setId("account-timeline");
    grid.setAllRowsVisible(true);
    grid.addColumn(t -> Formats.dateTime(t.at(), zone, getLocale()))
        .setHeader(getTranslation("collections.when"))
        .setWidth("14em")
        .setFlexGrow(0);
    grid.addColumn(t -> getTranslation("collections.timeline." + t.kind()))
        .setHeader(getTranslation("collections.what"))
        .setWidth("9em")
        .setFlexGrow(0);
    grid.addColumn(this::describe).setHeader(getTranslation("collections.detail")).setFlexGrow(1);
    grid.addColumn(t -> t.amount() == null ? "" : Formats.money(t.amount(), getLocale()))
        .setHeader(getTranslation("collections.amount"))
        .setTextAlign(ColumnTextAlign.END)
        .setWidth("8em")
        .setFlexGrow(0);
    Map<String, String> names = collections.staffNames();
    grid.addColumn(t -> t.by() == null ? "" : names.getOrDefault(t.by(), t.by()))
        .setHeader(getTranslation("collections.by"))
        .setWidth("9em")
        .setFlexGrow(0);
    grid.setItems(collections.timeline(account.id(), 100));
    grid.setEmptyStateText(getTranslation("collections.timeline.empty"));
    return grid;
  }

  /**
   * A timeline line in the reader's words: the codes of each kind translated, the free text as it
   * is.
   */
  private String describe(TimelineEntry t) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    switch (t.kind()) {
      case "PROMISE" -> {
        parts.add(Formats.date(java.time.LocalDate.parse(t.title()), getLocale()));
        parts.add(getTranslation("collections.promise.status." + t.status()));
        parts.add(t.note());
      }
      case "NOTICE" -> {
        String[] note = t.note() == null ? new String[0] : t.note().split(" ");
        parts.add(com.bpo.portal.collection.DunningLetter.title(t.title(), getLocale()));
        parts.add(note.length > 0 ? getTranslation("collections.level", note[0]) : null);
        parts.add(getTranslation("collections.notice." + t.status()));
        parts.add(note.length > 1 ? getTranslation("collections.exclusion." + note[1]) : null);
      }
      case "DISPUTE" -> {
        parts.add(t.title());
        parts.add(getTranslation("dispute.status." + t.status()));
      }
      case "PAYMENT" -> parts.add(t.title());
      default -> {
        parts.add(t.title());
        parts.add(t.status() == null ? null : getTranslation("collections.outcome." + t.status()));
        parts.add(t.note());
      }
    }
    return parts.stream()
        .filter(p -> p != null && !p.isBlank())
        .collect(java.util.stream.Collectors.joining(" · "));
  }

  private void logCall(AccountProfile account) {
    new ActivityForm(
            getTranslation("collections.logCall"),
            null,
            context.today(),
            activity -> collections.logActivity(account.id(), activity),
            saved -> {
              CollectionTexts.notify(
                  getTranslation("collections.logged"), NotificationVariant.LUMO_SUCCESS);
              reload(account.id());
            })
        .open();
  }

  private void recordPromise(AccountProfile account) {
    String suggested =
        account
            .overdue()
            .amount()
            .subtract(account.disputed().amount())
            .subtract(account.promised().amount())
            .max(java.math.BigDecimal.ZERO)
            .toPlainString();
    new PromiseForm(
            getTranslation("collections.recordPromise"),
            suggested,
            List.of(),
            context.today(),
            promise -> collections.recordPromise(account.id(), promise),
            saved -> {
              CollectionTexts.notify(
                  getTranslation("collections.promiseRecorded"), NotificationVariant.LUMO_SUCCESS);
              reload(account.id());
            })
        .open();
  }

  private void decide(AccountProfile account, Promise promise, Promise.Answer answer) {
    try {
      collections.decide(promise.id(), new Promise.Decision(answer, null, null, promise.version()));
      reload(account.id());
    } catch (ProblemException problem) {
      CollectionTexts.show(this, problem, java.util.Map.of());
    }
  }

  /** The next account on the worklist (due for action, most urgent first) that is not this one. */
  private void next(long current) {
    List<WorklistItem> top =
        collections
            .worklist(
                new WorklistFilter(Optional.empty(), Set.of(), Optional.empty(), true),
                PageRequest.of(5, null))
            .items();
    Optional<WorklistItem> next = top.stream().filter(i -> i.id() != current).findFirst();
    if (next.isEmpty()) {
      CollectionTexts.notify(
          getTranslation("collections.worklist.done"), NotificationVariant.LUMO_SUCCESS);
      getUI().ifPresent(ui -> ui.navigate(WorklistView.class));
      return;
    }
    getUI().ifPresent(ui -> ui.navigate(AccountCollectionsView.class, next.get().id()));
  }

  private void reload(long id) {
    collections.profile(id).ifPresent(this::show);
  }

  @Override
  public String getPageTitle() {
    return title.isEmpty() ? getTranslation("collections.worklist.title") : title;
  }
}
