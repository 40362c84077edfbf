package dev.steward.model;

import java.util.Set;

/**
 * Thrown when a schema is asked for that this release of Steward does not ship: a version from
 * the future, or a {@code dataschema} URI that names no canonical schema. Code {@code
 * STEWARD-MODEL-UNKNOWN_SCHEMA}.
 */
public class UnknownSchemaException extends StewardException {
  private static final long serialVersionUID = 1L;

  private final String requested;

  /**
   * Creates the exception.
   *
   * @param requested the schema asked for, as a name and version or a URI
   * @param known the versions of that schema this release ships
   */
  public UnknownSchemaException(String requested, Set<Integer> known) {
    super(
        "STEWARD-MODEL-UNKNOWN_SCHEMA",
        "no canonical schema "
            + requested
            + "; this release ships "
            + (known.isEmpty() ? "no version of it" : "versions " + known)
            + " (an upcaster or a newer Steward is needed for other versions)",
        null);
    this.requested = requested;
  }

  /** Returns the schema asked for. */
  public String requested() {
    return requested;
  }
}
