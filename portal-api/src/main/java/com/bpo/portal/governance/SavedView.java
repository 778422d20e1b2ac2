package com.bpo.portal.governance;

/**
 * A user's named filter of the log, kept as the filter's query string (see {@link
 * EntryFilter#toQuery()}).
 */
public record SavedView(long id, String name, String filter) {}
