package dev.steward.model;

import static dev.steward.model.ModelTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

class AttributeCatalogTest {
  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();
  private static final long SEED = Long.getLong("steward.seed", System.nanoTime());

  @Test
  void customer_hasItsAttributes_andNotItsGovernanceMetadata() {
    List<String> attributes = AttributeCatalog.of(EntityType.CUSTOMER).attributes().stream().map(AttributePath::toString).toList();

    assertThat(attributes)
        .containsExactly(
            "/legalName", "/displayName", "/parentId", "/segment", "/status", "/contractingEntityId",
            "/taxIds/*/country", "/taxIds/*/number",
            "/billingAddress/lines/*", "/billingAddress/city", "/billingAddress/region", "/billingAddress/postalCode", "/billingAddress/country",
            "/shippingAddress/lines/*", "/shippingAddress/city", "/shippingAddress/region", "/shippingAddress/postalCode", "/shippingAddress/country",
            "/extensions/*");
  }

  @Test
  void contract_listsEveryKindOfCommercialTerm_andItsDiscriminator() {
    AttributeCatalog contract = AttributeCatalog.of(EntityType.CONTRACT);

    assertThat(contract.attributes().stream().map(AttributePath::toString))
        .contains("/terms/*/kind", "/terms/*/lineId", "/terms/*/fee", "/terms/*/rateCardId", "/terms/*/milestones/*/amount",
            "/terms/*/frequency", "/terms/*/overageUnitPrice", "/amendments/*/addedTerms/*/kind", "/amendments/*/removedLineIds/*")
        .doesNotHaveDuplicates();
    assertThat(contract.valueType(AttributePath.parse("/terms/*/fee"))).contains(Money.class);
    assertThat(contract.valueType(AttributePath.parse("/status"))).contains(ContractStatus.class);
  }

  @Test
  void attributeAt_findsTheAttributeAConcretePointerLiesIn() {
    AttributeCatalog invoice = AttributeCatalog.of(EntityType.INVOICE);

    assertThat(invoice.attributeAt("/lines/2/unitPrice/amount")).contains(AttributePath.parse("/lines/*/unitPrice"));
    assertThat(invoice.attributeAt("/lines/0/quantity")).contains(AttributePath.parse("/lines/*/quantity"));
    assertThat(invoice.attributeAt("/extensions/acme:region")).contains(AttributePath.parse("/extensions/*"));
    assertThat(invoice.attributeAt("/meta/version")).isEmpty();
    assertThat(invoice.attributeAt("/lines")).isEmpty();
    assertThat(invoice.attributeAt("/noSuchThing")).isEmpty();
  }

  /** Every value in every sample and in generated records lies within a catalogued attribute. */
  @ParameterizedTest
  @EnumSource(EntityType.class)
  void everyValueOfRealDocuments_liesWithinAnAttribute_andEveryAttributeOccurs(EntityType type) {
    AttributeCatalog catalog = AttributeCatalog.of(type);
    List<JsonNode> documents = new ArrayList<>();
    documents.add(JSON.readTree(resource("samples/v1/" + type.schemaName() + ".json")));
    CanonicalGenerators.valid(type.recordType(), type).withSeed(SEED ^ type.ordinal()).stream().limit(200)
        .forEach(e -> documents.add(JSON.toTree(e)));

    Set<AttributePath> seen = new LinkedHashSet<>();
    Set<String> uncovered = new TreeSet<>();
    for (JsonNode document : documents) {
      List<String> leaves = new ArrayList<>();
      leaves(document, "", leaves);
      for (String pointer : leaves) {
        if (pointer.startsWith("/meta/")) {
          continue;
        }
        catalog.attributeAt(pointer).ifPresentOrElse(seen::add, () -> uncovered.add(pointer));
      }
    }

    assertThat(uncovered).as("values outside every attribute of %s (seed %d)", type, SEED).isEmpty();
    assertThat(catalog.attributes()).as("attributes of %s no document reached (seed %d)", type, SEED).containsExactlyInAnyOrderElementsOf(seen);
  }

  @Test
  void parse_readsEscapesAndWildcards_andRefusesMalformedPaths() {
    AttributePath path = AttributePath.parse("/extensions/acme~1cost~0centre");

    assertThat(path.segments()).containsExactly("extensions", "acme/cost~centre");
    assertThat(path).hasToString("/extensions/acme~1cost~0centre");
    assertThat(AttributePath.parse("/lines/*/quantity").covers("/lines/12/quantity")).isTrue();
    assertThat(AttributePath.parse("/lines/*/quantity").covers("/lines/12/unitPrice")).isFalse();
    assertThat(AttributePath.parse("/lines/*/quantity").covers("/lines")).isFalse();
    for (String bad : List.of("", "legalName", "/lines//quantity", "/a/~2", "/a/~")) {
      assertThatIllegalArgumentException().as("'%s'", bad).isThrownBy(() -> AttributePath.parse(bad));
    }
  }

  /** Collects the pointers of scalar values and of money and period objects (attributes change as a whole). */
  private static void leaves(JsonNode node, String at, List<String> out) {
    boolean valueObject = node.isObject() && (isMoney(node) || isPeriod(node));
    if (node.isObject() && !valueObject && !at.matches(".*/extensions/[^/]+")) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        leaves(e.getValue(), at + "/" + JsonPointers.escape(e.getKey()), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        leaves(node.get(i), at + "/" + i, out);
      }
    } else {
      out.add(at);
    }
  }

  private static boolean isMoney(JsonNode n) {
    return n.size() == 2 && n.has("amount") && n.has("currency");
  }

  private static boolean isPeriod(JsonNode n) {
    return n.size() == 2 && n.has("start") && n.has("end");
  }
}
