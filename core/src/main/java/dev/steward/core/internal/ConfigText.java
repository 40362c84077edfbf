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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Reading a configuration file a person wrote — an ownership policy, reference data — as text:
 * bounded, strict UTF-8, YAML or JSON told apart, and parser errors summarised for people.
 */
public final class ConfigText {
  // The YAML parser's problem mark in its message, 1-based ("in reader, line 3, column 7:").
  private static final Pattern YAML_MARK = Pattern.compile(" in reader, line (\\d+), column (\\d+):");
  // The YAML reader's refusal of a character names its index, in code points from the start.
  private static final Pattern YAML_READER_INDEX = Pattern.compile("\nin \"[^\"\n]*\", position (\\d+)$");
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private ConfigText() {}

  /**
   * Where a file is not UTF-8: 1-based line and column, the column counted in characters (code
   * points) from the line start, and what was found.
   */
  public record BadByte(int line, int column, String message) {}

  /** A place in a file's text: 1-based line, and 1-based column counted in characters (code points). */
  public record Position(int line, int column) {}

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
      // A leading byte-order mark is dropped, so it takes no column.
      int lineStart = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
          && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
      for (int i = lineStart; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      // The bytes before the offset are valid UTF-8: each character starts with one byte that is
      // not a continuation byte (10xxxxxx).
      int column = 1;
      for (int i = lineStart; i < offset; i++) {
        if ((bytes[i] & 0xC0) != 0x80) {
          column++;
        }
      }
      String bad = String.format(Locale.ROOT, "0x%02X", bytes[offset] & 0xFF);
      throw new NotUtf8Exception(new BadByte(line, column, "byte " + bad + " is not UTF-8; expected UTF-8 text"));
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

  /**
   * Returns where a parser's syntax error is in the text it parsed. For YAML, that is the position
   * the YAML parser names: the problem mark in its message (the location Jackson derives from it is
   * at times a column short) or, when it refuses a character such as a control character, the
   * index of that character, which Jackson does not carry over. Otherwise it is Jackson's location;
   * 1:1 when none is known.
   *
   * @param text the text exactly as given to the parser
   * @param json whether the text was parsed as JSON rather than YAML
   */
  public static Position syntaxErrorPosition(JacksonException e, String text, boolean json) {
    TokenStreamLocation loc = e.getLocation();
    int line = loc == null || loc.getLineNr() < 1 ? 1 : loc.getLineNr();
    int column = loc == null || loc.getColumnNr() < 1 ? 1 : loc.getColumnNr();
    if (json) {
      return new Position(line, column);
    }
    Matcher mark = YAML_MARK.matcher(e.getOriginalMessage() == null ? "" : e.getOriginalMessage());
    while (mark.find()) {
      line = Integer.parseInt(mark.group(1));
      column = Integer.parseInt(mark.group(2));
    }
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      Matcher index = YAML_READER_INDEX.matcher(String.valueOf(t));
      if (index.find()) {
        try {
          return positionOf(text, Integer.parseInt(index.group(1)));
        } catch (NumberFormatException tooLarge) {
          break;
        }
      }
    }
    return new Position(line, column);
  }

  /**
   * Returns the position of the code point at {@code index} (from 0) in a text, counting lines as
   * YAML does: a line ends at LF, CR LF or a lone CR; a byte-order mark takes no column. An index
   * past the end is at the end.
   */
  public static Position positionOf(String text, int index) {
    int line = 1;
    int column = 1;
    int i = 0;
    for (int n = 0; n < index && i < text.length(); n++) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\n' || (c == '\r' && (i >= text.length() || text.charAt(i) != '\n'))) {
        line++;
        column = 1;
      } else if (c != BYTE_ORDER_MARK) {
        column++;
      }
    }
    return new Position(line, column);
  }

  /** Returns text cut to 60 characters and on one line, for quoting in a message. */
  public static String shorten(String text) {
    String oneLine = text.replace("\n", "\\n").replace("\r", "\\r");
    return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
  }
}
