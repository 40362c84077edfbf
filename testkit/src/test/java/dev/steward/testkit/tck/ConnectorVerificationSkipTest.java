package dev.steward.testkit.tck;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.model.EntityType;
import dev.steward.spi.ConnectorCapabilities;
import dev.steward.spi.Operation;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * Shows that rules needing what a connector does not declare, or what the verification does not
 * provide, are skipped with the reason rather than failed.
 */
class ConnectorVerificationSkipTest {
  private final PartialReferenceConnectorVerificationTest partial = new PartialReferenceConnectorVerificationTest();

  @Test
  void optionalRules_ofUndeclaredOperations_areSkippedNamingTheOperation() {
    String declares = " for CUSTOMER (it declares [READ, UPSERT])";
    requireSkip(partial::optional_spec207_createTwiceWithOneIdempotencyKeyMakesOneRecord, "declares no CREATE" + declares);
    requireSkip(partial::optional_spec208_deletedRecordReadsAsEmpty, "declares no DELETE" + declares);
    requireSkip(partial::optional_spec209_deleteOfAnUnknownRecordReturnsFalse, "declares no DELETE" + declares);
    requireSkip(partial::optional_spec303_bulkReadPagesCoverEveryRecordExactlyOnce, "declares no BULK_READ" + declares);
    requireSkip(partial::optional_spec401_changeFeedYieldsWritesInOrder, "declares no CHANGE_FEED" + declares);
    requireSkip(partial::optional_spec402_changeFeedResumesExactlyAfterItsCursor, "declares no CHANGE_FEED" + declares);
    requireSkip(partial::optional_spec403_changeFeedPollIsRepeatable, "declares no CHANGE_FEED" + declares);
    requireSkip(partial::optional_spec404_changeEnvelopesDescribeTheChange, "declares no CHANGE_FEED" + declares);
    requireSkip(partial::optional_spec405_changeEntityVersionIncreasesPerRecord, "declares no CHANGE_FEED" + declares);
    requireSkip(partial::optional_spec406_deletionAppearsAsDeletedChange, "declares no CHANGE_FEED" + declares);
    requireSkip(partial::optional_spec407_changeFeedRefusesBadLimitAndForeignCursor, "declares no CHANGE_FEED" + declares);
  }

  @Test
  void optionalRules_ofUndeclaredPromises_areSkippedNamingThePromise() {
    requireSkip(partial::optional_spec302_batchUpsertRefusesMoreThanMaxBatchSize, "declares no batching (maxBatchSize 1)");
    CustomerKit notIdempotent = CustomerKit.declaring(ConnectorCapabilities.builder()
        .entity(EntityType.CUSTOMER, Operation.READ, Operation.CREATE)
        .build());
    requireSkip(notIdempotent::optional_spec207_createTwiceWithOneIdempotencyKeyMakesOneRecord, "declares no idempotent create");
  }

  @Test
  void rules_needingAHookTheVerificationLacks_areSkippedNamingTheHook() {
    requireSkip(partial::optional_spec210_idempotencyKeyReachesTheSystem, "override observesIdempotencyKeys()");
    requireSkip(partial::optional_spec702_extensionsSurviveTheRoundTrip, "the verification says the system keeps no extensions");
    String answer = "cannot make the system answer with a chosen HTTP status (override simulatesHttpResponses()";
    requireSkip(partial::required_spec501_tooManyRequestsIsRateLimitedWithItsRetryAfter, answer);
    requireSkip(partial::required_spec502_retryAfterDateIsMeasuredAgainstTheClock, answer);
    requireSkip(partial::required_spec503_tooManyRequestsWithoutRetryAfterNamesNoDelay, answer);
    requireSkip(partial::required_spec504_serverErrorsAreTransient, answer);
    requireSkip(partial::required_spec505_gatewayTimeoutIsUnknownOutcome, answer);
    requireSkip(partial::required_spec506_unauthorizedIsAuthenticationFailure, answer);
    requireSkip(partial::required_spec507_unprocessableIsRejectedWithMessages, answer);
    requireSkip(partial::required_spec508_conflictIsVersionConflict, answer);
  }

  @Test
  void requiredRules_withNothingToCheck_areSkippedSayingWhy() {
    requireSkip(new CustomerKit()::required_spec103_undeclaredOperationThrowsCapabilityMissing,
        "the connector declares every operation for CUSTOMER");
    CustomerKit createOnly = CustomerKit.declaring(ConnectorCapabilities.builder()
        .entity(EntityType.CUSTOMER, Operation.READ, Operation.CREATE)
        .build());
    requireSkip(createOnly::required_spec201_upsertTwiceWithOneIdempotencyKeyMakesOneRecord,
        "declares no UPSERT for CUSTOMER (it declares [READ, CREATE])");
    CustomerKit upsertOnly = CustomerKit.declaring(ConnectorCapabilities.builder()
        .entity(EntityType.CUSTOMER, Operation.UPSERT)
        .build());
    requireSkip(upsertOnly::required_spec203_readByExternalIdReturnsTheWrite, "declares no READ for CUSTOMER");
  }

  @Test
  void rulesOfAWriteOnlyConnector_stillCheckWhatTheyCan() throws Exception {
    CustomerKit createOnly = CustomerKit.declaring(ConnectorCapabilities.builder()
        .entity(EntityType.CUSTOMER, Operation.READ, Operation.CREATE)
        .build());
    createOnly.required_spec203_readByExternalIdReturnsTheWrite();
    createOnly.required_spec103_undeclaredOperationThrowsCapabilityMissing();
    createOnly.required_spec602_failuresRevealNoSecret();
  }

  private static void requireSkip(ThrowingCallable rule, String reason) {
    assertThatThrownBy(rule).isInstanceOf(TestAbortedException.class).hasMessageStartingWith("skipped: ").hasMessageContaining(reason);
  }
}
