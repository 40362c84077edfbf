package dev.steward.model;

import static dev.steward.model.ModelTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class ExtensionsTest {
  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();

  @Test
  void changingACallersNodeAfterConstruction_changesNeitherTheRecordNorItsFingerprint() {
    Customer base = customer();
    ObjectNode region = JsonNodeFactory.instance.objectNode().put("code", "EMEA");
    Map<String, JsonNode> extensions = new LinkedHashMap<>();
    extensions.put("acme:region", region);
    Customer withRegion = withExtensions(base, extensions);
    Fingerprint before = JSON.fingerprint(withRegion);

    region.put("code", "APAC");
    extensions.put("acme:other", JsonNodeFactory.instance.booleanNode(true));

    assertThat(withRegion.extensions().get("acme:region").path("code").asString()).isEqualTo("EMEA");
    assertThat(withRegion.extensions()).containsOnlyKeys("acme:region");
    assertThat(JSON.fingerprint(withRegion)).isEqualTo(before);
    assertThatThrownBy(() -> withRegion.extensions().put("acme:x", JsonNodeFactory.instance.nullNode()))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static Customer withExtensions(Customer c, Map<String, JsonNode> extensions) {
    return new Customer(
        c.meta(), c.legalName(), c.displayName(), c.parentId(), c.segment(), c.status(), c.contractingEntityId(),
        c.taxIds(), c.billingAddress(), c.shippingAddress(), extensions);
  }

  private static Customer customer() {
    return JSON.read(resource("samples/v1/customer.json"), Customer.class);
  }
}
