package dev.steward.spi.webhook;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a webhook signature check: {@link Verified} or {@link Rejected}. Neither holds
 * the secret or the expected signature.
 */
public sealed interface SignatureCheck permits SignatureCheck.Verified, SignatureCheck.Rejected {
  /** Returns whether the signature was verified. */
  default boolean verified() {
    return this instanceof Verified;
  }

  /**
   * Returns normally if verified.
   *
   * @throws WebhookSignatureException with the failure if rejected
   */
  default void orThrow() {
    if (this instanceof Rejected r) {
      throw new WebhookSignatureException(r.failure(), r.detail());
    }
  }

  /**
   * The body is authentic: a signature in the header matches it under the secret.
   *
   * @param signedAt when the sender signed it, for schemes that sign a timestamp (Stripe); null
   *     for schemes that do not
   */
  record Verified(@Nullable Instant signedAt) implements SignatureCheck {}

  /**
   * The body is not proven authentic; do not process it.
   *
   * @param failure why
   * @param detail what was wrong, naming the header; never a secret or an expected signature
   */
  record Rejected(SignatureFailure failure, String detail) implements SignatureCheck {
    /** Checks the values are present. */
    public Rejected {
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
