/**
 * The desk-top procedure screens: the library by process area with search, a procedure's page
 * (version in force, versions, in force on a date, diffs, acknowledgements, reviews, the draft
 * editor and the approval steps) and the list of reviews due. They call {@code
 * procedure.ProcedureService} and {@code procedure.ProcedureVersions}; each form is a class with
 * its Binder (ProcedureFactsForm, DraftEditor, VersionStepForm).
 */
package com.bpo.portal.ui.procedure;
