package dev.steward.model;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import tools.jackson.core.io.NumberOutput;
import tools.jackson.databind.JsonNode;

/**
 * RFC 8785 JSON Canonicalization Scheme over a Jackson tree: properties sorted by UTF-16 code
 * units, no white space, strings escaped as ECMAScript's JSON.stringify does, numbers in
 * ECMAScript's shortest round-trip form.
 *
 * <p>JCS reads every number as an IEEE double. Rather than fingerprint two different decimals
 * alike, a number whose value is not exactly the shortest form of the double nearest to it (more
 * than ~15-17 significant digits, or an integer beyond 2^53 that falls between doubles) is
 * refused. Money is unaffected: its amount is a string. Nesting is bounded, so a deep host-built
 * tree cannot exhaust the stack.
 */
final class Rfc8785 {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final long MAX_EXACT_INTEGER = 1L << 53;

  // A plain buffer: ByteArrayOutputStream.write is synchronized, a lock per byte.
  private byte[] buf = new byte[2048];
  private int len;
  // The path to the value being written, as property names and array indexes; turned into a
  // JSON Pointer only when a refusal needs one.
  private Object[] path = new Object[16];
  private final int maxDepth;
  private int depth;

  private Rfc8785(int maxDepth) {
    this.maxDepth = maxDepth;
  }

  static byte[] canonicalize(JsonNode node, int maxDepth) {
    Rfc8785 w = new Rfc8785(maxDepth);
    w.write(node);
    return Arrays.copyOf(w.buf, w.len);
  }

  private void write(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT -> nested(node, true);
      case ARRAY -> nested(node, false);
      case STRING -> writeString(node.stringValue());
      case NUMBER -> writeAscii(number(node));
      case BOOLEAN -> writeAscii(node.booleanValue() ? "true" : "false");
      case NULL -> writeAscii("null");
      default ->
          throw refuse(
              "a " + node.getNodeType() + " node has no JSON form (binary or POJO values are not JSON)");
    }
  }

  private void nested(JsonNode node, boolean object) {
    if (depth >= maxDepth) {
      String at = pointer();
      throw new CanonicalJsonException(
          CanonicalJsonException.Reason.LIMIT_EXCEEDED,
          (at.isEmpty() ? "the document" : at)
              + ": nesting deeper than "
              + maxDepth
              + " (raise JsonLimits.maxNestingDepth to accept it)",
          at,
          -1,
          -1,
          null);
    }
    depth++;
    if (object) {
      writeObject(node);
    } else {
      writeArray(node);
    }
    depth--;
  }

  @SuppressWarnings("unchecked")
  private void writeObject(JsonNode node) {
    Map.Entry<String, JsonNode>[] entries = (Map.Entry<String, JsonNode>[]) new Map.Entry<?, ?>[node.size()];
    int n = 0;
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      entries[n++] = e;
    }
    // String.compareTo orders by UTF-16 code units, exactly as RFC 8785 section 3.2.3 requires.
    Arrays.sort(entries, 0, n, Map.Entry.comparingByKey());
    put('{');
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        put(',');
      }
      enter(entries[i].getKey());
      writeString(entries[i].getKey());
      put(':');
      write(entries[i].getValue());
    }
    put('}');
  }

  private void writeArray(JsonNode node) {
    put('[');
    for (int i = 0; i < node.size(); i++) {
      if (i > 0) {
        put(',');
      }
      enter(i);
      write(node.get(i));
    }
    put(']');
  }

  /** Records the step, inside the innermost open container, to the child about to be written. */
  private void enter(Object step) {
    if (depth > path.length) {
      path = Arrays.copyOf(path, path.length * 2);
    }
    path[depth - 1] = step;
  }

  /** Returns the JSON Pointer of the value being written. */
  private String pointer() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      Object step = path[i];
      sb.append('/').append(step instanceof String name ? JsonPointers.escape(name) : String.valueOf(step));
    }
    return sb.toString();
  }

  private void put(int b) {
    if (len == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    buf[len++] = (byte) b;
  }

  private void writeString(String s) {
    put('"');
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> writeAscii("\\\"");
        case '\\' -> writeAscii("\\\\");
        case '\b' -> writeAscii("\\b");
        case '\f' -> writeAscii("\\f");
        case '\n' -> writeAscii("\\n");
        case '\r' -> writeAscii("\\r");
        case '\t' -> writeAscii("\\t");
        default -> {
          if (c < 0x20) {
            writeAscii("\\u00");
            put(HEX[c >> 4]);
            put(HEX[c & 0xF]);
          } else if (c < 0x80) {
            put(c);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < n
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            writeCodePoint(Character.toCodePoint(c, s.charAt(++i)));
          } else if (Character.isSurrogate(c)) {
            throw refuse(
                String.format(
                    "string holds a lone surrogate U+%04X; RFC 8785 requires valid Unicode", (int) c));
          } else {
            writeCodePoint(c);
          }
        }
      }
    }
    put('"');
  }

  private void writeCodePoint(int cp) {
    if (cp < 0x800) {
      put(0xC0 | (cp >> 6));
      put(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      put(0xE0 | (cp >> 12));
      put(0x80 | ((cp >> 6) & 0x3F));
      put(0x80 | (cp & 0x3F));
    } else {
      put(0xF0 | (cp >> 18));
      put(0x80 | ((cp >> 12) & 0x3F));
      put(0x80 | ((cp >> 6) & 0x3F));
      put(0x80 | (cp & 0x3F));
    }
  }

  private String number(JsonNode node) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      long v = node.longValue();
      if (v >= -MAX_EXACT_INTEGER && v <= MAX_EXACT_INTEGER) {
        return Long.toString(v); // ECMAScript prints every integer below 1e21 in full
      }
    }
    if (node.isIntegralNumber() || node.isBigDecimal()) {
      // BigDecimal.doubleValue() gives an infinity beyond the double range, where Jackson's
      // DecimalNode.doubleValue() throws. Messages use toString(), not toPlainString(): a
      // 14-byte 1e-999999999 would otherwise be spelled out as a billion characters.
      BigDecimal exact =
          node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
      double d = exact.doubleValue();
      if (!Double.isFinite(d)) {
        throw refuse(
            "number "
                + exact
                + " is beyond the range of an IEEE double, which RFC 8785 canonical JSON requires;"
                + " carry it as a string");
      }
      if (d == 0 && exact.signum() == 0) {
        return "0";
      }
      BigDecimal shortest = shortest(d);
      if (d == 0 || exact.abs().compareTo(shortest) != 0) {
        throw refuse(
            "number "
                + exact
                + " cannot be held exactly by an IEEE double, which RFC 8785 canonical JSON requires;"
                + " carry it as a string or with fewer significant digits");
      }
      return layout(d < 0, shortest);
    }
    double d = node.doubleValue();
    if (!Double.isFinite(d)) {
      throw refuse("number " + node.asString() + " is not finite; RFC 8785 forbids NaN and infinities");
    }
    return es6(d);
  }

  /** Formats a finite double as ECMAScript's Number.prototype.toString does (ECMA-262 7.1.12.1). */
  static String es6(double d) {
    return d == 0 ? "0" : layout(d < 0, shortest(d));
  }

  /**
   * Returns the shortest decimal that reads back as {@code |d|}. Jackson's Schubfach writer gives
   * those digits (Java 17's Double.toString does not always); only the layout differs from
   * ECMAScript's.
   */
  private static BigDecimal shortest(double d) {
    return new BigDecimal(NumberOutput.toString(Math.abs(d), true));
  }

  private static String layout(boolean negative, BigDecimal shortestAbs) {
    BigDecimal shortest = shortestAbs.stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale();
    StringBuilder sb = new StringBuilder(24);
    if (negative) {
      sb.append('-');
    }
    if (k <= n && n <= 21) {
      sb.append(digits).append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      sb.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      sb.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      sb.append(digits.charAt(0));
      if (k > 1) {
        sb.append('.').append(digits, 1, k);
      }
      sb.append('e').append(n - 1 < 0 ? '-' : '+').append(Math.abs(n - 1));
    }
    return sb.toString();
  }

  private void writeAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      put(s.charAt(i));
    }
  }

  private CanonicalJsonException refuse(String message) {
    String at = pointer();
    return new CanonicalJsonException(
        CanonicalJsonException.Reason.NOT_CANONICALIZABLE,
        (at.isEmpty() ? "the document: " : at + ": ") + message,
        at,
        -1,
        -1,
        null);
  }
}
