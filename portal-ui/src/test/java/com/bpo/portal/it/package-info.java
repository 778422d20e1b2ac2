/**
 * Integration tests (*IT, run by Failsafe): Arquillian deploys the packaged WAR to a managed Open
 * Liberty, which talks to the real PostgreSQL and Keycloak that bin/portal started. Tests act as
 * the demo users of the seeded demo tenants; they call the API over HTTP, query the database as the
 * application role, and drive headless Debian Chromium through the real login.
 */
package com.bpo.portal.it;
