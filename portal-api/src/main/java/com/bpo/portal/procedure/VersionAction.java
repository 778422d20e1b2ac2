package com.bpo.portal.procedure;

/**
 * The steps of a version's life. {@link #SUPERSEDE} is never asked for: making another version
 * effective takes it.
 */
public enum VersionAction {
  SUBMIT,
  APPROVE,
  REJECT,
  MAKE_EFFECTIVE,
  SUPERSEDE,
  RETIRE
}
