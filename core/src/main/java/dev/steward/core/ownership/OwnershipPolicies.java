package dev.steward.core.ownership;

import dev.steward.core.ownership.PolicyLoadException.Problem;
import dev.steward.core.ownership.internal.PolicyJson;
import dev.steward.core.internal.ConfigText;
import dev.steward.core.ownership.internal.PolicyReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Loads ownership policies from policy files, the form a governance board reviews like code, and
 * writes a policy back as a file.
 *
 * <p>A policy file is YAML or JSON (a name ending in {@code .json} is read as JSON, one ending in
 * {@code .yaml} or {@code .yml} as YAML; otherwise a file whose first character is <code>{</code>
 * is JSON and any other is YAML), in UTF-8:
 *
 * <pre>{@code
 * policy: acme-governance
 * version: "2026.11"
 * systems: [crm, psa, erp, billing]
 * valueSets:                       # optional: named values conditions reference as $EU
 *   EU: [le_01J0ACMEDE0000000000000001, le_01J0ACMEFR0000000000000002]
 * entities:
 *   customer:                      # the entity type's schema name
 *     defaults: { owner: erp, originators: [crm, erp], syncTo: [crm, billing] }
 *     attributes:
 *       /segment: { owner: crm, syncTo: [erp, billing] }
 *       /legalName:                # a rule, or a list of rules
 *         - id: legal-name-prospect
 *           when: { attribute: /status, in: [PROSPECT] }
 *           owner: crm
 *         - when: { not: { attribute: /status, in: [PROSPECT] } }
 *           owner: erp
 *           proposers: [crm]
 *       /taxIds/*:
 *         - when: { attribute: /contractingEntityId, in: $EU }
 *           owner: erp
 * }</pre>
 *
 * <p>Its structure is published as a JSON Schema (draft 2020-12, {@link #SCHEMA_ID}, returned by
 * {@link #schema()}); every object in it is closed, so a misspelt key is an error. Loading
 * checks, in this order, and stops at the first stage that finds a problem:
 *
 * <ol>
 *   <li>the size: at most {@link #MAX_FILE_BYTES} bytes of UTF-8;
 *   <li>the syntax: one well-formed YAML document or JSON value, nested at most {@link
 *       #MAX_NESTING_DEPTH} levels, with no duplicate keys and no YAML aliases;
 *   <li>the number of rules: at most {@link #MAX_RULES};
 *   <li>the schema: every violation is reported, each with its own location;
 *   <li>the canonical model: entity types, attribute paths and the attributes conditions read
 *       must exist ({@link dev.steward.model.AttributeCatalog}), value sets must be declared,
 *       rule ids must be unique, and conditions may hold at most {@link #MAX_CONDITION_VALUES}
 *       values;
 *   <li>the {@linkplain OwnershipLint lint}: errors fail the load unless it is relaxed, each
 *       reported at the rule (or the undeclared system) concerned.
 * </ol>
 *
 * <p>Every failure is a {@link PolicyLoadException} naming the file, line, column, JSON Pointer
 * and what was expected; no partial policy is ever returned. Stateless and thread-safe.
 */
public final class OwnershipPolicies {
  /** The {@code $id} of the policy file's JSON Schema. */
  public static final String SCHEMA_ID = "https://schemas.steward.dev/ownership/v1/policy.schema.json";
  /** The largest policy file accepted, in bytes: 1 MiB. */
  public static final int MAX_FILE_BYTES = 1024 * 1024;
  /** The deepest nesting of objects and lists accepted in a policy file: 32 levels. */
  public static final int MAX_NESTING_DEPTH = 32;
  /**
   * The most rules one policy file may hold: 5,000, some twenty times what a firm's whole policy
   * needs. The lint's cost grows faster than the number of rules; this keeps a load within seconds.
   */
  public static final int MAX_RULES = 5_000;
  /**
   * The most values all conditions of one policy file may hold together, once value sets are
   * expanded: 100,000. This bounds what a file can make the loader build, since one value set may
   * be referenced by every rule.
   */
  public static final int MAX_CONDITION_VALUES = 100_000;

  private static final YAMLMapper YAML = YAMLMapper.builder()
      .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
      .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
      .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
      .build();

  private OwnershipPolicies() {}

  /**
   * Loads a policy file, failing on lint errors.
   *
   * @param file the policy file; messages name it as given
   * @throws PolicyLoadException if the file is too large, malformed, breaks the schema, names
   *     what the canonical model does not have, or has lint errors
   * @throws UncheckedIOException if the file cannot be read
   */
  public static OwnershipPolicy load(Path file) {
    return load(file, false);
  }

  /**
   * Loads a policy file.
   *
   * @param file the policy file; messages name it as given
   * @param relaxLint whether to return the policy despite lint errors; its {@link
   *     OwnershipPolicy#lintFindings()} still list them
   * @throws PolicyLoadException if the file is too large, malformed, breaks the schema, names
   *     what the canonical model does not have, or (unless relaxed) has lint errors
   * @throws UncheckedIOException if the file cannot be read
   */
  public static OwnershipPolicy load(Path file, boolean relaxLint) {
    Objects.requireNonNull(file, "file");
    String source = file.toString();
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw tooLarge(source, size + " bytes");
      }
      try (InputStream in = Files.newInputStream(file)) {
        return load(source, in, relaxLint);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ownership policy file " + source, e);
    }
  }

  /**
   * Loads a policy from a stream, failing on lint errors. The stream is read to its end (or just
   * past the size limit) and not closed.
   *
   * @param sourceName the name messages give the source, such as its file name
   * @param in the policy, YAML or JSON in UTF-8
   * @throws PolicyLoadException as {@link #load(Path)}
   * @throws UncheckedIOException if the stream cannot be read
   */
  public static OwnershipPolicy load(String sourceName, InputStream in) {
    return load(sourceName, in, false);
  }

  /**
   * Loads a policy from a stream. The stream is read to its end (or just past the size limit) and
   * not closed.
   *
   * @param sourceName the name messages give the source, such as its file name
   * @param in the policy, YAML or JSON in UTF-8
   * @param relaxLint whether to return the policy despite lint errors
   * @throws PolicyLoadException as {@link #load(Path, boolean)}
   * @throws UncheckedIOException if the stream cannot be read
   */
  public static OwnershipPolicy load(String sourceName, InputStream in, boolean relaxLint) {
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(in, "in");
    byte[] bytes = ConfigText.readAtMost(in, MAX_FILE_BYTES, "the ownership policy " + sourceName);
    if (bytes == null) {
      throw tooLarge(sourceName, "more than " + MAX_FILE_BYTES + " bytes");
    }
    try {
      return read(sourceName, ConfigText.decode(bytes), relaxLint);
    } catch (ConfigText.NotUtf8Exception e) {
      ConfigText.BadByte at = e.at();
      throw new PolicyLoadException(
          sourceName, List.of(new Problem(at.line(), at.column(), "", at.message(), "UTF-8 text")), null);
    }
  }

  /**
   * Loads a policy from its text, failing on lint errors.
   *
   * @param sourceName the name messages give the source, such as its file name
   * @param text the policy, YAML or JSON
   * @throws PolicyLoadException as {@link #load(Path)}
   */
  public static OwnershipPolicy load(String sourceName, String text) {
    return load(sourceName, text, false);
  }

  /**
   * Loads a policy from its text; the size limit applies to the text's UTF-8 encoding.
   *
   * @param sourceName the name messages give the source, such as its file name
   * @param text the policy, YAML or JSON
   * @param relaxLint whether to return the policy despite lint errors
   * @throws PolicyLoadException as {@link #load(Path, boolean)}
   */
  public static OwnershipPolicy load(String sourceName, String text, boolean relaxLint) {
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(text, "text");
    // A char is at least one UTF-8 byte: longer text is too large without encoding it.
    if (text.length() > MAX_FILE_BYTES) {
      throw tooLarge(sourceName, "more than " + MAX_FILE_BYTES + " bytes");
    }
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_FILE_BYTES) {
      throw tooLarge(sourceName, bytes + " bytes");
    }
    return read(sourceName, text, relaxLint);
  }

  /**
   * Returns the policy as a YAML policy file that {@link #load(String, String)} reads back into a
   * policy with the same fingerprint. Every rule is written with its id; sets are sorted.
   *
   * <p>The file format cannot express a condition with no values, an empty value, or a value
   * starting with {@code $} (it would read as a value set reference); a policy built with such
   * conditions is written, but its file does not load.
   */
  public static String toYaml(OwnershipPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    ObjectNode tree = PolicyJson.toTree(policy);
    ObjectNode entities = (ObjectNode) tree.get("entities");
    for (Map.Entry<String, JsonNode> entity : List.copyOf(entities.properties())) {
      // Defaults first, and a lone rule as a rule rather than a list of one, as people write them.
      ObjectNode written = entities.objectNode();
      JsonNode defaults = entity.getValue().get("defaults");
      if (defaults != null) {
        written.set("defaults", single(defaults));
      }
      JsonNode attributes = entity.getValue().get("attributes");
      if (attributes != null) {
        ObjectNode a = written.putObject("attributes");
        attributes.properties().forEach(e -> a.set(e.getKey(), single(e.getValue())));
      }
      entities.set(entity.getKey(), written);
    }
    return "# yaml-language-server: $schema=" + SCHEMA_ID + "\n" + YAML.writeValueAsString(tree);
  }

  /**
   * Returns the text of the policy file's JSON Schema (draft 2020-12, {@code $id} {@link
   * #SCHEMA_ID}), as published for editors and reviewers.
   */
  public static String schema() {
    return PolicyReader.schemaText();
  }

  private static JsonNode single(JsonNode rules) {
    return rules instanceof ArrayNode list && list.size() == 1 ? list.get(0) : rules;
  }

  private static OwnershipPolicy read(String source, String text, boolean relaxLint) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return PolicyReader.read(source, body, ConfigText.isJson(source, body), relaxLint);
  }

  private static PolicyLoadException tooLarge(String source, String size) {
    return new PolicyLoadException(source, List.of(new Problem(0, 0, "",
        "the file has " + size + "; expected at most " + MAX_FILE_BYTES + " bytes (OwnershipPolicies.MAX_FILE_BYTES)",
        "at most " + MAX_FILE_BYTES + " bytes")), null);
  }
}
