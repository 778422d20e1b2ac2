package com.bpo.portal.shared;

import jakarta.transaction.UserTransaction;
import java.util.ArrayList;
import java.util.List;

/**
 * A thread's {@link UserTransaction} that only records the timeouts set on it, for the tests of the
 * beans that give one transaction a timeout of its own (invoice and bank statement imports).
 */
public final class TimeoutRecorder implements UserTransaction {
  /** What happened, in order: "timeout N" here, and whatever the test adds. */
  public final List<String> events = new ArrayList<>();

  private int timeout;

  /** The timeout set last: what a transaction begun now would get. */
  public int timeout() {
    return timeout;
  }

  @Override
  public void setTransactionTimeout(int seconds) {
    timeout = seconds;
    events.add("timeout " + seconds);
  }

  @Override
  public void begin() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void commit() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void rollback() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setRollbackOnly() {
    throw new UnsupportedOperationException();
  }

  @Override
  public int getStatus() {
    throw new UnsupportedOperationException();
  }
}
