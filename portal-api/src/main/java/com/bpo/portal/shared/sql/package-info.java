/**
 * The one way features run native SQL: {@link TenantSql} binds the active tenant to the {@code
 * :tenant} parameter every statement must name, binds the other parameters by name, maps rows by
 * column name ({@link Row}) and pages by keyset with a row comparison ({@link Keyset}). Each
 * feature keeps its statements in one class per aggregate ({@code DisputeQueries}, ...) that uses
 * it; services never write {@code tenant_id = ?} or read {@code Object[]} positions. Row-level
 * security stays underneath as the second layer.
 */
package com.bpo.portal.shared.sql;
