package dev.steward.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * Reading a configuration file a person wrote — an ownership policy, reference data — as text:
 * bounded, strict UTF-8, YAML or JSON told apart, and parser errors summarised for people.
 */
public final class ConfigText {
  private ConfigText() {}

  /** Where a file is not UTF-8: 1-based line and column, and what was found. */
  public record BadByte(int line, int column, String message) {}

  /** Thrown by {@link #decode} at the first byte that is not UTF-8. */
  public static final class NotUtf8Exception extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient BadByte at;

    NotUtf8Exception(BadByte at) {
      super(at.message(), null, false, false);
      this.at = at;
    }

    /** Returns where and what. */
    public BadByte at() {
      return at;
    }
  }

  /**
   * Reads at most {@code max} bytes plus one, so that the caller can tell a file that is too large.
   *
   * @param what what is being read, for the message of an I/O failure
   * @return the bytes, or null when there are more than {@code max}
   * @throws UncheckedIOException if the stream cannot be read
   */
  public static byte @Nullable [] readAtMost(InputStream in, int max, String what) {
    byte[] bytes;
    try {
      bytes = in.readNBytes(max + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + what, e);
    }
    return bytes.length > max ? null : bytes;
  }

  /**
   * Decodes strict UTF-8 and drops a leading byte-order mark.
   *
   * @throws NotUtf8Exception at the first byte that is not UTF-8
   */
  public static String decode(byte[] bytes) throws NotUtf8Exception {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      String bad = String.format(Locale.ROOT, "0x%02X", bytes[offset] & 0xFF);
      throw new NotUtf8Exception(new BadByte(line, offset - lineStart + 1, "byte " + bad + " is not UTF-8; expected UTF-8 text"));
    }
    return out.flip().toString();
  }

  /** Returns whether a file is JSON: by its name's ending, else by its first character. */
  public static boolean isJson(String sourceName, String text) {
    String name = sourceName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return true;
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return false;
    }
    return text.stripLeading().startsWith("{");
  }

  /**
   * Summarises a parser's syntax error: for YAML, the unindented lines of its message (context and
   * problem), without the quoted snippets.
   */
  public static String syntaxError(JacksonException e) {
    String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    List<String> parts = new ArrayList<>();
    for (String line : message.split("\n")) {
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        parts.add(line.trim());
      }
    }
    if (parts.isEmpty()) {
      return message.trim();
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return parts.get(parts.size() - 1) + " (" + String.join("; ", parts.subList(0, parts.size() - 1)) + ")";
  }
}
