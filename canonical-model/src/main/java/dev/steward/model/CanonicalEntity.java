package dev.steward.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.steward.model.constraint.MetaIdMatchesType;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What every canonical entity has: governance {@linkplain #meta() metadata}, a type, and an
 * {@linkplain #extensions() extensions} map for a firm's own fields.
 *
 * <p>Extension keys are namespaced, {@code <namespace>:<name>} as in {@code acme:costCenter} or
 * {@code com.acme:region}, so that two firms' or two teams' custom fields never collide with each
 * other or with a future canonical attribute. Values are any JSON. An entity holds at most
 * {@value #MAX_EXTENSIONS} extensions.
 *
 * <p>Sealed: the permitted records are the canonical model, and a {@code switch} over them is
 * checked by the compiler. A firm's own data goes into extensions, not new entity types.
 */
@MetaIdMatchesType
public sealed interface CanonicalEntity
    permits Customer,
        LegalEntity,
        Contact,
        Opportunity,
        Contract,
        Project,
        Resource,
        Assignment,
        TimeEntry,
        Expense,
        RateCard,
        ServiceItem,
        BillingSchedule,
        UsageRecord,
        Invoice,
        RevenueSchedule,
        Payment {
  /** The most extension entries one entity may carry. */
  int MAX_EXTENSIONS = 256;

  /** The form of an extension key: a namespace, a colon, a name. */
  String EXTENSION_KEY_PATTERN =
      "^[a-z][a-z0-9]*([.-][a-z0-9]+)*:[A-Za-z][A-Za-z0-9_.-]{0,63}$";

  /** Returns the governance metadata: canonical id, external references, version. */
  EntityMeta meta();

  /**
   * Returns the firm's custom fields, keyed {@code namespace:name}. The map is unmodifiable and
   * its JSON values were copied when the record was made; treat them as read-only.
   */
  Map<String, JsonNode> extensions();

  /** Returns this entity's type. */
  @JsonIgnore
  EntityType entityType();

  /** Returns the canonical id, {@code meta().id()}. */
  @JsonIgnore
  default CanonicalId id() {
    return meta().id();
  }
}
