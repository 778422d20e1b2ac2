package com.bpo.portal.dispute;

/**
 * A reason code of the tenant's catalogue. Inactive codes stay on old disputes but cannot be
 * chosen.
 */
public record DisputeReason(String code, String label, boolean active, int sortOrder) {}
