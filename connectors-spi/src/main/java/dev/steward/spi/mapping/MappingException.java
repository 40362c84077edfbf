package dev.steward.spi.mapping;

import dev.steward.model.StewardException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A vendor object that cannot be mapped to its canonical record, or a canonical record that
 * cannot be mapped back: a required vendor field missing, a field of the wrong JSON type, an enum
 * value the mapping does not know, money that is not exact in its currency, a reference with no
 * counterpart in the other system. The {@link Reason} says which; codes read {@code
 * STEWARD-MAPPING-<REASON>}.
 *
 * <p>{@link #pointer()} is the JSON Pointer (RFC 6901) of the vendor field concerned, in the
 * vendor object as the system sends or receives it, so a person can find it in the payload. The
 * message names the system, the pointer and what was wrong; it quotes short vendor values (an
 * enum value, a type) but never a credential, since none passes through a mapper.
 */
public final class MappingException extends StewardException {
  private static final long serialVersionUID = 1L;

  /** The conditions a mapping refuses. */
  public enum Reason {
    /** A field the canonical record needs is absent or {@code null} in the vendor object. */
    MISSING_FIELD,
    /** A field holds another JSON type than the mapping expects (text for a number, say). */
    WRONG_TYPE,
    /** A value that the mapping's table of vendor values does not know, in either direction. */
    UNKNOWN_VALUE,
    /** An amount that is not exact in its currency: a fraction of a minor unit, a non-integer count of minor units. */
    INEXACT_AMOUNT,
    /** A value of the right type that is not valid: a malformed date, an unknown currency. */
    INVALID_VALUE,
    /** A canonical id with no known id in the vendor system, or the reverse where it must exist. */
    UNRESOLVED_REFERENCE
  }

  private final Reason reason;
  private final String systemId;
  private final String pointer;

  /**
   * Creates the exception.
   *
   * @param reason which condition was met
   * @param systemId the system whose object was being mapped
   * @param pointer the JSON Pointer of the vendor field concerned; {@code ""} for the whole object
   * @param problem what was wrong, in plain words, without the pointer or system
   */
  public MappingException(Reason reason, String systemId, String pointer, String problem) {
    this(reason, systemId, pointer, problem, null);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param reason which condition was met
   * @param systemId the system whose object was being mapped
   * @param pointer the JSON Pointer of the vendor field concerned; {@code ""} for the whole object
   * @param problem what was wrong, in plain words, without the pointer or system
   * @param cause the underlying failure
   */
  public MappingException(Reason reason, String systemId, String pointer, String problem, @Nullable Throwable cause) {
    super("STEWARD-MAPPING-" + Objects.requireNonNull(reason, "reason").name(),
        "[" + Objects.requireNonNull(systemId, "systemId") + "] "
            + (Objects.requireNonNull(pointer, "pointer").isEmpty() ? "(the object)" : pointer)
            + ": " + Objects.requireNonNull(problem, "problem"),
        cause);
    this.reason = reason;
    this.systemId = systemId;
    this.pointer = pointer;
  }

  /** Returns which condition was met. */
  public Reason reason() {
    return reason;
  }

  /** Returns the id of the system whose object was being mapped. */
  public String systemId() {
    return systemId;
  }

  /** Returns the JSON Pointer of the vendor field concerned; {@code ""} for the whole object. */
  public String pointer() {
    return pointer;
  }
}
