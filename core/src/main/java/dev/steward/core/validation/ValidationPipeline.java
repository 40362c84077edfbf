package dev.steward.core.validation;

import dev.steward.core.reference.ReferenceData;
import dev.steward.core.reference.ReferenceDataUnavailableException;
import dev.steward.model.CanonicalEntity;
import dev.steward.model.CanonicalJson;
import dev.steward.model.CanonicalJsonException;
import dev.steward.model.CanonicalSchemas;
import dev.steward.model.EntityType;
import dev.steward.model.JsonPointers;
import dev.steward.model.SchemaViolation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Validates records before anything is posted: stages run in the order declared — JSON Schema,
 * bean validation, business rules, reference-data checks — each only where its {@link Route}
 * holds, and every finding is a {@link Violation} with a stable {@link ReasonCode}.
 *
 * <p>Nothing escapes: malformed JSON, a payload over the limits, an unknown schema version, a rule
 * that throws, reference data that does not answer — each becomes a violation in the report.
 * In {@link Mode#FAIL_FAST} the pipeline stops after the first stage that reports an error; in
 * {@link Mode#COLLECT_ALL} (the default) it runs every stage it can.
 *
 * <p>Build one with {@link #builder()}; schemas are compiled once and shared. Immutable and
 * thread-safe.
 */
public final class ValidationPipeline {
  /** Whether a pipeline stops at the first stage with an error. */
  public enum Mode {
    /** Stop after the first stage that reports an error. */
    FAIL_FAST,
    /** Run every stage that can run, and report everything found. */
    COLLECT_ALL
  }

  /** The name of the stage that reads the payload. */
  public static final String PARSE_STAGE = "parse";
  /** The name of the JSON Schema stage. */
  public static final String SCHEMA_STAGE = "schema";
  /** The name of the stage that binds the JSON to its canonical record. */
  public static final String BINDING_STAGE = "binding";
  /** The name of the bean-validation stage. */
  public static final String BEAN_VALIDATION_STAGE = "bean-validation";
  /** The most violations a report holds by default; see {@link Builder#maxViolations(int)}. */
  public static final int DEFAULT_MAX_VIOLATIONS = 1_000;
  /**
   * The most items a list may hold by default, as many as the longest list of any canonical
   * schema; see {@link Builder#maxListItems(int)}.
   */
  public static final int DEFAULT_MAX_LIST_ITEMS = 1_000;

  private static final Set<String> RESERVED = Set.of(PARSE_STAGE, SCHEMA_STAGE, BINDING_STAGE, BEAN_VALIDATION_STAGE);
  private static final Logger LOG = LoggerFactory.getLogger(ValidationPipeline.class);

  private enum Kind { SCHEMA, BEAN_VALIDATION, RULE }

  private record Stage(String name, Kind kind, Route route, @Nullable BusinessRule<?> rule) {}

  private final List<Stage> stages;
  private final Mode mode;
  private final CanonicalJson json;
  private final CanonicalSchemas schemas;
  private final ReferenceData referenceData;
  private final RecordLookup records;
  private final Clock clock;
  private final Validator validator;
  private final int maxViolations;
  private final int maxListItems;

  private ValidationPipeline(Builder b) {
    this.stages = List.copyOf(b.stages);
    this.mode = b.mode;
    this.json = b.json;
    this.schemas = b.schemas;
    this.referenceData = Objects.requireNonNull(b.referenceData, "referenceData");
    this.records = b.records;
    this.clock = b.clock;
    this.validator = b.validator != null ? b.validator : DefaultValidator.VALIDATOR;
    this.maxViolations = b.maxViolations;
    this.maxListItems = b.maxListItems;
  }

  /** Hibernate Validator without EL, made once; its factory stays open for the life of the process. */
  private static final class DefaultValidator {
    static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
        .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
  }

  /** Starts a pipeline. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the names of the stages, in the order they run. */
  public List<String> stageNames() {
    return stages.stream().map(Stage::name).toList();
  }

  /** Returns the mode. */
  public Mode mode() {
    return mode;
  }

  /**
   * Validates a record sent as canonical JSON, against the schema version its {@code
   * /meta/schemaVersion} names (the newest shipped when it names none).
   */
  public ValidationReport validate(EntityType type, byte[] payload) {
    return validate(type, null, payload);
  }

  /** Validates a record sent as canonical JSON text. */
  public ValidationReport validate(EntityType type, String payload) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
    try {
      ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(payload));
      byte[] array = new byte[bytes.remaining()];
      bytes.get(array);
      return validate(type, null, array);
    } catch (CharacterCodingException e) {
      Run run = new Run(type, maxViolations);
      run.sink(PARSE_STAGE).add(ReasonCodes.MALFORMED_JSON, "",
          "the payload text holds a lone UTF-16 surrogate, which no UTF-8 JSON can carry", "");
      return run.report();
    }
  }

  /** Validates a record sent as canonical JSON against schema version {@code schemaVersion}. */
  public ValidationReport validate(EntityType type, int schemaVersion, byte[] payload) {
    return validate(type, Integer.valueOf(schemaVersion), payload);
  }

  /**
   * Validates a bound record, as its canonical JSON would be (its schema version is the one in its
   * {@code meta}); the JSON limits apply as to a payload.
   */
  public ValidationReport validate(CanonicalEntity record) {
    Objects.requireNonNull(record, "record");
    byte[] payload;
    try {
      payload = json.writeBytes(record);
    } catch (RuntimeException e) {
      Run run = new Run(record.entityType(), maxViolations);
      run.sink(PARSE_STAGE).add(ReasonCodes.SCHEMA_VIOLATION, "", "the record cannot be written as canonical JSON: "
          + e.getMessage(), "");
      return run.report();
    }
    return validate(record.entityType(), null, payload);
  }

  private ValidationReport validate(EntityType type, @Nullable Integer requestedVersion, byte[] payload) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
    Run run = new Run(type, maxViolations);
    JsonNode tree;
    try {
      tree = json.readTree(payload);
    } catch (CanonicalJsonException e) {
      ReasonCode code = e.reason() == CanonicalJsonException.Reason.LIMIT_EXCEEDED
          ? ReasonCodes.PAYLOAD_TOO_LARGE : ReasonCodes.MALFORMED_JSON;
      run.sink(PARSE_STAGE).add(code, e.pointer(), e.getMessage(), "");
      return run.report();
    }
    if (tree.isMissingNode()) {
      run.sink(PARSE_STAGE).add(ReasonCodes.MALFORMED_JSON, "", "the payload is empty; expected a JSON object", "");
      return run.report();
    }
    if (!tree.isObject()) {
      run.sink(PARSE_STAGE).add(ReasonCodes.SCHEMA_VIOLATION, "", "the payload must be a JSON object (the "
          + type.schemaName() + "), not " + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT), "");
      return run.report();
    }
    String longList = longList(tree, "");
    if (longList != null) {
      run.sink(PARSE_STAGE).add(ReasonCodes.PAYLOAD_TOO_LARGE, longList, "the list at " + longList + " holds "
          + tree.at(longList).size() + " items; at most " + maxListItems + " are accepted (maxListItems)", "");
      return run.report();
    }
    Integer version = version(type, requestedVersion, tree, run);
    if (version == null) {
      return run.report();
    }
    ValidationContext context = new ValidationContext(type, version, tree, referenceData, records, clock);
    return runStages(context, run);
  }

  /** Returns the pointer of the first list longer than {@code maxListItems}, or null. */
  private @Nullable String longList(JsonNode node, String at) {
    if (node.isArray()) {
      if (node.size() > maxListItems) {
        return at;
      }
      for (int i = 0; i < node.size(); i++) {
        String found = longList(node.get(i), at + "/" + i);
        if (found != null) {
          return found;
        }
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String found = longList(e.getValue(), at + "/" + JsonPointers.escape(e.getKey()));
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private @Nullable Integer version(EntityType type, @Nullable Integer requested, JsonNode tree, Run run) {
    SortedSet<Integer> shipped = schemas.versions(type);
    JsonNode declared = tree.path("meta").path("schemaVersion");
    Integer version = requested;
    if (version == null && declared.isIntegralNumber() && !declared.canConvertToInt()) {
      run.sink(SCHEMA_STAGE).add(ReasonCodes.UNKNOWN_SCHEMA_VERSION, "/meta/schemaVersion",
          "schema version " + declared + " of " + type.schemaName() + " is unknown; this release knows " + shipped, "");
      return null;
    }
    if (version == null && declared.isIntegralNumber()) {
      version = declared.intValue();
    } else if (version == null && !declared.isMissingNode()) {
      run.sink(SCHEMA_STAGE).add(ReasonCodes.SCHEMA_VIOLATION, "/meta/schemaVersion",
          "/meta/schemaVersion must be a whole number, not " + declared, "");
      return null;
    }
    if (version == null) {
      return shipped.last();
    }
    if (!shipped.contains(version)) {
      run.sink(SCHEMA_STAGE).add(ReasonCodes.UNKNOWN_SCHEMA_VERSION, requested == null ? "/meta/schemaVersion" : "",
          "schema version " + version + " of " + type.schemaName() + " is unknown; this release knows " + shipped, "");
      return null;
    }
    return version;
  }

  private ValidationReport runStages(ValidationContext context, Run run) {
    boolean bindingTried = false;
    for (Stage stage : stages) {
      if ((mode == Mode.FAIL_FAST && run.hasErrors()) || run.full()) {
        break;
      }
      if (stage.kind != Kind.SCHEMA && !bindingTried) {
        bindingTried = true;
        bind(context, run);
        if (mode == Mode.FAIL_FAST && run.hasErrors()) {
          break;
        }
      }
      if (stage.kind != Kind.SCHEMA && context.record().isEmpty()) {
        continue; // the record could not be bound: what needs it cannot run
      }
      Violations out = run.sink(stage.name);
      try {
        if (!stage.route.test(context)) {
          continue;
        }
        switch (stage.kind) {
          case SCHEMA -> schema(context, out);
          case BEAN_VALIDATION -> beanValidation(context, out);
          case RULE -> rule(stage.rule, context, out);
        }
      } catch (VirtualMachineError e) {
        throw e; // out of memory or stack: nothing sensible can be reported
      } catch (Throwable e) { // a rule's bug, even an Error or a sneaky checked exception, is a violation
        ReferenceDataUnavailableException down = unavailable(e);
        if (down != null) {
          out.add(ReasonCodes.REFERENCE_DATA_UNAVAILABLE, "", down.getMessage(), "");
        } else {
          LOG.error("validation stage {} failed on a {}", stage.name, context.entityType().schemaName(), e);
          out.add(ReasonCodes.CHECK_FAILED, "", "stage " + stage.name + " failed with " + e.getClass().getSimpleName()
              + "; the record could not be checked (the service log has the details)", "");
        }
      }
    }
    return run.report();
  }

  private static @Nullable ReferenceDataUnavailableException unavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ReferenceDataUnavailableException r) {
        return r;
      }
    }
    return null;
  }

  private void bind(ValidationContext context, Run run) {
    try {
      context.bind(json.fromTree(context.document(), context.entityType().recordType()));
    } catch (CanonicalJsonException e) {
      run.sink(BINDING_STAGE).add(ReasonCodes.SCHEMA_VIOLATION, e.pointer(), e.getMessage(), "");
    }
  }

  private void schema(ValidationContext context, Violations out) {
    for (SchemaViolation v : schemas.validate(context.entityType(), context.schemaVersion(), context.document())) {
      out.add(ReasonCodes.SCHEMA_VIOLATION, v.pointer(), v.message(), "");
    }
  }

  private void beanValidation(ValidationContext context, Violations out) {
    CanonicalEntity record = context.record().orElseThrow();
    List<ConstraintViolation<CanonicalEntity>> found = new ArrayList<>(validator.validate(record));
    found.sort(java.util.Comparator.comparing(v -> JsonPointers.of(v.getPropertyPath())));
    for (ConstraintViolation<CanonicalEntity> v : found) {
      String path = JsonPointers.of(v.getPropertyPath());
      out.add(ReasonCodes.CONSTRAINT_VIOLATION, path, path + " " + v.getMessage(), "");
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends CanonicalEntity> void rule(@Nullable BusinessRule<?> rule, ValidationContext context, Violations out) {
    BusinessRule<T> typed = (BusinessRule<T>) Objects.requireNonNull(rule);
    CanonicalEntity record = context.record().orElseThrow();
    if (typed.appliesTo().isInstance(record)) {
      typed.check(typed.appliesTo().cast(record), context, out);
    }
  }

  /** The violations of one validation, by stage, at most {@code max}. */
  private static final class Run {
    private final EntityType type;
    private final int max;
    private final List<Violations> sinks = new ArrayList<>();

    Run(EntityType type, int max) {
      this.type = type;
      this.max = max;
    }

    Violations sink(String stage) {
      Violations v = new Violations(stage);
      sinks.add(v);
      return v;
    }

    boolean hasErrors() {
      return sinks.stream().anyMatch(Violations::hasErrors);
    }

    boolean full() {
      return sinks.stream().mapToInt(s -> s.found().size()).sum() > max;
    }

    /**
     * Returns the report: a value's structural problem is said once — the schema, binding and
     * bean-validation stages often find the same one — and at most {@code max} violations.
     */
    ValidationReport report() {
      List<Violation> all = new ArrayList<>();
      Set<String> structural = new HashSet<>();
      int dropped = 0;
      for (Violations sink : sinks) {
        for (Violation v : sink.found()) {
          boolean isStructural = v.code().equals(ReasonCodes.SCHEMA_VIOLATION) || v.code().equals(ReasonCodes.CONSTRAINT_VIOLATION);
          if (isStructural && !structural.add(v.path())) {
            continue;
          }
          if (all.size() < max) {
            all.add(v);
          } else {
            dropped++;
          }
        }
      }
      if (dropped > 0) {
        all.add(new Violation(ReasonCodes.VIOLATIONS_TRUNCATED, "", "the report lists the first " + max
            + " violations; " + dropped + " more were found" + (full() ? " before validation stopped" : ""),
            Severity.WARNING, ReasonCodes.VIOLATIONS_TRUNCATED.category(), "report",
            ReasonCodes.VIOLATIONS_TRUNCATED.typicalFix()));
      }
      return ValidationReport.of(type, all);
    }
  }

  /** Builds a {@link ValidationPipeline}; each setter checks its argument at once. Not thread-safe. */
  public static final class Builder {
    private final List<Stage> stages = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private Mode mode = Mode.COLLECT_ALL;
    private CanonicalJson json = CanonicalJson.ofDefaults();
    private CanonicalSchemas schemas = CanonicalSchemas.shared();
    private @Nullable ReferenceData referenceData;
    private RecordLookup records = RecordLookup.NONE;
    private Clock clock = Clock.systemUTC();
    private @Nullable Validator validator;
    private int maxViolations = DEFAULT_MAX_VIOLATIONS;
    private int maxListItems = DEFAULT_MAX_LIST_ITEMS;

    private Builder() {}

    /**
     * Sets the most violations a report holds; more are counted in a {@link
     * ReasonCodes#VIOLATIONS_TRUNCATED} warning. Default {@value #DEFAULT_MAX_VIOLATIONS}.
     */
    public Builder maxViolations(int maxViolations) {
      if (maxViolations < 1) {
        throw new IllegalArgumentException("maxViolations must be at least 1; was " + maxViolations);
      }
      this.maxViolations = maxViolations;
      return this;
    }

    /**
     * Sets the most items any list of a payload may hold; a longer list is {@link
     * ReasonCodes#PAYLOAD_TOO_LARGE} before any schema work is spent on it. Default {@value
     * #DEFAULT_MAX_LIST_ITEMS}.
     */
    public Builder maxListItems(int maxListItems) {
      if (maxListItems < 1) {
        throw new IllegalArgumentException("maxListItems must be at least 1; was " + maxListItems);
      }
      this.maxListItems = maxListItems;
      return this;
    }

    /** Sets whether the pipeline stops at the first stage with an error; default collect-all. */
    public Builder mode(Mode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** Sets how payloads are read, and so their limits; default {@link CanonicalJson#ofDefaults()}. */
    public Builder json(CanonicalJson json) {
      this.json = Objects.requireNonNull(json, "json");
      return this;
    }

    /** Sets the schema registry; default {@link CanonicalSchemas#shared()}. */
    public Builder schemas(CanonicalSchemas schemas) {
      this.schemas = Objects.requireNonNull(schemas, "schemas");
      return this;
    }

    /** Sets the firm's reference data (required); wrap a slow source in a cache first. */
    public Builder referenceData(ReferenceData referenceData) {
      this.referenceData = Objects.requireNonNull(referenceData, "referenceData");
      return this;
    }

    /** Sets the golden records rules may consult; default none. */
    public Builder records(RecordLookup records) {
      this.records = Objects.requireNonNull(records, "records");
      return this;
    }

    /** Sets the clock; default the system clock in UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Sets the Bean Validation validator; default Hibernate Validator without EL. */
    public Builder validator(Validator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
      return this;
    }

    /** Adds the JSON Schema stage: the record's canonical schema at its version. */
    public Builder schema() {
      return add(new Stage(SCHEMA_STAGE, Kind.SCHEMA, Route.always(), null));
    }

    /** Adds the bean-validation stage: the constraints of the canonical record. */
    public Builder beanValidation() {
      return add(new Stage(BEAN_VALIDATION_STAGE, Kind.BEAN_VALIDATION, Route.always(), null));
    }

    /** Adds a business rule or reference-data check that every record of its type takes. */
    public Builder rule(String name, BusinessRule<?> rule) {
      return rule(name, rule, Route.always());
    }

    /** Adds a business rule or reference-data check that records take where {@code route} holds. */
    public Builder rule(String name, BusinessRule<?> rule, Route route) {
      if (RESERVED.contains(name)) {
        throw new IllegalArgumentException("'" + name + "' is the name of a built-in stage; give the rule another");
      }
      return add(new Stage(name, Kind.RULE, Objects.requireNonNull(route, "route"), Objects.requireNonNull(rule, "rule")));
    }

    private Builder add(Stage stage) {
      if (stage.name.isBlank()) {
        throw new IllegalArgumentException("a stage needs a name");
      }
      if (!names.add(stage.name)) {
        throw new IllegalStateException("the pipeline already has a stage named '" + stage.name + "'");
      }
      stages.add(stage);
      return this;
    }

    /**
     * Builds the pipeline.
     *
     * @throws IllegalStateException if no reference data was set or no stage was added
     */
    public ValidationPipeline build() {
      if (referenceData == null) {
        throw new IllegalStateException("a validation pipeline needs reference data: call referenceData(...)");
      }
      if (stages.isEmpty()) {
        throw new IllegalStateException("a validation pipeline needs at least one stage");
      }
      return new ValidationPipeline(this);
    }
  }
}
