package dev.steward.model;

import static dev.steward.model.ModelTestSupport.jsonFailure;
import static dev.steward.model.ModelTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What canonical binding refuses, and how it behaves inside a host's own Jackson plumbing. */
class BindingStrictnessTest {
  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/contractNumber=42", "/paymentTermsDays=30.5", "/autoRenew=1", "/status=0", "/autoRenew=\"true\"",
        "/paymentTermsDays=\"30\"", "/terms/0/fee/amount=12.5"
      })
  void scalarOfTheWrongKind_isRefused_notConverted(String change) {
    String pointer = change.substring(0, change.indexOf('='));
    JsonNode value = JSON.readTree(change.substring(change.indexOf('=') + 1));
    ObjectNode contract = (ObjectNode) JSON.readTree(resource("samples/v1/contract.json"));
    ObjectNode parent = (ObjectNode) contract.at(pointer.substring(0, pointer.lastIndexOf('/')));
    parent.set(pointer.substring(pointer.lastIndexOf('/') + 1), value);

    CanonicalJsonException e = jsonFailure(() -> JSON.read(JSON.mapper().writeValueAsBytes(contract), Contract.class));

    assertThat(e.reason()).isEqualTo(CanonicalJsonException.Reason.BINDING_FAILED);
    assertThat(e.pointer()).startsWith(pointer.startsWith("/terms") ? "/terms/0/fee" : pointer);
  }

  @Test
  void mapsKeyedByCanonicalId_readBackWhatTheyWrite() {
    Map<CanonicalId, Integer> hours = Map.of(CanonicalId.parse("cus_01JDQ6Z3M4X8E2T7V5K9W0B1NA"), 7);

    String json = JSON.write(hours);

    assertThat(JSON.mapper().readValue(json, new TypeReference<Map<CanonicalId, Integer>>() {})).isEqualTo(hours);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-02T24:00:00Z", "2026-11-02t24:00:00Z", "2026-11-02T23:59:60Z", "2026-11-02t23:59:60z"})
  void hour24AndLeapSeconds_areRefused_whateverTheLetterCase(String text) {
    assertThatThrownBy(() -> JSON.read("\"" + text + "\"", Instant.class)).isInstanceOf(CanonicalJsonException.class);
  }

  @Test
  void lowerCaseSeparators_readAsTheUpperCaseForm() {
    assertThat(JSON.read("\"2026-11-02t09:15:00z\"", Instant.class)).isEqualTo(Instant.parse("2026-11-02T09:15:00Z"));
  }

  /** A host deserializer that looks the record deserializer up twice while reading. */
  @JsonDeserialize(using = Holder.Reader.class)
  record Holder(List<Object> found) {
    static final class Reader extends ValueDeserializer<Holder> {
      @Override
      public Holder deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        p.skipChildren();
        List<Object> found = new ArrayList<>();
        found.add(ctxt.findRootValueDeserializer(ctxt.constructType(Contract.class)));
        found.add(ctxt.findRootValueDeserializer(ctxt.constructType(Contract.class)));
        return new Holder(found);
      }
    }
  }

  @Test
  void recordDeserializer_isBuiltOnce_notOnEveryLookup() {
    Holder first = JSON.mapper().readValue("{}", Holder.class);
    Holder second = JSON.mapper().readValue("{}", Holder.class);

    assertThat(first.found().get(0)).isSameAs(first.found().get(1)).isSameAs(second.found().get(0));
  }

  @Test
  void hostMapperSettings_areHonoured_asJacksonHonoursThem() {
    JsonMapper strictNulls =
        JSON.mapper().rebuild().changeDefaultNullHandling(n -> JsonSetter.Value.forValueNulls(Nulls.FAIL)).build();
    JsonMapper failOnMissing = JSON.mapper().rebuild().enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES).build();
    JsonMapper unwrap = JSON.mapper().rebuild().enable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS).build();

    assertThatThrownBy(() -> strictNulls.readValue("{\"start\":null,\"end\":\"2026-01-02\"}", Period.class))
        .isInstanceOf(JacksonException.class);
    assertThatThrownBy(() -> failOnMissing.readValue("{\"end\":\"2026-01-02\"}", Period.class))
        .isInstanceOf(JacksonException.class);
    assertThat(unwrap.readValue("[{\"start\":\"2026-01-01\",\"end\":\"2026-01-02\"}]", Period.class))
        .isEqualTo(new Period(java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 1, 2)));
  }
}
