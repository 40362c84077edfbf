package dev.steward.model;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A large or endless input made on demand: a prefix, one byte pattern repeated, a suffix. Nothing
 * is held in memory beyond the three parts, so a 50 MB document costs a few bytes of heap, and
 * {@link #bytesServed()} tells how far a reader got before it stopped.
 */
final class GeneratedInputStream extends InputStream {
  /** Passed as the repeat count for a stream that never ends. */
  static final long ENDLESS = -1;

  private final byte[] prefix;
  private final byte[] pattern;
  private final long patternBytes;
  private final byte[] suffix;
  private long position;

  private GeneratedInputStream(String prefix, String pattern, long repeats, String suffix) {
    this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
    this.pattern = pattern.getBytes(StandardCharsets.UTF_8);
    if (this.pattern.length == 0) {
      throw new IllegalArgumentException("pattern must not be empty");
    }
    this.patternBytes = repeats == ENDLESS ? Long.MAX_VALUE : repeats * this.pattern.length;
    this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
  }

  /** Returns {@code prefix}, {@code pattern} {@code repeats} times, then {@code suffix}. */
  static GeneratedInputStream of(String prefix, String pattern, long repeats, String suffix) {
    return new GeneratedInputStream(prefix, pattern, repeats, suffix);
  }

  /** Returns {@code prefix}, then {@code pattern} repeated for ever. */
  static GeneratedInputStream endless(String prefix, String pattern) {
    return new GeneratedInputStream(prefix, pattern, ENDLESS, "");
  }

  /** Returns the number of bytes handed out so far. */
  long bytesServed() {
    return position;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    int n = 0;
    while (n < len) {
      int next = byteAt(position);
      if (next < 0) {
        break;
      }
      b[off + n++] = (byte) next;
      position++;
    }
    return n == 0 ? -1 : n;
  }

  private int byteAt(long at) {
    if (at < prefix.length) {
      return prefix[(int) at] & 0xFF;
    }
    long inPattern = at - prefix.length;
    if (inPattern < patternBytes) {
      return pattern[(int) (inPattern % pattern.length)] & 0xFF;
    }
    long inSuffix = inPattern - patternBytes;
    return inSuffix < suffix.length ? suffix[(int) inSuffix] & 0xFF : -1;
  }
}
