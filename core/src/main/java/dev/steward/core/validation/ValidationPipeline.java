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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jspecify.annotations.Nullable;
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

  private ValidationPipeline(Builder b) {
    this.stages = List.copyOf(b.stages);
    this.mode = b.mode;
    this.json = b.json;
    this.schemas = b.schemas;
    this.referenceData = Objects.requireNonNull(b.referenceData, "referenceData");
    this.records = b.records;
    this.clock = b.clock;
    this.validator = b.validator != null ? b.validator : defaultValidator();
  }

  private static Validator defaultValidator() {
    try (var factory = Validation.byDefaultProvider().configure()
        .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
      return factory.getValidator();
    }
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
    return validate(type, null, payload.getBytes(StandardCharsets.UTF_8));
  }

  /** Validates a record sent as canonical JSON against schema version {@code schemaVersion}. */
  public ValidationReport validate(EntityType type, int schemaVersion, byte[] payload) {
    return validate(type, Integer.valueOf(schemaVersion), payload);
  }

  /** Validates a bound record (its schema version is the one in its {@code meta}). */
  public ValidationReport validate(CanonicalEntity record) {
    JsonNode tree = json.toTree(record);
    Run run = new Run(record.entityType());
    Integer version = version(record.entityType(), null, tree, run);
    if (version == null) {
      return run.report();
    }
    ValidationContext context = new ValidationContext(record.entityType(), version, tree, referenceData, records, clock);
    context.bind(record);
    return runStages(context, run, true);
  }

  private ValidationReport validate(EntityType type, @Nullable Integer requestedVersion, byte[] payload) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
    Run run = new Run(type);
    JsonNode tree;
    try {
      tree = json.readTree(payload);
    } catch (CanonicalJsonException e) {
      ReasonCode code = e.reason() == CanonicalJsonException.Reason.LIMIT_EXCEEDED
          ? ReasonCodes.PAYLOAD_TOO_LARGE : ReasonCodes.MALFORMED_JSON;
      run.sink(PARSE_STAGE).add(code, e.pointer(), e.getMessage(), "");
      return run.report();
    }
    if (!tree.isObject()) {
      run.sink(PARSE_STAGE).add(ReasonCodes.SCHEMA_VIOLATION, "",
          "a " + type.schemaName() + " is a JSON object, not " + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT),
          "");
      return run.report();
    }
    Integer version = version(type, requestedVersion, tree, run);
    if (version == null) {
      return run.report();
    }
    ValidationContext context = new ValidationContext(type, version, tree, referenceData, records, clock);
    return runStages(context, run, false);
  }

  private @Nullable Integer version(EntityType type, @Nullable Integer requested, JsonNode tree, Run run) {
    SortedSet<Integer> shipped = schemas.versions(type);
    JsonNode declared = tree.path("meta").path("schemaVersion");
    Integer version = requested;
    if (version == null && declared.isIntegralNumber() && declared.canConvertToInt()) {
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

  private ValidationReport runStages(ValidationContext context, Run run, boolean bound) {
    boolean bindingTried = bound;
    Set<String> schemaPaths = new HashSet<>();
    for (Stage stage : stages) {
      if (mode == Mode.FAIL_FAST && run.hasErrors()) {
        break;
      }
      if (stage.kind != Kind.SCHEMA && !bindingTried) {
        bindingTried = true;
        bind(context, run, schemaPaths);
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
          case SCHEMA -> schema(context, out, schemaPaths);
          case BEAN_VALIDATION -> beanValidation(context, out, schemaPaths);
          case RULE -> rule(stage.rule, context, out);
        }
      } catch (ReferenceDataUnavailableException e) {
        out.add(ReasonCodes.REFERENCE_DATA_UNAVAILABLE, "", e.getMessage(), "");
      } catch (RuntimeException e) {
        out.add(ReasonCodes.CHECK_FAILED, "", "stage " + stage.name + " failed: " + e, "");
      }
    }
    return run.report();
  }

  private void bind(ValidationContext context, Run run, Set<String> schemaPaths) {
    try {
      context.bind(json.fromTree(context.document(), context.entityType().recordType()));
    } catch (CanonicalJsonException e) {
      if (!schemaPaths.contains(e.pointer())) { // the schema stage said it already
        run.sink(BINDING_STAGE).add(ReasonCodes.SCHEMA_VIOLATION, e.pointer(), e.getMessage(), "");
      }
    }
  }

  private void schema(ValidationContext context, Violations out, Set<String> schemaPaths) {
    for (SchemaViolation v : schemas.validate(context.entityType(), context.schemaVersion(), context.document())) {
      out.add(ReasonCodes.SCHEMA_VIOLATION, v.pointer(), v.message(), "");
      schemaPaths.add(v.pointer());
    }
  }

  private void beanValidation(ValidationContext context, Violations out, Set<String> schemaPaths) {
    CanonicalEntity record = context.record().orElseThrow();
    List<ConstraintViolation<CanonicalEntity>> found = new ArrayList<>(validator.validate(record));
    found.sort(java.util.Comparator.comparing(v -> JsonPointers.of(v.getPropertyPath())));
    for (ConstraintViolation<CanonicalEntity> v : found) {
      String path = JsonPointers.of(v.getPropertyPath());
      if (!schemaPaths.contains(path)) { // the schema stage said it already
        out.add(ReasonCodes.CONSTRAINT_VIOLATION, path, path + " " + v.getMessage(), "");
      }
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

  /** The violations of one validation, by stage. */
  private static final class Run {
    private final EntityType type;
    private final List<Violations> sinks = new ArrayList<>();

    Run(EntityType type) {
      this.type = type;
    }

    Violations sink(String stage) {
      Violations v = new Violations(stage);
      sinks.add(v);
      return v;
    }

    boolean hasErrors() {
      return sinks.stream().anyMatch(Violations::hasErrors);
    }

    ValidationReport report() {
      List<Violation> all = new ArrayList<>();
      sinks.forEach(s -> all.addAll(s.found()));
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

    private Builder() {}

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
