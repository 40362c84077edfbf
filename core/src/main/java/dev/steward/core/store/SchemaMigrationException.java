package dev.steward.core.store;

import dev.steward.model.StewardException;

/**
 * {@link JdbcStores#migrate()} (or a JDBC store's {@code migrate()}) refused to change a database whose history disagrees with
 * the scripts this version of Steward ships: a script already applied has changed since, or a
 * script is missing from the middle of the history. Nothing was changed. Code {@value #CODE}.
 */
public class SchemaMigrationException extends StewardException {
  /** The stable code of this exception. */
  public static final String CODE = "STEWARD-STORE-MIGRATION_REFUSED";

  private static final long serialVersionUID = 1L;

  private final int version;

  /**
   * Creates the exception.
   *
   * @param version the version of the script in question
   * @param message what disagrees and how to resolve it
   */
  public SchemaMigrationException(int version, String message) {
    super(CODE, message, null);
    this.version = version;
  }

  /** Returns the version of the script in question. */
  public int version() {
    return version;
  }
}
