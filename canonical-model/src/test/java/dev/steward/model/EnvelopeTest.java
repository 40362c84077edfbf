package dev.steward.model;

import static dev.steward.model.ModelTestSupport.openResource;
import static dev.steward.model.ModelTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

class EnvelopeTest {
  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();
  private static final Schema CLOUDEVENTS_SCHEMA = cloudEventsSchema();

  private static Schema cloudEventsSchema() {
    try (InputStream in = openResource("cloudevents/schema/cloudevents.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Customer customer() {
    return JSON.read(resource("samples/v1/customer.json"), Customer.class);
  }

  private static Envelope customerChanged() {
    return Envelope.builder()
        .id("evt_01JDQ7A0000000000000000000")
        .sourceSystem("crm")
        .type("dev.steward.customer.changed")
        .time(Instant.parse("2026-11-02T09:15:00Z"))
        .entity(customer(), JSON)
        .correlationId("cor_01JDQ7A0000000000000000001")
        .traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        .tracestate("rojo=00f067aa0ba902b7")
        .idempotencyKey("crm:0015g00000XyZabAAB:7")
        .extension("tenant", JsonNodeFactory.instance.stringNode("acme"))
        .build();
  }

  @Test
  void entityEnvelope_isValidCloudEventsJson_andValidAgainstItsOwnSchema() {
    JsonNode json = JSON.toTree(customerChanged());

    assertThat(CLOUDEVENTS_SCHEMA.validate(json)).isEmpty();
    assertThat(CanonicalSchemas.shared().validate(SchemaRef.envelope(1), json)).isEmpty();
    assertThat(json.path("specversion").asString()).isEqualTo("1.0");
    assertThat(json.path("dataschema").asString()).isEqualTo("https://schemas.steward.dev/v1/customer.schema.json");
    assertThat(json.path("entityversion").asString()).isEqualTo("7");
    assertThat(json.path("subject").asString()).isEqualTo("cus_01JDQ6Z3M4X8E2T7V5K9W0B1NA");
  }

  @Test
  void entityEnvelope_roundTripsWithoutLoss_andItsDataBindsBackToTheEntity() {
    Envelope envelope = customerChanged();

    Envelope back = JSON.read(JSON.writeBytes(envelope), Envelope.class);

    assertThat(back).isEqualTo(envelope);
    assertThat(back.sourceSystem()).contains("crm");
    assertThat(back.schemaRef()).contains(SchemaRef.of(EntityType.CUSTOMER, 1));
    assertThat(JSON.fromTree(back.data(), Customer.class)).isEqualTo(customer());
  }

  @Test
  void causedBy_carriesCorrelationAndSetsCausation() {
    Envelope cause = customerChanged();
    Envelope effect =
        Envelope.builder().id("evt-2").sourceSystem("erp").type("dev.steward.customer.synced").causedBy(cause).build();

    assertThat(effect.correlationId()).isEqualTo(cause.correlationId());
    assertThat(effect.causationId()).isEqualTo(cause.id());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "spec-examples/02-xml-string-data.json",
        "spec-examples/03-json-object-data.json",
        "spec-examples/04-json-number-data.json",
        "spec-examples/05-json-string-data-no-datacontenttype.json",
        "sdk-java-v1/min.json",
        "sdk-java-v1/min_subject_null.json",
        "sdk-java-v1/json_data.json",
        "sdk-java-v1/json_data_with_ext.json",
        "sdk-java-v1/json_data_with_fractional_time.json",
        "sdk-java-v1/xml_data.json",
        "sdk-java-v1/text_data.json",
        "sdk-java-v1/binary_attr.json",
        "sdk-java-v1/numeric_ext.json"
      })
  void validCloudEventWithJsonData_isRead_andWrittenBackAsValidCloudEventsJson(String file) {
    JsonNode original = JSON.readTree(resource("cloudevents/" + file));

    Envelope envelope = JSON.read(resource("cloudevents/" + file), Envelope.class);
    JsonNode written = JSON.toTree(envelope);

    assertThat(CLOUDEVENTS_SCHEMA.validate(written)).as("written form of %s", file).isEmpty();
    assertThat(envelope.id()).isEqualTo(original.path("id").asString());
    assertThat(envelope.type()).isEqualTo(original.path("type").asString());
    assertThat(envelope.source()).isEqualTo(URI.create(original.path("source").asString()));
    if (original.hasNonNull("data")) {
      assertThat(envelope.data()).isEqualTo(original.get("data"));
    }
    if (original.hasNonNull("time")) {
      assertThat(envelope.time())
          .isEqualTo(java.time.OffsetDateTime.parse(original.path("time").asString()).toInstant());
    }
    for (String name : original.propertyNames()) {
      if (!List.of("specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema", "data")
              .contains(name)
          && !original.get(name).isNull()) {
        assertThat(envelope.extensions()).as("extension %s of %s is kept", name, file).containsEntry(name, original.get(name));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "spec-examples/01-binary-data_base64-thrift.json",
        "spec-examples/06-data_base64-no-datacontenttype.json",
        "sdk-java-v1/base64_json_data.json",
        "sdk-java-v1/base64_text_data.json"
      })
  void binaryData_isRefusedWithAReason(String file) {
    assertThatThrownBy(() -> JSON.read(resource("cloudevents/" + file), Envelope.class))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessageContaining("data_base64")
        .extracting(e -> ((CanonicalJsonException) e).pointer())
        .isEqualTo("/data_base64");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sdk-java-v1/json_data_with_ext_upper_case.json",
        "sdk-java-v1/json_data_with_ext_invalid.json",
        "sdk-java-v1/fail_numeric_decimal.json",
        "sdk-java-v1/fail_numeric_long.json"
      })
  void cloudEventsTheSpecRefuses_areRefused(String file) {
    assertThatThrownBy(() -> JSON.read(resource("cloudevents/" + file), Envelope.class))
        .isInstanceOf(CanonicalJsonException.class)
        .satisfies(e -> assertThat(((CanonicalJsonException) e).reason()).isEqualTo(CanonicalJsonException.Reason.BINDING_FAILED))
        .hasMessageContaining("extension attribute");
  }

  @Test
  void batch_ofJsonEvents_isRead() {
    assertThat(JSON.read(resource("cloudevents/spec-examples/08-batch-empty.json"), Envelope[].class)).isEmpty();
    String batch = "[" + JSON.write(customerChanged()) + "," + new String(resource("cloudevents/sdk-java-v1/min.json"), java.nio.charset.StandardCharsets.UTF_8) + "]";
    assertThat(JSON.read(batch, Envelope[].class)).hasSize(2);
  }

  @Test
  void missingRequiredAttribute_orWrongSpecVersion_isRefusedNamingIt() {
    assertThatThrownBy(() -> JSON.read("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/x\"}", Envelope.class))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessageContaining("'type'");
    assertThatThrownBy(() -> JSON.read("{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"/x\",\"type\":\"t\"}", Envelope.class))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessageContaining("0.3");
    assertThatThrownBy(() -> JSON.read("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/x\",\"type\":\"t\",\"entityversion\":\"-4\"}", Envelope.class))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessageContaining("entityversion");
  }

  @Test
  void builder_failsFast_onMissingOrRepeatedOrBadValues() {
    assertThatThrownBy(() -> Envelope.builder().id("1").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("source")
        .hasMessageContaining("type");
    assertThatThrownBy(() -> Envelope.builder().id("1").id("2")).isInstanceOf(IllegalStateException.class).hasMessageContaining("id");
    assertThatThrownBy(() -> Envelope.builder().id(" ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
    assertThatThrownBy(() -> Envelope.builder().sourceSystem("Not A System")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Envelope.builder().traceparent("00-abc")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Envelope.builder().entityVersion(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Envelope.builder().extension("Tenant", JsonNodeFactory.instance.stringNode("x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Envelope.builder().extension("traceparent", JsonNodeFactory.instance.stringNode("x")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void whatTheBuilderAccepts_theReaderReadsBack_atTheBoundaries() {
    Envelope edge =
        Envelope.builder()
            .id("evt-edge")
            .sourceSystem("billing")
            .type("dev.steward.usage.recorded")
            .entityVersion(Long.MAX_VALUE)
            .extension("maxint", JsonNodeFactory.instance.numberNode(Integer.MAX_VALUE))
            .extension("flag", JsonNodeFactory.instance.booleanNode(true))
            .build();

    Envelope back = JSON.read(JSON.writeBytes(edge), Envelope.class);

    assertThat(back).isEqualTo(edge);
    assertThat(CanonicalSchemas.shared().validate(SchemaRef.envelope(1), JSON.toTree(edge))).isEmpty();
  }

  @Test
  void builder_refusesExtensionValuesTheReaderWouldRefuse() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    for (JsonNode value :
        List.of(nodes.objectNode(), nodes.arrayNode(), nodes.numberNode(new java.math.BigDecimal("42.42")), nodes.numberNode(4247483647L), nodes.nullNode())) {
      assertThatThrownBy(() -> Envelope.builder().extension("tenant", value))
          .as("extension value %s", value)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("tenant");
    }
  }

  @Test
  void writer_refusesAnExtensionThatWouldCollideWithAStandardAttribute() {
    Envelope collision =
        new Envelope("evt-1", URI.create("/systems/crm"), "t", null, null, null, null, null, null, null, null, null, null, null,
            java.util.Map.of("id", JsonNodeFactory.instance.stringNode("other")));

    assertThatThrownBy(() -> JSON.write(collision)).isInstanceOf(CanonicalJsonException.class).hasMessageContaining("'id'");
  }

  @Test
  void reader_refusesAnEntityVersionBeyondALong() {
    assertThatThrownBy(
            () -> JSON.read("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/x\",\"type\":\"t\",\"entityversion\":\"9223372036854775808\"}", Envelope.class))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessageContaining("entityversion");
  }
}
