package dev.steward.core.internal;

import dev.steward.model.JsonPointers;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * A JSON or YAML configuration file (an ownership policy, reference data) read into a tree that
 * remembers where each value and each key starts, so that every later problem can be reported at
 * its line and column. Refuses what a configuration file has no use for: more than one document,
 * YAML aliases, duplicate keys, nesting deeper than the reader allows. Decimals keep their digits
 * as written ({@code 13.50}, not a double near it).
 *
 * <p>One instance per file; not thread-safe.
 */
public final class LocatedTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final YAMLFactory YAML = YAMLFactory.builder().build();

  /** Where something starts in the file, from 1. */
  public record Mark(int line, int column) {
    /** Orders marks by position in the file. */
    public static int compare(Mark a, Mark b) {
      return a.line != b.line ? Integer.compare(a.line, b.line) : Integer.compare(a.column, b.column);
    }
  }

  /** Makes the exception a reader throws for a problem at a place in its file. */
  @FunctionalInterface
  public interface Reporter {
    /**
     * Returns the exception for a problem.
     *
     * @param at where the problem is
     * @param pointer the JSON Pointer of the value, or "" for the file as a whole
     * @param message what is wrong and what was expected
     * @param expected what was expected, on its own
     * @param cause the parser's exception, for malformed text
     */
    RuntimeException problem(Mark at, String pointer, String message, String expected, @Nullable Throwable cause);
  }

  /**
   * How a reader's messages name its file.
   *
   * @param document what the file holds, as in "the file holds no policy"
   * @param content what the top level should be, as in "an object with policy, version, ..."
   * @param onePerFile what a YAML file holds one of, as in "one policy per file"
   * @param files what such files are called, as in "policy files use no anchors or aliases"
   * @param maxDepth the deepest nesting allowed
   * @param depthSetting the constant that states {@code maxDepth}, named in the message
   */
  public record Wording(String document, String content, String onePerFile, String files, int maxDepth,
      String depthSetting) {}

  private final Wording wording;
  private final Reporter reporter;
  private final Map<String, Mark> values = new HashMap<>();
  private final Map<String, Mark> keys = new HashMap<>();
  private final JsonNode root;

  private LocatedTree(String text, boolean json, Wording wording, Reporter reporter) {
    this.wording = wording;
    this.reporter = reporter;
    this.root = parse(text, json);
  }

  /**
   * Reads {@code text} as JSON or YAML.
   *
   * @throws RuntimeException what {@code reporter} makes, for malformed text or anything refused
   */
  public static LocatedTree read(String text, boolean json, Wording wording, Reporter reporter) {
    return new LocatedTree(text, json, wording, reporter);
  }

  /** Returns the document. */
  public JsonNode root() {
    return root;
  }

  /** Returns where the value at {@code pointer} starts, or its nearest enclosing value's start. */
  public Mark value(String pointer) {
    for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
      Mark m = values.get(p);
      if (m != null || p.isEmpty()) {
        return m != null ? m : new Mark(1, 1);
      }
    }
  }

  /** Returns where the key naming the value at {@code pointer} starts; the value's start for list elements and the root. */
  public Mark key(String pointer) {
    Mark m = keys.get(pointer);
    return m != null ? m : value(pointer);
  }

  /** Returns whether a value starts exactly at {@code pointer}. */
  public boolean hasValue(String pointer) {
    return values.containsKey(pointer);
  }

  /** Returns whether a key names the value at {@code pointer} (it is an object's member). */
  public boolean hasKey(String pointer) {
    return keys.containsKey(pointer);
  }

  private JsonNode parse(String text, boolean json) {
    String format = json ? "JSON" : "YAML";
    try (JsonParser p = (json ? JSON : YAML).createParser(ObjectReadContext.empty(), text)) {
      if (p.nextToken() == null) {
        throw reporter.problem(new Mark(1, 1), "", "the file holds no " + wording.document() + "; expected "
            + wording.content(), wording.content(), null);
      }
      JsonNode document = value(p, "", 1);
      if (p.nextToken() != null) {
        throw reporter.problem(mark(p.currentTokenLocation()), "",
            json ? "unexpected content after the " + wording.document() + " object; expected the end of the file"
                : "a second YAML document; expected " + wording.onePerFile(),
            "the end of the file", null);
      }
      return document;
    } catch (JacksonException e) {
      ConfigText.Position at = ConfigText.syntaxErrorPosition(e, text, json);
      throw reporter.problem(new Mark(at.line(), at.column()), "", "malformed " + format + ": "
          + ConfigText.syntaxError(e), "well-formed " + format, e);
    }
  }

  private JsonNode value(JsonParser p, String pointer, int depth) {
    Mark at = mark(p.currentTokenLocation());
    values.put(pointer, at);
    JsonToken token = p.currentToken();
    if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth > wording.maxDepth()) {
      throw reporter.problem(at, pointer, "nested deeper than " + wording.maxDepth() + " levels; expected at most "
          + wording.maxDepth() + " (" + wording.depthSetting() + ")", "at most " + wording.maxDepth()
          + " levels of nesting", null);
    }
    if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      throw reporter.problem(at, pointer, "a YAML alias (*" + p.getString() + "); expected the value written out, as "
          + wording.files() + " use no anchors or aliases", "a value written out", null);
    }
    switch (token) {
      case START_OBJECT:
        ObjectNode object = NODES.objectNode();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String name = p.currentName();
          String child = pointer + "/" + JsonPointers.escape(name);
          Mark key = mark(p.currentTokenLocation());
          if (object.has(name)) {
            throw reporter.problem(key, child, "duplicate key '" + ConfigText.shorten(name) + "' (first at line "
                + keys.get(child).line() + "); expected each key once", "each key once", null);
          }
          keys.put(child, key);
          p.nextToken();
          object.set(name, value(p, child, depth + 1));
        }
        return object;
      case START_ARRAY:
        ArrayNode array = NODES.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(p, pointer + "/" + array.size(), depth + 1));
        }
        return array;
      case VALUE_STRING:
        return NODES.stringNode(p.getString());
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? NODES.numberNode(p.getBigIntegerValue())
            : NODES.numberNode(p.getLongValue());
      case VALUE_NUMBER_FLOAT:
        try {
          // A DecimalNode keeps the digits as written: 13.50, not a double near it.
          return DecimalNode.valueOf(new BigDecimal(p.getString().trim()));
        } catch (NumberFormatException e) {
          return NODES.numberNode(p.getDoubleValue()); // .inf, .nan: refused by the reader where a number belongs
        }
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw reporter.problem(at, pointer, "an unsupported value (" + token
            + "); expected text, a number, true, false, a list or an object",
            "text, a number, true, false, a list or an object", null);
    }
  }

  private static Mark mark(TokenStreamLocation location) {
    return new Mark(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }
}
