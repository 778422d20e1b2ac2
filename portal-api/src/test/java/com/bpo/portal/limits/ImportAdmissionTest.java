package com.bpo.portal.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.bpo.portal.limits.ImportAdmission.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class ImportAdmissionTest {
  /** Slots held by running imports, as PostgreSQL's advisory locks would hold them. */
  static final class Slots implements IntPredicate {
    final Set<Integer> held = new HashSet<>();
    final List<Integer> tried = new ArrayList<>();

    Slots holding(Integer... slots) {
      held.addAll(List.of(slots));
      return this;
    }

    @Override
    public boolean test(int slot) {
      tried.add(slot);
      return held.add(slot);
    }
  }

  @Test
  void aQuietPortalAdmitsAndTheImportHoldsOneSlotOfEach() {
    Slots tenant = new Slots();
    Slots portal = new Slots();
    assertEquals(Verdict.ADMITTED, new ImportAdmission(1, 2).admit(tenant, portal));
    assertEquals(Set.of(0), tenant.held);
    assertEquals(Set.of(0), portal.held);
  }

  @Test
  void aTenantAtItsLimitIsRefusedWithoutTouchingThePortalsSlots() {
    Slots tenant = new Slots().holding(0);
    Slots portal = new Slots();
    assertEquals(Verdict.TENANT_BUSY, new ImportAdmission(1, 2).admit(tenant, portal));
    assertEquals(List.of(), portal.tried, "a refused import takes none of the shared slots");
  }

  @Test
  void theNextFreeSlotIsTakenWhenEarlierOnesAreHeld() {
    Slots tenant = new Slots().holding(0);
    Slots portal = new Slots().holding(0, 1);
    assertEquals(Verdict.ADMITTED, new ImportAdmission(2, 3).admit(tenant, portal));
    assertEquals(Set.of(0, 1), tenant.held);
    assertEquals(Set.of(0, 1, 2), portal.held);
  }

  @Test
  void aFullPortalRefusesATenantThatHasRoom() {
    Slots tenant = new Slots();
    Slots portal = new Slots().holding(0, 1);
    assertEquals(Verdict.PORTAL_BUSY, new ImportAdmission(1, 2).admit(tenant, portal));
    assertEquals(List.of(0, 1), portal.tried);
  }

  @Test
  void limitsBelowOneAreAConfigurationError() {
    assertThrows(IllegalArgumentException.class, () -> new ImportAdmission(0, 2));
    assertThrows(IllegalArgumentException.class, () -> new ImportAdmission(1, 0));
  }
}
