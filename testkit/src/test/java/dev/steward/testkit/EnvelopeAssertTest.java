package dev.steward.testkit;

import static dev.steward.testkit.StewardAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.model.CanonicalJson;
import dev.steward.model.EntityType;
import dev.steward.model.Envelope;
import dev.steward.model.SchemaRef;
import dev.steward.testkit.fixtures.Scenario;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class EnvelopeAssertTest {
  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();
  private static final Scenario SCENARIO = Scenario.ofDefaults();

  private final Envelope posted = Envelope.builder()
      .id("evt-1")
      .sourceSystem("billing")
      .type("dev.steward.invoice.changed")
      .time(Instant.parse("2026-04-01T09:00:00Z"))
      .entity(SCENARIO.invoice(), JSON)
      .correlationId("corr-7")
      .idempotencyKey("billing:inv-7:v1")
      .build();
  private final Envelope caused = Envelope.builder()
      .id("evt-2")
      .source(URI.create("https://erp.example/events"))
      .type("dev.steward.invoice.posted")
      .causedBy(posted)
      .build();

  @Test
  void attributes_passWhenEqual() {
    assertThat(posted)
        .hasId("evt-1")
        .hasSourceSystem("billing")
        .hasSource(URI.create("/systems/billing"))
        .hasType("dev.steward.invoice.changed")
        .hasSubject(SCENARIO.invoice().id().toString())
        .hasCorrelationId("corr-7")
        .hasIdempotencyKey("billing:inv-7:v1")
        .hasEntityVersion(1)
        .hasDataSchema(SchemaRef.of(EntityType.INVOICE, 1));
    assertThat(caused).hasCausationId("evt-1").isCausedBy(posted);
  }

  @Test
  void attributes_failSayingWhatTheEnvelopeHas() {
    assertThatThrownBy(() -> assertThat(posted).hasId("evt-9"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected envelope evt-1 to have id \"evt-9\" but it has \"evt-1\"");
    assertThatThrownBy(() -> assertThat(posted).hasType("dev.steward.invoice.posted"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have type \"dev.steward.invoice.posted\" but it has \"dev.steward.invoice.changed\"");
    assertThatThrownBy(() -> assertThat(caused).hasSourceSystem("erp"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected envelope evt-2 to have source system \"erp\" but it has none");
    assertThatThrownBy(() -> assertThat(posted).hasSource(URI.create("/systems/erp")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have source \"/systems/erp\" but it has \"/systems/billing\"");
    assertThatThrownBy(() -> assertThat(caused).hasSubject("inv-7"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected envelope evt-2 to have subject \"inv-7\" but it has none");
    assertThatThrownBy(() -> assertThat(posted).hasCorrelationId("corr-8"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have correlation id \"corr-8\" but it has \"corr-7\"");
    assertThatThrownBy(() -> assertThat(posted).hasCausationId("evt-0"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected envelope evt-1 to have causation id \"evt-0\" but it has none");
    assertThatThrownBy(() -> assertThat(caused).hasIdempotencyKey("billing:inv-7:v1"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected envelope evt-2 to have idempotency key \"billing:inv-7:v1\" but it has none");
    assertThatThrownBy(() -> assertThat(posted).hasEntityVersion(2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have entity version 2 but it has 1");
    assertThatThrownBy(() -> assertThat(posted).hasDataSchema(SchemaRef.of(EntityType.CONTRACT, 1)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have data schema \"" + SchemaRef.of(EntityType.CONTRACT, 1).uri() + "\" but it has \""
            + SchemaRef.of(EntityType.INVOICE, 1).uri() + "\"");
  }

  @Test
  void isCausedBy_failsNamingBothIds() {
    assertThatThrownBy(() -> assertThat(posted).isCausedBy(caused))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected envelope evt-1 to be caused by envelope evt-2 (causation id \"evt-2\","
            + " correlation id \"corr-7\") but it has causation id none and correlation id \"corr-7\"");
  }

  @Test
  void hasDataAt_comparesStringsNumbersBooleansAndTrees() {
    String total = SCENARIO.invoice().totals().total().amount().toPlainString();
    assertThat(posted)
        .hasDataAt("/status", "FINALIZED")
        .hasDataAt("/totals/total/amount", total)
        .hasDataAt("/lines/0/lineNumber", 1)
        .hasDataAt("/meta/version", 1L)
        .hasDataAt("/lines/0/quantity", JsonNodeFactory.instance.numberNode(
            SCENARIO.invoice().lines().get(0).quantity().setScale(4)))
        .hasDataAt("/totals/total", JSON.toTree(SCENARIO.invoice().totals().total()));
    assertThat(Envelope.builder().id("evt-3").sourceSystem("crm").type("t")
            .data(JSON.readTree("{\"autoRenew\":false}")).build())
        .hasDataAt("/autoRenew", false);
  }

  @Test
  void hasDataAt_failsShowingTheValueFound() {
    assertThatThrownBy(() -> assertThat(posted).hasDataAt("/status", "POSTED"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected envelope evt-1 to have \"POSTED\" at /status of its data but it has"
            + " \"FINALIZED\"");
    assertThatThrownBy(() -> assertThat(posted).hasDataAt("/lines/0/lineNumber", 2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have 2 at /lines/0/lineNumber of its data but it has 1");
    assertThatThrownBy(() -> assertThat(posted).hasDataAt("/status", true))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have true at /status of its data but it has \"FINALIZED\"");
    assertThatThrownBy(() -> assertThat(posted).hasDataAt("/purchaseOrder", "PO-1"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected envelope evt-1 to have data at /purchaseOrder but its data has nothing"
            + " there; it is {");
    assertThatThrownBy(() -> assertThat(caused).hasDataAt("/status", "POSTED"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected envelope evt-2 to have data at /status but it carries no data");
  }

  @Test
  void hasNoDataAt_passesForAnAbsentValue() {
    assertThat(posted).hasNoDataAt("/billingScheduleId");
    assertThat(caused).hasNoDataAt("/status");
    assertThatThrownBy(() -> assertThat(posted).hasNoDataAt("/status"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected envelope evt-1 to have nothing at /status of its data but it has \"FINALIZED\"");
  }

  @Test
  void aPointerMustBeAPointer() {
    assertThatThrownBy(() -> assertThat(posted).hasDataAt("status", "FINALIZED"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'status'");
  }
}
