package dev.steward.model;

/** Test-side lookup of each entity type's record class, by the naming convention. */
final class Entities {
  private Entities() {}

  @SuppressWarnings("unchecked")
  static Class<? extends CanonicalEntity> recordType(EntityType type) {
    StringBuilder name = new StringBuilder();
    for (String part : type.name().split("_")) {
      name.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    try {
      return (Class<? extends CanonicalEntity>) Class.forName("dev.steward.model." + name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no record class dev.steward.model." + name + " for " + type, e);
    }
  }
}
