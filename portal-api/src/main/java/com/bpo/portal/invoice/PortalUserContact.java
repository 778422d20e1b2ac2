package com.bpo.portal.invoice;

/** A customer's portal user as mail reaches them: who (to read their language) and where. */
public record PortalUserContact(String username, String email) {}
