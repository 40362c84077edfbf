package dev.steward.core.validation;

import dev.steward.model.EntityType;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything a validation found about one record: its violations, in the order the stages found
 * them. A record is {@linkplain #valid() valid} when no violation is an error; warnings do not
 * block posting. Renders as RFC 9457 problem details for APIs and exception queues. Immutable.
 */
public final class ValidationReport {
  /** The problem type of a record that failed validation. */
  public static final URI INVALID = URI.create("https://steward.dev/problems/validation-failed");
  /** The problem type of a record that could not be checked because a dependency did not answer. */
  public static final URI UNCHECKED = URI.create("https://steward.dev/problems/validation-unavailable");
  /** The problem type of a record that could not be checked because a check itself failed. */
  public static final URI CHECK_FAILED = URI.create("https://steward.dev/problems/validation-check-failed");
  /** The problem type of a payload over the limits. */
  public static final URI TOO_LARGE = URI.create("https://steward.dev/problems/payload-too-large");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final EntityType entityType;
  private final List<Violation> violations;

  private ValidationReport(EntityType entityType, List<Violation> violations) {
    this.entityType = entityType;
    this.violations = violations;
  }

  /** Returns a report of {@code violations} about a record of {@code entityType}. */
  public static ValidationReport of(EntityType entityType, List<Violation> violations) {
    return new ValidationReport(Objects.requireNonNull(entityType, "entityType"), List.copyOf(violations));
  }

  /** Returns the type of the record validated. */
  public EntityType entityType() {
    return entityType;
  }

  /** Returns every violation, in the order found. */
  public List<Violation> violations() {
    return violations;
  }

  /** Returns whether no violation blocks posting. */
  public boolean valid() {
    return errors().isEmpty();
  }

  /** Returns the violations that block posting. */
  public List<Violation> errors() {
    return violations.stream().filter(Violation::blocks).toList();
  }

  /** Returns the violations that do not block posting. */
  public List<Violation> warnings() {
    return violations.stream().filter(v -> !v.blocks()).toList();
  }

  /** Returns the violations with {@code code}. */
  public List<Violation> withCode(ReasonCode code) {
    return violations.stream().filter(v -> v.code().equals(code)).toList();
  }

  /**
   * Returns whether the record could not be fully checked: an error is only that a dependency did
   * not answer, while nothing is known to be wrong with the data. Such a record is held for a
   * retry, not returned to its sender for correction.
   */
  public boolean unchecked() {
    List<Violation> errors = errors();
    return !errors.isEmpty() && errors.stream().allMatch(v -> v.category() == Category.DEPENDENCY_UNAVAILABLE);
  }

  /** Returns the report as RFC 9457 problem details, without an {@code instance}. */
  public ObjectNode toProblemDetails() {
    return toProblemDetails(null);
  }

  /**
   * Returns the report as RFC 9457 problem details: {@code type}, {@code title}, {@code status},
   * {@code detail}, {@code instance} when given, and the extension members {@code entityType} and
   * {@code violations} (code, path, message, severity, category, stage, hint each). The status:
   * 200 when valid; 413 for a payload over the limits; 422 for invalid data; 503 when only a
   * dependency did not answer (hold and retry); 500 when a check itself failed.
   *
   * @param instance a URI naming this occurrence, such as the change's correlation id as a URN
   */
  public ObjectNode toProblemDetails(@Nullable URI instance) {
    ObjectNode problem = NODES.objectNode();
    List<Violation> errors = errors();
    if (valid()) {
      problem.put("type", "about:blank");
      problem.put("title", "OK");
      problem.put("status", 200);
    } else if (errors.stream().anyMatch(v -> v.code().equals(ReasonCodes.PAYLOAD_TOO_LARGE))) {
      problem.put("type", TOO_LARGE.toString());
      problem.put("title", "The payload is over the limits");
      problem.put("status", 413);
    } else if (unchecked()) {
      problem.put("type", UNCHECKED.toString());
      problem.put("title", "The record could not be checked: a service it depends on did not answer");
      problem.put("status", 503);
    } else if (errors.stream().allMatch(v -> v.category() == Category.INTERNAL || v.category() == Category.DEPENDENCY_UNAVAILABLE)) {
      problem.put("type", CHECK_FAILED.toString());
      problem.put("title", "The record could not be checked: a check failed");
      problem.put("status", 500);
    } else {
      problem.put("type", INVALID.toString());
      problem.put("title", "The record failed validation");
      problem.put("status", 422);
    }
    problem.put("detail", detail());
    if (instance != null) {
      problem.put("instance", instance.toString());
    }
    problem.put("entityType", entityType.schemaName());
    ArrayNode list = problem.putArray("violations");
    for (Violation v : violations) {
      list.addObject()
          .put("code", v.code().code())
          .put("path", v.path())
          .put("message", v.message())
          .put("severity", v.severity().name())
          .put("category", v.category().name())
          .put("stage", v.stage())
          .put("hint", v.hint());
    }
    return problem;
  }

  private String detail() {
    int errors = errors().size();
    int warnings = violations.size() - errors;
    if (violations.isEmpty()) {
      return "The " + entityType.schemaName() + " has no violations.";
    }
    StringBuilder sb = new StringBuilder()
        .append("The ").append(entityType.schemaName()).append(" has ")
        .append(errors).append(errors == 1 ? " error" : " errors").append(" and ")
        .append(warnings).append(warnings == 1 ? " warning" : " warnings").append(": ");
    Violation first = errors > 0 ? errors().get(0) : violations.get(0);
    sb.append(first.code().code()).append(first.path().isEmpty() ? "" : " at " + first.path())
        .append(" (").append(first.message()).append(")");
    if (violations.size() > 1) {
      sb.append(" and ").append(violations.size() - 1).append(" more");
    }
    return sb.append('.').toString();
  }

  @Override
  public String toString() {
    return "ValidationReport[" + entityType.schemaName() + ", " + violations.size() + " violations"
        + (violations.isEmpty() ? "" : ": " + violations.stream().map(Violation::describe).toList()) + "]";
  }
}
