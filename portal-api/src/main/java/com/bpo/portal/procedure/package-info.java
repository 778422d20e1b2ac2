/**
 * Desk-top procedures: the tenant's library by process area, versions in Markdown that move through
 * {@link com.bpo.portal.procedure.ProcedureWorkflow} (draft, in review, approved, effective,
 * superseded, retired) with one version in force at a time, rendered to safe HTML by {@link
 * com.bpo.portal.procedure.SafeMarkdown}, attachments checked by content, periodic reviews with
 * reminders, read-and-acknowledge records and PostgreSQL full-text search. {@link
 * com.bpo.portal.procedure.ProcedureService} (the library) and {@link
 * com.bpo.portal.procedure.ProcedureVersions} (steps on versions) are the transaction boundaries;
 * their SQL is in {@code ProcedureQueries} and {@code ProcedureSearchQueries}.
 */
package com.bpo.portal.procedure;
