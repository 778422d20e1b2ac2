/**
 * The governance screens: the log (grid with filters and saved views, and a board by status), an
 * entry with its history and comments, meetings with agenda, minutes and captured actions, and the
 * escalation matrix for leads. Each calls {@code com.bpo.portal.governance} in process.
 */
package com.bpo.portal.ui.governance;
