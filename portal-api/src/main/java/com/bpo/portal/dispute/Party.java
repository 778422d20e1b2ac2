package com.bpo.portal.dispute;

import com.bpo.portal.shared.Roles;
import com.bpo.portal.tenant.PortalUser;
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

  public static Party of(PortalUser user) {
    if (user.hasRole(Roles.BPO_LEAD) || user.hasRole(Roles.BPO_AGENT)) {
      return BPO;
    }
    if (user.hasRole(Roles.CLIENT_STAKEHOLDER)) {
      return CLIENT;
    }
    return CUSTOMER;
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
