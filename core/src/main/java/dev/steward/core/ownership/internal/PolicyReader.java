package dev.steward.core.ownership.internal;

import dev.steward.core.internal.ConfigText;
import dev.steward.core.internal.LocatedTree;
import dev.steward.core.internal.LocatedTree.Mark;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.steward.core.ownership.AttributeSelector;
import dev.steward.core.ownership.Condition;
import dev.steward.core.ownership.LintCode;
import dev.steward.core.ownership.LintFinding;
import dev.steward.core.ownership.OwnershipPolicies;
import dev.steward.core.ownership.OwnershipPolicy;
import dev.steward.core.ownership.OwnershipRule;
import dev.steward.core.ownership.PolicyLintException;
import dev.steward.core.ownership.PolicyLoadException;
import dev.steward.core.ownership.PolicyLoadException.Problem;
import dev.steward.model.AttributeCatalog;
import dev.steward.model.AttributePath;
import dev.steward.model.CanonicalJson;
import dev.steward.model.EntityType;
import dev.steward.model.JsonPointers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the text of one policy file into an {@link OwnershipPolicy}: parses it while recording
 * where each key and value stands, validates the tree against the policy file's JSON Schema,
 * then builds the policy with the builder DSL, expanding value sets and checking entity types,
 * attribute paths and condition attributes against the canonical model. Every failure is a
 * {@link PolicyLoadException} naming line, column, JSON Pointer and what was expected.
 *
 * <p>One instance reads one file and is then discarded; not thread-safe. The schema is compiled
 * once per process.
 */
public final class PolicyReader {
  /** The classpath resource of the policy file's JSON Schema. */
  public static final String SCHEMA_RESOURCE = "dev/steward/core/ownership/policy.schema.json";

  private static final LocatedTree.Wording WORDING = new LocatedTree.Wording("policy",
      "an object with policy, version, systems and entities", "one policy per file", "policy files",
      OwnershipPolicies.MAX_NESTING_DEPTH, "OwnershipPolicies.MAX_NESTING_DEPTH");
  private static final List<String> ROLES = List.of("owner", "originators", "proposers", "syncTo", "readers");

  private final String source;
  private LocatedTree tree;
  private long conditionValues;

  private PolicyReader(String source) {
    this.source = source;
  }

  /**
   * Reads a policy file.
   *
   * @param source the file name, for messages
   * @param text the whole file, already checked against {@link OwnershipPolicies#MAX_FILE_BYTES}
   * @param json whether to parse the text as JSON rather than YAML
   * @param relaxLint whether to return the policy despite lint errors
   * @throws PolicyLoadException for anything wrong with the file
   */
  public static OwnershipPolicy read(String source, String text, boolean json, boolean relaxLint) {
    PolicyReader reader = new PolicyReader(source);
    JsonNode root = reader.parse(text, json);
    reader.countRules(root);
    reader.validate(root);
    return reader.build(root, relaxLint);
  }

  /** Returns the text of the policy file's JSON Schema, as published. */
  public static String schemaText() {
    return Compiled.TEXT;
  }

  private JsonNode parse(String text, boolean json) {
    tree = LocatedTree.read(text, json, WORDING, (at, pointer, message, expected, cause) ->
        new PolicyLoadException(source, List.of(new Problem(at.line(), at.column(), pointer, message, expected)), cause));
    return tree.root();
  }

  private void validate(JsonNode root) {
    List<com.networknt.schema.Error> errors = Compiled.SCHEMA.validate(root);
    if (errors.isEmpty()) {
      return;
    }
    // Per offending value or key, keep the errors of the outermost schema: its title says most
    // (each missing key is one error of its own).
    List<Candidate> candidates = errors.stream().map(e -> candidate(root, e)).collect(Collectors.toList());
    Map<String, Integer> outermost = new HashMap<>();
    candidates.forEach(c -> outermost.merge(c.pointer, c.depth, Math::min));
    Map<String, Problem> kept = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      if (c.depth == outermost.get(c.pointer)) {
        kept.putIfAbsent(c.pointer + "\u0000" + c.missing, c.problem);
      }
    }
    List<Problem> problems = new ArrayList<>(kept.values());
    problems.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    throw new PolicyLoadException(source, problems, null);
  }

  private record Candidate(String pointer, String missing, int depth, Problem problem) {}

  private Candidate candidate(JsonNode root, com.networknt.schema.Error e) {
    String keyword = e.getKeyword() == null ? "" : e.getKeyword();
    String pointer = pointer(e.getInstanceLocation());
    JsonNode instance = root.at(pointer);
    NodePath fragment = e.getSchemaLocation().getFragment();
    String expected = title(fragment, fragment.getNameCount() - 1);
    String message;
    Mark at;
    switch (keyword) {
      case "additionalProperties": {
        String name = String.valueOf(e.getProperty());
        pointer = pointer + "/" + JsonPointers.escape(name);
        List<String> allowed = new ArrayList<>(Compiled.node(fragment, fragment.getNameCount() - 1).path("properties").propertyNames());
        expected = "one of " + String.join(", ", allowed);
        message = "unknown key '" + name + "'" + didYouMean(name, allowed) + "; expected " + expected;
        at = key(pointer);
        break;
      }
      case "propertyNames": {
        String name = String.valueOf(e.getProperty());
        pointer = pointer + "/" + JsonPointers.escape(name);
        expected = titleOf(Compiled.resolve(Compiled.node(fragment, fragment.getNameCount())), expected);
        message = "expected " + expected + " as key, found '" + shorten(name) + "'";
        at = key(pointer);
        break;
      }
      case "required": {
        String name = String.valueOf(e.getProperty());
        message = "missing key '" + name + "'; expected " + expected;
        expected = "a key '" + name + "'";
        at = key(pointer);
        break;
      }
      case "uniqueItems": {
        int duplicate = firstDuplicate(instance);
        pointer = pointer + "/" + duplicate;
        message = "expected " + expected + ", each at most once; found " + describe(instance.get(duplicate)) + " again";
        at = value(pointer);
        break;
      }
      default:
        message = "expected " + expected + ", found " + describe(instance) + quoteHint(keyword, Compiled.node(fragment, fragment.getNameCount()), instance);
        at = value(pointer);
    }
    String missing = keyword.equals("required") ? String.valueOf(e.getProperty()) : "";
    return new Candidate(pointer, missing, e.getEvaluationPath().getNameCount(), new Problem(at.line(), at.column(), pointer, message, expected));
  }

  // The title of the schema holding a keyword, or of the nearest schema around it that has one.
  private static String title(NodePath fragment, int count) {
    for (int n = count; n >= 0; n--) {
      JsonNode node = Compiled.node(fragment, n);
      if (node.path("title").isString()) {
        return node.path("title").stringValue();
      }
    }
    return "a valid ownership policy";
  }

  private static String titleOf(JsonNode schema, String fallback) {
    return schema.path("title").isString() ? schema.path("title").stringValue() : fallback;
  }

  // A number or boolean where text was expected is most often text YAML read as a number.
  private static String quoteHint(String keyword, JsonNode types, JsonNode instance) {
    boolean textExpected = types.isString() ? types.stringValue().equals("string") : types.toString().contains("\"string\"");
    if ("type".equals(keyword) && textExpected && (instance.isNumber() || instance.isBoolean())) {
      return " (write \"" + instance.asString() + "\" in quotes if you meant text)";
    }
    return "";
  }

  private static int firstDuplicate(JsonNode array) {
    Set<JsonNode> seen = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      if (!seen.add(array.get(i))) {
        return i;
      }
    }
    return 0;
  }

  private static String pointer(NodePath path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      sb.append('/').append(element instanceof Integer ? element.toString() : JsonPointers.escape(String.valueOf(element)));
    }
    return sb.toString();
  }

  private OwnershipPolicy build(JsonNode root, boolean relaxLint) {
    Map<String, Set<String>> valueSets = new LinkedHashMap<>();
    root.path("valueSets").properties().forEach(s -> valueSets.put(s.getKey(), texts(s.getValue())));

    OwnershipPolicy.Builder builder = OwnershipPolicy.builder(root.get("policy").stringValue(), root.get("version").stringValue());
    builder.systems(texts(root.get("systems")).toArray(String[]::new));
    builder.relaxLint();
    Map<EntityType, List<String>> rulePointers = new LinkedHashMap<>();
    Map<String, String> explicitIds = new HashMap<>();
    for (Map.Entry<String, JsonNode> entity : root.get("entities").properties()) {
      String entityPointer = "/entities/" + JsonPointers.escape(entity.getKey());
      EntityType type = EntityType.fromSchemaName(entity.getKey()).orElseThrow(() -> {
        List<String> names = Arrays.stream(EntityType.values()).map(EntityType::schemaName).collect(Collectors.toList());
        return problemAtKey(entityPointer,
            "unknown entity type '" + entity.getKey() + "'" + didYouMean(entity.getKey(), names) + "; expected one of " + String.join(", ", names),
            "an entity type such as customer");
      });
      List<String> pointers = new ArrayList<>();
      rulePointers.put(type, pointers);
      AttributeCatalog catalog = AttributeCatalog.of(type);
      builder.entity(type, rules -> {
        for (Map.Entry<String, JsonNode> part : entity.getValue().properties()) {
          String partPointer = entityPointer + "/" + part.getKey();
          if (part.getKey().equals("defaults")) {
            forEachRule(part.getValue(), partPointer, (rule, rulePointer) -> {
              pointers.add(rulePointer);
              add(rulePointer, () -> rules.defaults(spec(rule, rulePointer, catalog, valueSets, explicitIds)));
            });
          } else {
            for (Map.Entry<String, JsonNode> attribute : part.getValue().properties()) {
              String path = attribute.getKey();
              String selectorPointer = partPointer + "/" + JsonPointers.escape(path);
              selector(path, selectorPointer, catalog);
              forEachRule(attribute.getValue(), selectorPointer, (rule, rulePointer) -> {
                pointers.add(rulePointer);
                add(rulePointer, () -> rules.attribute(path, spec(rule, rulePointer, catalog, valueSets, explicitIds)));
              });
            }
          }
        }
      });
    }
    OwnershipPolicy policy = builder.build();

    Map<String, String> pointerOfRule = new HashMap<>();
    for (Map.Entry<EntityType, List<String>> e : rulePointers.entrySet()) {
      List<OwnershipRule> built = policy.rules(e.getKey());
      for (int i = 0; i < built.size(); i++) {
        String rulePointer = e.getValue().get(i);
        String previous = pointerOfRule.putIfAbsent(built.get(i).id(), rulePointer);
        if (previous != null) {
          String at = root.at(rulePointer).has("id") ? rulePointer + "/id" : rulePointer;
          throw problemAtValue(at, "rule id '" + built.get(i).id() + "' is already used by the rule at line "
              + value(previous).line() + "; expected each rule id once in the policy", "a rule id used once in the policy");
        }
      }
    }
    if (!relaxLint) {
      lint(root, policy, pointerOfRule);
    }
    return policy;
  }

  // Runs before the schema, which is slow on a large file, so it takes any shape of tree.
  private void countRules(JsonNode root) {
    int count = 0;
    JsonNode entities = root.path("entities");
    for (Map.Entry<String, JsonNode> entity : entities.isObject() ? entities.properties() : Set.<Map.Entry<String, JsonNode>>of()) {
      String entityPointer = "/entities/" + JsonPointers.escape(entity.getKey());
      List<Map.Entry<String, JsonNode>> holders = new ArrayList<>();
      JsonNode defaults = entity.getValue().path("defaults");
      if (!defaults.isMissingNode()) {
        holders.add(Map.entry(entityPointer + "/defaults", defaults));
      }
      JsonNode attributes = entity.getValue().path("attributes");
      if (attributes.isObject()) {
        attributes.properties().forEach(a ->
            holders.add(Map.entry(entityPointer + "/attributes/" + JsonPointers.escape(a.getKey()), a.getValue())));
      }
      for (Map.Entry<String, JsonNode> holder : holders) {
        int n = holder.getValue().isArray() ? holder.getValue().size() : 1;
        if (count + n > OwnershipPolicies.MAX_RULES) {
          String at = holder.getValue().isArray() ? holder.getKey() + "/" + (OwnershipPolicies.MAX_RULES - count) : holder.getKey();
          throw problemAtValue(at, "more than " + OwnershipPolicies.MAX_RULES + " rules; expected at most "
              + OwnershipPolicies.MAX_RULES + " in one policy (OwnershipPolicies.MAX_RULES)",
              "at most " + OwnershipPolicies.MAX_RULES + " rules");
        }
        count += n;
      }
    }
  }

  private interface RuleVisitor {
    void visit(JsonNode rule, String pointer);
  }

  private static void forEachRule(JsonNode rules, String pointer, RuleVisitor visitor) {
    if (rules.isArray()) {
      for (int i = 0; i < rules.size(); i++) {
        visitor.visit(rules.get(i), pointer + "/" + i);
      }
    } else {
      visitor.visit(rules, pointer);
    }
  }

  // Runs one builder call; what the builder refuses is reported at the rule.
  private void add(String rulePointer, Runnable call) {
    try {
      call.run();
    } catch (IllegalArgumentException | IllegalStateException e) {
      // A rule id the builder refuses as taken is reported at the id itself, where it was written.
      String at = String.valueOf(e.getMessage()).contains("is used twice") && tree.hasValue(rulePointer + "/id")
          ? rulePointer + "/id" : rulePointer;
      throw problemAtValue(at, e.getMessage() + "; expected a rule the policy accepts", "a rule the policy accepts");
    }
  }

  private void selector(String path, String pointer, AttributeCatalog catalog) {
    try {
      AttributeSelector.parse(path, catalog);
    } catch (IllegalArgumentException e) {
      throw problemAtKey(pointer, "unknown attribute '" + shorten(path) + "' of " + catalog.entityType().schemaName()
          + didYouMean(path, attributeNames(catalog)) + "; expected " + attributeExpectation(catalog, true),
          attributeExpectation(catalog, true));
    }
  }

  private Consumer<OwnershipPolicy.RuleSpec> spec(
      JsonNode rule, String pointer, AttributeCatalog catalog, Map<String, Set<String>> valueSets, Map<String, String> explicitIds) {
    // Conditions are read before the builder sees the rule, so that their errors name their own location.
    Condition when = rule.has("when") ? condition(rule.get("when"), pointer + "/when", catalog, valueSets) : Condition.always();
    if (rule.has("id")) {
      String id = rule.get("id").stringValue();
      String previous = explicitIds.putIfAbsent(id, pointer);
      if (previous != null) {
        throw problemAtValue(pointer + "/id", "rule id '" + shorten(id) + "' is already used by the rule at line "
            + value(previous).line() + "; expected each rule id once in the policy", "a rule id used once in the policy");
      }
    }
    return spec -> {
      if (rule.has("id")) {
        spec.id(rule.get("id").stringValue());
      }
      spec.when(when).owner(rule.get("owner").stringValue());
      spec.originators(texts(rule.get("originators")).toArray(String[]::new));
      spec.proposers(texts(rule.get("proposers")).toArray(String[]::new));
      spec.syncTo(texts(rule.get("syncTo")).toArray(String[]::new));
      spec.readers(texts(rule.get("readers")).toArray(String[]::new));
    };
  }

  private Condition condition(JsonNode node, String pointer, AttributeCatalog catalog, Map<String, Set<String>> valueSets) {
    if (node.has("attribute")) {
      return attributeCondition(node, pointer, catalog, valueSets);
    }
    for (String combinator : List.of("allOf", "anyOf")) {
      if (node.has(combinator)) {
        List<Condition> parts = new ArrayList<>();
        JsonNode list = node.get(combinator);
        for (int i = 0; i < list.size(); i++) {
          parts.add(condition(list.get(i), pointer + "/" + combinator + "/" + i, catalog, valueSets));
        }
        Condition[] array = parts.toArray(Condition[]::new);
        return combinator.equals("allOf") ? Condition.allOf(array) : Condition.anyOf(array);
      }
    }
    if (node.has("not")) {
      return Condition.not(condition(node.get("not"), pointer + "/not", catalog, valueSets));
    }
    return Condition.always();
  }

  private Condition attributeCondition(JsonNode node, String pointer, AttributeCatalog catalog, Map<String, Set<String>> valueSets) {
    String text = node.get("attribute").stringValue();
    String attributePointer = pointer + "/attribute";
    String entity = catalog.entityType().schemaName();
    AttributePath path;
    try {
      path = AttributePath.parse(text);
    } catch (IllegalArgumentException e) {
      throw problemAtValue(attributePointer, e.getMessage() + "; expected " + attributeExpectation(catalog, false), attributeExpectation(catalog, false));
    }
    if (!catalog.contains(path)) {
      throw problemAtValue(attributePointer, "a condition on '" + shorten(text) + "', which is no attribute of " + entity
          + didYouMean(text, attributeNames(catalog)) + "; expected " + attributeExpectation(catalog, false),
          attributeExpectation(catalog, false));
    }
    if (path.segments().contains(AttributePath.ANY)) {
      throw problemAtValue(attributePointer, "a condition on " + path + ", which holds one value per list entry or key;"
          + " expected a single-valued attribute of " + entity, "a single-valued attribute of " + entity);
    }
    JsonNode in = node.get("in");
    String inPointer = pointer + "/in";
    Set<String> accepted;
    if (in.isString()) {
      String name = in.stringValue().substring(1);
      accepted = valueSets.get(name);
      if (accepted == null) {
        String declared = valueSets.isEmpty() ? "this file declares no valueSets"
            : "this file declares " + valueSets.keySet().stream().map(s -> "$" + s).collect(Collectors.joining(", "));
        throw problemAtValue(inPointer, "unknown value set '" + shorten(in.stringValue()) + "'"
            + didYouMean(name, new ArrayList<>(valueSets.keySet())) + "; expected a value set declared under valueSets ("
            + declared + ")", "a value set declared under valueSets");
      }
    } else {
      accepted = texts(in);
    }
    conditionValues += accepted.size();
    if (conditionValues > OwnershipPolicies.MAX_CONDITION_VALUES) {
      throw problemAtValue(inPointer, "more than " + OwnershipPolicies.MAX_CONDITION_VALUES
          + " condition values in all, once value sets are expanded; expected at most "
          + OwnershipPolicies.MAX_CONDITION_VALUES + " (OwnershipPolicies.MAX_CONDITION_VALUES)",
          "at most " + OwnershipPolicies.MAX_CONDITION_VALUES + " condition values");
    }
    return new Condition.AttributeCondition(path, accepted);
  }

  private void lint(JsonNode root, OwnershipPolicy policy, Map<String, String> pointerOfRule) {
    List<LintFinding> errors = policy.lintFindings().stream()
        .filter(f -> f.code().severity() == LintCode.Severity.ERROR)
        .collect(Collectors.toList());
    if (errors.isEmpty()) {
      return;
    }
    List<Problem> problems = new ArrayList<>();
    for (LintFinding finding : errors) {
      String pointer = lintPointer(root, policy, finding, pointerOfRule);
      boolean undeclared = finding.code() == LintCode.UNDECLARED_SYSTEM;
      String expected = undeclared ? "one of the declared systems " + policy.systems() : "a policy without lint errors";
      Mark at = root.at(pointer).isContainer() && tree.hasKey(pointer) ? key(pointer) : value(pointer);
      problems.add(new Problem(at.line(), at.column(), pointer,
          "lint " + finding.code().code() + " " + finding.code() + ": " + finding.message() + "; expected " + expected,
          expected));
    }
    problems.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    throw new PolicyLoadException(source, problems, new PolicyLintException(policy.id() + " " + policy.version(), policy.lintFindings()));
  }

  private static String lintPointer(JsonNode root, OwnershipPolicy policy, LintFinding finding, Map<String, String> pointerOfRule) {
    for (String ruleId : finding.ruleIds()) {
      String rulePointer = pointerOfRule.get(ruleId);
      if (rulePointer == null) {
        continue;
      }
      if (finding.code() == LintCode.UNDECLARED_SYSTEM) {
        JsonNode rule = root.at(rulePointer);
        for (String role : ROLES) {
          JsonNode named = rule.path(role);
          if (named.isString() && !policy.systems().contains(named.stringValue())) {
            return rulePointer + "/" + role;
          }
          for (int i = 0; i < named.size(); i++) {
            if (!policy.systems().contains(named.get(i).stringValue())) {
              return rulePointer + "/" + role + "/" + i;
            }
          }
        }
      }
      return rulePointer;
    }
    String entityPointer = "/entities/" + JsonPointers.escape(finding.entityType().schemaName());
    return root.at(entityPointer).isMissingNode() ? "/entities" : entityPointer;
  }

  private static Set<String> texts(@Nullable JsonNode list) {
    Set<String> out = new LinkedHashSet<>();
    if (list != null) {
      for (JsonNode v : list) {
        out.add(v.isString() ? v.stringValue() : v.asString());
      }
    }
    return out;
  }

  private static List<String> attributeNames(AttributeCatalog catalog) {
    return catalog.attributes().stream().map(AttributePath::toString).collect(Collectors.toList());
  }

  private static String attributeExpectation(AttributeCatalog catalog, boolean subtrees) {
    List<String> some = attributeNames(catalog).stream().filter(a -> !a.contains("*")).limit(3).collect(Collectors.toList());
    return "an attribute of " + catalog.entityType().schemaName() + " such as " + String.join(", ", some)
        + (subtrees ? " (or a subtree such as /billingAddress/*)" : "");
  }

  // Suggests the closest candidate within two edits, if there is one.
  static String didYouMean(String given, List<String> candidates) {
    String bestMatch = null;
    int best = 3;
    for (String c : candidates) {
      int d = distance(given, c, best);
      if (d < best) {
        best = d;
        bestMatch = c;
      }
    }
    return bestMatch == null ? "" : " (did you mean " + bestMatch + "?)";
  }

  private static int distance(String a, String b, int bound) {
    if (Math.abs(a.length() - b.length()) >= bound) {
      return bound;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static String describe(@Nullable JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isNull()) {
      return "an empty value";
    }
    if (node.isString()) {
      return "'" + shorten(node.stringValue()) + "'";
    }
    if (node.isArray()) {
      return node.isEmpty() ? "an empty list" : "a list";
    }
    if (node.isObject()) {
      return node.isEmpty() ? "an empty object" : "an object";
    }
    return shorten(node.asString());
  }

  private static String shorten(String text) {
    return ConfigText.shorten(text);
  }

  private Mark value(String pointer) {
    return tree.value(pointer);
  }

  // The location of the key that names a value; the value's own location for list elements and the root.
  private Mark key(String pointer) {
    return tree.key(pointer);
  }

  private PolicyLoadException problemAtValue(String pointer, String message, String expected) {
    Mark at = value(pointer);
    return fail(new Problem(at.line(), at.column(), pointer, message, expected));
  }

  private PolicyLoadException problemAtKey(String pointer, String message, String expected) {
    Mark at = key(pointer);
    return fail(new Problem(at.line(), at.column(), pointer, message, expected));
  }

  private PolicyLoadException fail(Problem problem) {
    return new PolicyLoadException(source, List.of(problem), null);
  }

  /** The schema, read and compiled once. */
  private static final class Compiled {
    static final String TEXT = readText();
    static final JsonNode DOCUMENT = CanonicalJson.ofDefaults().readTree(TEXT);
    static final Schema SCHEMA = compile();

    private static String readText() {
      try (InputStream in = PolicyReader.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the policy file schema " + SCHEMA_RESOURCE + " is missing from the classpath");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + SCHEMA_RESOURCE, e);
      }
    }

    private static Schema compile() {
      SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
      Schema schema = registry.getSchema(SchemaLocation.of(OwnershipPolicies.SCHEMA_ID), DOCUMENT);
      schema.initializeValidators();
      return schema;
    }

    // The schema node at the first count elements of a fragment such as /$defs/rule/required.
    static JsonNode node(NodePath fragment, int count) {
      JsonNode node = DOCUMENT;
      for (int i = 0; i < count && i < fragment.getNameCount(); i++) {
        Object element = fragment.getElement(i);
        node = element instanceof Integer index ? node.path(index) : node.path(String.valueOf(element));
      }
      return node;
    }

    static JsonNode resolve(JsonNode schema) {
      JsonNode ref = schema.path("$ref");
      return ref.isString() && ref.stringValue().startsWith("#") ? DOCUMENT.at(ref.stringValue().substring(1)) : schema;
    }
  }
}
