package com.bpo.portal.approval;

import com.bpo.portal.shared.Roles;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who may approve what amount, for one kind of decision in one tenant: bands of amount, each
 * holding amounts up to and including its {@code upTo} (the last band has none), each naming how
 * many different people must approve (0: no approval needed) and which roles count. The maker never
 * counts, and nobody counts twice. Pure, so every boundary is tested without a server.
 */
public record AuthorityMatrix(ApprovalKind kind, List<Band> bands) {

  /**
   * Amounts up to and including {@code upTo} (null: no upper bound) need {@code approvers} of
   * {@code roles}.
   */
  public record Band(BigDecimal upTo, int approvers, Set<String> roles) {
    public Band {
      if (approvers < 0 || approvers > 3) {
        throw new IllegalArgumentException("a band needs between 0 and 3 approvers");
      }
      roles = Set.copyOf(roles);
      if (approvers > 0 && roles.isEmpty()) {
        throw new IllegalArgumentException("a band that needs approvers must name their roles");
      }
    }

    public boolean needsApproval() {
      return approvers > 0;
    }
  }

  public AuthorityMatrix {
    Objects.requireNonNull(kind, "kind");
    bands = List.copyOf(bands);
    if (bands.isEmpty() || bands.get(bands.size() - 1).upTo() != null) {
      throw new IllegalArgumentException("the last band must be open-ended");
    }
    for (int i = 0; i + 1 < bands.size(); i++) {
      BigDecimal upTo = bands.get(i).upTo();
      if (upTo == null || (i > 0 && upTo.compareTo(bands.get(i - 1).upTo()) <= 0)) {
        throw new IllegalArgumentException(
            "bands must rise strictly, and only the last may be open-ended");
      }
    }
  }

  /**
   * The defaults a tenant works under until it saves its own: money up to 1,000 needs nobody, up to
   * 100,000 one lead, above that two leads; a credit limit up to 10,000 one lead, up to 100,000 the
   * client's stakeholder, above that two approvers (a lead and a stakeholder, or two of either).
   */
  public static AuthorityMatrix defaults(ApprovalKind kind) {
    if (kind == ApprovalKind.CREDIT_LIMIT) {
      return new AuthorityMatrix(
          kind,
          List.of(
              new Band(new BigDecimal("10000.00"), 1, Set.of(Roles.BPO_LEAD)),
              new Band(new BigDecimal("100000.00"), 1, Set.of(Roles.CLIENT_STAKEHOLDER)),
              new Band(null, 2, Set.of(Roles.BPO_LEAD, Roles.CLIENT_STAKEHOLDER))));
    }
    return new AuthorityMatrix(
        kind,
        List.of(
            new Band(new BigDecimal("1000.00"), 0, Set.of()),
            new Band(new BigDecimal("100000.00"), 1, Set.of(Roles.BPO_LEAD)),
            new Band(null, 2, Set.of(Roles.BPO_LEAD))));
  }

  /** The band an amount falls in: the first whose upper bound it does not exceed. */
  public Band bandFor(BigDecimal amount) {
    if (amount == null || amount.signum() < 0) {
      throw new IllegalArgumentException("an amount of zero or more");
    }
    for (Band band : bands) {
      if (band.upTo() == null || amount.compareTo(band.upTo()) <= 0) {
        return band;
      }
    }
    throw new IllegalStateException("the last band is open-ended");
  }

  /** Why this person may not approve now, or empty if their approval counts. */
  public static Optional<String> refusal(
      Band band,
      String maker,
      String approver,
      Collection<String> approverRoles,
      Collection<String> alreadyApproved) {
    if (approver.equals(maker)) {
      return Optional.of(
          "The person who asked cannot approve their own request: a second person must.");
    }
    if (alreadyApproved.contains(approver)) {
      return Optional.of("You have already approved this; another person must.");
    }
    if (approverRoles.stream().noneMatch(band.roles()::contains)) {
      return Optional.of(
          "This amount needs the approval of " + band.roles().stream().sorted().toList() + ".");
    }
    return Optional.empty();
  }

  /** Whether {@code approvals} different approvers are enough for the band. */
  public static boolean complete(Band band, int approvals) {
    return approvals >= band.approvers();
  }

  /** The roles across every band, for a person's inbox: who may ever approve this kind. */
  public Set<String> approverRoles() {
    List<String> roles = new ArrayList<>();
    bands.forEach(b -> roles.addAll(b.roles()));
    return Set.copyOf(roles);
  }
}
