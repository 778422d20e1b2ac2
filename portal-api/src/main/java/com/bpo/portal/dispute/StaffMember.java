package com.bpo.portal.dispute;

/** Someone who works for the tenant, as disputes can be assigned to them and notifications reach them. */
public record StaffMember(String username, String displayName, String email, String role) {}
