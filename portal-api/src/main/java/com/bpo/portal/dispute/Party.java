package com.bpo.portal.dispute;

import com.bpo.portal.tenant.PortalUser;
import com.bpo.portal.tenant.TenantRole;
import java.util.EnumSet;
import java.util.Set;

/** The three sides of a dispute. Which messages each sees and may write is decided here, once. */
public enum Party {
  CUSTOMER(EnumSet.of(Visibility.CUSTOMER)),
  CLIENT(EnumSet.of(Visibility.CUSTOMER, Visibility.CLIENT)),
  BPO(EnumSet.allOf(Visibility.class));

  private final Set<Visibility> sees;

  Party(Set<Visibility> sees) {
    this.sees = sees;
  }

  /** The dispute's perspective of the one role model: the user's role in the active tenant. */
  public static Party of(PortalUser user) {
    return user.tenantRole().map(Party::of).orElse(CUSTOMER);
  }

  public static Party of(TenantRole role) {
    return switch (role) {
      case BPO_LEAD, BPO_AGENT -> BPO;
      case CLIENT_STAKEHOLDER -> CLIENT;
      case CUSTOMER -> CUSTOMER;
    };
  }

  /** The visibilities of the messages this party is shown. */
  public Set<Visibility> sees() {
    return EnumSet.copyOf(sees);
  }

  public boolean sees(Visibility visibility) {
    return sees.contains(visibility);
  }

  /** A party writes only what it may read: a customer cannot leave an internal note. */
  public boolean mayPost(Visibility visibility) {
    return sees(visibility);
  }

  public boolean isBpo() {
    return this == BPO;
  }
}
