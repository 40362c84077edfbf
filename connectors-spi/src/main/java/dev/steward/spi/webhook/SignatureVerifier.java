package dev.steward.spi.webhook;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Checks that a webhook delivery was signed by its sender: the hook a connector implements, or
 * configures from {@link HmacSignatures} for the common HMAC schemes (Stripe, GitHub, Shopify).
 * Run it on the raw request before anything parses the body.
 *
 * <p>Implementations are thread-safe, compare signatures in constant time, and keep secrets and
 * expected signatures out of results, messages and logs.
 */
@FunctionalInterface
public interface SignatureVerifier {
  /** Checks {@code request}'s signature; never throws for a bad signature, it returns {@link SignatureCheck.Rejected}. */
  SignatureCheck verify(WebhookRequest request);

  /**
   * Checks {@code request}'s signature and returns normally if it verifies.
   *
   * @throws WebhookSignatureException if it does not
   */
  default SignatureCheck.Verified requireValid(WebhookRequest request) {
    SignatureCheck check = verify(request);
    check.orThrow();
    return (SignatureCheck.Verified) check;
  }

  /**
   * Returns a verifier that accepts what any of {@code verifiers} accepts, tried in order: for a
   * secret being rotated, the new one and the old one. When all reject, the first rejection that
   * is not a {@link SignatureFailure#MISMATCH} is returned, else the first.
   *
   * @throws IllegalArgumentException if none is given
   */
  static SignatureVerifier anyOf(List<SignatureVerifier> verifiers) {
    List<SignatureVerifier> all = List.copyOf(verifiers);
    if (all.isEmpty()) {
      throw new IllegalArgumentException("anyOf needs at least one verifier");
    }
    return request -> {
      Objects.requireNonNull(request, "request");
      SignatureCheck.@Nullable Rejected first = null;
      SignatureCheck.@Nullable Rejected telling = null;
      for (SignatureVerifier v : all) {
        SignatureCheck check = v.verify(request);
        if (check instanceof SignatureCheck.Rejected r) {
          first = first == null ? r : first;
          telling = telling == null && r.failure() != SignatureFailure.MISMATCH ? r : telling;
        } else {
          return check;
        }
      }
      return telling != null ? telling : Objects.requireNonNull(first);
    };
  }
}
