package dev.steward.testkit;

import static dev.steward.testkit.StewardAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.ownership.ChangeRequest;
import dev.steward.core.ownership.OwnershipDecision;
import dev.steward.core.ownership.OwnershipEngine;
import dev.steward.core.ownership.OwnershipPolicy;
import dev.steward.core.ownership.Outcome;
import dev.steward.model.CanonicalJson;
import dev.steward.model.Customer;
import dev.steward.model.EntityType;
import dev.steward.testkit.fixtures.Fixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OwnershipDecisionAssertTest {
  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();

  /** ERP owns a customer; CRM owns its segment and may propose its legal name. */
  private static final OwnershipPolicy POLICY = OwnershipPolicy.builder("assertions-test", "1")
      .systems("crm", "erp", "billing")
      .entity(EntityType.CUSTOMER, c -> c
          .defaults(r -> r.owner("erp").syncTo("crm", "billing"))
          .attribute("/segment", r -> r.owner("crm").syncTo("erp", "billing"))
          .attribute("/legalName", r -> r.owner("erp").proposers("crm").syncTo("crm", "billing")))
      .build();
  private static final OwnershipEngine ENGINE =
      OwnershipEngine.of(POLICY, Clock.fixed(Instant.parse("2026-04-01T09:00:00Z"), ZoneOffset.UTC));

  /** CRM changes a customer's segment (its own), legal name (proposed) and display name (ERP's). */
  private final OwnershipDecision fromCrm = decide(false);
  /** The same change, all or nothing: the refused display name stops the rest. */
  private final OwnershipDecision strictFromCrm = decide(true);

  private static OwnershipDecision decide(boolean strict) {
    JsonNode golden = JSON.toTree(Fixtures.withSeed(11).valid(Customer.class));
    JsonNode change = JSON.readTree("{\"segment\":\"segment from crm\",\"legalName\":\"Legal name from crm\","
        + "\"displayName\":\"Display name from crm\"}");
    ChangeRequest.Builder request = ChangeRequest.builder(EntityType.CUSTOMER, "crm", change).golden(golden);
    if (strict) {
      request.strict();
    }
    return ENGINE.decide(request.build());
  }

  @Test
  void accepted_passesForTheOwnersValue_failsWithTheReasonAndEveryDecision() {
    assertThat(fromCrm).accepted("/segment");
    assertThatThrownBy(() -> assertThat(fromCrm).accepted("/displayName"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected /displayName to be ACCEPTED but it was REJECTED_NOT_OWNER: erp owns"
            + " /displayName (rule customer:defaults); crm may neither change nor propose it.")
        .hasMessageContaining("decisions: [/segment ACCEPTED, /legalName PROPOSED, /displayName REJECTED_NOT_OWNER]");
  }

  @Test
  void rejected_passesForARefusal_failsForAnAcceptance() {
    assertThat(fromCrm).rejected("/displayName");
    assertThatThrownBy(() -> assertThat(fromCrm).rejected("/segment"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected /segment to be rejected ([REJECTED_NOT_OWNER, REJECTED_NOT_ORIGINATOR,"
            + " CONFLICT, REJECTED_LIST_GAP]) but it was ACCEPTED: crm owns /segment");
  }

  @Test
  void proposed_passesForAProposal() {
    assertThat(fromCrm).proposed("/legalName");
    assertThatThrownBy(() -> assertThat(fromCrm).proposed("/segment"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected /segment to be PROPOSED but it was ACCEPTED");
  }

  @Test
  void hasOutcome_comparesTheExactOutcome() {
    assertThat(fromCrm).hasOutcome("/displayName", Outcome.REJECTED_NOT_OWNER).hasOutcome("/legalName", Outcome.PROPOSED);
    assertThatThrownBy(() -> assertThat(fromCrm).hasOutcome("/displayName", Outcome.CONFLICT))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected /displayName to be CONFLICT but it was REJECTED_NOT_OWNER");
  }

  @Test
  void aPointerWithoutDecision_failsNamingWhereDecisionsWere() {
    assertThatThrownBy(() -> assertThat(fromCrm).accepted("/status"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected a decision at /status but there is none; the change from crm was decided at"
            + " [/segment, /legalName, /displayName]");
  }

  @Test
  void hasNoDecisionAt_passesForAnUntouchedValue() {
    assertThat(fromCrm).hasNoDecisionAt("/status");
    assertThatThrownBy(() -> assertThat(fromCrm).hasNoDecisionAt("/segment"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected no decision at /segment but it was ACCEPTED");
  }

  @Test
  void decidedByRule_namesTheRuleThatDecided() {
    assertThat(fromCrm).decidedByRule("/segment", "customer:/segment").decidedByRule("/displayName", "customer:defaults");
    assertThatThrownBy(() -> assertThat(fromCrm).decidedByRule("/segment", "customer:defaults"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected /segment to be decided by rule customer:defaults but rule customer:/segment"
            + " decided it");
  }

  @Test
  void isAppliedAndIsNotApplied_followStrictness() {
    assertThat(fromCrm).isApplied();
    assertThat(strictFromCrm).isNotApplied();
    assertThatThrownBy(() -> assertThat(strictFromCrm).isApplied())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected the change from crm to be applied but nothing was");
    assertThatThrownBy(() -> assertThat(fromCrm).isNotApplied())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected nothing of the change from crm to be applied but it was");
  }

  @Test
  void syncsTo_andDoesNotSyncTo_readTheSyncPlan() {
    assertThat(fromCrm).syncsTo("erp", "/segment").syncsTo("billing").doesNotSyncTo("crm");
    assertThatThrownBy(() -> assertThat(fromCrm).syncsTo("erp", "/legalName"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected the sync plan to send [/legalName] to erp but it sends [/segment] there");
    assertThatThrownBy(() -> assertThat(fromCrm).syncsTo("crm"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected the sync plan to send something to crm but it sends nothing there");
    assertThatThrownBy(() -> assertThat(fromCrm).doesNotSyncTo("billing"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected the sync plan to send nothing to billing but it sends [/segment] there");
  }

  @Test
  void aPointerMustBeAPointerToAValue() {
    assertThatThrownBy(() -> assertThat(fromCrm).accepted("segment"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'segment'");
  }
}
