package dev.steward.model;

/**
 * Where a contract stands: {@code DRAFT -> ACTIVE}, then {@code SUSPENDED} and back, and finally
 * {@code EXPIRED} at the end of its term or {@code TERMINATED} early. Only active contracts are
 * billed for new work.
 */
public enum ContractStatus {
  /** Being drafted or negotiated; not yet in force. */
  DRAFT,
  /** Signed and in force: work may be delivered and billed. */
  ACTIVE,
  /** Temporarily on hold, for example for non-payment; no new work or billing. */
  SUSPENDED,
  /** Ran to the end of its term without renewal. */
  EXPIRED,
  /** Ended early by either party. */
  TERMINATED;

  /** Returns whether the contract has ended, expired or terminated. */
  public boolean isEnded() {
    return this == EXPIRED || this == TERMINATED;
  }
}
