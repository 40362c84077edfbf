package dev.steward.core.audit;

import java.util.Objects;

/**
 * Who did something: a person (by the id the host's identity provider gives them) or a system
 * (such as {@code crm} or Steward itself).
 *
 * @param kind whether a person or a system acted
 * @param id the person's or system's id
 */
public record Actor(Kind kind, String id) {
  /** Whether a person or a system acted. */
  public enum Kind {
    /** A person, such as a finance analyst approving an override. */
    USER,
    /** A system, such as a connector or Steward's own processing. */
    SYSTEM
  }

  /** Checks the parts. */
  public Actor {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    if (id.isBlank() || id.length() > 255) {
      throw new IllegalArgumentException("actor id must be 1 to 255 characters, not blank");
    }
  }

  /** Returns a person. */
  public static Actor user(String id) {
    return new Actor(Kind.USER, id);
  }

  /** Returns a system. */
  public static Actor system(String id) {
    return new Actor(Kind.SYSTEM, id);
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
  }
}
