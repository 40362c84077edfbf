package dev.steward.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Bounds on the JSON Steward reads, so that a hostile or broken payload is refused with a clear
 * error instead of exhausting memory or stack.
 *
 * <p>Each limit has a published default, and the message of a refusal names the limit and the
 * builder method that raises it. Obtain the defaults with {@link #defaults()} or adjust them with
 * {@link #builder()} / {@link #toBuilder()}. Immutable and thread-safe.
 */
public final class JsonLimits {
  /** Default largest document, in bytes (or chars for text input): 8 MiB. */
  public static final long DEFAULT_MAX_DOCUMENT_LENGTH = 8L * 1024 * 1024;
  /** Default deepest nesting of objects and arrays: 64. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 64;
  /** Default longest string value, in chars: 1 MiB. */
  public static final int DEFAULT_MAX_STRING_LENGTH = 1024 * 1024;
  /** Default longest number, in characters: 100. */
  public static final int DEFAULT_MAX_NUMBER_LENGTH = 100;
  /** Default longest property name, in chars: 256. */
  public static final int DEFAULT_MAX_NAME_LENGTH = 256;

  private static final JsonLimits DEFAULTS = builder().build();

  private final long maxDocumentLength;
  private final int maxNestingDepth;
  private final int maxStringLength;
  private final int maxNumberLength;
  private final int maxNameLength;

  private JsonLimits(Builder b) {
    this.maxDocumentLength = b.maxDocumentLength;
    this.maxNestingDepth = b.maxNestingDepth;
    this.maxStringLength = b.maxStringLength;
    this.maxNumberLength = b.maxNumberLength;
    this.maxNameLength = b.maxNameLength;
  }

  /** Returns the default limits. */
  public static JsonLimits defaults() {
    return DEFAULTS;
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder starting from these limits. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxDocumentLength = maxDocumentLength;
    b.maxNestingDepth = maxNestingDepth;
    b.maxStringLength = maxStringLength;
    b.maxNumberLength = maxNumberLength;
    b.maxNameLength = maxNameLength;
    return b;
  }

  /** Returns the largest document accepted, in bytes or chars. */
  public long maxDocumentLength() {
    return maxDocumentLength;
  }

  /** Returns the deepest nesting of objects and arrays accepted. */
  public int maxNestingDepth() {
    return maxNestingDepth;
  }

  /** Returns the longest string value accepted, in chars. */
  public int maxStringLength() {
    return maxStringLength;
  }

  /** Returns the longest number accepted, in characters. */
  public int maxNumberLength() {
    return maxNumberLength;
  }

  /** Returns the longest property name accepted, in chars. */
  public int maxNameLength() {
    return maxNameLength;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof JsonLimits l
        && maxDocumentLength == l.maxDocumentLength
        && maxNestingDepth == l.maxNestingDepth
        && maxStringLength == l.maxStringLength
        && maxNumberLength == l.maxNumberLength
        && maxNameLength == l.maxNameLength;
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxDocumentLength, maxNestingDepth, maxStringLength, maxNumberLength, maxNameLength);
  }

  @Override
  public String toString() {
    return "JsonLimits{maxDocumentLength="
        + maxDocumentLength
        + ", maxNestingDepth="
        + maxNestingDepth
        + ", maxStringLength="
        + maxStringLength
        + ", maxNumberLength="
        + maxNumberLength
        + ", maxNameLength="
        + maxNameLength
        + "}";
  }

  /**
   * Builds {@link JsonLimits}, starting from the defaults or from the limits it was derived from.
   * Each setter checks its argument at once and may be called once per builder. Not thread-safe.
   */
  public static final class Builder {
    private final java.util.Set<String> set = new java.util.HashSet<>();
    private long maxDocumentLength = DEFAULT_MAX_DOCUMENT_LENGTH;
    private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
    private int maxStringLength = DEFAULT_MAX_STRING_LENGTH;
    private int maxNumberLength = DEFAULT_MAX_NUMBER_LENGTH;
    private int maxNameLength = DEFAULT_MAX_NAME_LENGTH;

    private Builder() {}

    /** Sets the largest document accepted, in bytes or chars; at least 1. */
    public Builder maxDocumentLength(long length) {
      maxDocumentLength = positive("maxDocumentLength", length);
      return this;
    }

    /** Sets the deepest nesting accepted; at least 1. */
    public Builder maxNestingDepth(int depth) {
      maxNestingDepth = (int) positive("maxNestingDepth", depth);
      return this;
    }

    /** Sets the longest string value accepted, in chars; at least 1. */
    public Builder maxStringLength(int length) {
      maxStringLength = (int) positive("maxStringLength", length);
      return this;
    }

    /** Sets the longest number accepted, in characters; at least 1. */
    public Builder maxNumberLength(int length) {
      maxNumberLength = (int) positive("maxNumberLength", length);
      return this;
    }

    /** Sets the longest property name accepted, in chars; at least 1. */
    public Builder maxNameLength(int length) {
      maxNameLength = (int) positive("maxNameLength", length);
      return this;
    }

    /** Returns the limits. */
    public JsonLimits build() {
      return new JsonLimits(this);
    }

    private long positive(String name, long value) {
      if (!set.add(name)) {
        throw new IllegalStateException(name + " was already set on this builder");
      }
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, was " + value);
      }
      return value;
    }
  }
}
