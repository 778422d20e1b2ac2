/**
 * Limits on what one request and one user may send: the request body's size (413, counted on the
 * bytes read, so a chunked body is held to it too) and how often a user may write through the
 * customer-facing endpoints (429 with Retry-After, counted in PostgreSQL so that every Liberty
 * instance shares the same counters). Limits come from MicroProfile Config with defaults.
 */
package com.bpo.portal.limits;
