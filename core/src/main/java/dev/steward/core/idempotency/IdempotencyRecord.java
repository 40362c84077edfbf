package dev.steward.core.idempotency;

import dev.steward.model.Fingerprint;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a store holds for one key: the payload's fingerprint, whether the operation is in flight
 * or completed, the current lease, and when the key may be purged.
 *
 * @param key the key
 * @param fingerprint the fingerprint of the payload the key was first claimed with
 * @param leaseToken the token of the current (or last) holder
 * @param leaseExpiresAt when the current lease expires
 * @param attempt how many holders the key has had
 * @param outcome the recorded outcome once completed; null while in flight
 * @param createdAt when the key was first claimed
 * @param expiresAt when the key may be purged
 */
public record IdempotencyRecord(
    IdempotencyKey key,
    Fingerprint fingerprint,
    String leaseToken,
    Instant leaseExpiresAt,
    int attempt,
    @Nullable RecordedOutcome outcome,
    Instant createdAt,
    Instant expiresAt) {

  /** Checks the parts. */
  public IdempotencyRecord {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(leaseToken, "leaseToken");
    Objects.requireNonNull(leaseExpiresAt, "leaseExpiresAt");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Returns whether the operation has completed. */
  public boolean completed() {
    return outcome != null;
  }
}
