package dev.steward.spi;

import dev.steward.model.EntityType;
import java.util.Objects;
import java.util.Optional;

/**
 * The CloudEvents {@code type} of the envelopes a change feed yields: {@code
 * dev.steward.<schema name>.changed} for a created or updated record, {@code
 * dev.steward.<schema name>.deleted} for a deleted one, as in {@code dev.steward.customer.changed}.
 */
public final class ChangeTypes {
  private static final String PREFIX = "dev.steward.";
  private static final String CHANGED = ".changed";
  private static final String DELETED = ".deleted";

  private ChangeTypes() {}

  /** Returns the type of a change that created or updated a record of {@code type}. */
  public static String changed(EntityType type) {
    return PREFIX + Objects.requireNonNull(type, "type").schemaName() + CHANGED;
  }

  /** Returns the type of a change that deleted a record of {@code type}. */
  public static String deleted(EntityType type) {
    return PREFIX + Objects.requireNonNull(type, "type").schemaName() + DELETED;
  }

  /** Returns the entity type an envelope type of this form is about. */
  public static Optional<EntityType> entityType(String envelopeType) {
    Objects.requireNonNull(envelopeType, "envelopeType");
    if (!envelopeType.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String rest = envelopeType.substring(PREFIX.length());
    String schema = rest.endsWith(CHANGED) ? rest.substring(0, rest.length() - CHANGED.length())
        : rest.endsWith(DELETED) ? rest.substring(0, rest.length() - DELETED.length()) : null;
    return schema == null ? Optional.empty() : EntityType.fromSchemaName(schema);
  }

  /** Returns whether the envelope type is the deletion of a known entity type. */
  public static boolean isDeletion(String envelopeType) {
    return Objects.requireNonNull(envelopeType, "envelopeType").endsWith(DELETED) && entityType(envelopeType).isPresent();
  }
}
