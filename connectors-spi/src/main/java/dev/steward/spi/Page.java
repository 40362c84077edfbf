package dev.steward.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of a bulk read, and the token of the next page if there is one.
 *
 * @param items the page's records, in the system's order
 * @param nextToken the token to pass to {@link PageRequest#after} for the next page; null on the
 *     last page, never empty
 * @param <T> the item type
 */
public record Page<T>(List<T> items, @Nullable String nextToken) {
  /**
   * Copies the items and checks the token.
   *
   * @throws IllegalArgumentException if {@code nextToken} is empty: a system that answers an empty
   *     token for "no more pages" makes the last page, with a null token
   */
  public Page {
    items = List.copyOf(items);
    if (nextToken != null && nextToken.isEmpty()) {
      throw new IllegalArgumentException("nextToken must be null on the last page, not empty;"
          + " map the system's empty token to Page.last(items)");
    }
  }

  /** Returns the request for the next page of the same size, or empty on the last page. */
  public Optional<PageRequest> next(int size) {
    return nextToken == null ? Optional.empty() : Optional.of(PageRequest.after(nextToken, size));
  }

  /** Returns whether another page follows. */
  public boolean hasNext() {
    return nextToken != null;
  }

  /** Returns the last page, holding {@code items}. */
  public static <T> Page<T> last(List<T> items) {
    return new Page<>(Objects.requireNonNull(items, "items"), null);
  }
}
