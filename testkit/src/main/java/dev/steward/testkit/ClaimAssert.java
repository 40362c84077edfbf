package dev.steward.testkit;

import dev.steward.core.idempotency.Claim;
import dev.steward.core.idempotency.IdempotencyKey;
import dev.steward.core.idempotency.RecordedOutcome;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on the {@link Claim} an idempotency key was claimed with: acquired, completed (with
 * which outcome), in flight or a mismatch. A failure message says what the claim was instead, with
 * its key, lease, attempt, outcome or fingerprints:
 *
 * <pre>{@code
 * expected the claim of erp.post-invoice:inv-42 to be Acquired but it was InFlight, held until 2026-04-01T09:00:30Z
 * }</pre>
 *
 * <p>Get one from {@link StewardAssertions#assertThat(Claim)}. Not thread-safe, as AssertJ's
 * assertions are not.
 */
public final class ClaimAssert extends AbstractAssert<ClaimAssert, Claim> {

  ClaimAssert(@Nullable Claim actual) {
    super(actual, ClaimAssert.class);
  }

  /** Verifies that the caller acquired the key and is to do the work. */
  public ClaimAssert isAcquired() {
    return is(Claim.Acquired.class);
  }

  /** Verifies that the caller acquired the key on attempt {@code attempt}: 1 for the first holder, more after takeovers. */
  public ClaimAssert isAcquiredOnAttempt(int attempt) {
    isAcquired();
    Claim.Acquired acquired = (Claim.Acquired) actual;
    if (acquired.attempt() != attempt) {
      fail("expected the claim of " + acquired.key() + " to be Acquired on attempt " + attempt + " but it was "
          + describe(acquired));
    }
    return this;
  }

  /** Verifies that the work was already done: the claim returns its recorded outcome. */
  public ClaimAssert isCompleted() {
    return is(Claim.Completed.class);
  }

  /** Verifies that the work was already done with {@code outcome}. */
  public ClaimAssert isCompletedWith(RecordedOutcome outcome) {
    Objects.requireNonNull(outcome, "outcome");
    isCompleted();
    Claim.Completed completed = (Claim.Completed) actual;
    if (!completed.outcome().equals(outcome)) {
      fail("expected the claim of " + completed.key() + " to be Completed with " + outcome + " but it was "
          + describe(completed));
    }
    return this;
  }

  /** Verifies that the work was already done and succeeded. */
  public ClaimAssert isCompletedSuccessfully() {
    isCompleted();
    Claim.Completed completed = (Claim.Completed) actual;
    if (!completed.outcome().succeeded()) {
      fail("expected the claim of " + completed.key() + " to be Completed successfully but it was " + describe(completed));
    }
    return this;
  }

  /** Verifies that the work was already done and failed with an error of {@code errorType}. */
  public ClaimAssert isCompletedWithFailure(String errorType) {
    Objects.requireNonNull(errorType, "errorType");
    isCompleted();
    Claim.Completed completed = (Claim.Completed) actual;
    if (completed.outcome().succeeded() || !errorType.equals(completed.outcome().errorType())) {
      fail("expected the claim of " + completed.key() + " to be Completed with a failure of type " + errorType
          + " but it was " + describe(completed));
    }
    return this;
  }

  /** Verifies that another caller holds the key and is still working (HTTP 409). */
  public ClaimAssert isInFlight() {
    return is(Claim.InFlight.class);
  }

  /** Verifies that the key was first used with another payload (HTTP 422). */
  public ClaimAssert isMismatch() {
    return is(Claim.Mismatch.class);
  }

  /** Verifies that the claim is of {@code key}. */
  public ClaimAssert hasKey(IdempotencyKey key) {
    Objects.requireNonNull(key, "key");
    isNotNull();
    if (!actual.key().equals(key)) {
      fail("expected a claim of " + key + " but it was of " + actual.key() + ": " + describe(actual));
    }
    return this;
  }

  private ClaimAssert is(Class<? extends Claim> kind) {
    isNotNull();
    if (!kind.isInstance(actual)) {
      fail("expected the claim of " + actual.key() + " to be " + kind.getSimpleName() + " but it was " + describe(actual));
    }
    return this;
  }

  /** Returns what the claim is, with what it carries. */
  static String describe(Claim claim) {
    if (claim instanceof Claim.Acquired a) {
      return "Acquired on attempt " + a.attempt() + ", leased until " + a.leaseExpiresAt();
    } else if (claim instanceof Claim.Completed c) {
      RecordedOutcome o = c.outcome();
      return o.succeeded()
          ? "Completed successfully at " + o.completedAt() + (o.result() == null ? "" : " with result " + o.result())
          : "Completed with a failure at " + o.completedAt() + ": " + o.errorType() + ": " + o.errorMessage();
    } else if (claim instanceof Claim.InFlight f) {
      return "InFlight, held until " + f.leaseExpiresAt();
    } else if (claim instanceof Claim.Mismatch m) {
      return "Mismatch: the key was first used with payload " + m.recorded() + ", not " + m.presented();
    }
    return String.valueOf(claim);
  }

  private void fail(String message) {
    failWithMessage("%s", message);
  }
}
