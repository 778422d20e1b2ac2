package com.bpo.portal.dispute;

import com.bpo.portal.shared.Money;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * One dispute as the caller may see it: messages narrowed to the caller's party, history notes
 * withheld from customers, and the actions the caller can take now.
 */
public record DisputeDetail(
    DisputeSummary dispute,
    String reasonLabel,
    String description,
    List<Item> items,
    List<Message> messages,
    List<Attachment> attachments,
    List<Event> history,
    Set<DisputeAction> actions,
    Set<Visibility> mayPost) {

  public record Item(
      long invoiceId,
      String invoiceNumber,
      Integer lineNo,
      Money amount,
      Money settled,
      Money invoiceOpen) {}

  public record Message(
      long id, String author, Party party, Visibility visibility, String body, OffsetDateTime at) {}

  public record Attachment(
      long id,
      String fileName,
      String mediaType,
      int sizeBytes,
      String sha256,
      String uploadedBy,
      OffsetDateTime at) {}

  public record Event(
      OffsetDateTime at,
      String actor,
      String action,
      DisputeStatus fromStatus,
      DisputeStatus toStatus,
      String note) {}
}
