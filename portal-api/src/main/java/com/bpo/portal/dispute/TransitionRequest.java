package com.bpo.portal.dispute;

/**
 * A step in the workflow. {@code version} is the dispute's version as the caller last saw it;
 * {@code note} says why (required to ask the customer, resolve and reopen); {@code outcome} and,
 * for a partial acceptance, {@code acceptedAmount} say how it was resolved.
 */
public record TransitionRequest(
    DisputeAction action, Long version, String note, Outcome outcome, String acceptedAmount) {}
