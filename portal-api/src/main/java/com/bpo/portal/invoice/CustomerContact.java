package com.bpo.portal.invoice;

/** Someone to talk to at a customer account. */
public record CustomerContact(
    long id, String name, String role, String email, String phone, boolean primary) {
  /** What the BPO sends to add a contact. */
  public record New(String name, String role, String email, String phone, Boolean primary) {}
}
