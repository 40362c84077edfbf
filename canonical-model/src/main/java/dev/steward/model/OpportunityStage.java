package dev.steward.model;

/**
 * Where a deal stands in the sales pipeline, from first contact to a signed or lost deal. A move
 * to {@code CLOSED_WON} is what starts quote-to-project.
 */
public enum OpportunityStage {
  /** A possible need has been spotted; nothing is confirmed. */
  PROSPECTING,
  /** Need, budget and decision makers are being confirmed. */
  QUALIFICATION,
  /** A proposal or statement of work has been sent. */
  PROPOSAL,
  /** Price, scope and terms are being negotiated. */
  NEGOTIATION,
  /** The customer has signed; a contract and a project follow. */
  CLOSED_WON,
  /** The deal was lost or abandoned. */
  CLOSED_LOST;

  /** Returns whether the deal is decided, won or lost. */
  public boolean isClosed() {
    return this == CLOSED_WON || this == CLOSED_LOST;
  }
}
