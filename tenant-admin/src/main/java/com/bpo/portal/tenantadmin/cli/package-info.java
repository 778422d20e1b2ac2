/**
 * The command line bin/portal runs outside the server, as the schema owner: Flyway migrations and
 * the demo seed. Plain JDBC only, so it needs no container.
 */
package com.bpo.portal.tenantadmin.cli;
