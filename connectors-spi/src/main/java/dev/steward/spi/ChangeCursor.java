package dev.steward.spi;

import java.util.Objects;

/**
 * Where a change feed stopped: an opaque position that the connector makes and reads back
 * (a Salesforce replay id, a Stripe event id, a NetSuite last-modified watermark). The host keeps
 * it durably after it has processed the changes before it, and polling from it again returns the
 * changes after it, exactly.
 *
 * <p>Value-based and immutable; at most {@value #MAX_LENGTH} characters.
 */
public final class ChangeCursor {
  /** The longest cursor a connector may make. */
  public static final int MAX_LENGTH = 1024;

  private static final ChangeCursor BEGINNING = new ChangeCursor("");

  private final String value;

  private ChangeCursor(String value) {
    this.value = value;
  }

  /** Returns the cursor before the first change the system still holds. */
  public static ChangeCursor beginning() {
    return BEGINNING;
  }

  /**
   * Returns the cursor with this value, as {@link #value()} gave it; the empty string is {@link
   * #beginning()}.
   *
   * @throws IllegalArgumentException if the value is longer than {@value #MAX_LENGTH} characters
   */
  public static ChangeCursor of(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      return BEGINNING;
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("a change cursor is at most " + MAX_LENGTH + " characters; was " + value.length());
    }
    return new ChangeCursor(value);
  }

  /** Returns the value to store; the empty string for {@link #beginning()}. */
  public String value() {
    return value;
  }

  /** Returns whether this is the cursor before the first change. */
  public boolean isBeginning() {
    return value.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChangeCursor c && value.equals(c.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return isBeginning() ? "ChangeCursor[beginning]" : "ChangeCursor[" + value + "]";
  }
}
