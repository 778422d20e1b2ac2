package com.bpo.portal.mail;

import com.bpo.portal.tenant.Tenant;
import com.bpo.portal.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

/**
 * One tenant's mail round outside any request: a request context of its own, bound to the tenant as
 * the role-less user {@code system}, in which {@link MailQueue} runs its tenant-bound transaction.
 */
@ApplicationScoped
public class MailRound {
  static final String SYSTEM_USER = "system";

  @Inject TenantContext context;
  @Inject MailQueue queue;

  @ActivateRequestContext
  public int run(Tenant tenant, MailQueue.Sender sender) {
    context.bindJob(SYSTEM_USER, tenant);
    return queue.sendWaiting(sender);
  }
}
