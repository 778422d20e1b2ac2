package com.bpo.portal.shared;

import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.util.function.Supplier;

/**
 * One transaction with a timeout of its own: the invoice import's and the bank statement import's
 * are longer than the server's default (Liberty: 120 s), which every other transaction keeps. The
 * timeout is set on the thread's {@link UserTransaction} for the transaction the work begins, and
 * the server's default is given back however the work ends, for whatever this pooled thread runs
 * next.
 */
public final class OwnTimeout {
  private OwnTimeout() {}

  /**
   * Runs {@code work}, which begins one transaction, under {@code seconds} (0: the server's
   * default); {@code setting} names the configuration the seconds come from, for the message that
   * refuses a negative value before anything runs.
   */
  public static <T> T run(UserTransaction thread, int seconds, String setting, Supplier<T> work) {
    if (seconds < 0) {
      throw new IllegalStateException(setting + " must be 0 (the server's default) or more");
    }
    set(thread, seconds);
    try {
      return work.get();
    } finally {
      set(thread, 0);
    }
  }

  private static void set(UserTransaction thread, int seconds) {
    try {
      thread.setTransactionTimeout(seconds);
    } catch (SystemException e) {
      throw new IllegalStateException("Could not set a transaction timeout", e);
    }
  }
}
