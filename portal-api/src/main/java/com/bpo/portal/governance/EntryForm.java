package com.bpo.portal.governance;

import com.bpo.portal.shared.ProcessArea;
import java.time.LocalDate;
import java.util.List;

/**
 * What a caller sends to create an entry, or to edit one (then with the {@code version} last seen;
 * the type cannot change). Links are only read on creation: later ones have their own calls.
 */
public record EntryForm(
    EntryType type,
    String title,
    String description,
    ProcessArea area,
    Priority priority,
    Integer likelihood,
    Integer impact,
    String owner,
    LocalDate dueDate,
    List<NewLink> links,
    Long version) {
  /**
   * A link to make: the target by its id, or by a {@code reference} as a person types it ("D-1952",
   * "G-12", "P-3", an invoice number); see {@link LinkReference}. One constructor only: JSON-B
   * refuses a record body when a second one exists.
   */
  public record NewLink(LinkKind kind, Long targetId, String reference) {}
}
