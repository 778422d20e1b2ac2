/**
 * Tenancy: the tenant registry, who the signed-in user is and which tenant they act in ({@link
 * com.bpo.portal.tenant.TenantContext}), resolved once per request from the token's membership
 * ({@link com.bpo.portal.tenant.TenantResolutionFilter}), and the hook that binds every transaction
 * to that tenant in EclipseLink and in PostgreSQL's row-level security ({@link
 * com.bpo.portal.tenant.TenantBinding}). Business code never passes tenant ids around.
 */
package com.bpo.portal.tenant;
