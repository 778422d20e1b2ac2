package com.bpo.portal.collection;

/** How risky an account is to collect from; the worklist weighs its overdue amount by it. */
public enum RiskClass {
  LOW(1),
  MEDIUM(2),
  HIGH(3);

  private final int weight;

  RiskClass(int weight) {
    this.weight = weight;
  }

  public int weight() {
    return weight;
  }
}
