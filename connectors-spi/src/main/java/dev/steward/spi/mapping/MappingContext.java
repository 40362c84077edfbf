package dev.steward.spi.mapping;

import dev.steward.model.CanonicalId;
import dev.steward.model.EntityMeta;
import dev.steward.model.EntityType;
import dev.steward.model.ExternalRef;
import dev.steward.model.IdGenerator;
import dev.steward.model.SystemIds;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link RecordMapper} needs besides the object it maps: the system the object comes from
 * or goes to, the clock, the {@link IdMap} that turns vendor ids into canonical ids and back (with
 * an {@link IdGenerator} to mint an id for a record seen for the first time), and the defaults a
 * deployment supplies for what a vendor object does not carry — the legal entity of a
 * single-company billing account, the currency of a single-currency CRM org, a mapper-specific
 * setting.
 *
 * <p>Build one with {@link #builder(String, Clock)}. Immutable and thread-safe as far as its
 * {@link IdMap} is; share one per system.
 */
public final class MappingContext {
  private final String systemId;
  private final Clock clock;
  private final IdMap idMap;
  private final IdGenerator idGenerator;
  private final Map<EntityType, CanonicalId> defaultIds;
  private final @Nullable Currency defaultCurrency;
  private final Map<String, String> settings;

  private MappingContext(Builder b) {
    this.systemId = b.systemId;
    this.clock = b.clock;
    this.idMap = b.idMap == null ? IdMap.inMemory() : b.idMap;
    this.idGenerator = b.idGenerator == null ? IdGenerator.create(b.clock) : b.idGenerator;
    this.defaultIds = Collections.unmodifiableMap(new EnumMap<>(b.defaultIds));
    this.defaultCurrency = b.defaultCurrency;
    this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(b.settings));
  }

  /**
   * Returns a builder for mapping objects of system {@code systemId}, reading time from {@code
   * clock}.
   *
   * @throws IllegalArgumentException if {@code systemId} is not a {@linkplain SystemIds
   *     well-formed system id}
   */
  public static Builder builder(String systemId, Clock clock) {
    Objects.requireNonNull(systemId, "systemId");
    Objects.requireNonNull(clock, "clock");
    if (!SystemIds.isValid(systemId)) {
      throw new IllegalArgumentException("'" + systemId + "' is not a system id: expected " + SystemIds.PATTERN);
    }
    return new Builder(systemId, clock);
  }

  /** Returns the id of the system whose objects are mapped, such as {@code billing}. */
  public String systemId() {
    return systemId;
  }

  /** Returns the clock that stamps records whose vendor object carries no modification time. */
  public Clock clock() {
    return clock;
  }

  /** Returns the cross-reference of vendor ids and canonical ids. */
  public IdMap idMap() {
    return idMap;
  }

  /** Returns the canonical id already bound to the vendor's {@code externalId}, if any. */
  public Optional<CanonicalId> findCanonicalId(EntityType type, String externalId) {
    return idMap.find(systemId, type, externalId);
  }

  /**
   * Returns the canonical id bound to the vendor's {@code externalId}, minting and binding a new
   * one if the record has not been seen before.
   */
  public CanonicalId canonicalId(EntityType type, String externalId) {
    Optional<CanonicalId> known = idMap.find(systemId, type, externalId);
    if (known.isPresent()) {
      return known.get();
    }
    return idMap.bindIfAbsent(systemId, type, externalId, idGenerator.next(type));
  }

  /** Returns this system's id for the canonical {@code id}, if known. */
  public Optional<String> externalId(CanonicalId id) {
    return idMap.externalId(systemId, id);
  }

  /**
   * Returns this system's id for the canonical {@code id}, which a vendor object must carry at
   * {@code pointer}.
   *
   * @throws MappingException with reason {@link MappingException.Reason#UNRESOLVED_REFERENCE} if
   *     the system has no record known for {@code id}
   */
  public String requireExternalId(CanonicalId id, String pointer) {
    return externalId(id).orElseThrow(() -> new MappingException(MappingException.Reason.UNRESOLVED_REFERENCE,
        systemId, pointer, id.type() + " " + id + " has no id in system '" + systemId + "' yet; write it there first"));
  }

  /**
   * Returns this system's id of the record {@code meta} describes: its external reference for
   * this system, else the id map's.
   */
  public Optional<String> externalId(EntityMeta meta) {
    for (ExternalRef ref : meta.externalRefs()) {
      if (ref.system().equals(systemId)) {
        return Optional.of(ref.id());
      }
    }
    return externalId(meta.id());
  }

  /**
   * Returns governance metadata for a record this system calls {@code externalId}: its canonical
   * id (resolved or minted, as {@link #canonicalId}), one external reference to this system,
   * version 0, this system as last writer, {@code updatedAt} (or the clock's now) and the current
   * schema version. Steward's core sets the golden record's own version when it accepts the change.
   */
  public EntityMeta meta(EntityType type, String externalId, @Nullable Instant updatedAt) {
    Objects.requireNonNull(externalId, "externalId");
    return new EntityMeta(canonicalId(type, externalId), List.of(new ExternalRef(systemId, externalId, null)),
        0L, systemId, updatedAt == null ? clock.instant() : updatedAt, EntityMeta.CURRENT_SCHEMA_VERSION);
  }

  /** Returns the id to use for a record of {@code type} that the vendor object does not name, if configured. */
  public Optional<CanonicalId> defaultId(EntityType type) {
    return Optional.ofNullable(defaultIds.get(Objects.requireNonNull(type, "type")));
  }

  /**
   * Returns the default id of {@code type}, for a vendor object that has no such reference at
   * {@code pointer} (or none at all).
   *
   * @throws MappingException with reason {@link MappingException.Reason#MISSING_FIELD} if no
   *     default is configured
   */
  public CanonicalId requireDefaultId(EntityType type, String pointer) {
    return defaultId(type).orElseThrow(() -> new MappingException(MappingException.Reason.MISSING_FIELD, systemId,
        pointer, "the object names no " + type + " and the mapping context configures no default " + type));
  }

  /** Returns the currency of amounts whose vendor object names none, if configured. */
  public Optional<Currency> defaultCurrency() {
    return Optional.ofNullable(defaultCurrency);
  }

  /**
   * Returns the default currency, for amounts whose vendor object names no currency at {@code
   * pointer} (or none at all).
   *
   * @throws MappingException with reason {@link MappingException.Reason#MISSING_FIELD} if none is
   *     configured
   */
  public Currency requireDefaultCurrency(String pointer) {
    return defaultCurrency().orElseThrow(() -> new MappingException(MappingException.Reason.MISSING_FIELD, systemId,
        pointer, "the object names no currency and the mapping context configures no default currency"));
  }

  /** Returns the mapper setting {@code name}, if set. */
  public Optional<String> setting(String name) {
    return Optional.ofNullable(settings.get(Objects.requireNonNull(name, "name")));
  }

  /** Returns the mapper settings, in the order set; unmodifiable. */
  public Map<String, String> settings() {
    return settings;
  }

  @Override
  public String toString() {
    return "MappingContext{systemId=" + systemId + ", defaultIds=" + defaultIds + ", defaultCurrency="
        + defaultCurrency + ", settings=" + settings + "}";
  }

  /**
   * Builds a {@link MappingContext}. Each setter checks its argument at once; setting a value
   * twice is an {@link IllegalStateException}. Not thread-safe.
   */
  public static final class Builder {
    private final String systemId;
    private final Clock clock;
    private @Nullable IdMap idMap;
    private @Nullable IdGenerator idGenerator;
    private final Map<EntityType, CanonicalId> defaultIds = new EnumMap<>(EntityType.class);
    private @Nullable Currency defaultCurrency;
    private final Map<String, String> settings = new LinkedHashMap<>();

    private Builder(String systemId, Clock clock) {
      this.systemId = systemId;
      this.clock = clock;
    }

    /** Sets the id cross-reference; by default a new {@link IdMap#inMemory()}. */
    public Builder idMap(IdMap idMap) {
      if (this.idMap != null) {
        throw new IllegalStateException("idMap is already set");
      }
      this.idMap = Objects.requireNonNull(idMap, "idMap");
      return this;
    }

    /** Sets the generator that mints ids for records seen first; by default one on the clock. */
    public Builder idGenerator(IdGenerator idGenerator) {
      if (this.idGenerator != null) {
        throw new IllegalStateException("idGenerator is already set");
      }
      this.idGenerator = Objects.requireNonNull(idGenerator, "idGenerator");
      return this;
    }

    /**
     * Sets the id used where a vendor object has no reference of the id's type, such as the
     * legal entity a single-company Stripe account bills from.
     *
     * @throws IllegalStateException if a default of that type is already set
     */
    public Builder defaultId(CanonicalId id) {
      Objects.requireNonNull(id, "id");
      if (defaultIds.containsKey(id.type())) {
        throw new IllegalStateException("a default " + id.type() + " is already set: " + defaultIds.get(id.type()));
      }
      defaultIds.put(id.type(), id);
      return this;
    }

    /** Sets the currency of amounts whose vendor object names none. */
    public Builder defaultCurrency(Currency currency) {
      if (this.defaultCurrency != null) {
        throw new IllegalStateException("defaultCurrency is already set to " + this.defaultCurrency);
      }
      this.defaultCurrency = Objects.requireNonNull(currency, "currency");
      return this;
    }

    /**
     * Sets a mapper-specific setting, such as a default tax code; its mapper documents the name.
     *
     * @throws IllegalArgumentException if the name is blank
     * @throws IllegalStateException if the setting is already set
     */
    public Builder setting(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (name.isBlank()) {
        throw new IllegalArgumentException("a setting name must not be blank");
      }
      if (settings.containsKey(name)) {
        throw new IllegalStateException("setting '" + name + "' is already set");
      }
      settings.put(name, value);
      return this;
    }

    /** Returns the context. */
    public MappingContext build() {
      return new MappingContext(this);
    }
  }
}
