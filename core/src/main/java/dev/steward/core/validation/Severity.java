package dev.steward.core.validation;

/** How much a violation matters: an error blocks posting, a warning does not. */
public enum Severity {
  /** Blocks posting: the change is not applied until the violation is fixed or overridden. */
  ERROR,
  /** Reported, but the change may be posted. */
  WARNING;

  /** Returns whether a violation of this severity blocks posting. */
  public boolean blocks() {
    return this == ERROR;
  }
}
