package com.bpo.portal.ui.credit;

import com.bpo.portal.credit.CreditService;
import com.bpo.portal.credit.LimitRequest;
import com.bpo.portal.shared.Decimals;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Money;
import com.bpo.portal.shared.Problem;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.ui.Formats;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Asking for a new credit limit: the limit and the reason, bound with a {@link Binder}; the service
 * judges it again and its field errors are shown beside the fields.
 */
public class LimitRequestDialog extends Dialog {
  /** The form's bean. */
  public static class Form {
    private String requestedLimit = "";
    private String reason = "";

    public String getRequestedLimit() {
      return requestedLimit;
    }

    public void setRequestedLimit(String requestedLimit) {
      this.requestedLimit = requestedLimit;
    }

    public String getReason() {
      return reason;
    }

    public void setReason(String reason) {
      this.reason = reason;
    }
  }

  private final TextField limit = new TextField();
  private final TextArea reason = new TextArea();
  private final Binder<Form> binder = new Binder<>(Form.class);

  public LimitRequestDialog(
      Component view,
      CreditService credit,
      long accountId,
      Money current,
      Consumer<LimitRequest> raised) {
    setHeaderTitle(view.getTranslation("credit.request.title"));
    limit.setLabel(view.getTranslation("credit.request.limit"));
    limit.setId("limit-request-limit");
    limit.setHelperText(
        view.getTranslation(
            "credit.request.current",
            Formats.money(current, com.vaadin.flow.component.UI.getCurrent().getLocale())));
    limit.setSuffixComponent(new com.vaadin.flow.component.html.Span(current.currency()));
    reason.setLabel(view.getTranslation("credit.request.reason"));
    reason.setId("limit-request-reason");
    reason.setMaxLength(2000);
    reason.setMinHeight("6em");
    binder
        .forField(limit)
        .asRequired(view.getTranslation("credit.request.limitRequired"))
        .withValidator(
            v -> {
              // as the service reads it: 13 digits before the point, 2 after, not negative
              try {
                return Decimals.parse(v, 13, 2).signum() >= 0;
              } catch (Decimals.Invalid e) {
                return false;
              }
            },
            view.getTranslation("credit.request.limitFormat"))
        .bind(Form::getRequestedLimit, Form::setRequestedLimit);
    binder
        .forField(reason)
        .asRequired(view.getTranslation("credit.request.reasonRequired"))
        .bind(Form::getReason, Form::setReason);
    binder.setBean(new Form());
    FormLayout layout = new FormLayout(limit, reason);
    layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
    add(new Paragraph(view.getTranslation("credit.request.explain")), layout);

    Map<String, HasValidation> fields = Map.of("requestedLimit", limit, "reason", reason);
    Button send =
        new Button(
            view.getTranslation("credit.request.send"),
            e -> {
              if (binder.validate().hasErrors()) {
                return;
              }
              Form form = binder.getBean();
              try {
                LimitRequest request =
                    credit.raise(
                        new CreditService.NewLimitRequest(
                            accountId, form.getRequestedLimit().strip(), form.getReason()));
                close();
                raised.accept(request);
              } catch (InvalidFields invalid) {
                for (Problem.FieldError error : invalid.toProblem().errors()) {
                  HasValidation field = fields.get(error.field());
                  if (field == null) {
                    notify(error.message());
                  } else {
                    field.setErrorMessage(error.message());
                    field.setInvalid(true);
                  }
                }
              } catch (ProblemException problem) {
                notify(problem.getMessage());
              }
            });
    send.setId("limit-request-send");
    send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button(view.getTranslation("common.cancel"), e -> close()), send);
  }

  private static void notify(String message) {
    Notification.show(message, 6000, Notification.Position.MIDDLE)
        .addThemeVariants(NotificationVariant.LUMO_ERROR);
  }
}
