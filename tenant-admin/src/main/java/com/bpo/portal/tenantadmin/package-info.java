/**
 * Platform administration of tenants: provisioning ({@link com.bpo.portal.tenantadmin.TenantProvisioning}),
 * its REST door under /api/v1/admin/tenants for platform admins, and the command line in {@code cli}
 * that migrates the schema and seeds the demo tenants.
 */
package com.bpo.portal.tenantadmin;
