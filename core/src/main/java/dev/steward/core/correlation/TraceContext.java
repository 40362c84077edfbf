package dev.steward.core.correlation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A W3C trace context as carried by the {@code traceparent} and {@code tracestate} headers.
 *
 * <p>{@link #fromHeaders} applies the specification's processing model: no context unless exactly
 * one {@code traceparent} field is present and valid (two fields, like an invalid one, restart the
 * trace), and {@code tracestate} is read only when {@code traceparent} is valid. Header names are
 * matched ASCII-case-insensitively and must be spelt exactly {@code traceparent} and
 * {@code tracestate} ({@code trace-parent} or {@code trace.state} are other headers). {@link #writeTo}
 * writes lower-case names and leaves out an empty {@code tracestate}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param traceParent the {@code traceparent}
 * @param traceState the {@code tracestate}, {@linkplain TraceState#empty() empty} if none
 */
public record TraceContext(TraceParent traceParent, TraceState traceState) {
  /** Checks both parts are present. */
  public TraceContext {
    Objects.requireNonNull(traceParent, "traceParent");
    Objects.requireNonNull(traceState, "traceState");
  }

  /** Returns a context with {@code traceParent} and no {@code tracestate}. */
  public static TraceContext of(TraceParent traceParent) {
    return new TraceContext(traceParent, TraceState.empty());
  }

  /**
   * Starts a new trace with no {@code tracestate}; see {@link TraceParent#newRoot}. Thread-safe if
   * {@code random} is.
   *
   * @throws IllegalArgumentException if {@code random} keeps producing zeros
   */
  public static TraceContext newRoot(RandomGenerator random, boolean sampled) {
    return of(TraceParent.newRoot(random, sampled));
  }

  /**
   * Reads the context of an incoming message.
   *
   * @param headerLookup returns every field value of a header, in the order received, given its
   *     lower-case name ({@code "traceparent"}, {@code "tracestate"}); it must match names
   *     ASCII-case-insensitively, as HTTP header maps do, and may return {@code null} or an empty
   *     list for an absent header
   * @return the context, or empty if there is no valid {@code traceparent} (start a new trace then)
   */
  public static Optional<TraceContext> fromHeaders(
      Function<? super String, ? extends @Nullable List<? extends @Nullable String>> headerLookup) {
    List<String> parents = present(headerLookup.apply(TraceParent.HEADER_NAME));
    if (parents.size() != 1) {
      return Optional.empty();
    }
    return TraceParent.parse(parents.get(0))
        .map(parent -> new TraceContext(parent, TraceState.parse(present(headerLookup.apply(TraceState.HEADER_NAME)))));
  }

  /**
   * Reads the context of an incoming message from a header map whose keys may be in any case (and
   * may include a {@code null} key, as {@code HttpURLConnection} gives for the status line). Values
   * of keys that differ only in case are combined in the map's iteration order.
   *
   * @param headers the header fields by name
   * @return the context, or empty if there is no valid {@code traceparent} (start a new trace then)
   */
  public static Optional<TraceContext> fromHeaders(
      Map<? extends @Nullable String, ? extends @Nullable List<? extends @Nullable String>> headers) {
    return fromHeaders(name -> {
      List<@Nullable String> values = new ArrayList<>();
      headers.forEach((key, fields) -> {
        if (key != null && fields != null && asciiEqualsIgnoreCase(key, name)) {
          values.addAll(fields);
        }
      });
      return values;
    });
  }

  /**
   * Returns the context for an outgoing call made on behalf of this one: a {@linkplain
   * TraceParent#child child} trace parent and the same {@code tracestate}. Thread-safe if
   * {@code random} is.
   *
   * @throws IllegalArgumentException if {@code random} keeps producing zeros
   */
  public TraceContext child(RandomGenerator random) {
    return new TraceContext(traceParent.child(random), traceState);
  }

  /** Returns this context with {@code traceState} in place of its own. */
  public TraceContext withTraceState(TraceState traceState) {
    return new TraceContext(traceParent, traceState);
  }

  /**
   * Passes the headers to {@code sink} as (lower-case name, value): {@code traceparent} always,
   * then {@code tracestate} unless it is empty.
   */
  public void writeTo(BiConsumer<? super String, ? super String> sink) {
    sink.accept(TraceParent.HEADER_NAME, traceParent.header());
    if (!traceState.isEmpty()) {
      sink.accept(TraceState.HEADER_NAME, traceState.header());
    }
  }

  private static List<String> present(@Nullable List<? extends @Nullable String> fields) {
    List<String> result = new ArrayList<>();
    if (fields != null) {
      for (String field : fields) {
        if (field != null) {
          result.add(field);
        }
      }
    }
    return result;
  }

  /** ASCII case-insensitive comparison (WHATWG Infra): only A-Z and a-z are folded. */
  static boolean asciiEqualsIgnoreCase(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      if (asciiLower(a.charAt(i)) != asciiLower(b.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
