package dev.steward.core.ownership;

import dev.steward.model.AttributeCatalog;
import dev.steward.model.AttributePath;
import dev.steward.model.JsonPointers;
import java.util.List;
import java.util.Objects;

/**
 * Which attributes of an entity a rule addresses: all of them (the entity's defaults), one
 * attribute ({@code /legalName}), or a subtree ({@code /billingAddress/*}: every attribute under
 * it). The most specific selector wins: an attribute beats a subtree, a deeper subtree beats a
 * shallower one, and any of them beats the defaults.
 */
public sealed interface AttributeSelector {
  /** Returns whether the selector addresses {@code attribute}. */
  boolean covers(AttributePath attribute);

  /** Returns the precedence of the selector: higher wins. */
  int specificity();

  /**
   * Reads a selector against an entity's catalogue: {@code /a/b} names one attribute, and a path
   * ending in {@code /*} that is not itself an attribute (as list elements like
   * {@code /taxIds/*} are not) names the subtree under its prefix.
   *
   * @throws IllegalArgumentException if the path names no attribute and no subtree of any
   */
  static AttributeSelector parse(String text, AttributeCatalog catalog) {
    AttributePath path = AttributePath.parse(text);
    if (catalog.contains(path)) {
      return new Attribute(path);
    }
    List<String> segments = path.segments();
    if (segments.get(segments.size() - 1).equals(AttributePath.ANY) && segments.size() > 1) {
      Subtree subtree = new Subtree(segments.subList(0, segments.size() - 1));
      if (catalog.attributes().stream().anyMatch(subtree::covers)) {
        return subtree;
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' names no attribute of " + catalog.entityType().schemaName() + " (nor a subtree of any)");
  }

  /** All attributes of the entity: the rule that applies where no other does. */
  enum Defaults implements AttributeSelector {
    /** The single instance. */
    INSTANCE;

    @Override
    public boolean covers(AttributePath attribute) {
      return true;
    }

    @Override
    public int specificity() {
      return 0;
    }

    @Override
    public String toString() {
      return "defaults";
    }
  }

  /**
   * Exactly one attribute.
   *
   * @param path the attribute
   */
  record Attribute(AttributePath path) implements AttributeSelector {
    /** Checks the path is present. */
    public Attribute {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public boolean covers(AttributePath attribute) {
      return path.equals(attribute);
    }

    @Override
    public int specificity() {
      return 10_000;
    }

    @Override
    public String toString() {
      return path.toString();
    }
  }

  /**
   * Every attribute under a prefix.
   *
   * @param prefix the segments every covered attribute starts with
   */
  record Subtree(List<String> prefix) implements AttributeSelector {
    /** Copies the prefix. */
    public Subtree {
      prefix = List.copyOf(prefix);
      if (prefix.isEmpty()) {
        throw new IllegalArgumentException("a subtree needs a prefix; use the defaults for the whole entity");
      }
    }

    @Override
    public boolean covers(AttributePath attribute) {
      List<String> s = attribute.segments();
      return s.size() > prefix.size() && s.subList(0, prefix.size()).equals(prefix);
    }

    @Override
    public int specificity() {
      return prefix.size();
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      for (String segment : prefix) {
        sb.append('/').append(segment.equals(AttributePath.ANY) ? segment : JsonPointers.escape(segment));
      }
      return sb.append("/*").toString();
    }
  }
}
