package com.bpo.portal.collection;

/** How a contact went. */
public enum ContactOutcome {
  REACHED,
  LEFT_MESSAGE,
  REFUSED,
  PROMISED,
  DISPUTED,
  WRONG_CONTACT
}
