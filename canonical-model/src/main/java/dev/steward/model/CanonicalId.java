package dev.steward.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.github.f4b6a3.ulid.Ulid;
import dev.steward.model.internal.IdJson;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The identifier Steward gives a canonical entity: its type's prefix, an underscore and a ULID,
 * as in {@code cus_01JDQ6Z3M4X8E2T7V5K9W0B1NA}.
 *
 * <p>Identifiers are time-ordered: among ids of one entity type, ids made later by the same
 * {@link IdGenerator} sort after earlier ones, both as objects and as strings. The string form is stable and is what canonical
 * JSON carries. Obtain one from {@link IdGenerator#next(EntityType)} or {@link #parse(String)}.
 *
 * <p>Value-based and immutable.
 */
@JsonDeserialize(using = IdJson.class)
public final class CanonicalId implements Comparable<CanonicalId> {
  /** The pattern of the string form, as the JSON schemas state it. */
  public static final String PATTERN = "^[a-z]{2,3}_[0-7][0-9A-HJKMNP-TV-Z]{25}$";

  private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  private final EntityType type;
  private final Ulid ulid;

  private CanonicalId(EntityType type, Ulid ulid) {
    this.type = type;
    this.ulid = ulid;
  }

  static CanonicalId of(EntityType type, Ulid ulid) {
    return new CanonicalId(Objects.requireNonNull(type, "type"), Objects.requireNonNull(ulid, "ulid"));
  }

  /**
   * Parses the string form.
   *
   * @throws ModelException with reason {@link ModelException.Reason#INVALID_IDENTIFIER} if the
   *     text is not a known prefix, an underscore and a 26-character ULID
   */
  @JsonCreator // for map keys; values are read by IdJson
  public static CanonicalId parse(String text) {
    Objects.requireNonNull(text, "text");
    @Nullable Ulid ulid = decode(text);
    if (ulid == null) {
      throw new ModelException(
          ModelException.Reason.INVALID_IDENTIFIER,
          "'"
              + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
              + "' is not a canonical id: expected an entity prefix, '_' and a 26-character"
              + " ULID, such as cus_01JDQ6Z3M4X8E2T7V5K9W0B1NA");
    }
    int underscore = text.indexOf('_');
    String prefix = text.substring(0, underscore);
    EntityType type =
        EntityType.fromPrefix(prefix)
            .orElseThrow(
                () ->
                    new ModelException(
                        ModelException.Reason.INVALID_IDENTIFIER,
                        "'" + text + "' has prefix '" + prefix + "', which names no entity type"));
    return new CanonicalId(type, ulid);
  }

  /**
   * Parses the string form and checks it names an entity of the expected type.
   *
   * @throws ModelException with reason {@link ModelException.Reason#IDENTIFIER_TYPE_MISMATCH} if
   *     the id is of another type, or as {@link #parse(String)}
   */
  public static CanonicalId parse(String text, EntityType expected) {
    CanonicalId id = parse(text);
    if (id.type != expected) {
      throw new ModelException(
          ModelException.Reason.IDENTIFIER_TYPE_MISMATCH,
          "'" + text + "' is a " + id.type + " id; expected a " + expected + " id");
    }
    return id;
  }

  private static final byte[] CROCKFORD_VALUES = new byte[128];

  static {
    java.util.Arrays.fill(CROCKFORD_VALUES, (byte) -1);
    for (int i = 0; i < CROCKFORD.length(); i++) {
      CROCKFORD_VALUES[CROCKFORD.charAt(i)] = (byte) i;
    }
  }

  /**
   * Checks {@link #PATTERN} and decodes the ULID in one pass, or returns null: ids are parsed on
   * every binding, and matching a pattern, then validating and decoding separately, tripled the
   * work.
   */
  private static @Nullable Ulid decode(String text) {
    int underscore = text.indexOf('_');
    if (underscore < 2 || underscore > 3 || text.length() != underscore + 27) {
      return null;
    }
    for (int i = 0; i < underscore; i++) {
      char c = text.charAt(i);
      if (c < 'a' || c > 'z') {
        return null;
      }
    }
    if (text.charAt(underscore + 1) > '7') {
      return null; // 26 base-32 digits hold 130 bits; the first may use only 3 of its 5
    }
    long msb = 0;
    long lsb = 0;
    for (int i = underscore + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      int v = c < 128 ? CROCKFORD_VALUES[c] : -1;
      if (v < 0) {
        return null;
      }
      msb = (msb << 5) | (lsb >>> 59);
      lsb = (lsb << 5) | v;
    }
    return new Ulid(msb, lsb);
  }

  /** Returns the type of entity this id names. */
  public EntityType type() {
    return type;
  }

  /** Returns the instant, to the millisecond, at which this id was generated. */
  public Instant createdAt() {
    return ulid.getInstant();
  }

  @Override
  public int compareTo(CanonicalId other) {
    int byType = type.prefix().compareTo(other.type.prefix());
    return byType != 0 ? byType : ulid.compareTo(other.ulid);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof CanonicalId c && type == c.type && ulid.equals(c.ulid);
  }

  @Override
  public int hashCode() {
    return 31 * type.hashCode() + ulid.hashCode();
  }

  /** Returns the stable string form, {@code cus_01JDQ6Z3M4X8E2T7V5K9W0B1NA}. */
  @JsonValue
  @Override
  public String toString() {
    return type.prefix() + "_" + ulid;
  }
}
