package dev.steward.core.ownership;

/** What ownership decided for one changed attribute. */
public enum Outcome {
  /** The source owns the attribute here (or originates it on a new record): the value is applied. */
  ACCEPTED,
  /** The source neither owns nor may propose the attribute: the value is not applied. */
  REJECTED_NOT_OWNER,
  /** The source may propose the attribute: the value is recorded for approval, not applied. */
  PROPOSED,
  /** The value equals the golden record's: nothing to do. */
  UNCHANGED,
  /** The source may not create this entity: nothing of the record is applied. */
  REJECTED_NOT_ORIGINATOR,
  /** Another system changed the attribute after the version the source's change is based on. */
  CONFLICT,
  /**
   * Applying the value would leave a gap in a list: it lies in a new element after one that was
   * not accepted, or it removes an element that later elements still follow. Lists keep their
   * positions, so the value is not applied.
   */
  REJECTED_LIST_GAP;

  /** Returns whether the outcome applies the value to the golden record. */
  public boolean applies() {
    return this == ACCEPTED;
  }

  /** Returns whether the outcome refuses the value (a strict change then applies nothing). */
  public boolean refuses() {
    return this == REJECTED_NOT_OWNER || this == REJECTED_NOT_ORIGINATOR || this == CONFLICT
        || this == REJECTED_LIST_GAP;
  }
}
