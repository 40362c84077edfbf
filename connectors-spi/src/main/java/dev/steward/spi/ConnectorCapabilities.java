package dev.steward.spi;

import dev.steward.model.EntityType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one connector declares it can do: the entity types it handles, the {@link Operation}s
 * per type, whether a repeated create with the same idempotency key returns the first record,
 * the largest batch it accepts and the rate its system allows.
 *
 * <p>Steward plans against the declaration and the testkit's connector TCK checks it: a declared
 * operation must work, and tests of an undeclared one are skipped with the reason. Build one with
 * {@link #builder()}. Immutable and value-based.
 */
public final class ConnectorCapabilities {
  /** The batch size of a connector that writes one record per call. */
  public static final int NO_BATCHING = 1;

  private final Map<EntityType, Set<Operation>> operations;
  private final boolean idempotentCreate;
  private final int maxBatchSize;
  private final @Nullable RateLimit rateLimit;

  private ConnectorCapabilities(Builder b) {
    EnumMap<EntityType, Set<Operation>> copy = new EnumMap<>(EntityType.class);
    b.operations.forEach((type, ops) -> copy.put(type, Collections.unmodifiableSet(EnumSet.copyOf(ops))));
    this.operations = Collections.unmodifiableMap(copy);
    this.idempotentCreate = b.idempotentCreate != null && b.idempotentCreate;
    this.maxBatchSize = b.maxBatchSize == null ? NO_BATCHING : b.maxBatchSize;
    this.rateLimit = b.rateLimit;
  }

  /** Returns a builder; declare at least one entity type. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the entity types this connector handles. */
  public Set<EntityType> entityTypes() {
    return operations.keySet();
  }

  /** Returns the operations declared for {@code type}; empty if the type is not handled. */
  public Set<Operation> operations(EntityType type) {
    Set<Operation> ops = operations.get(Objects.requireNonNull(type, "type"));
    return ops == null ? Set.of() : ops;
  }

  /** Returns whether {@code operation} is declared for {@code type}. */
  public boolean supports(EntityType type, Operation operation) {
    return operations(type).contains(Objects.requireNonNull(operation, "operation"));
  }

  /** Returns whether any entity type declares {@code operation}. */
  public boolean supportsAnywhere(Operation operation) {
    Objects.requireNonNull(operation, "operation");
    for (Set<Operation> ops : operations.values()) {
      if (ops.contains(operation)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns whether a create repeated with the same {@linkplain CallContext#idempotencyKey()
   * idempotency key} returns the record the first one made instead of making a second (Stripe's
   * {@code Idempotency-Key}, Zuora's header). Without it, Steward reads back before it retries a
   * create whose outcome is unknown.
   */
  public boolean idempotentCreate() {
    return idempotentCreate;
  }

  /** Returns the most records one batch call accepts; {@value #NO_BATCHING} means no batching. */
  public int maxBatchSize() {
    return maxBatchSize;
  }

  /** Returns the request rate the system allows, if it publishes one. */
  public Optional<RateLimit> rateLimit() {
    return Optional.ofNullable(rateLimit);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConnectorCapabilities c
        && operations.equals(c.operations)
        && idempotentCreate == c.idempotentCreate
        && maxBatchSize == c.maxBatchSize
        && Objects.equals(rateLimit, c.rateLimit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(operations, idempotentCreate, maxBatchSize, rateLimit);
  }

  @Override
  public String toString() {
    return "ConnectorCapabilities{operations=" + operations + ", idempotentCreate=" + idempotentCreate
        + ", maxBatchSize=" + maxBatchSize + ", rateLimit=" + rateLimit + "}";
  }

  /**
   * Builds {@link ConnectorCapabilities}. Each setter checks its argument at once; declaring an
   * entity type twice, or setting a value twice, is an {@link IllegalStateException}. Not
   * thread-safe.
   */
  public static final class Builder {
    private final Map<EntityType, Set<Operation>> operations = new EnumMap<>(EntityType.class);
    private @Nullable Boolean idempotentCreate;
    private @Nullable Integer maxBatchSize;
    private @Nullable RateLimit rateLimit;

    private Builder() {}

    /** Declares that the connector handles {@code type} with at least one of {@code operations}. */
    public Builder entity(EntityType type, Operation first, Operation... more) {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(first, "first");
      if (operations.containsKey(type)) {
        throw new IllegalStateException("entity type " + type + " is already declared");
      }
      EnumSet<Operation> ops = EnumSet.of(first);
      for (Operation op : more) {
        ops.add(Objects.requireNonNull(op, "operations must not hold null"));
      }
      operations.put(type, ops);
      return this;
    }

    /** Declares whether a repeated create with the same idempotency key returns the first record. */
    public Builder idempotentCreate(boolean idempotentCreate) {
      if (this.idempotentCreate != null) {
        throw new IllegalStateException("idempotentCreate is already set");
      }
      this.idempotentCreate = idempotentCreate;
      return this;
    }

    /** Sets the most records one batch call accepts, at least 1 (the default, no batching). */
    public Builder maxBatchSize(int maxBatchSize) {
      if (this.maxBatchSize != null) {
        throw new IllegalStateException("maxBatchSize is already set to " + this.maxBatchSize);
      }
      if (maxBatchSize < 1) {
        throw new IllegalArgumentException("maxBatchSize must be at least 1; was " + maxBatchSize);
      }
      this.maxBatchSize = maxBatchSize;
      return this;
    }

    /** Sets the request rate the system allows. */
    public Builder rateLimit(RateLimit rateLimit) {
      if (this.rateLimit != null) {
        throw new IllegalStateException("rateLimit is already set to " + this.rateLimit);
      }
      this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
      return this;
    }

    /**
     * Returns the capabilities.
     *
     * @throws IllegalStateException if no entity type was declared
     */
    public ConnectorCapabilities build() {
      if (operations.isEmpty()) {
        throw new IllegalStateException("declare at least one entity type with entity(type, operations...)");
      }
      return new ConnectorCapabilities(this);
    }
  }
}
