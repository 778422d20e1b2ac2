package com.bpo.portal.procedure;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * A version to read: its Markdown, the same rendered to sanitised HTML, its attachments, and the
 * steps the caller may take on it now.
 */
public record VersionDetail(
    long procedureId,
    String procedureTitle,
    VersionSummary version,
    String content,
    String html,
    List<Attachment> attachments,
    Set<VersionAction> actions) {
  public record Attachment(
      long id,
      String fileName,
      String mediaType,
      int sizeBytes,
      String sha256,
      String uploadedBy,
      OffsetDateTime at) {}
}
