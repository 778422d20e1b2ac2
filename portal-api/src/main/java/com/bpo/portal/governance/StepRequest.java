package com.bpo.portal.governance;

/**
 * A workflow step with the version last seen; a manual escalation needs its reason in {@code note}.
 */
public record StepRequest(EntryAction action, String note, Long version) {}
