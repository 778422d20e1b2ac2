package com.bpo.portal.ui.cash;

import com.bpo.portal.cash.CashRecords.AgeBucket;
import com.bpo.portal.cash.CashRecords.ImportResult;
import com.bpo.portal.cash.CashRecords.LineSummary;
import com.bpo.portal.cash.CashRecords.UnappliedCash;
import com.bpo.portal.cash.CashService;
import com.bpo.portal.cash.LineStatus;
import com.bpo.portal.cash.StatementImports;
import com.bpo.portal.cash.StatementParsers;
import com.bpo.portal.cash.StatementRejected;
import com.bpo.portal.invoice.CustomerAccountService;
import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.shared.TooBusy;
import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Badge;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.KeysetFetch;
import com.bpo.portal.ui.MainLayout;
import com.bpo.portal.ui.UploadTexts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Unapplied cash: the amount and age of what waits (for leads, agents and clients), the statement
 * upload (BPO), and the exception queue of bank lines, oldest first, lazy over keyset pages. A line
 * opens its dialog with its candidates and the actions.
 */
@Route(value = "cash", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CLIENT_STAKEHOLDER})
public class CashView extends VerticalLayout implements HasDynamicTitle {
  private final CashService cash;
  private final StatementImports imports;
  private final CustomerAccountService accounts;
  private final boolean bpo;
  private final Grid<LineSummary> grid = new Grid<>();
  private final Div summary = new Div();
  private final Select<String> show = new Select<>();

  @Inject
  public CashView(
      CashService cash,
      StatementImports imports,
      CustomerAccountService accounts,
      TenantContext context) {
    this.cash = cash;
    this.imports = imports;
    this.accounts = accounts;
    PortalUser user = context.requireUser();
    this.bpo = user.hasRole(Roles.BPO_LEAD) || user.hasRole(Roles.BPO_AGENT);
    setSizeFull();
    summary.setId("cash-summary");

    show.setId("cash-show");
    show.setLabel(getTranslation("cash.show"));
    show.setItems("QUEUE", "APPLIED", "ON_ACCOUNT", "REFUND_REQUESTED");
    show.setItemLabelGenerator(s -> getTranslation("cash.show." + s));
    show.setValue("QUEUE");
    show.addValueChangeListener(e -> refresh());

    grid.setId("cash-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(l -> Formats.date(l.bookingDate(), getLocale()))
        .setHeader(getTranslation("cash.booked"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(l -> Formats.money(l.amount(), getLocale()))
        .setHeader(getTranslation("cash.amount"))
        .setTextAlign(ColumnTextAlign.END)
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(l -> l.payerName().isBlank() ? "—" : l.payerName())
        .setHeader(getTranslation("cash.payer"))
        .setFlexGrow(1)
        .setResizable(true);
    grid.addColumn(LineSummary::reference)
        .setHeader(getTranslation("cash.reference"))
        .setFlexGrow(2)
        .setResizable(true);
    grid.addComponentColumn(l -> status(this, l.status()))
        .setHeader(getTranslation("cash.status"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(l -> getTranslation("cash.days", l.ageDays()))
        .setHeader(getTranslation("cash.age"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addComponentColumn(
            l -> {
              Button open = new Button(getTranslation("cash.open"), e -> open(l));
              open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
              open.getElement()
                  .setAttribute("aria-label", getTranslation("cash.openLine", l.entryRef()));
              return open;
            })
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.setEmptyStateText(getTranslation("cash.empty"));
    grid.setSizeFull();
    grid.addItemClickListener(e -> open(e.getItem()));

    add(new H1(getPageTitle()), summary);
    if (bpo) {
      add(upload());
    }
    add(show, grid);
    refresh();
  }

  private Component upload() {
    MemoryBuffer buffer = new MemoryBuffer();
    Upload upload = UploadTexts.translate(new Upload(buffer));
    upload.setId("cash-upload");
    upload.setMaxFileSize(StatementParsers.MAX_BYTES);
    upload.setMaxFiles(1);
    upload.setDropLabel(new Span(getTranslation("cash.upload.drop")));
    // its full height on a phone too: the full-height layout shrank it and cut its drop hint off
    upload.getStyle().set("flex-shrink", "0");
    upload.addSucceededListener(
        e -> {
          try (InputStream in = buffer.getInputStream()) {
            ImportResult result =
                imports.importStatement(in.readNBytes(StatementParsers.MAX_BYTES + 1));
            Notification.show(
                    getTranslation(
                        result.alreadyImported() ? "cash.upload.again" : "cash.upload.done",
                        result.statement().statementId(),
                        result.statement().applied(),
                        result.statement().suggested(),
                        result.statement().unapplied()),
                    6000,
                    Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            if (!result.alreadyImported() && result.linesAlreadyImported() > 0) {
              Notification.show(
                  getTranslation("cash.upload.skipped", result.linesAlreadyImported()),
                  6000,
                  Notification.Position.BOTTOM_START);
            }
            refresh();
          } catch (StatementRejected rejected) {
            String first =
                rejected.errors().stream()
                    .limit(3)
                    .map(
                        f ->
                            (f.row() == null ? "" : f.row() + ": ") + f.field() + " " + f.message())
                    .collect(Collectors.joining("; "));
            Notification.show(
                    getTranslation("cash.upload.rejected", rejected.getMessage() + " " + first),
                    10000,
                    Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
          } catch (TooBusy busy) {
            // another import of this client's (a statement, invoices, payments) still running:
            // nothing was imported, and the file can be dropped again in a moment
            Notification.show(getTranslation("import.busy", busy.retryAfterSeconds()))
                .addThemeVariants(NotificationVariant.LUMO_CONTRAST);
          } catch (ProblemException problem) {
            Notification.show(problem.getMessage(), 8000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
          } catch (IOException ex) {
            Notification.show(getTranslation("cash.upload.unreadable"))
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
          }
          upload.clearFileList();
        });
    return upload;
  }

  private void open(LineSummary line) {
    new LineDialog(cash, accounts, line.id(), bpo, this::refresh).open();
  }

  private void refresh() {
    summary.removeAll();
    List<UnappliedCash> unapplied = cash.unapplied();
    if (unapplied.isEmpty()) {
      summary.add(new Paragraph(getTranslation("cash.summary.none")));
    }
    for (UnappliedCash u : unapplied) {
      HorizontalLayout row = new HorizontalLayout();
      row.setWrap(true);
      row.add(
          new Span(
              getTranslation(
                  "cash.summary",
                  Formats.money(new Money(u.amount(), u.currency()), getLocale()),
                  Formats.number(u.lines(), getLocale()))));
      for (AgeBucket b : u.buckets()) {
        row.add(
            Badge.of(
                getTranslation(
                    "cash.bucket",
                    b.bucket(),
                    Formats.money(new Money(b.amount(), u.currency()), getLocale())),
                b.bucket().equals("60+") || b.bucket().equals("31-60")
                    ? Badge.Tone.WARNING
                    : Badge.Tone.NEUTRAL));
      }
      summary.add(row);
    }
    List<LineStatus> statuses =
        "QUEUE".equals(show.getValue()) ? List.of() : List.of(LineStatus.valueOf(show.getValue()));
    KeysetFetch<LineSummary> fetch =
        new KeysetFetch<>(
            (cursor, limit) ->
                cash.lines(statuses, java.util.Optional.empty(), PageRequest.of(limit, cursor)));
    grid.setItems(query -> fetch.fetch(query.getOffset(), query.getLimit()).stream());
  }

  static Span status(Component c, LineStatus status) {
    return Badge.of(c.getTranslation("cash.status." + status.name()), tone(status.name()));
  }

  static Badge.Tone tone(String status) {
    return switch (status) {
      case "APPLIED" -> Badge.Tone.SUCCESS;
      case "SUGGESTED" -> Badge.Tone.WARNING;
      case "UNAPPLIED", "REFUND_REQUESTED" -> Badge.Tone.ERROR;
      default -> Badge.Tone.NEUTRAL;
    };
  }

  @Override
  public String getPageTitle() {
    return getTranslation("cash.title");
  }
}
