package dev.steward.core.validation;

import dev.steward.core.reference.LegalEntityRef;
import dev.steward.core.reference.ReferenceData;
import dev.steward.core.reference.ServiceCatalogueItem;
import dev.steward.model.CanonicalEntity;
import dev.steward.model.CanonicalId;
import dev.steward.model.EntityType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a stage sees of the record being validated: its type and schema version, its canonical
 * JSON, the bound record once binding succeeded, the firm's reference data, golden records, the
 * clock, and the routing facts derived from them (legal entity, country, region, service lines).
 * One per validation; not thread-safe.
 */
public final class ValidationContext {
  private final EntityType entityType;
  private final int schemaVersion;
  private final JsonNode document;
  private @Nullable CanonicalEntity record;
  private final ReferenceData referenceData;
  private final RecordLookup records;
  private final Clock clock;
  private static final String[] LEGAL_ENTITY_FIELDS = {"legalEntityId", "contractingEntityId", "homeLegalEntityId"};

  private @Nullable Optional<LegalEntityRef> legalEntity;
  private @Nullable RuntimeException legalEntityFailure;
  private @Nullable Set<String> serviceLines;

  ValidationContext(
      EntityType entityType, int schemaVersion, JsonNode document, ReferenceData referenceData, RecordLookup records,
      Clock clock) {
    this.entityType = entityType;
    this.schemaVersion = schemaVersion;
    this.document = document;
    this.referenceData = referenceData;
    this.records = records;
    this.clock = clock;
  }

  void bind(CanonicalEntity record) {
    this.record = record;
  }

  /** Returns the type of the record. */
  public EntityType entityType() {
    return entityType;
  }

  /** Returns the schema version the record is validated against. */
  public int schemaVersion() {
    return schemaVersion;
  }

  /** Returns the record's canonical JSON. Read-only. */
  public JsonNode document() {
    return document;
  }

  /** Returns the bound record, once binding succeeded. */
  public Optional<CanonicalEntity> record() {
    return Optional.ofNullable(record);
  }

  /** Returns the firm's reference data. */
  public ReferenceData referenceData() {
    return referenceData;
  }

  /** Returns the golden records rules may consult. */
  public RecordLookup records() {
    return records;
  }

  /** Returns the clock validation reads the time from. */
  public Clock clock() {
    return clock;
  }

  /** Returns today's date in the clock's zone. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * Returns the id of the legal entity the record belongs to: its {@code legalEntityId}, a
   * customer's {@code contractingEntityId}, a resource's {@code homeLegalEntityId}, a legal
   * entity's own id; empty for records that belong to none (contacts, time entries...), which
   * routes by legal entity, country or region therefore never take.
   */
  public Optional<CanonicalId> legalEntityId() {
    if (entityType == EntityType.LEGAL_ENTITY) {
      return id(document.path("meta").get("id"));
    }
    for (String field : LEGAL_ENTITY_FIELDS) {
      JsonNode id = document.get(field);
      if (id != null) {
        return id(id);
      }
    }
    return Optional.empty();
  }

  private static Optional<CanonicalId> id(@Nullable JsonNode text) {
    if (text == null || !text.isString()) {
      return Optional.empty();
    }
    try {
      return Optional.of(CanonicalId.parse(text.asString()));
    } catch (RuntimeException notAnId) {
      return Optional.empty(); // reported by the schema stage
    }
  }

  /**
   * Returns the legal entity the record belongs to, from the reference data. A lookup that failed
   * fails again without asking the source a second time for this record.
   *
   * @throws dev.steward.core.reference.ReferenceDataUnavailableException if the reference data
   *     does not answer; the pipeline reports it as {@link ReasonCodes#REFERENCE_DATA_UNAVAILABLE}
   */
  public Optional<LegalEntityRef> legalEntity() {
    if (legalEntityFailure != null) {
      throw legalEntityFailure;
    }
    if (legalEntity == null) {
      try {
        legalEntity = legalEntityId().flatMap(referenceData::legalEntity);
      } catch (RuntimeException e) {
        legalEntityFailure = e;
        throw e;
      }
    }
    return legalEntity;
  }

  /** Returns the country of the record's legal entity (ISO 3166 alpha-2). */
  public Optional<String> country() {
    return legalEntity().map(LegalEntityRef::country);
  }

  /** Returns the region of the record's legal entity, such as {@code EU}. */
  public Optional<String> region() {
    return legalEntity().flatMap(le -> Optional.ofNullable(le.region()));
  }

  /**
   * Returns the service lines of the service items the record refers to — invoice and opportunity
   * lines, contract terms, recurring charges, usage metrics: every {@code serviceItemId} outside
   * {@code meta} and {@code extensions}.
   *
   * @throws dev.steward.core.reference.ReferenceDataUnavailableException if the service catalogue
   *     does not answer
   */
  public Set<String> serviceLines() {
    if (serviceLines == null) {
      Set<String> lines = new LinkedHashSet<>();
      for (Map.Entry<String, JsonNode> e : document.properties()) {
        if (!e.getKey().equals("meta") && !e.getKey().equals("extensions")) {
          collectServiceLines(e.getKey(), e.getValue(), lines);
        }
      }
      serviceLines = Set.copyOf(lines);
    }
    return serviceLines;
  }

  private void collectServiceLines(String name, JsonNode node, Set<String> lines) {
    if (name.equals("serviceItemId")) {
      id(node).flatMap(referenceData::serviceItem).map(ServiceCatalogueItem::serviceLine).ifPresent(lines::add);
    } else if (node.isObject()) {
      node.properties().forEach(e -> collectServiceLines(e.getKey(), e.getValue(), lines));
    } else if (node.isArray()) {
      for (JsonNode v : node) {
        collectServiceLines("", v, lines);
      }
    }
  }
}
