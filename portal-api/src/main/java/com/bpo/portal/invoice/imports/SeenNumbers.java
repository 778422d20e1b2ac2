package com.bpo.portal.invoice.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The numbers a file has already finished (invoices, payments), kept as 128-bit digests in open
 * addressing rather than as strings: 16 bytes a number and at most half the slots used, about 32 MB
 * for 1,000,000 numbers where a {@code HashSet<String>} took about 110 MB. Two different numbers
 * would have to share all 128 bits of their MD5 to be taken for one another (about 10^-27 for a
 * million numbers by chance; a file crafted to collide could only get itself refused).
 */
final class SeenNumbers {
  private final MessageDigest md5;
  private long[] high = new long[1 << 10];
  private long[] low = new long[1 << 10];
  private boolean[] used = new boolean[1 << 10];
  private int size;

  SeenNumbers() {
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  boolean contains(String number) {
    byte[] d = md5.digest(number.getBytes(StandardCharsets.UTF_8));
    long h = toLong(d, 0);
    long l = toLong(d, 8);
    int mask = used.length - 1;
    for (int i = slot(h, mask); used[i]; i = (i + 1) & mask) {
      if (high[i] == h && low[i] == l) {
        return true;
      }
    }
    return false;
  }

  /** Adds the number; false if it was there already. */
  boolean add(String number) {
    byte[] d = md5.digest(number.getBytes(StandardCharsets.UTF_8));
    long h = toLong(d, 0);
    long l = toLong(d, 8);
    if (insert(high, low, used, h, l)) {
      if (++size * 2 > used.length) {
        grow();
      }
      return true;
    }
    return false;
  }

  int size() {
    return size;
  }

  private static boolean insert(long[] high, long[] low, boolean[] used, long h, long l) {
    int mask = used.length - 1;
    for (int i = slot(h, mask); ; i = (i + 1) & mask) {
      if (!used[i]) {
        used[i] = true;
        high[i] = h;
        low[i] = l;
        return true;
      }
      if (high[i] == h && low[i] == l) {
        return false;
      }
    }
  }

  private static int slot(long h, int mask) {
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    int capacity = used.length * 2;
    long[] newHigh = new long[capacity];
    long[] newLow = new long[capacity];
    boolean[] newUsed = new boolean[capacity];
    for (int i = 0; i < used.length; i++) {
      if (used[i]) {
        insert(newHigh, newLow, newUsed, high[i], low[i]);
      }
    }
    high = newHigh;
    low = newLow;
    used = newUsed;
  }

  private static long toLong(byte[] b, int from) {
    long v = 0;
    for (int i = from; i < from + 8; i++) {
      v = (v << 8) | (b[i] & 0xff);
    }
    return v;
  }
}
