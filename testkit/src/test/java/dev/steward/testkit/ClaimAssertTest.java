package dev.steward.testkit;

import static dev.steward.testkit.StewardAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.idempotency.Claim;
import dev.steward.core.idempotency.IdempotencyKey;
import dev.steward.core.idempotency.RecordedOutcome;
import dev.steward.model.Fingerprint;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClaimAssertTest {
  private static final IdempotencyKey KEY = IdempotencyKey.of("erp.post-invoice", "inv-42");
  private static final Instant LEASE = Instant.parse("2026-04-01T09:00:30Z");
  private static final Instant DONE = Instant.parse("2026-04-01T09:00:05Z");
  private static final Fingerprint FIRST = Fingerprint.sha256("{\"total\":\"10.00\"}".getBytes(StandardCharsets.UTF_8));
  private static final Fingerprint SECOND = Fingerprint.sha256("{\"total\":\"10.01\"}".getBytes(StandardCharsets.UTF_8));

  private static final Claim ACQUIRED = new Claim.Acquired(KEY, "lease-1", LEASE, 1);
  private static final Claim TAKEN_OVER = new Claim.Acquired(KEY, "lease-2", LEASE, 2);
  private static final RecordedOutcome POSTED = RecordedOutcome.success("{\"erpId\":\"4711\"}", DONE);
  private static final Claim COMPLETED = new Claim.Completed(KEY, POSTED);
  private static final Claim FAILED =
      new Claim.Completed(KEY, RecordedOutcome.failure("PERIOD_CLOSED", "the ERP period 2026-03 is closed", DONE));
  private static final Claim IN_FLIGHT = new Claim.InFlight(KEY, LEASE);
  private static final Claim MISMATCH = new Claim.Mismatch(KEY, FIRST, SECOND);

  @Test
  void isAcquired_passesForAnAcquiredClaim_failsSayingWhatItWas() {
    assertThat(ACQUIRED).isAcquired();
    assertThatThrownBy(() -> assertThat(IN_FLIGHT).isAcquired())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected the claim of erp.post-invoice:inv-42 to be Acquired but it was InFlight,"
            + " held until 2026-04-01T09:00:30Z");
  }

  @Test
  void isAcquiredOnAttempt_comparesTheAttempt() {
    assertThat(TAKEN_OVER).isAcquiredOnAttempt(2);
    assertThatThrownBy(() -> assertThat(ACQUIRED).isAcquiredOnAttempt(2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be Acquired on attempt 2 but it was Acquired on attempt 1, leased until"
            + " 2026-04-01T09:00:30Z");
    assertThatThrownBy(() -> assertThat(COMPLETED).isAcquiredOnAttempt(1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be Acquired but it was Completed successfully");
  }

  @Test
  void isCompleted_passesForARecordedOutcome() {
    assertThat(COMPLETED).isCompleted();
    assertThat(FAILED).isCompleted();
    assertThatThrownBy(() -> assertThat(ACQUIRED).isCompleted())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be Completed but it was Acquired on attempt 1");
  }

  @Test
  void isCompletedWith_comparesTheOutcome() {
    assertThat(COMPLETED).isCompletedWith(POSTED);
    assertThatThrownBy(() -> assertThat(FAILED).isCompletedWith(POSTED))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be Completed with " + POSTED + " but it was Completed with a failure at"
            + " 2026-04-01T09:00:05Z: PERIOD_CLOSED: the ERP period 2026-03 is closed");
  }

  @Test
  void isCompletedSuccessfully_andWithFailure_readTheOutcome() {
    assertThat(COMPLETED).isCompletedSuccessfully();
    assertThat(FAILED).isCompletedWithFailure("PERIOD_CLOSED");
    assertThatThrownBy(() -> assertThat(FAILED).isCompletedSuccessfully())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be Completed successfully but it was Completed with a failure");
    assertThatThrownBy(() -> assertThat(COMPLETED).isCompletedWithFailure("PERIOD_CLOSED"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be Completed with a failure of type PERIOD_CLOSED but it was Completed successfully"
            + " at 2026-04-01T09:00:05Z with result {\"erpId\":\"4711\"}");
    assertThatThrownBy(() -> assertThat(FAILED).isCompletedWithFailure("TIMEOUT"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("with a failure of type TIMEOUT but it was Completed with a failure");
  }

  @Test
  void isInFlight_passesWhileAnotherCallerWorks() {
    assertThat(IN_FLIGHT).isInFlight();
    assertThatThrownBy(() -> assertThat(COMPLETED).isInFlight())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be InFlight but it was Completed successfully");
  }

  @Test
  void isMismatch_passesForAnotherPayload_showingBothFingerprints() {
    assertThat(MISMATCH).isMismatch();
    assertThatThrownBy(() -> assertThat(ACQUIRED).isMismatch())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be Mismatch but it was Acquired");
    assertThatThrownBy(() -> assertThat(MISMATCH).isAcquired())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Mismatch: the key was first used with payload " + FIRST + ", not " + SECOND);
  }

  @Test
  void hasKey_comparesTheKey() {
    assertThat(ACQUIRED).hasKey(KEY);
    assertThatThrownBy(() -> assertThat(ACQUIRED).hasKey(IdempotencyKey.of("erp.post-invoice", "inv-43")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected a claim of erp.post-invoice:inv-43 but it was of erp.post-invoice:inv-42");
  }

  @Test
  void aNullClaim_failsAsAssertJDoes() {
    assertThatThrownBy(() -> assertThat((Claim) null).isAcquired())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting actual not to be null");
  }
}
