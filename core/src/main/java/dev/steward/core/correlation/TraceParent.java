package dev.steward.core.correlation;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The W3C Trace Context {@code traceparent} header: version, trace id, parent id and trace flags.
 *
 * <p>{@link #parse} follows the receiving rules of the specification exactly: lower-case hex only,
 * version {@code ff} refused, all-zero ids refused, a version {@code 00} value exactly 55 characters
 * long, and a higher version read as {@code 00} when at least 55 characters long and its first 55
 * are followed by the end of the value or a dash. Optional whitespace (spaces and horizontal tabs)
 * around the value is ignored, as HTTP field parsing does. {@link #header()} always writes the
 * version this library knows, {@code 00} (the specification's "downgrade the version" mutation).
 *
 * <p>Randomness is always injected: {@link #newRoot} and {@link #child} take the
 * {@link RandomGenerator} to use. Immutable and thread-safe; the factories are as thread-safe as the
 * generator passed to them.
 */
public final class TraceParent {
  /** The header name, in the lower case the specification recommends for sending. */
  public static final String HEADER_NAME = "traceparent";

  /** The version this library writes: {@code 00}. */
  public static final byte VERSION = 0;

  /** The sampled flag ({@code 00000001}): the caller may have recorded trace data. */
  public static final byte FLAG_SAMPLED = 0x01;

  /**
   * The random trace-id flag ({@code 00000010}, Trace Context Level 2): at least the right-most 7
   * bytes of the trace id are random.
   */
  public static final byte FLAG_RANDOM_TRACE_ID = 0x02;

  /** The length of a version {@code 00} header value. */
  public static final int HEADER_LENGTH = 55;

  private static final int KNOWN_FLAGS = FLAG_SAMPLED | FLAG_RANDOM_TRACE_ID;
  private static final int INVALID_VERSION = 0xff;
  private static final int MAX_DRAWS = 64;
  private static final HexFormat HEX = HexFormat.of();
  private static final String ZERO_TRACE_ID = "00000000000000000000000000000000";
  private static final String ZERO_PARENT_ID = "0000000000000000";

  private final byte version;
  private final String traceId;
  private final String parentId;
  private final byte flags;

  private TraceParent(byte version, String traceId, String parentId, byte flags) {
    this.version = version;
    this.traceId = traceId;
    this.parentId = parentId;
    this.flags = flags;
  }

  /**
   * Returns a version {@code 00} trace parent.
   *
   * @param traceId 32 lower-case hex characters, not all zeros
   * @param parentId 16 lower-case hex characters, not all zeros
   * @param flags the trace flags, kept whole
   * @throws IllegalArgumentException if an id is malformed or all zeros
   */
  public static TraceParent of(String traceId, String parentId, byte flags) {
    if (!isValidTraceId(traceId)) {
      throw new IllegalArgumentException("trace id must be 32 lower-case hex characters, not all zeros: '"
          + traceId + "'");
    }
    if (!isValidParentId(parentId)) {
      throw new IllegalArgumentException("parent id must be 16 lower-case hex characters, not all zeros: '"
          + parentId + "'");
    }
    return new TraceParent(VERSION, traceId, parentId, flags);
  }

  /**
   * Reads a {@code traceparent} field value, or returns empty if the value is absent or invalid (in
   * which case the specification says to restart the trace and ignore {@code tracestate}).
   *
   * <p>Leading and trailing spaces and horizontal tabs are ignored; any other deviation from the
   * grammar makes the value invalid. For a version above {@code 00} only the flags this library
   * knows ({@link #FLAG_SAMPLED}, {@link #FLAG_RANDOM_TRACE_ID}) are kept, as the processing model
   * requires; for version {@code 00} the flags byte is kept whole.
   *
   * @param header the field value as received; {@code null} reads as absent
   */
  public static Optional<TraceParent> parse(@Nullable String header) {
    if (header == null) {
      return Optional.empty();
    }
    String s = stripOws(header);
    if (s.length() < HEADER_LENGTH || s.charAt(2) != '-') {
      return Optional.empty();
    }
    int version = hexByte(s, 0);
    if (version < 0 || version == INVALID_VERSION) {
      return Optional.empty();
    }
    if (version == VERSION ? s.length() != HEADER_LENGTH
        : s.length() > HEADER_LENGTH && s.charAt(HEADER_LENGTH) != '-') {
      return Optional.empty();
    }
    String traceId = s.substring(3, 35);
    String parentId = s.substring(36, 52);
    int flags = hexByte(s, 53);
    if (!isValidTraceId(traceId) || s.charAt(35) != '-' || !isValidParentId(parentId) || s.charAt(52) != '-'
        || flags < 0) {
      return Optional.empty();
    }
    if (version != VERSION) {
      flags &= KNOWN_FLAGS;
    }
    return Optional.of(new TraceParent((byte) version, traceId, parentId, (byte) flags));
  }

  /**
   * Starts a new trace: random trace id and parent id (never all zeros), the
   * {@link #FLAG_RANDOM_TRACE_ID random trace-id flag} set since every byte of the trace id is drawn
   * from {@code random}, and the sampled flag as given.
   *
   * @param random the source of the ids; a seeded generator gives reproducible ids
   * @param sampled whether to set the sampled flag
   * @throws IllegalArgumentException if {@code random} keeps producing zeros
   */
  public static TraceParent newRoot(RandomGenerator random, boolean sampled) {
    Objects.requireNonNull(random, "random");
    @Nullable String traceId = null;
    for (int i = 0; i < MAX_DRAWS && traceId == null; i++) {
      long high = random.nextLong();
      long low = random.nextLong();
      if ((high | low) != 0) {
        traceId = HEX.toHexDigits(high) + HEX.toHexDigits(low);
      }
    }
    if (traceId == null) {
      throw new IllegalArgumentException("the random generator produced only zeros");
    }
    byte flags = (byte) (FLAG_RANDOM_TRACE_ID | (sampled ? FLAG_SAMPLED : 0));
    return new TraceParent(VERSION, traceId, newParentId(random, ZERO_PARENT_ID), flags);
  }

  /**
   * Starts a new, unsampled trace: {@code newRoot(random, false)}. The specification makes "not
   * sampled" the default for a trace this component starts.
   *
   * @param random the source of the ids
   * @throws IllegalArgumentException if {@code random} keeps producing zeros
   */
  public static TraceParent random(RandomGenerator random) {
    return newRoot(random, false);
  }

  /**
   * Returns the trace parent for an outgoing call made on behalf of this one: same trace id and
   * flags, a new random parent id different from this one's, version {@code 00}.
   *
   * @param random the source of the new parent id
   * @throws IllegalArgumentException if {@code random} keeps producing zeros or this parent id
   */
  public TraceParent child(RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    return new TraceParent(VERSION, traceId, newParentId(random, parentId), flags);
  }

  /**
   * Returns a child as {@link #child(RandomGenerator)} does, with the sampled flag set as given; the
   * specification allows the flag to change only together with the parent id.
   *
   * @param random the source of the new parent id
   * @param sampled whether the child's sampled flag is set
   * @throws IllegalArgumentException if {@code random} keeps producing zeros or this parent id
   */
  public TraceParent child(RandomGenerator random, boolean sampled) {
    Objects.requireNonNull(random, "random");
    byte childFlags = (byte) (sampled ? flags | FLAG_SAMPLED : flags & ~FLAG_SAMPLED);
    return new TraceParent(VERSION, traceId, newParentId(random, parentId), childFlags);
  }

  /**
   * Returns the version as received (an unsigned byte, {@code 0x00}..{@code 0xfe}); {@link #header()}
   * writes {@code 00} whatever it is.
   */
  public byte version() {
    return version;
  }

  /** Returns the trace id: 32 lower-case hex characters, not all zeros. */
  public String traceId() {
    return traceId;
  }

  /** Returns the parent id: 16 lower-case hex characters, not all zeros. */
  public String parentId() {
    return parentId;
  }

  /** Returns the trace flags (a bit field; test single bits, never compare the whole byte). */
  public byte flags() {
    return flags;
  }

  /** Returns whether the {@link #FLAG_SAMPLED sampled} flag is set. */
  public boolean sampled() {
    return (flags & FLAG_SAMPLED) != 0;
  }

  /** Returns whether the {@link #FLAG_RANDOM_TRACE_ID random trace-id} flag is set. */
  public boolean randomTraceId() {
    return (flags & FLAG_RANDOM_TRACE_ID) != 0;
  }

  /**
   * Returns the canonical version {@code 00} field value, e.g.
   * {@code 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01}.
   */
  public String header() {
    return "00-" + traceId + '-' + parentId + '-' + HEX.toHexDigits(flags);
  }

  /** Returns whether {@code id} is a valid trace id: 32 lower-case hex characters, not all zeros. */
  public static boolean isValidTraceId(@Nullable String id) {
    return id != null && id.length() == 32 && isLowerHex(id) && !id.equals(ZERO_TRACE_ID);
  }

  /** Returns whether {@code id} is a valid parent id: 16 lower-case hex characters, not all zeros. */
  public static boolean isValidParentId(@Nullable String id) {
    return id != null && id.length() == 16 && isLowerHex(id) && !id.equals(ZERO_PARENT_ID);
  }

  /** Equal when version, trace id, parent id and flags are. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TraceParent other && version == other.version && flags == other.flags
        && traceId.equals(other.traceId) && parentId.equals(other.parentId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, traceId, parentId, flags);
  }

  /** Returns {@link #header()}. */
  @Override
  public String toString() {
    return header();
  }

  private static String newParentId(RandomGenerator random, String avoid) {
    for (int i = 0; i < MAX_DRAWS; i++) {
      long id = random.nextLong();
      String hex = HEX.toHexDigits(id);
      if (id != 0 && !hex.equals(avoid)) {
        return hex;
      }
    }
    throw new IllegalArgumentException("the random generator produced no usable parent id");
  }

  /** Removes leading and trailing OWS (RFC 9110: spaces and horizontal tabs), nothing else. */
  static String stripOws(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isOws(s.charAt(start))) {
      start++;
    }
    while (end > start && isOws(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  static boolean isOws(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isLowerHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (lowerHexValue(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Returns the byte written by two lower-case hex characters at {@code at}, or -1. */
  private static int hexByte(String s, int at) {
    int high = lowerHexValue(s.charAt(at));
    int low = lowerHexValue(s.charAt(at + 1));
    return high < 0 || low < 0 ? -1 : high << 4 | low;
  }

  private static int lowerHexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }
}
