package com.bpo.portal.shared;

/**
 * The states of {@link DatabaseCircuit}, apart from its database and scheduler: closed or open, and
 * whether a probe is under way. Thread-safe; every change is one atomic step.
 */
final class CircuitState {
  private boolean open;
  private boolean probing;

  synchronized boolean isOpen() {
    return open;
  }

  /** Opens the circuit; true when it was closed, so that only the first failure is reported. */
  synchronized boolean open() {
    boolean wasClosed = !open;
    open = true;
    return wasClosed;
  }

  /**
   * Claims the next probe: true only when the circuit is open and no probe is scheduled or running.
   */
  synchronized boolean startProbing() {
    if (!open || probing) {
      return false;
    }
    probing = true;
    return true;
  }

  /** A probe ended: the circuit closes when it reached the database, and stays open otherwise. */
  synchronized void probed(boolean reached) {
    probing = false;
    if (reached) {
      open = false;
    }
  }
}
