package com.bpo.portal.approval;

import com.bpo.portal.dispute.DisputeAction;
import com.bpo.portal.dispute.DisputeService;
import com.bpo.portal.dispute.Outcome;
import com.bpo.portal.dispute.TransitionRequest;
import com.bpo.portal.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.math.BigDecimal;

/**
 * Four eyes on dispute resolutions that move money: the request the dispute service hands to {@link
 * Approvals#requireOrRecord} (a write-off, or credit notes, of the accepted amount), and, once a
 * second person approves, the same resolution step taken again: it then passes the check (the
 * approval is found approved) and applies. The only place that knows the dispute's step, so that
 * the dispute feature carries just the one call.
 */
@ApplicationScoped
public class DisputeResolutionApprovals {
  static final String PREFIX = "dispute";

  @Inject DisputeService disputes;

  /** The approval a resolution of {@code accepted} needs, carrying the step to take again. */
  public static ApprovalRequest request(
      long disputeId,
      long customerAccountId,
      String currency,
      TransitionRequest step,
      BigDecimal accepted) {
    ApprovalKind kind =
        step.outcome() == Outcome.WRITTEN_OFF ? ApprovalKind.WRITE_OFF : ApprovalKind.CREDIT_NOTE;
    JsonObjectBuilder payload =
        Json.createObjectBuilder()
            .add("version", step.version())
            .add("outcome", step.outcome().name())
            .add("note", step.note() == null ? "" : step.note());
    if (step.acceptedAmount() != null) {
      payload.add("acceptedAmount", step.acceptedAmount());
    }
    String reason =
        step.note() == null || step.note().isBlank() ? "Dispute resolution" : step.note().strip();
    return new ApprovalRequest(
        kind,
        new Money(accepted, currency),
        customerAccountId,
        PREFIX + ":" + disputeId,
        payload.build().toString(),
        reason);
  }

  void onDecided(@Observes ApprovalDecided decided) {
    long disputeId = decided.idFor(PREFIX);
    if (disputeId < 0 || !decided.granted()) {
      return; // refused: the dispute stays where it was, to be resolved otherwise
    }
    JsonObject step = Json.createReader(new StringReader(decided.payload())).readObject();
    disputes.transition(
        disputeId,
        new TransitionRequest(
            DisputeAction.RESOLVE,
            step.getJsonNumber("version").longValue(),
            step.getString("note"),
            Outcome.valueOf(step.getString("outcome")),
            step.getString("acceptedAmount", null)));
    decided.applied();
  }
}
