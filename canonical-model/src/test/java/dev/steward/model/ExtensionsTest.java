package dev.steward.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class ExtensionsTest {
  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();

  @Test
  void changingACallersNodeAfterConstruction_changesNeitherTheRecordNorItsFingerprint() throws IOException {
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

  private static Customer customer() throws IOException {
    try (InputStream in = ExtensionsTest.class.getClassLoader().getResourceAsStream("samples/v1/customer.json")) {
      return JSON.read(in.readAllBytes(), Customer.class);
    }
  }
}
