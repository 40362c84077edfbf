package dev.steward.spi.webhook;

/** Why a webhook's signature check failed; codes read {@code STEWARD-WEBHOOK-<NAME>}. */
public enum SignatureFailure {
  /** The header that carries the signature is absent. */
  MISSING_HEADER,
  /** The signature header is not of the scheme's form: no timestamp, no signature, bad encoding. */
  MALFORMED_HEADER,
  /** The signature is valid but its timestamp is further from now than the tolerance: a replay or a badly skewed clock. */
  TIMESTAMP_OUT_OF_TOLERANCE,
  /** No signature in the header matches the body under the configured secret. */
  MISMATCH
}
