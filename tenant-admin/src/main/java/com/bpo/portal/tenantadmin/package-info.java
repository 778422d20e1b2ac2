/**
 * Platform administration of tenants, for platform admins only: opening a tenant in resumable,
 * recorded steps ({@link com.bpo.portal.tenantadmin.TenantProvisioning}, {@link
 * com.bpo.portal.tenantadmin.ProvisioningSteps}), its people ({@link
 * com.bpo.portal.tenantadmin.TenantPeople}), Keycloak's admin API ({@link
 * com.bpo.portal.tenantadmin.KeycloakAdmin}), the streamed export ({@link
 * com.bpo.portal.tenantadmin.TenantExport}), deletion with its proof ({@link
 * com.bpo.portal.tenantadmin.TenantDeletion}), the admins' own record ({@link
 * com.bpo.portal.tenantadmin.AdminAudit}), the REST doors under /api/v1/admin, and the command line
 * in {@code cli} that migrates the schema, seeds the demo tenants and drives the admin API.
 */
package com.bpo.portal.tenantadmin;
