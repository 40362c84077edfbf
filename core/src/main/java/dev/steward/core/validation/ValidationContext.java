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
  private @Nullable Optional<LegalEntityRef> legalEntity;
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
   * Returns the id of the legal entity the record belongs to: its {@code legalEntityId}, or a
   * customer's {@code contractingEntityId}; empty for records without one.
   */
  public Optional<CanonicalId> legalEntityId() {
    for (String field : new String[] {"legalEntityId", "contractingEntityId"}) {
      JsonNode id = document.get(field);
      if (id != null && id.isString()) {
        try {
          return Optional.of(CanonicalId.parse(id.asString()));
        } catch (RuntimeException notAnId) {
          return Optional.empty(); // reported by the schema stage
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the legal entity the record belongs to, from the reference data.
   *
   * @throws dev.steward.core.reference.ReferenceDataUnavailableException if the reference data
   *     does not answer; the pipeline reports it as {@link ReasonCodes#REFERENCE_DATA_UNAVAILABLE}
   */
  public Optional<LegalEntityRef> legalEntity() {
    if (legalEntity == null) {
      legalEntity = legalEntityId().flatMap(referenceData::legalEntity);
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

  /** Returns the service lines of the service items the record's lines refer to. */
  public Set<String> serviceLines() {
    if (serviceLines == null) {
      Set<String> lines = new LinkedHashSet<>();
      for (JsonNode line : document.path("lines")) {
        JsonNode item = line.get("serviceItemId");
        if (item != null && item.isString()) {
          try {
            referenceData.serviceItem(CanonicalId.parse(item.asString()))
                .map(ServiceCatalogueItem::serviceLine).ifPresent(lines::add);
          } catch (RuntimeException notAnId) {
            // reported by the schema stage
          }
        }
      }
      serviceLines = Set.copyOf(lines);
    }
    return serviceLines;
  }
}
