package dev.steward.spi.webhook;

import dev.steward.model.StewardException;
import java.util.Objects;

/**
 * A webhook delivery whose signature did not verify; the host answers it with 400 or 401 and
 * processes nothing. Codes read {@code STEWARD-WEBHOOK-<FAILURE>}; the message names the header
 * and what was wrong, never a secret or the expected signature.
 */
public final class WebhookSignatureException extends StewardException {
  private static final long serialVersionUID = 1L;

  private final SignatureFailure failure;

  /**
   * Creates the exception.
   *
   * @param failure why the check failed
   * @param detail what was wrong; must not hold a secret or an expected signature
   */
  public WebhookSignatureException(SignatureFailure failure, String detail) {
    super("STEWARD-WEBHOOK-" + Objects.requireNonNull(failure, "failure").name(), Objects.requireNonNull(detail, "detail"), null);
    this.failure = failure;
  }

  /** Returns why the check failed. */
  public SignatureFailure failure() {
    return failure;
  }
}
