package com.bpo.portal.collection;

/** Why an invoice (or a whole notice) is left out of a dunning run; shown in the proposal. */
public enum Exclusion {
  /** The whole open amount is under open dispute. */
  DISPUTED,
  /** An open promise to pay covers the invoice. */
  PROMISED,
  /** The account is on hold. */
  ON_HOLD
}
