package dev.steward.examples.invoicevalidation;

import dev.steward.core.validation.RecordLookup;
import dev.steward.model.CanonicalEntity;
import dev.steward.model.CanonicalId;
import dev.steward.model.CanonicalJson;
import dev.steward.model.EntityType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The golden records the rules consult — the customer an invoice bills, the contract it bills
 * under — held in a map. A host implements {@link RecordLookup} over its own store instead, and
 * throws {@link dev.steward.core.reference.ReferenceDataUnavailableException} when the store does
 * not answer. Immutable and thread-safe.
 */
final class GoldenRecords implements RecordLookup {
  private final Map<CanonicalId, CanonicalEntity> byId;

  private GoldenRecords(Collection<CanonicalEntity> records) {
    this.byId = records.stream().collect(Collectors.toUnmodifiableMap(CanonicalEntity::id, Function.identity()));
  }

  /** Binds each canonical JSON document to the record its {@code meta.id} names the type of. */
  static GoldenRecords of(CanonicalJson json, List<byte[]> documents) {
    return new GoldenRecords(documents.stream().map(bytes -> bind(json, bytes)).toList());
  }

  private static CanonicalEntity bind(CanonicalJson json, byte[] bytes) {
    JsonNode tree = json.readTree(bytes);
    EntityType type = CanonicalId.parse(tree.path("meta").path("id").asString()).type();
    return json.fromTree(tree, type.recordType());
  }

  /** Returns every record, for a host that checks its golden records too. */
  Collection<CanonicalEntity> all() {
    return byId.values();
  }

  @Override
  public Optional<CanonicalEntity> find(CanonicalId id) {
    return Optional.ofNullable(byId.get(id));
  }
}
