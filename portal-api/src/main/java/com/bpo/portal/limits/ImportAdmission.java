package com.bpo.portal.limits;

import java.util.function.IntPredicate;

/**
 * The rule that admits an import, apart from where its slots are held: a tenant may run at most
 * {@code perTenant} imports at once and the whole portal at most {@code overall}. Slots are tried
 * in order and a slot once taken is kept until the import's transaction ends, so the tenant's slot
 * is taken first (a tenant at its limit never holds one of the shared slots, even for a moment).
 */
public record ImportAdmission(int perTenant, int overall) {
  public ImportAdmission {
    if (perTenant < 1 || overall < 1) {
      throw new IllegalArgumentException(
          "portal.imports.concurrent.per-tenant and .overall must be at least 1");
    }
  }

  /** Why an import was not admitted; {@code ADMITTED} when it was. */
  public enum Verdict {
    ADMITTED,
    TENANT_BUSY,
    PORTAL_BUSY
  }

  /**
   * Tries the tenant's slots, then the portal's; each predicate takes a slot number (from 0) and
   * answers whether it could take it.
   */
  public Verdict admit(IntPredicate takeTenantSlot, IntPredicate takeOverallSlot) {
    if (!firstFree(perTenant, takeTenantSlot)) {
      return Verdict.TENANT_BUSY;
    }
    return firstFree(overall, takeOverallSlot) ? Verdict.ADMITTED : Verdict.PORTAL_BUSY;
  }

  private static boolean firstFree(int slots, IntPredicate take) {
    for (int slot = 0; slot < slots; slot++) {
      if (take.test(slot)) {
        return true;
      }
    }
    return false;
  }
}
