package dev.steward.spi;

import dev.steward.model.StewardException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A connector call that failed, classified by {@link #kind()} so that Steward knows whether to
 * retry, wait, read back, or park the change. Codes read {@code STEWARD-CONNECTOR-<KIND>}.
 *
 * <p>Messages name the system, the operation and the record, never a credential: build them from
 * ids and the target's error text, not from request headers. Sealed: one final subclass per
 * {@link FailureKind}, plus {@link CapabilityMissingException}.
 */
public abstract sealed class ConnectorException extends StewardException
    permits TransientFailureException,
        RateLimitedException,
        AuthenticationFailedException,
        VersionConflictException,
        RejectedByTargetException,
        PermanentFailureException,
        UnknownOutcomeException,
        CapabilityMissingException {
  private static final long serialVersionUID = 1L;

  private final String systemId;
  private final FailureKind kind;

  ConnectorException(FailureKind kind, String systemId, String message, @Nullable Throwable cause) {
    super("STEWARD-CONNECTOR-" + kind.name(), "[" + Objects.requireNonNull(systemId, "systemId") + "] "
        + Objects.requireNonNull(message, "message"), cause);
    this.kind = kind;
    this.systemId = systemId;
  }

  /** Returns the kind of failure, which decides what Steward does next. */
  public FailureKind kind() {
    return kind;
  }

  /** Returns the id of the system whose call failed. */
  public String systemId() {
    return systemId;
  }

  /** Returns whether the same call may simply be sent again; {@code kind().retryable()}. */
  public boolean retryable() {
    return kind.retryable();
  }
}
