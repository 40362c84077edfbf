package dev.steward.core.ownership;

import dev.steward.model.EntityType;
import dev.steward.model.Fingerprint;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Everything ownership decided about one change: a decision per changed value, the merged golden
 * record with only accepted values applied, where to send them, and any hand-over of ownership.
 * Carries the policy's id, version and fingerprint, so a decision can always be traced to the
 * exact rules that made it.
 *
 * @param policyId the policy's id
 * @param policyVersion the policy's version
 * @param policyFingerprint the fingerprint of the policy's content
 * @param entityType the entity type
 * @param source the system the change came from
 * @param decidedAt when the decision was made
 * @param decisions one per changed or restated value, in document order
 * @param merged the golden record with accepted values applied; it shares the values the change
 *     left alone with the golden record, so treat both as read-only (the unchanged golden record if
 *     nothing was applied)
 * @param applied whether any value was applied; false for a strict change with a refused value
 * @param syncPlan the accepted values to send to each target system
 * @param handovers the attributes whose owner changes because of this change
 */
public record OwnershipDecision(
    String policyId,
    String policyVersion,
    Fingerprint policyFingerprint,
    EntityType entityType,
    String source,
    Instant decidedAt,
    List<AttributeDecision> decisions,
    JsonNode merged,
    boolean applied,
    SyncPlan syncPlan,
    List<Handover> handovers) {

  /** Copies the lists. */
  public OwnershipDecision {
    Objects.requireNonNull(policyFingerprint, "policyFingerprint");
    decisions = List.copyOf(decisions);
    handovers = List.copyOf(handovers);
    Objects.requireNonNull(merged, "merged");
    Objects.requireNonNull(syncPlan, "syncPlan");
  }

  /** Returns the decisions with the given outcome. */
  public List<AttributeDecision> withOutcome(Outcome outcome) {
    return decisions.stream().filter(d -> d.outcome() == outcome).toList();
  }
}
