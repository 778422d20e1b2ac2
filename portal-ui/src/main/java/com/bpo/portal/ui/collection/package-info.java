/**
 * Collections screens: the collector's worklist, an account's collections page (timeline, log a
 * call, record a promise, next account, all by keyboard), dunning runs for leads to review and
 * release, and for customers their reminders and a promise to pay proposed from an overdue invoice.
 */
package com.bpo.portal.ui.collection;
