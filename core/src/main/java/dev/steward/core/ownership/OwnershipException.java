package dev.steward.core.ownership;

import dev.steward.model.StewardException;

/**
 * Thrown when a change cannot be judged at all: it names something that is no attribute of the
 * entity, or has the wrong shape where an attribute's value belongs, or the policy has no rules
 * for the entity type. Codes read {@code STEWARD-OWNERSHIP-<REASON>}.
 */
public class OwnershipException extends StewardException {
  private static final long serialVersionUID = 1L;

  /** Why the change cannot be judged. */
  public enum Reason {
    /** The change names a property that is no attribute of the entity. */
    UNKNOWN_ATTRIBUTE,
    /** A value has the wrong JSON shape for its place (a string where an object belongs...). */
    WRONG_SHAPE,
    /** The policy has no rules for the entity type. */
    NO_RULES,
    /** The change is larger than ownership judges in one decision. */
    TOO_LARGE
  }

  private final Reason reason;
  private final String pointer;

  /**
   * Creates the exception.
   *
   * @param reason why the change cannot be judged
   * @param pointer the JSON Pointer of the offending value, {@code ""} for the whole change
   * @param message a plain message naming what was wrong and where
   */
  public OwnershipException(Reason reason, String pointer, String message) {
    super("STEWARD-OWNERSHIP-" + reason.name(), message, null);
    this.reason = reason;
    this.pointer = pointer;
  }

  /** Returns why the change cannot be judged. */
  public Reason reason() {
    return reason;
  }

  /** Returns the JSON Pointer of the offending value. */
  public String pointer() {
    return pointer;
  }
}
