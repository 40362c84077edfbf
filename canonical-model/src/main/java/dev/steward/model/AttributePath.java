package dev.steward.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The address of one attribute of a canonical entity: a JSON Pointer into canonical JSON in
 * which {@code *} stands for any list index or extension key, as in {@code /legalName}, {@code
 * /billingAddress/country} or <code>/lines/&#42;/quantity</code>.
 *
 * <p>Attributes are what ownership, reconciliation and redaction address: scalar values, and the
 * value types that change as a whole ({@link Money}, {@link Period}). A concrete pointer such as
 * {@code /lines/2/unitPrice/amount} lies within the attribute <code>/lines/&#42;/unitPrice</code>.
 *
 * <p>Obtain one with {@link #parse(String)} or from an {@link AttributeCatalog}. Value-based and
 * immutable.
 */
public final class AttributePath implements Comparable<AttributePath> {
  /** The segment that stands for any list index or extension key. */
  public static final String ANY = "*";

  private final List<String> segments;
  private final String text;

  private AttributePath(List<String> segments) {
    this.segments = List.copyOf(segments);
    StringBuilder sb = new StringBuilder();
    for (String s : segments) {
      sb.append('/').append(s.equals(ANY) ? ANY : JsonPointers.escape(s));
    }
    this.text = sb.toString();
  }

  /**
   * Parses a pattern such as <code>/lines/&#42;/quantity</code>.
   *
   * @throws IllegalArgumentException if the text is empty, does not start with {@code /}, has an
   *     empty segment, or has a {@code ~} not followed by 0 or 1
   */
  public static AttributePath parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty() || text.charAt(0) != '/') {
      throw new IllegalArgumentException("attribute path '" + text + "' must start with '/', as in /legalName");
    }
    List<String> segments = new ArrayList<>();
    for (String raw : text.substring(1).split("/", -1)) {
      if (raw.isEmpty()) {
        throw new IllegalArgumentException("attribute path '" + text + "' has an empty segment");
      }
      segments.add(raw.equals(ANY) ? ANY : unescape(raw, text));
    }
    return new AttributePath(segments);
  }

  static AttributePath of(List<String> segments) {
    return new AttributePath(segments);
  }

  /** Returns the segments; {@link #ANY} stands for any index or key. */
  public List<String> segments() {
    return segments;
  }

  /**
   * Returns whether {@code pointer}, a concrete JSON Pointer such as {@code /lines/2/quantity},
   * addresses this attribute or a part of its value ({@code /lines/2/unitPrice/amount} lies within
   * <code>/lines/&#42;/unitPrice</code>).
   */
  public boolean covers(String pointer) {
    List<String> concrete = JsonPointers.segments(pointer);
    if (concrete.size() < segments.size()) {
      return false;
    }
    for (int i = 0; i < segments.size(); i++) {
      if (!segments.get(i).equals(ANY) && !segments.get(i).equals(concrete.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int compareTo(AttributePath other) {
    return text.compareTo(other.text);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof AttributePath p && text.equals(p.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** Returns the pattern, <code>/lines/&#42;/quantity</code>. */
  @Override
  public String toString() {
    return text;
  }

  private static String unescape(String raw, String text) {
    if (raw.indexOf('~') < 0) {
      return raw;
    }
    StringBuilder sb = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '~') {
        sb.append(c);
      } else if (i + 1 < raw.length() && (raw.charAt(i + 1) == '0' || raw.charAt(i + 1) == '1')) {
        sb.append(raw.charAt(++i) == '0' ? '~' : '/');
      } else {
        throw new IllegalArgumentException("attribute path '" + text + "' has a '~' not followed by 0 or 1");
      }
    }
    return sb.toString();
  }
}
