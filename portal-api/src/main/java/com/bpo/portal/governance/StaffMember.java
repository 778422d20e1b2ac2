package com.bpo.portal.governance;

/** Someone who can own an entry: the tenant's BPO staff and client stakeholders. */
public record StaffMember(String username, String displayName, String email, String role) {}
