package dev.steward.spi;

import dev.steward.model.EntityType;
import java.util.Objects;

/**
 * A call of an operation the connector does not declare for the entity type. Kind {@link
 * FailureKind#PERMANENT}: the caller should have checked the {@link ConnectorCapabilities}.
 */
public final class CapabilityMissingException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  private final EntityType entityType;
  private final Operation operation;

  /**
   * Creates the exception.
   *
   * @param systemId the connector's system
   * @param entityType the entity type the call was for
   * @param operation the operation called
   */
  public CapabilityMissingException(String systemId, EntityType entityType, Operation operation) {
    super(FailureKind.PERMANENT, systemId, "the connector does not declare " + Objects.requireNonNull(operation, "operation")
        + " for " + Objects.requireNonNull(entityType, "entityType"), null);
    this.entityType = entityType;
    this.operation = operation;
  }

  /** Returns the entity type the call was for. */
  public EntityType entityType() {
    return entityType;
  }

  /** Returns the operation called. */
  public Operation operation() {
    return operation;
  }
}
