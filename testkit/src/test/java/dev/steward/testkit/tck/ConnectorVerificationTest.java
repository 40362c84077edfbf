package dev.steward.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.model.Customer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Shows that each rule of {@link ConnectorVerification} fails, with a message that says what went
 * wrong and what to check, against a connector broken the way the rule guards against. <b>Every
 * connector these tests run the kit against is wrong</b>; see {@link BrokenConnectors}.
 */
class ConnectorVerificationTest {
  @Test
  void required_validate_samplesAreUsable_shouldFailBy_modifyChangingNothing() {
    requireRuleFailure(
        kitWhoseModifyChangesNothing()::required_validate_samplesAreUsable,
        "Rule validate failed", "content of the modified record");
  }

  @Test
  void required_spec101_systemIdIsTheConfiguredOne_shouldFailBy_reportingItsOwnSystemId() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.reportsItsOwnSystemId())::required_spec101_systemIdIsTheConfiguredOne,
        "Rule spec101 failed", "[connector.systemId()]", "but was: \"reference\"");
  }

  @Test
  void required_spec102_capabilitiesAreStableAndDeclareTheRecordType_shouldFailBy_changingCapabilitiesBetweenCalls() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.changesCapabilitiesBetweenCalls())::required_spec102_capabilitiesAreStableAndDeclareTheRecordType,
        "Rule spec102 failed", "capabilities() called a second time");
  }

  @Test
  void required_spec103_undeclaredOperationThrowsCapabilityMissing_shouldFailBy_deletingWithoutDeclaringIt() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.deletesWithoutDeclaringIt())::required_spec103_undeclaredOperationThrowsCapabilityMissing,
        "Rule spec103 failed", "DELETE (not declared) returned normally; expected CapabilityMissingException");
  }

  @Test
  void required_spec104_undeclaredEntityTypeThrowsCapabilityMissing_shouldFailBy_servingUndeclaredEntityTypes() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.servesUndeclaredEntityTypes())::required_spec104_undeclaredEntityTypeThrowsCapabilityMissing,
        "Rule spec104 failed", "operations(LegalEntity) returned normally; expected CapabilityMissingException");
  }

  @Test
  void required_spec201_upsertTwiceWithOneIdempotencyKeyMakesOneRecord_shouldFailBy_recreatingOnARepeatedKey() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.recreatesOnRepeatedIdempotencyKey())::required_spec201_upsertTwiceWithOneIdempotencyKeyMakesOneRecord,
        "Rule spec201 failed", "external id returned by the repeated upsert (the first returned ref-1)", "but was: \"ref-2\"");
  }

  @Test
  void required_spec202_upsertOfTheSameCanonicalIdUpdates_shouldFailBy_keepingTheFirstVersion() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.keepsTheFirstVersion())::required_spec202_upsertOfTheSameCanonicalIdUpdates,
        "Rule spec202 failed", "version after the update (before it: 1)");
  }

  @Test
  void required_spec203_readByExternalIdReturnsTheWrite_shouldFailBy_readingTheDisplayNameFromTheLegalName() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.readsTheDisplayNameFromTheLegalName())::required_spec203_readByExternalIdReturnsTheWrite,
        "Rule spec203 failed", "content of the record read", "\"displayName\":\"Customer 1 GmbH\"");
  }

  @Test
  void required_spec203_readByExternalIdReturnsTheWrite_shouldFailBy_writingTheSecretIntoWhatItReads() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.writesTheSecretIntoWhatItReads())::required_spec203_readByExternalIdReturnsTheWrite,
        "Rule spec203 failed", "an assertion failed on something that reveals the value of credential 'reference.api-key'");
  }

  @Test
  void required_spec204_findByCanonicalIdReturnsTheWrite_shouldFailBy_findingNothing() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.findsNothing())::required_spec204_findByCanonicalIdReturnsTheWrite,
        "Rule spec204 failed", "after writing it", "Expecting Optional to contain a value but it was empty");
  }

  @Test
  void required_spec205_findOfAnUnknownCanonicalIdIsEmpty_shouldFailBy_failingToFindTheUnknown() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.failsToFindTheUnknown())::required_spec205_findOfAnUnknownCanonicalIdIsEmpty,
        "Rule spec205 failed", "the connector threw dev.steward.spi.PermanentFailureException");
  }

  @Test
  void required_spec206_readOfAnUnknownExternalIdIsEmpty_shouldFailBy_failingToReadTheUnknown() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.failsToReadTheUnknown())::required_spec206_readOfAnUnknownExternalIdIsEmpty,
        "Rule spec206 failed", "the connector threw dev.steward.spi.PermanentFailureException");
  }

  @Test
  void optional_spec207_createTwiceWithOneIdempotencyKeyMakesOneRecord_shouldFailBy_creatingWithoutTheKey() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.createsWithoutTheKey())::optional_spec207_createTwiceWithOneIdempotencyKeyMakesOneRecord,
        "Rule spec207 failed", "external id returned by the repeated create (the first returned ref-1)");
  }

  @Test
  void optional_spec208_deletedRecordReadsAsEmpty_shouldFailBy_deletingNothing() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.deletesNothing())::optional_spec208_deletedRecordReadsAsEmpty,
        "Rule spec208 failed", "read(ref-1) after delete");
  }

  @Test
  void optional_spec209_deleteOfAnUnknownRecordReturnsFalse_shouldFailBy_deletingNothing() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.deletesNothing())::optional_spec209_deleteOfAnUnknownRecordReturnsFalse,
        "Rule spec209 failed", "Expecting value to be false but was true");
  }

  @Test
  void optional_spec210_idempotencyKeyReachesTheSystem_shouldFailBy_droppingTheIdempotencyKey() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.dropsTheIdempotencyKey())::optional_spec210_idempotencyKeyReachesTheSystem,
        "Rule spec210 failed", "idempotency keys the system received");
  }

  @Test
  void required_spec301_batchUpsertAnswersEachRecordInOrder_shouldFailBy_reorderingBatchResults() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.reordersBatchResults())::required_spec301_batchUpsertAnswersEachRecordInOrder,
        "Rule spec301 failed", "external id in batch item 0, which must be record 0's", "but was: \"ref-2\"");
  }

  @Test
  void optional_spec302_batchUpsertRefusesMoreThanMaxBatchSize_shouldFailBy_acceptingOversizedBatches() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.acceptsOversizedBatches())::optional_spec302_batchUpsertRefusesMoreThanMaxBatchSize,
        "Rule spec302 failed", "upsertAll of 4 records (maxBatchSize 3) returned normally; expected IllegalArgumentException");
  }

  @Test
  void optional_spec303_bulkReadPagesCoverEveryRecordExactlyOnce_shouldFailBy_ignoringThePageSize() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.ignoresThePageSize())::optional_spec303_bulkReadPagesCoverEveryRecordExactlyOnce,
        "Rule spec303 failed", "size of page 1, asked for 2");
  }

  @Test
  void optional_spec401_changeFeedYieldsWritesInOrder_shouldFailBy_reversingChangePages() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.reversesChangePages())::optional_spec401_changeFeedYieldsWritesInOrder,
        "Rule spec401 failed", "by the order they first appear", "[\"ref-3\", \"ref-2\", \"ref-1\"]");
  }

  @Test
  void optional_spec402_changeFeedResumesExactlyAfterItsCursor_shouldFailBy_skippingTheLastChangeOfAFullPage() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.skipsTheLastChangeOfAFullPage())::optional_spec402_changeFeedResumesExactlyAfterItsCursor,
        "Rule spec402 failed", "records changed, paging 2 at a time", "[\"ref-1\", \"ref-3\", \"ref-5\"]");
  }

  @Test
  void optional_spec402_changeFeedResumesExactlyAfterItsCursor_shouldFailBy_repeatingTheLastChangeOfAPage() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.repeatsTheLastChangeOfAPage())::optional_spec402_changeFeedResumesExactlyAfterItsCursor,
        "Rule spec402 failed", "change chg-2 (subject ref-2) was delivered twice paging 2 at a time");
  }

  @Test
  void optional_spec403_changeFeedPollIsRepeatable_shouldFailBy_consumingChangesWhenPolled() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.consumesChangesWhenPolled())::optional_spec403_changeFeedPollIsRepeatable,
        "Rule spec403 failed", "change ids of a second poll from ChangeCursor[beginning]");
  }

  @Test
  void optional_spec404_changeEnvelopesDescribeTheChange_shouldFailBy_namingTheWrongSource() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.namesTheWrongSource())::optional_spec404_changeEnvelopesDescribeTheChange,
        "Rule spec404 failed", "[envelope source]", "but was: /reference");
  }

  @Test
  void optional_spec405_changeEntityVersionIncreasesPerRecord_shouldFailBy_stampingEveryChangeVersionOne() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.stampsEveryChangeVersionOne())::optional_spec405_changeEntityVersionIncreasesPerRecord,
        "Rule spec405 failed", "entity versions of record ref-1's changes", "Found duplicate(s)");
  }

  @Test
  void optional_spec406_deletionAppearsAsDeletedChange_shouldFailBy_reportingDeletionsAsChanges() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.reportsDeletionsAsChanges())::optional_spec406_deletionAppearsAsDeletedChange,
        "Rule spec406 failed", "type of the last change of a deleted record", "but was: \"dev.steward.customer.changed\"");
  }

  @Test
  void optional_spec407_changeFeedRefusesBadLimitAndForeignCursor_shouldFailBy_takingForeignCursorsForTheBeginning() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.takesForeignCursorsForTheBeginning())::optional_spec407_changeFeedRefusesBadLimitAndForeignCursor,
        "Rule spec407 failed", "changes after ChangeCursor[steward-tck-foreign-cursor-", "returned normally; expected IllegalArgumentException");
  }

  @Test
  void required_spec501_tooManyRequestsIsRateLimitedWithItsRetryAfter_shouldFailBy_reportingRateLimitsAsTransient() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.reportsRateLimitsAsTransient())::required_spec501_tooManyRequestsIsRateLimitedWithItsRetryAfter,
        "Rule spec501 failed", "a call answered HTTP 429 {Retry-After=7} threw dev.steward.spi.TransientFailureException", "expected RateLimitedException");
  }

  @Test
  void required_spec501_tooManyRequestsIsRateLimitedWithItsRetryAfter_shouldFailBy_losingTheRetryAfter() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.losesTheRetryAfter())::required_spec501_tooManyRequestsIsRateLimitedWithItsRetryAfter,
        "Rule spec501 failed", "retryAfter() of the RateLimitedException", "but was empty");
  }

  @Test
  void required_spec501_tooManyRequestsIsRateLimitedWithItsRetryAfter_shouldFailBy_leakingTheSecretInACause() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.leaksTheSecretInACause())::required_spec501_tooManyRequestsIsRateLimitedWithItsRetryAfter,
        "Rule spec501 failed", "a cause of the exception (java.io.IOException) reveals the value of credential 'reference.api-key'");
  }

  @Test
  void required_spec502_retryAfterDateIsMeasuredAgainstTheClock_shouldFailBy_measuringByTheWallClock() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.measuresRetryAfterByTheWallClock())::required_spec502_retryAfterDateIsMeasuredAgainstTheClock,
        "Rule spec502 failed", "retryAfter() for Retry-After: Tue, 1 Jan 2030 00:00:30 GMT", "1H");
  }

  @Test
  void required_spec503_tooManyRequestsWithoutRetryAfterNamesNoDelay_shouldFailBy_inventingARetryAfter() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.inventsARetryAfter())::required_spec503_tooManyRequestsWithoutRetryAfterNamesNoDelay,
        "Rule spec503 failed", "retryAfter() without a Retry-After header", "Expecting an empty Optional but was containing value: 1M");
  }

  @Test
  void required_spec503_tooManyRequestsWithoutRetryAfterNamesNoDelay_shouldFailBy_reportingRateLimitsAsTransient() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.reportsRateLimitsAsTransient())::required_spec503_tooManyRequestsWithoutRetryAfterNamesNoDelay,
        "Rule spec503 failed", "a call answered HTTP 429 {} threw dev.steward.spi.TransientFailureException");
  }

  @Test
  void required_spec504_serverErrorsAreTransient_shouldFailBy_reportingEveryFailureAsPermanent() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.reportsEveryFailureAsPermanent())::required_spec504_serverErrorsAreTransient,
        "Rule spec504 failed", "a call answered HTTP 500 {} threw dev.steward.spi.PermanentFailureException", "expected TransientFailureException");
  }

  @Test
  void required_spec504_serverErrorsAreTransient_shouldFailBy_leakingTheSecretInAFailureMessage() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.leaksTheSecretInAFailureMessage())::required_spec504_serverErrorsAreTransient,
        "Rule spec504 failed", "the exception (dev.steward.spi.TransientFailureException) reveals the value of credential 'reference.api-key'");
  }

  @Test
  void required_spec505_gatewayTimeoutIsUnknownOutcome_shouldFailBy_reportingEveryFailureAsTransient() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.reportsEveryFailureAsTransient())::required_spec505_gatewayTimeoutIsUnknownOutcome,
        "Rule spec505 failed", "a call answered HTTP 504 {} threw dev.steward.spi.TransientFailureException", "expected UnknownOutcomeException");
  }

  @Test
  void required_spec506_unauthorizedIsAuthenticationFailure_shouldFailBy_reportingEveryFailureAsTransient() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.reportsEveryFailureAsTransient())::required_spec506_unauthorizedIsAuthenticationFailure,
        "Rule spec506 failed", "a call answered HTTP 401 {} threw dev.steward.spi.TransientFailureException", "expected AuthenticationFailedException");
  }

  @Test
  void required_spec507_unprocessableIsRejectedWithMessages_shouldFailBy_reportingEveryFailureAsTransient() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.reportsEveryFailureAsTransient())::required_spec507_unprocessableIsRejectedWithMessages,
        "Rule spec507 failed", "a call answered HTTP 422 {} threw dev.steward.spi.TransientFailureException", "expected RejectedByTargetException");
  }

  @Test
  void required_spec508_conflictIsVersionConflict_shouldFailBy_reportingEveryFailureAsTransient() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.reportsEveryFailureAsTransient())::required_spec508_conflictIsVersionConflict,
        "Rule spec508 failed", "a call answered HTTP 409 {} threw dev.steward.spi.TransientFailureException", "expected VersionConflictException");
  }

  @Test
  void required_spec601_toStringRevealsNoSecret_shouldFailBy_leakingTheSecretInToString() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.leaksTheSecretInToString())::required_spec601_toStringRevealsNoSecret,
        "Rule spec601 failed", "reveals the value of credential 'reference.api-key'");
  }

  @Test
  void required_spec602_failuresRevealNoSecret_shouldFailBy_leakingTheSecretInAFailureMessage() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.leaksTheSecretInAFailureMessage())::required_spec602_failuresRevealNoSecret,
        "Rule spec602 failed", "a call answered HTTP 500 threw dev.steward.spi.TransientFailureException, and the exception");
  }

  @Test
  void required_spec602_failuresRevealNoSecret_shouldFailBy_leakingTheSecretInACause() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.leaksTheSecretInACause())::required_spec602_failuresRevealNoSecret,
        "Rule spec602 failed", "a call answered HTTP 429 threw dev.steward.spi.RateLimitedException, and a cause of the exception (java.io.IOException)");
  }

  @Test
  void required_spec701_foreignExternalRefsSurviveTheRoundTrip_shouldFailBy_droppingOtherSystemsReferences() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.dropsOtherSystemsReferences())::required_spec701_foreignExternalRefsSurviveTheRoundTrip,
        "Rule spec701 failed", "external references read by external id", "[\"tck:ref-1\"]");
  }

  @Test
  void optional_spec702_extensionsSurviveTheRoundTrip_shouldFailBy_droppingExtensions() {
    requireRuleFailure(
        CustomerKit.against(BrokenConnectors.dropsExtensions())::optional_spec702_extensionsSurviveTheRoundTrip,
        "Rule spec702 failed", "[extension steward-tck:probe read back]", "Expecting actual not to be null");
  }

  /** The reference kit, except that modify returns the record unchanged. */
  private static CustomerKit kitWhoseModifyChangesNothing() {
    return new CustomerKit() {
      @Override
      protected Customer modify(Customer record) {
        return record;
      }
    };
  }

  /**
   * Runs {@code rule}, which must fail with a message holding each of {@code parts} and the rule's
   * advice, and no credential anywhere in the failure or its causes.
   */
  private static void requireRuleFailure(ThrowingCallable rule, String... parts) {
    assertThatThrownBy(rule).isInstanceOf(AssertionError.class).satisfies(e -> {
      assertThat(e.getMessage()).contains(parts).contains("\nIf this fails, check ");
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertThat(t.toString()).as("a failure the kit reports").doesNotContain(SecretWatch.CANARY_PREFIX);
      }
    });
  }
}
