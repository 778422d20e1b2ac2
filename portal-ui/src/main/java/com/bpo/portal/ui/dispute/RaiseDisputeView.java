package com.bpo.portal.ui.dispute;

import com.bpo.portal.dispute.DisputeDetail;
import com.bpo.portal.dispute.DisputeReason;
import com.bpo.portal.dispute.DisputeService;
import com.bpo.portal.dispute.NewDispute;
import com.bpo.portal.invoice.DisputableAmounts;
import com.bpo.portal.invoice.InvoiceFilter;
import com.bpo.portal.invoice.InvoiceService;
import com.bpo.portal.invoice.InvoiceSort;
import com.bpo.portal.invoice.InvoiceSummary;
import com.bpo.portal.shared.AttachmentCheck;
import com.bpo.portal.shared.Decimals;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.PageRequest;
import com.bpo.portal.shared.Problem;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.ui.Formats;
import com.bpo.portal.ui.MainLayout;
import com.bpo.portal.ui.Phone;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MultiFileMemoryBuffer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Raising a dispute: a customer picks one or more of their open invoices, an amount on each (at
 * most what is open), a reason, a description and evidence files. The BPO logs one, or a
 * short-payment deduction, for the customer of the invoice it came from ({@code ?invoice=ID}).
 */
@Route(value = "disputes/new", layout = MainLayout.class)
@RolesAllowed({Roles.BPO_LEAD, Roles.BPO_AGENT, Roles.CUSTOMER})
public class RaiseDisputeView extends VerticalLayout
    implements HasDynamicTitle, BeforeEnterObserver {
  private static final int MAX_INVOICES_SHOWN = 200;

  private final DisputeService disputes;
  private final InvoiceService invoices;
  private final DisputableAmounts disputable;
  private final boolean bpo;
  private Map<Long, Money> remaining = Map.of();
  private final Paragraph amountErrors = new Paragraph();
  private final Grid<InvoiceSummary> grid = new Grid<>();
  private final Map<Long, BigDecimalField> amounts = new LinkedHashMap<>();
  private final Map<Long, String> ceilings = new LinkedHashMap<>();
  private boolean narrowScreen;
  private final Select<String> kind = new Select<>();
  private final Select<DisputeReason> reason = new Select<>();
  private final TextArea description = new TextArea();
  private final List<AttachmentCheck.Accepted> files = new ArrayList<>();
  private final VerticalLayout fileList = new VerticalLayout();

  @Inject
  public RaiseDisputeView(
      DisputeService disputes,
      InvoiceService invoices,
      DisputableAmounts disputable,
      TenantContext context) {
    this.disputes = disputes;
    this.invoices = invoices;
    this.disputable = disputable;
    PortalUser user = context.requireUser();
    this.bpo = !user.isCustomer();
    setMaxWidth("70em");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Optional<Long> start =
        event
            .getLocation()
            .getQueryParameters()
            .getSingleParameter("invoice")
            .flatMap(
                v -> {
                  try {
                    return Optional.of(Long.valueOf(v));
                  } catch (NumberFormatException e) {
                    return Optional.empty();
                  }
                });
    Optional<Long> customer = start.flatMap(invoices::find).map(d -> d.invoice().customerId());
    removeAll();
    add(new RouterLink(getTranslation("dispute.back"), DisputesView.class), new H1(getPageTitle()));
    if (bpo && customer.isEmpty()) {
      add(new Paragraph(getTranslation("dispute.raise.fromInvoice")));
      return;
    }
    build(customer, start);
  }

  private void build(Optional<Long> customer, Optional<Long> start) {
    InvoiceFilter open = InvoiceFilter.unsettled(customer);
    List<InvoiceSummary> candidates =
        invoices.list(open, InvoiceSort.DEFAULT, PageRequest.of(MAX_INVOICES_SHOWN, null)).items();

    // what other disputes already hold is not disputable again: the field starts at what remains
    remaining = disputable.of(candidates.stream().map(InvoiceSummary::id).toList());

    grid.setId("raise-invoices");
    grid.setSelectionMode(Grid.SelectionMode.MULTI);
    grid.addThemeVariants(GridVariant.LUMO_COMPACT);
    grid.setAriaLabel(getTranslation("dispute.raise.which"));
    com.bpo.portal.ui.Accessible.nameSelectionCheckboxes(
        grid, getTranslation("grid.selectRow"), getTranslation("grid.selectAll"));
    // number and amount first, so that on a phone the field is on screen without scrolling sideways
    grid.addColumn(InvoiceSummary::number)
        .setHeader(getTranslation("invoices.number"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addComponentColumn(this::amountField)
        .setHeader(getTranslation("dispute.raise.amount"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    var ceiling =
        grid.addColumn(i -> Formats.money(disputableOn(i), getLocale()))
            .setHeader(getTranslation("dispute.raise.disputable"))
            .setTextAlign(ColumnTextAlign.END)
            .setAutoWidth(true);
    var due =
        grid.addColumn(i -> Formats.date(i.dueDate(), getLocale()))
            .setHeader(getTranslation("invoices.due"))
            .setAutoWidth(true);
    var total =
        grid.addColumn(i -> Formats.money(i.total(), getLocale()))
            .setHeader(getTranslation("invoices.total"))
            .setTextAlign(ColumnTextAlign.END)
            .setAutoWidth(true);
    Phone.onNarrow(
        grid,
        narrow -> {
          due.setVisible(!narrow);
          total.setVisible(!narrow);
          // on a phone the ceiling moves under each field ("At most $5,234.16") instead of a
          // column of its own, so that no column lies beyond the screen (390 px: it did by 39 px)
          narrowScreen = narrow;
          amounts.forEach((id, field) -> field.setHelperText(ceilingText(id)));
          ceiling.setVisible(!narrow);
          grid.recalculateColumnWidths();
        });
    grid.setItems(candidates);
    grid.setEmptyStateText(getTranslation("dispute.raise.noInvoices"));
    grid.setHeight("22em");
    amountErrors.setId("raise-amount-errors");
    amountErrors.getElement().setAttribute("role", "alert");
    amountErrors
        .getStyle()
        .set("color", "var(--lumo-error-text-color)")
        .set("white-space", "pre-line")
        .set("margin", "0");
    candidates.stream()
        .filter(i -> start.isPresent() && i.id().equals(start.get()))
        .findFirst()
        .ifPresent(grid::select);

    kind.setId("raise-kind");
    kind.setLabel(getTranslation("dispute.kind"));
    kind.setItems("DISPUTE", "DEDUCTION");
    kind.setItemLabelGenerator(k -> getTranslation("dispute.kind." + k));
    kind.setValue("DISPUTE");
    kind.setVisible(bpo);

    reason.setId("raise-reason");
    reason.setLabel(getTranslation("dispute.raise.reasonRequired"));
    reason.setItems(disputes.reasons(false));
    reason.setItemLabelGenerator(r -> DisputeTexts.reason(this, r.code(), r.label()));
    // no required indicator: on vaadin-select it puts aria-required on a button, which axe refuses
    // (critical); the label says it instead

    description.setId("raise-description");
    description.setLabel(getTranslation("dispute.raise.description"));
    description.setRequired(true);
    description.setMaxLength(4000);
    description.setWidthFull();
    description.setMinHeight("8em");

    // the Receiver API on purpose: the newer UploadHandler reads request parts, which the servlet
    // that
    // vaadin-cdi deploys refuses (SRVE8020E, no multipart config)
    MultiFileMemoryBuffer buffer = new MultiFileMemoryBuffer();
    Upload upload = com.bpo.portal.ui.UploadTexts.translate(new Upload(buffer));
    upload.addSucceededListener(
        e -> {
          try (InputStream in = buffer.getInputStream(e.getFileName())) {
            files.add(
                AttachmentCheck.check(
                    e.getFileName(), in.readNBytes(AttachmentCheck.MAX_BYTES + 1)));
            fileList.add(new Span("📎 " + e.getFileName()));
          } catch (ProblemException | IOException refused) {
            Notification.show(
                    getTranslation("dispute.error.file", e.getFileName()),
                    6000,
                    Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
          }
        });
    upload.setId("raise-upload");
    upload.setMaxFileSize(AttachmentCheck.MAX_BYTES);
    upload.setAcceptedFileTypes(
        "application/pdf", ".pdf", "image/png", ".png", "image/jpeg", ".jpg", ".jpeg");
    upload.setDropLabel(new Span(getTranslation("dispute.drop")));
    upload.addFileRejectedListener(
        e ->
            Notification.show(
                    getTranslation("dispute.error.file", e.getFileName()),
                    6000,
                    Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR));
    fileList.setPadding(false);
    fileList.setSpacing(false);

    Button submit =
        new Button(
            getTranslation(bpo ? "dispute.raise.log" : "dispute.raise.submit"), e -> submit());
    submit.setId("raise-submit");
    submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

    add(
        new Paragraph(getTranslation("dispute.raise.help")),
        new H2(getTranslation("dispute.raise.which")),
        grid,
        amountErrors,
        kind,
        reason,
        description,
        new H2(getTranslation("dispute.attachments")),
        upload,
        fileList,
        submit);
  }

  /** Under an invoice's field on a phone: what may still be disputed on it. */
  private String ceilingText(Long invoiceId) {
    return narrowScreen
        ? getTranslation("dispute.raise.atMost", ceilings.getOrDefault(invoiceId, ""))
        : null;
  }

  private BigDecimalField amountField(InvoiceSummary invoice) {
    BigDecimalField field =
        amounts.computeIfAbsent(
            invoice.id(),
            id -> {
              BigDecimalField f = new BigDecimalField();
              f.setId("raise-amount-" + invoice.id());
              f.setValue(disputableOn(invoice).amount());
              f.setWidth("8em");
              ceilings.put(id, Formats.money(disputableOn(invoice), getLocale()));
              f.setHelperText(ceilingText(id));
              f.setAriaLabel(getTranslation("dispute.raise.amountFor", invoice.number()));
              return f;
            });
    return field;
  }

  private Money disputableOn(InvoiceSummary invoice) {
    return remaining.getOrDefault(invoice.id(), invoice.open());
  }

  private void submit() {
    List<InvoiceSummary> chosen = new ArrayList<>(grid.getSelectedItems());
    if (chosen.isEmpty()) {
      Notification.show(
              getTranslation("dispute.raise.pickInvoice"), 5000, Notification.Position.MIDDLE)
          .addThemeVariants(NotificationVariant.LUMO_ERROR);
      return;
    }
    List<NewDispute.Item> items = new ArrayList<>();
    for (InvoiceSummary invoice : chosen) {
      BigDecimal amount = amountField(invoice).getValue();
      // the field's own converter takes exponents: an unbounded value is sent as none (refused by
      // the service)
      boolean plain = amount != null && Decimals.within(amount, Money.MAX_INTEGER_DIGITS, 2);
      items.add(new NewDispute.Item(invoice.id(), null, plain ? amount.toPlainString() : ""));
    }
    reason.setInvalid(false);
    description.setInvalid(false);
    amounts.values().forEach(f -> f.setInvalid(false));
    amountErrors.setText("");
    List<String> amountMessages = new ArrayList<>();
    try {
      DisputeDetail raised =
          disputes.raise(
              new NewDispute(
                  kind.getValue(),
                  reason.getValue() == null ? null : reason.getValue().code(),
                  description.getValue(),
                  items));
      long id = raised.dispute().id();
      for (AttachmentCheck.Accepted file : files) {
        disputes.attach(id, file.fileName(), file.content());
      }
      Notification.show(
              getTranslation("dispute.raise.done", raised.dispute().number()),
              5000,
              Notification.Position.BOTTOM_START)
          .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
      getUI().ifPresent(ui -> ui.navigate(DisputeView.class, id));
    } catch (InvalidFields invalid) {
      for (Problem.FieldError error : invalid.toProblem().errors()) {
        String field = error.field();
        if (field.equals("reasonCode")) {
          reason.setErrorMessage(getTranslation("dispute.error.reason"));
          reason.setInvalid(true);
        } else if (field.equals("description")) {
          description.setErrorMessage(getTranslation("dispute.error.description"));
          description.setInvalid(true);
        } else if (field.startsWith("items[") && field.endsWith(".amount")) {
          int index = Integer.parseInt(field.substring(6, field.indexOf(']')));
          InvoiceSummary invoice = chosen.get(index);
          // the ceiling is re-read: another dispute may have taken part of it since the page opened
          Money ceiling =
              disputable
                  .of(List.of(invoice.id()))
                  .getOrDefault(invoice.id(), disputableOn(invoice));
          String message =
              getTranslation(
                  "dispute.error.amountOn", invoice.number(), Formats.money(ceiling, getLocale()));
          BigDecimalField amount = amountField(invoice);
          // the field shows it is wrong; the whole sentence goes under the grid, where a cell
          // cannot cut it
          amount.setErrorMessage(null);
          amount.setInvalid(true);
          amount.setAriaLabel(
              getTranslation("dispute.raise.amountFor", invoice.number()) + ". " + message);
          amountMessages.add(message);
        } else {
          Notification.show(error.message(), 6000, Notification.Position.MIDDLE)
              .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
      }
    } catch (ProblemException problem) {
      Notification.show(problem.getMessage(), 6000, Notification.Position.MIDDLE)
          .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
    amountErrors.setText(String.join("\n", amountMessages));
  }

  @Override
  public String getPageTitle() {
    return getTranslation(bpo ? "dispute.raise.titleBpo" : "dispute.raise.title");
  }
}
