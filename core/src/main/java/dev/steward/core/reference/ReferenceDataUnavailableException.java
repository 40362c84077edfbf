package dev.steward.core.reference;

import dev.steward.model.StewardException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by a {@link ReferenceData} when the source behind it (the host's ERP, a master data
 * service, a database) cannot answer a lookup: it is down, times out or refuses. This is "the
 * checker is down", never "the data is wrong": a lookup that finds nothing returns an empty
 * answer instead. Validation uses the difference to hold a record for a retry rather than reject
 * it. Code {@value #CODE}.
 */
public class ReferenceDataUnavailableException extends StewardException {
  /** The stable code of this exception. */
  public static final String CODE = "STEWARD-REFERENCE-UNAVAILABLE";

  private static final long serialVersionUID = 1L;

  private final ReferenceKind kind;
  private final String key;
  private final String detail;

  /**
   * Creates the exception.
   *
   * @param kind what kind of reference data was being looked up
   * @param key the key looked up, such as a legal entity id or a jurisdiction code
   * @param detail why the source could not answer, such as {@code ERP timed out after 5 s}
   * @param cause the source's failure, if any
   */
  public ReferenceDataUnavailableException(
      ReferenceKind kind, String key, String detail, @Nullable Throwable cause) {
    super(CODE, message(kind, key, detail), cause);
    this.kind = kind;
    this.key = key;
    this.detail = detail;
  }

  /** Returns what kind of reference data was being looked up. */
  public ReferenceKind kind() {
    return kind;
  }

  /** Returns the key looked up, such as a legal entity id or a jurisdiction code. */
  public String key() {
    return key;
  }

  /** Returns why the source could not answer, without the kind and key: the message's last part. */
  public String detail() {
    return detail;
  }

  private static String message(ReferenceKind kind, String key, String detail) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(detail, "detail");
    return "reference data unavailable: cannot look up " + kind.description() + " '" + key + "': " + detail;
  }
}
