package dev.steward.spi;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which page of a bulk read to fetch: the first, or the one after a token the previous page
 * returned. Immutable.
 */
public final class PageRequest {
  /** The largest page a caller may ask for. */
  public static final int MAX_PAGE_SIZE = 10_000;

  private final @Nullable String token;
  private final int size;

  private PageRequest(@Nullable String token, int size) {
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("page size must be 1 to " + MAX_PAGE_SIZE + "; was " + size);
    }
    this.token = token;
    this.size = size;
  }

  /** Returns a request for the first page of at most {@code size} records. */
  public static PageRequest first(int size) {
    return new PageRequest(null, size);
  }

  /** Returns a request for the page after {@code token}, of at most {@code size} records. */
  public static PageRequest after(String token, int size) {
    Objects.requireNonNull(token, "token");
    if (token.isEmpty()) {
      throw new IllegalArgumentException("a page token is not empty");
    }
    return new PageRequest(token, size);
  }

  /** Returns the token of the page to continue after; empty for the first page. */
  public Optional<String> token() {
    return Optional.ofNullable(token);
  }

  /** Returns the most records the page may hold. */
  public int size() {
    return size;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PageRequest p && size == p.size && Objects.equals(token, p.token);
  }

  @Override
  public int hashCode() {
    return Objects.hash(token, size);
  }

  @Override
  public String toString() {
    return "PageRequest{token=" + token + ", size=" + size + "}";
  }
}
