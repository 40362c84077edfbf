package dev.steward.spi.mapping;

import static dev.steward.spi.mapping.VendorReaderTest.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.model.CanonicalEntity;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class VendorExtensionsTest {
  @Test
  void moreFieldsThanARecordHolds_overflowIntoTheRawObject_andDecodeExactly() {
    ObjectNode fields = JSON.createObjectNode();
    for (int i = 0; i < 300; i++) {
      fields.put("field" + i, i);
    }

    Map<String, JsonNode> ext = VendorExtensions.encode("erp", fields);

    assertThat(ext).hasSize(CanonicalEntity.MAX_EXTENSIONS);
    assertThat(ext.get("erp.raw:fields").size()).isEqualTo(300 - (CanonicalEntity.MAX_EXTENSIONS - 1));
    assertThat(ext.keySet()).allMatch(k -> k.matches(CanonicalEntity.EXTENSION_KEY_PATTERN));
    assertThat(VendorExtensions.decode("erp", ext)).isEqualTo(fields);
  }

  @Test
  void namesLongerThanAKeyHolds_goRaw() {
    ObjectNode fields = JSON.createObjectNode().put("a".repeat(64), 1).put("b".repeat(65), 2);

    Map<String, JsonNode> ext = VendorExtensions.encode("erp", fields);

    assertThat(ext).containsOnlyKeys("erp:" + "a".repeat(64), "erp.raw:fields");
    assertThat(VendorExtensions.decode("erp", ext)).isEqualTo(fields);
  }

  @Test
  void namespaceEndingInRaw_isRefused_soThatItsKeysCannotPassForAnotherNamespacesRawFields() {
    // Namespace "erp.raw" would keep a vendor field named "fields" under erp.raw:fields, the key
    // decode("erp", ...) reads erp's raw fields from.
    assertThatThrownBy(() -> VendorExtensions.encode("erp.raw", JSON.createObjectNode().put("fields", 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'erp.raw'").hasMessageContaining(".raw");
    assertThatThrownBy(() -> VendorExtensions.checkNamespace("raw.erp.raw")).isInstanceOf(IllegalArgumentException.class);
    assertThat(VendorExtensions.checkNamespace("raw")).isEqualTo("raw");
    assertThat(VendorExtensions.checkNamespace("erp.rawdata")).isEqualTo("erp.rawdata");
  }

  @Test
  void key_andNamespace_areChecked() {
    assertThat(VendorExtensions.key("stripe", "balance")).contains("stripe:balance");
    assertThat(VendorExtensions.key("bc", "@odata.etag")).isEmpty();
    assertThat(VendorExtensions.rawKey("acme.billing")).isEqualTo("acme.billing.raw:fields");
    assertThatThrownBy(() -> VendorExtensions.key("Stripe", "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Stripe'");
  }
}
