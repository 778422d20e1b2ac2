package com.bpo.portal.shared;

import java.util.List;

/** The realm roles of Keycloak's realm 'portal', as the groups claim carries them. */
public final class Roles {
  public static final String PLATFORM_ADMIN = "platform-admin";
  public static final String BPO_LEAD = "bpo-lead";
  public static final String BPO_AGENT = "bpo-agent";
  public static final String CLIENT_STAKEHOLDER = "client-stakeholder";
  public static final String CUSTOMER = "customer";

  /** Most privileged first: the role a person is shown as when they hold several. */
  public static final List<String> ALL =
      List.of(PLATFORM_ADMIN, BPO_LEAD, BPO_AGENT, CLIENT_STAKEHOLDER, CUSTOMER);

  private Roles() {}
}
