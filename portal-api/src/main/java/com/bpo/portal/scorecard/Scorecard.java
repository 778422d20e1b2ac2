package com.bpo.portal.scorecard;

import com.bpo.portal.shared.Money;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A month's scorecard as the reader sees it. {@code stored} is false for a preview computed on the
 * fly (nothing saved yet); a stored one is a snapshot that only a lead's recompute (while a draft)
 * changes.
 */
public record Scorecard(
    String period,
    boolean stored,
    Status status,
    BigDecimal overallScore,
    OffsetDateTime computedAt,
    String publishedBy,
    OffsetDateTime publishedAt,
    String signedOffBy,
    OffsetDateTime signedOffAt,
    long version,
    List<Kpi> kpis,
    List<Comment> comments,
    List<Event> history,
    List<Credit> credits) {
  public enum Status {
    DRAFT,
    PUBLISHED,
    SIGNED_OFF
  }

  public enum Review {
    OPEN,
    DISPUTED,
    ANSWERED
  }

  public record Kpi(
      String code,
      int definitionVersion,
      String name,
      KpiDefinition.Unit unit,
      Rag.Direction direction,
      BigDecimal actual,
      BigDecimal target,
      BigDecimal warning,
      BigDecimal weight,
      Rag rag,
      boolean computed,
      String evidence,
      String evidenceFile,
      Review review,
      List<Point> trend) {}

  /** An earlier month's stored actual, for the trend. */
  public record Point(String period, BigDecimal actual, Rag rag) {}

  public record Comment(
      long id, String code, String kind, String author, String body, OffsetDateTime at) {}

  public record Event(OffsetDateTime at, String actor, String action, String note) {}

  public record Credit(String code, Money amount) {}
}
