package com.bpo.portal.tenant;

import java.util.List;
import java.util.Optional;

/**
 * Decides the tenant a request acts in: the one asked for if the user belongs to it, the only one
 * if they belong to one, and otherwise a refusal that says why. Membership comes from the token, so
 * naming a tenant never grants access to it.
 */
public final class ActiveTenantResolver {
  private ActiveTenantResolver() {}

  public sealed interface Resolution {}

  public record Active(String tenantId) implements Resolution {}

  /** The user belongs to no tenant (a platform admin, or someone not yet provisioned). */
  public record NoTenant() implements Resolution {}

  /** Several memberships and none chosen. */
  public record Ambiguous(List<String> choices) implements Resolution {}

  public record NotMember(String requested) implements Resolution {}

  public static Resolution resolve(List<String> memberships, Optional<String> requested) {
    Optional<String> asked = requested.map(String::trim).filter(s -> !s.isEmpty());
    if (asked.isPresent()) {
      return memberships.contains(asked.get())
          ? new Active(asked.get())
          : new NotMember(asked.get());
    }
    return switch (memberships.size()) {
      case 0 -> new NoTenant();
      case 1 -> new Active(memberships.get(0));
      default -> new Ambiguous(List.copyOf(memberships));
    };
  }
}
