/**
 * The cash application screens: unapplied cash by age, statement upload, the exception queue of
 * bank lines with their candidates, and the dialog that applies, splits, puts on account or marks
 * for refund.
 */
package com.bpo.portal.ui.cash;
