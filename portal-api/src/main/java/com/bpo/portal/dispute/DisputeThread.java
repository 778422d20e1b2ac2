package com.bpo.portal.dispute;

import com.bpo.portal.shared.AttachmentCheck;
import com.bpo.portal.shared.InvalidFields;
import com.bpo.portal.shared.Problem.FieldError;
import com.bpo.portal.shared.ProblemException;
import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.StaffMember;
import com.bpo.portal.tenant.TenantContext;
import com.bpo.portal.tenant.TenantService;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A dispute's conversation: messages at the visibilities each party may write, and evidence files
 * judged by their content. A customer's message answers a question put to them and tells the team.
 */
@TenantService
public class DisputeThread {
  static final int MAX_MESSAGE = 8000;

  @Inject TenantContext context;
  @Inject DisputeAccess access;
  @Inject DisputeQueries queries;
  @Inject DisputeDesk desk;
  @Inject DisputeNotices notices;

  /** Adds a message to the thread, at a visibility the caller's party may write. */
  public DisputeDetail post(long id, String body, Visibility requested) {
    PortalUser user = context.requireUser();
    Party party = Party.of(user);
    Dispute dispute = access.require(id);
    Visibility visibility =
        requested != null
            ? requested
            : (party == Party.BPO
                ? Visibility.INTERNAL
                : party == Party.CLIENT ? Visibility.CLIENT : Visibility.CUSTOMER);
    if (!party.mayPost(visibility)) {
      throw ProblemException.forbidden(
          "Your role cannot write " + visibility.name().toLowerCase() + " messages.");
    }
    String text = body == null ? "" : body.strip();
    if (text.isEmpty() || text.length() > MAX_MESSAGE) {
      throw new InvalidFields(
          "The message cannot be sent as it is.",
          List.of(new FieldError("body", "must be 1 to " + MAX_MESSAGE + " characters")));
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    message(dispute, user, party, visibility, text);
    if (party.isBpo() && visibility == Visibility.CUSTOMER) {
      dispute.respond(now);
    }
    if (party == Party.CUSTOMER) {
      if (dispute.status() == DisputeStatus.AWAITING_CUSTOMER) {
        // the customer's answer puts the dispute back in the BPO's hands
        dispute.moveTo(DisputeStatus.IN_REVIEW, null, now);
        access.record(
            dispute,
            "CUSTOMER_REPLIED",
            DisputeStatus.AWAITING_CUSTOMER,
            DisputeStatus.IN_REVIEW,
            null);
      }
      List<StaffMember> staff = dispute.assignee() == null ? List.of() : desk.assignableStaff();
      notices.customerReplied(dispute, desk.settings(), staff, text);
    }
    access.flush();
    return access.detail(dispute);
  }

  void message(Dispute dispute, PortalUser user, Party party, Visibility visibility, String body) {
    queries.insertMessage(dispute.id(), user.username(), party, visibility, body);
  }

  /** Stores an evidence file after checking it by content; refused files leave nothing behind. */
  public DisputeDetail.Attachment attach(long id, String fileName, byte[] content) {
    PortalUser user = context.requireUser();
    Party party = Party.of(user);
    Dispute dispute = access.require(id);
    AttachmentCheck.Accepted file = AttachmentCheck.check(fileName, content);
    long attachmentId =
        queries.insertAttachment(dispute.id(), file, content, user.username(), party);
    access.record(dispute, "ATTACHED", dispute.status(), dispute.status(), file.fileName());
    return new DisputeDetail.Attachment(
        attachmentId,
        file.fileName(),
        file.mediaType(),
        content.length,
        file.sha256(),
        user.username(),
        OffsetDateTime.now(ZoneOffset.UTC));
  }

  /** An attachment's bytes, if the caller may see its dispute. */
  public Optional<DisputeService.AttachmentContent> attachment(long disputeId, long attachmentId) {
    if (access.visible(disputeId).isEmpty()) {
      return Optional.empty();
    }
    return queries.attachmentContent(disputeId, attachmentId);
  }
}
