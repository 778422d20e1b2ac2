/**
 * How the portal sets a PDF, for every feature that writes one (invoices, statements, letters,
 * packs, scorecards, minutes): {@link Pdf} opens a document into bytes and makes the fonts, tables
 * and cells they all draw with. What a document says, and in which language, stays in its feature.
 */
package com.bpo.portal.shared.pdf;
