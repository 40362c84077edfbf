package dev.steward.testkit;

import dev.steward.model.Envelope;
import dev.steward.model.SchemaRef;
import java.net.URI;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Assertions on an {@link Envelope}: its CloudEvents attributes, Steward's extension attributes
 * (correlation, causation, idempotency key, entity version) and its data, addressed by JSON
 * Pointer. A failure message names the envelope by id and says what it holds instead:
 *
 * <pre>{@code
 * expected envelope evt-1 to have idempotency key "crm:cus-42:v7" but it has none
 * }</pre>
 *
 * <p>Get one from {@link StewardAssertions#assertThat(Envelope)}. Not thread-safe, as AssertJ's
 * assertions are not.
 */
public final class EnvelopeAssert extends AbstractAssert<EnvelopeAssert, Envelope> {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  EnvelopeAssert(@Nullable Envelope actual) {
    super(actual, EnvelopeAssert.class);
  }

  /** Verifies the event id. */
  public EnvelopeAssert hasId(String id) {
    return has("id", id, envelope().id());
  }

  /** Verifies the event type, such as {@code dev.steward.customer.changed}. */
  public EnvelopeAssert hasType(String type) {
    return has("type", type, envelope().type());
  }

  /** Verifies the source URI-reference. */
  public EnvelopeAssert hasSource(URI source) {
    return has("source", source, envelope().source());
  }

  /** Verifies that the source is the connected system {@code systemId}, as {@code /systems/<id>}. */
  public EnvelopeAssert hasSourceSystem(String systemId) {
    return has("source system", systemId, envelope().sourceSystem().orElse(null));
  }

  /** Verifies the subject, usually the canonical or external id of the entity. */
  public EnvelopeAssert hasSubject(String subject) {
    return has("subject", subject, envelope().subject());
  }

  /** Verifies the correlation id shared by every change of one business transaction. */
  public EnvelopeAssert hasCorrelationId(String correlationId) {
    return has("correlation id", correlationId, envelope().correlationId());
  }

  /** Verifies the id of the event that caused this one. */
  public EnvelopeAssert hasCausationId(String causationId) {
    return has("causation id", causationId, envelope().causationId());
  }

  /** Verifies the idempotency key the change is applied at most once under. */
  public EnvelopeAssert hasIdempotencyKey(String idempotencyKey) {
    return has("idempotency key", idempotencyKey, envelope().idempotencyKey());
  }

  /** Verifies the entity version as the sender knows it. */
  public EnvelopeAssert hasEntityVersion(long entityVersion) {
    return has("entity version", entityVersion, envelope().entityVersion());
  }

  /** Verifies the schema the data conforms to, by its {@code dataschema} URI. */
  public EnvelopeAssert hasDataSchema(SchemaRef schema) {
    Objects.requireNonNull(schema, "schema");
    return has("data schema", schema.uri(), envelope().dataSchema());
  }

  /**
   * Verifies that this envelope was caused by {@code cause}: its causation id is the cause's id,
   * and its correlation id the cause's correlation id, or the cause's id when it has none.
   */
  public EnvelopeAssert isCausedBy(Envelope cause) {
    Objects.requireNonNull(cause, "cause");
    Envelope e = envelope();
    String correlation = cause.correlationId() != null ? cause.correlationId() : cause.id();
    if (!cause.id().equals(e.causationId()) || !correlation.equals(e.correlationId())) {
      fail("expected envelope " + e.id() + " to be caused by envelope " + cause.id() + " (causation id "
          + Render.quoted(cause.id()) + ", correlation id " + Render.quoted(correlation) + ") but it has causation id "
          + Render.quoted(e.causationId()) + " and correlation id " + Render.quoted(e.correlationId()));
    }
    return this;
  }

  /**
   * Verifies that the data holds the string {@code value} at {@code pointer}, such as {@code
   * hasDataAt("/status", "ACTIVE")} or {@code hasDataAt("/totals/total/amount", "8038.45")}.
   */
  public EnvelopeAssert hasDataAt(String pointer, String value) {
    Objects.requireNonNull(value, "value");
    return hasDataAt(pointer, NODES.stringNode(value));
  }

  /** Verifies that the data holds the whole number {@code value} at {@code pointer}, such as {@code hasDataAt("/meta/version", 7)}. */
  public EnvelopeAssert hasDataAt(String pointer, long value) {
    JsonNode found = dataAt(pointer);
    if (!found.isIntegralNumber() || !found.canConvertToLong() || found.longValue() != value) {
      fail(dataMismatch(pointer, String.valueOf(value), found));
    }
    return this;
  }

  /** Verifies that the data holds the boolean {@code value} at {@code pointer}. */
  public EnvelopeAssert hasDataAt(String pointer, boolean value) {
    return hasDataAt(pointer, NODES.booleanNode(value));
  }

  /**
   * Verifies that the data holds {@code value} at {@code pointer}; numbers are compared by value,
   * so {@code 7} and {@code 7.0} are equal.
   */
  public EnvelopeAssert hasDataAt(String pointer, JsonNode value) {
    Objects.requireNonNull(value, "value");
    JsonNode found = dataAt(pointer);
    boolean same = found.isNumber() && value.isNumber()
        ? found.decimalValue().compareTo(value.decimalValue()) == 0
        : found.equals(value);
    if (!same) {
      fail(dataMismatch(pointer, value.toString(), found));
    }
    return this;
  }

  /** Verifies that the data holds nothing at {@code pointer}: the value is absent. */
  public EnvelopeAssert hasNoDataAt(String pointer) {
    Render.checkPointer(pointer);
    Envelope e = envelope();
    JsonNode data = e.data();
    if (data != null && !data.at(pointer).isMissingNode()) {
      fail("expected envelope " + e.id() + " to have nothing at " + pointer + " of its data but it has "
          + data.at(pointer));
    }
    return this;
  }

  private JsonNode dataAt(String pointer) {
    Render.checkPointer(pointer);
    Envelope e = envelope();
    JsonNode data = e.data();
    if (data == null) {
      fail("expected envelope " + e.id() + " to have data at " + pointer + " but it carries no data");
      throw new AssertionError("unreachable");
    }
    JsonNode found = data.at(pointer);
    if (found.isMissingNode()) {
      fail("expected envelope " + e.id() + " to have data at " + pointer + " but its data has nothing there; it is "
          + abbreviated(data));
    }
    return found;
  }

  private String dataMismatch(String pointer, String expected, JsonNode found) {
    return "expected envelope " + envelope().id() + " to have " + expected + " at " + pointer + " of its data but it has "
        + found;
  }

  private static String abbreviated(JsonNode data) {
    String text = data.toString();
    return text.length() <= 500 ? text : text.substring(0, 500) + "... (" + text.length() + " characters)";
  }

  private EnvelopeAssert has(String attribute, Object expected, @Nullable Object found) {
    Objects.requireNonNull(expected, attribute);
    Envelope e = envelope();
    if (!expected.equals(found)) {
      fail("expected envelope " + e.id() + " to have " + attribute + " " + Render.quoted(expected) + " but it has "
          + Render.quoted(found));
    }
    return this;
  }

  private Envelope envelope() {
    isNotNull();
    return actual;
  }

  private void fail(String message) {
    failWithMessage("%s", message);
  }
}
