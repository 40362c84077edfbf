package dev.steward.spi.mapping;

import dev.steward.model.CanonicalId;
import dev.steward.model.EntityType;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link IdMap#inMemory()}: two maps under one lock, so a binding is made in both or neither. */
final class InMemoryIdMap implements IdMap {
  private record Key(String systemId, EntityType type, String externalId) {}

  private record Back(String systemId, CanonicalId id) {}

  private final Map<Key, CanonicalId> forward = new HashMap<>();
  private final Map<Back, String> backward = new HashMap<>();

  @Override
  public synchronized Optional<CanonicalId> find(String systemId, EntityType type, String externalId) {
    return Optional.ofNullable(forward.get(key(systemId, type, externalId)));
  }

  @Override
  public synchronized CanonicalId bindIfAbsent(String systemId, EntityType type, String externalId, CanonicalId candidate) {
    Key key = key(systemId, type, externalId);
    Objects.requireNonNull(candidate, "candidate");
    if (candidate.type() != type) {
      throw new IllegalArgumentException("cannot bind " + type + " " + externalId + " of system " + systemId
          + " to " + candidate + ", a " + candidate.type() + " id");
    }
    CanonicalId bound = forward.get(key);
    if (bound != null) {
      return bound;
    }
    Back back = new Back(systemId, candidate);
    String other = backward.get(back);
    if (other != null && !other.equals(externalId)) {
      throw new IllegalStateException(candidate + " is already bound to " + other + " in system " + systemId
          + "; cannot bind it to " + externalId + " as well");
    }
    forward.put(key, candidate);
    backward.put(back, externalId);
    return candidate;
  }

  @Override
  public synchronized Optional<String> externalId(String systemId, CanonicalId id) {
    return Optional.ofNullable(backward.get(new Back(Objects.requireNonNull(systemId, "systemId"),
        Objects.requireNonNull(id, "id"))));
  }

  private static Key key(String systemId, EntityType type, String externalId) {
    return new Key(Objects.requireNonNull(systemId, "systemId"), Objects.requireNonNull(type, "type"),
        Objects.requireNonNull(externalId, "externalId"));
  }

  @Override
  public synchronized String toString() {
    return "IdMap.inMemory[" + forward.size() + " bindings]";
  }
}
