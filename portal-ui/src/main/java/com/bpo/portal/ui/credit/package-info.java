/**
 * Credit screens: the credit panel on the customer account page, the limit request dialog, the
 * approvals inbox with its evidence links, and the credit reviews due. Rules live in {@code
 * com.bpo.portal.credit} and {@code com.bpo.portal.approval}.
 */
package com.bpo.portal.ui.credit;
