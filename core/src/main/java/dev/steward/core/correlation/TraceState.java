package dev.steward.core.correlation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The W3C Trace Context {@code tracestate} header: an ordered list of at most 32 vendor
 * {@code key=value} members, the left-most belonging to the system that wrote {@code traceparent}.
 *
 * <p>{@link #parse} combines several header fields with commas (RFC 9110 field order), ignores
 * spaces and horizontal tabs around members and empty members, and returns the
 * {@linkplain #empty() empty state} — the whole header discarded — when any member has an invalid
 * key or value or there are more than 32 members. A key repeated later in the list is dropped and
 * its first (left-most, most recent) member kept, as the conformance harness accepts and the
 * specification allows ("vendors MAY also discard duplicate keys").
 *
 * <p>Keys follow the current grammar {@code key = ( lcalpha / DIGIT ) 0*255 ( keychar )} with
 * {@code keychar = lcalpha / DIGIT / "_" / "-" / "*" / "/" / "@"}, so multi-tenant keys such as
 * {@code tenant@system} are accepted. Values are 1 to 256 printable ASCII characters
 * ({@code 0x20}..{@code 0x7e}) other than {@code ,} and {@code =}, not ending in a space.
 *
 * <p>Mutations ({@link #with}, {@link #without}, {@link #truncate}) return a new instance. Immutable
 * and thread-safe.
 */
public final class TraceState {
  /** The header name, in the lower case the specification recommends for sending. */
  public static final String HEADER_NAME = "tracestate";

  /** The most list members a {@code tracestate} may hold. */
  public static final int MAX_MEMBERS = 32;

  /** The longest key. */
  public static final int MAX_KEY_LENGTH = 256;

  /** The longest value. */
  public static final int MAX_VALUE_LENGTH = 256;

  /** The combined length vendors should at least propagate; see {@link #truncate(int)}. */
  public static final int MIN_PROPAGATED_LENGTH = 512;

  /** Members whose {@code key=value} is longer than this are the first {@link #truncate} removes. */
  public static final int LARGE_MEMBER_LENGTH = 128;

  private static final TraceState EMPTY = new TraceState(List.of());

  private final List<Member> members;

  private TraceState(List<Member> members) {
    this.members = List.copyOf(members);
  }

  /**
   * One list member.
   *
   * @param key the vendor key; see {@link TraceState#isValidKey}
   * @param value the opaque value; see {@link TraceState#isValidValue}
   */
  public record Member(String key, String value) {
    /**
     * Checks key and value against the grammar.
     *
     * @throws IllegalArgumentException if either is invalid
     */
    public Member {
      if (!isValidKey(key)) {
        throw new IllegalArgumentException("invalid tracestate key '" + key + "'");
      }
      if (!isValidValue(value)) {
        throw new IllegalArgumentException("invalid tracestate value '" + value + "' for key '" + key + "'");
      }
    }

    /** Returns {@code key=value}. */
    @Override
    public String toString() {
      return key + '=' + value;
    }
  }

  /** Returns the state with no members. */
  public static TraceState empty() {
    return EMPTY;
  }

  /**
   * Reads the {@code tracestate} header from its fields, in the order received.
   *
   * @param headerFields the field values; none means no {@code tracestate} header
   * @return the members, or the {@linkplain #empty() empty state} if the combined value is invalid
   */
  public static TraceState parse(String... headerFields) {
    return parse(List.of(headerFields));
  }

  /**
   * Reads the {@code tracestate} header from its fields, in the order received, as
   * {@link #parse(String...)} does.
   *
   * @param headerFields the field values; empty means no {@code tracestate} header
   * @return the members, or the {@linkplain #empty() empty state} if the combined value is invalid
   */
  public static TraceState parse(List<String> headerFields) {
    List<Member> members = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    int count = 0;
    for (String field : headerFields) {
      int start = 0;
      while (true) {
        int comma = field.indexOf(',', start);
        int end = comma < 0 ? field.length() : comma;
        String member = TraceParent.stripOws(field.substring(start, end));
        if (!member.isEmpty()) {
          count++;
          int eq = member.indexOf('=');
          if (count > MAX_MEMBERS || eq < 0) {
            return EMPTY;
          }
          String key = member.substring(0, eq);
          String value = member.substring(eq + 1);
          if (!isValidKey(key) || !isValidValue(value)) {
            return EMPTY;
          }
          if (keys.add(key)) {
            members.add(new Member(key, value));
          }
        }
        if (comma < 0) {
          break;
        }
        start = comma + 1;
      }
    }
    return members.isEmpty() ? EMPTY : new TraceState(members);
  }

  /** Returns the members, left-most first. */
  public List<Member> members() {
    return members;
  }

  /** Returns the value for {@code key}, if a member has it. */
  public Optional<String> get(String key) {
    for (Member m : members) {
      if (m.key().equals(key)) {
        return Optional.of(m.value());
      }
    }
    return Optional.empty();
  }

  /**
   * Returns this state with {@code key=value} as its left-most member: added if the key is new,
   * otherwise updated and moved to the front, the other members keeping their order. If that would
   * make 33 members, the right-most is removed.
   *
   * @throws IllegalArgumentException if the key or the value is invalid
   */
  public TraceState with(String key, String value) {
    Member added = new Member(key, value);
    List<Member> result = new ArrayList<>(members.size() + 1);
    result.add(added);
    for (Member m : members) {
      if (!m.key().equals(key)) {
        result.add(m);
      }
    }
    if (result.size() > MAX_MEMBERS) {
      result.remove(result.size() - 1);
    }
    return new TraceState(result);
  }

  /** Returns this state without the member for {@code key}; this state itself if it has none. */
  public TraceState without(String key) {
    if (get(key).isEmpty()) {
      return this;
    }
    List<Member> result = new ArrayList<>(members);
    result.removeIf(m -> m.key().equals(key));
    return result.isEmpty() ? EMPTY : new TraceState(result);
  }

  /**
   * Returns this state cut down to whole members so that {@link #header()} is at most
   * {@code maxLength} characters, per the specification's "tracestate limits": members longer than
   * {@value #LARGE_MEMBER_LENGTH} characters are removed first (right-most first), then members
   * from the right end, each only while the header is still too long. Returns this state if it
   * already fits.
   *
   * @param maxLength the longest header to keep; the specification asks vendors to propagate at
   *     least {@value #MIN_PROPAGATED_LENGTH}
   * @throws IllegalArgumentException if {@code maxLength} is negative
   */
  public TraceState truncate(int maxLength) {
    if (maxLength < 0) {
      throw new IllegalArgumentException("maxLength must not be negative: " + maxLength);
    }
    int length = header().length();
    if (length <= maxLength) {
      return this;
    }
    List<Member> result = new ArrayList<>(members);
    for (int i = result.size() - 1; i >= 0 && length > maxLength; i--) {
      int size = memberLength(result.get(i));
      if (size > LARGE_MEMBER_LENGTH) {
        result.remove(i);
        length -= size + (result.isEmpty() ? 0 : 1);
      }
    }
    while (length > maxLength) {
      Member last = result.remove(result.size() - 1);
      length -= memberLength(last) + (result.isEmpty() ? 0 : 1);
    }
    return result.isEmpty() ? EMPTY : new TraceState(result);
  }

  /** Returns the number of members. */
  public int size() {
    return members.size();
  }

  /** Returns whether there are no members; an empty state should not be sent. */
  public boolean isEmpty() {
    return members.isEmpty();
  }

  /** Returns the field value: the members joined by commas, left-most first; empty if none. */
  public String header() {
    return members.stream().map(Member::toString).collect(Collectors.joining(","));
  }

  /**
   * Returns whether {@code key} is a valid key: 1 to 256 characters, the first a lower-case letter
   * or digit, the others lower-case letters, digits, {@code _ - * / @}.
   */
  public static boolean isValidKey(@Nullable String key) {
    if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      return false;
    }
    char first = key.charAt(0);
    if (!(isLcAlpha(first) || isDigit(first))) {
      return false;
    }
    for (int i = 1; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!(isLcAlpha(c) || isDigit(c) || c == '_' || c == '-' || c == '*' || c == '/' || c == '@')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns whether {@code value} is a valid value: 1 to 256 printable ASCII characters other than
   * {@code ,} and {@code =}, the last not a space.
   */
  public static boolean isValidValue(@Nullable String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_VALUE_LENGTH
        || value.charAt(value.length() - 1) == ' ') {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e || c == ',' || c == '=') {
        return false;
      }
    }
    return true;
  }

  /** Equal when the members and their order are. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TraceState other && members.equals(other.members);
  }

  @Override
  public int hashCode() {
    return members.hashCode();
  }

  /** Returns {@link #header()}. */
  @Override
  public String toString() {
    return header();
  }

  private static int memberLength(Member m) {
    return m.key().length() + 1 + m.value().length();
  }

  private static boolean isLcAlpha(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
