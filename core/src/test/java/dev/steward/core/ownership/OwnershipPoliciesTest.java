package dev.steward.core.ownership;

import static dev.steward.core.ownership.Condition.allOf;
import static dev.steward.core.ownership.Condition.anyOf;
import static dev.steward.core.ownership.Condition.attribute;
import static dev.steward.core.ownership.Condition.not;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.model.AttributePath;
import dev.steward.model.EntityType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class OwnershipPoliciesTest {
  static final Set<String> EU = Set.of("le_01J0ACMEDE0000000000000001", "le_01J0ACMEFR0000000000000002");
  static final Set<String> NA = Set.of("le_01J0ACMENY0000000000000004", "le_01J0ACMECA0000000000000005");

  /** The policy of {@code ownership/acme.yaml}, written with the builder. */
  static OwnershipPolicy acmeInJava() {
    return OwnershipPolicy.builder("acme-governance", "2026.11")
        .systems("crm", "psa", "erp", "billing")
        .entity(EntityType.CUSTOMER, customer -> customer
            .defaults(r -> r.owner("erp").originators("crm", "erp").syncTo("crm", "billing"))
            .attribute("/segment", r -> r.owner("crm").syncTo("erp", "billing"))
            .attribute("/billingAddress/*", r -> r.owner("erp").readers("psa"))
            .attribute("/legalName", r -> r.id("legal-name-prospect")
                .when(attribute("/status").in("PROSPECT")).owner("crm").syncTo("erp"))
            .attribute("/legalName", r -> r.when(not(attribute("/status").in("PROSPECT")))
                .owner("erp").proposers("crm").syncTo("billing"))
            .attribute("/taxIds/*", r -> r.when(attribute("/contractingEntityId").in(EU)).owner("erp").syncTo("billing"))
            .attribute("/taxIds/*", r -> r.when(allOf(
                    attribute("/contractingEntityId").in(NA),
                    anyOf(attribute("/status").in("ACTIVE", "ON_HOLD"), attribute("/billingAddress/country").in("US", "CA"))))
                .owner("billing").syncTo("crm").readers("erp")))
        .entity(EntityType.CONTACT, contact -> contact
            .defaults(r -> r.owner("crm").originators("crm").syncTo("erp")))
        .build();
  }

  static Path resource(String name) {
    try {
      return Path.of(OwnershipPoliciesTest.class.getResource("/ownership/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void load_yamlFile_readsEveryRuleWithItsRoles() {
    OwnershipPolicy policy = OwnershipPolicies.load(resource("acme.yaml"));

    assertThat(policy.id()).isEqualTo("acme-governance");
    assertThat(policy.version()).isEqualTo("2026.11");
    assertThat(policy.systems()).containsExactly("billing", "crm", "erp", "psa");
    assertThat(policy.entityTypes()).containsExactlyInAnyOrder(EntityType.CUSTOMER, EntityType.CONTACT);
    assertThat(policy.rules(EntityType.CUSTOMER)).extracting(OwnershipRule::id).containsExactly(
        "customer:defaults", "customer:/segment", "customer:/billingAddress/*", "legal-name-prospect",
        "customer:/legalName#2", "customer:/taxIds/*", "customer:/taxIds/*#2");
    OwnershipRule defaults = policy.rules(EntityType.CUSTOMER).get(0);
    assertThat(defaults.selector()).isEqualTo(AttributeSelector.Defaults.INSTANCE);
    assertThat(defaults.owner()).isEqualTo("erp");
    assertThat(defaults.originators()).containsExactlyInAnyOrder("crm", "erp");
    assertThat(defaults.syncTargets()).containsExactlyInAnyOrder("crm", "billing");
    OwnershipRule billingAddress = policy.rules(EntityType.CUSTOMER).get(2);
    assertThat(billingAddress.selector()).isEqualTo(new AttributeSelector.Subtree(List.of("billingAddress")));
    assertThat(billingAddress.readers()).containsExactly("psa");
    OwnershipRule afterProspect = policy.rules(EntityType.CUSTOMER).get(4);
    assertThat(afterProspect.condition()).isEqualTo(not(attribute("/status").in("PROSPECT")));
    assertThat(afterProspect.proposers()).containsExactly("crm");
  }

  @Test
  void load_valueSetReference_isExpandedIntoTheConditionsValues() {
    OwnershipPolicy policy = OwnershipPolicies.load(resource("acme.yaml"));

    OwnershipRule european = policy.rules(EntityType.CUSTOMER).get(5);
    assertThat(european.condition())
        .isEqualTo(new Condition.AttributeCondition(AttributePath.parse("/contractingEntityId"), EU));
    Condition northAmerican = policy.rules(EntityType.CUSTOMER).get(6).condition();
    assertThat(((Condition.AllOf) northAmerican).conditions().get(0))
        .isEqualTo(new Condition.AttributeCondition(AttributePath.parse("/contractingEntityId"), NA));
  }

  @Test
  void load_handWrittenYaml_hasTheFingerprintOfTheSamePolicyBuiltInJava() {
    assertThat(OwnershipPolicies.load(resource("acme.yaml")).fingerprint()).isEqualTo(acmeInJava().fingerprint());
  }

  @Test
  void load_jsonFile_hasTheFingerprintOfTheYamlFile_whateverItsOrderOfKeysAndValues() {
    assertThat(OwnershipPolicies.load(resource("acme.json")).fingerprint())
        .isEqualTo(OwnershipPolicies.load(resource("acme.yaml")).fingerprint());
  }

  @Test
  void load_sourceWithoutExtension_isReadAsJsonWhenItStartsWithABrace() throws IOException {
    String json = Files.readString(resource("acme.json"));

    OwnershipPolicy policy = OwnershipPolicies.load("policy-from-config-server", "\n  " + json);

    assertThat(policy.fingerprint()).isEqualTo(acmeInJava().fingerprint());
  }

  @Test
  void load_jsonSyntaxErrorInAJsonFile_isReportedAsJson() {
    assertThatThrownBy(() -> OwnershipPolicies.load("acme.json", "{\"policy\": \"p\",, }"))
        .isInstanceOf(PolicyLoadException.class)
        .hasMessageStartingWith("acme.json:1:16: malformed JSON: ");
  }

  @Test
  void load_inputStream_readsTheSameAsTheFile() throws IOException {
    try (InputStream in = Files.newInputStream(resource("acme.yaml"))) {
      assertThat(OwnershipPolicies.load("acme.yaml", in).fingerprint()).isEqualTo(acmeInJava().fingerprint());
    }
  }

  @Test
  void load_byteOrderMark_isSkipped() throws IOException {
    byte[] text = Files.readAllBytes(resource("acme.yaml"));
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);

    assertThat(OwnershipPolicies.load("acme.yaml", new ByteArrayInputStream(withBom)).fingerprint())
        .isEqualTo(acmeInJava().fingerprint());
  }

  @Test
  void load_missingFile_isAnIoFailureNamingTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("nowhere.yaml");

    assertThatThrownBy(() -> OwnershipPolicies.load(missing))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("nowhere.yaml");
  }

  @Test
  void toYaml_thenLoad_keepsTheFingerprint() {
    OwnershipPolicy policy = acmeInJava();

    OwnershipPolicy reloaded = OwnershipPolicies.load("written.yaml", OwnershipPolicies.toYaml(policy));

    assertThat(reloaded.fingerprint()).isEqualTo(policy.fingerprint());
    assertThat(reloaded.rules(EntityType.CUSTOMER)).containsExactlyElementsOf(policy.rules(EntityType.CUSTOMER));
  }

  @Test
  void toYaml_thenLoad_keepsTheFingerprintOfTheReferencePolicy() {
    OwnershipPolicy reference = ReferencePolicies.seedScenario();

    assertThat(OwnershipPolicies.load("reference.yaml", OwnershipPolicies.toYaml(reference)).fingerprint())
        .isEqualTo(reference.fingerprint());
  }

  @Test
  void toYaml_thenLoad_keepsConditionsTheFileRarelySpellsOut() {
    // An 'always' inside a combination, values that YAML would read as other types, and a rule
    // list whose ids are not the defaults.
    OwnershipPolicy policy = OwnershipPolicy.builder("odd values", "1.0")
        .systems("crm", "erp")
        .entity(EntityType.CUSTOMER, c -> c
            .defaults(r -> r.id("everything").owner("erp"))
            .attribute("/segment", r -> r.id("segment-while-odd")
                .when(allOf(Condition.always(), attribute("/displayName").in("no", "true", "null", "~", "1", "2026.10", "#x", "a: b")))
                .owner("crm"))
            .attribute("/segment", r -> r.id("segment-otherwise")
                .when(not(allOf(Condition.always(), attribute("/displayName").in("no", "true", "null", "~", "1", "2026.10", "#x", "a: b"))))
                .owner("erp")))
        .relaxLint()
        .build();

    String yaml = OwnershipPolicies.toYaml(policy);

    assertThat(OwnershipPolicies.load("odd.yaml", yaml, true).fingerprint()).isEqualTo(policy.fingerprint());
  }

  @Test
  void toYaml_writesTheFormPeopleWrite_aLoneRuleAsARuleAndTheSchemaNamed() {
    String yaml = OwnershipPolicies.toYaml(acmeInJava());

    JsonNode tree = new YAMLMapper().readTree(yaml);
    assertThat(yaml).startsWith("# yaml-language-server: $schema=" + OwnershipPolicies.SCHEMA_ID + "\n");
    assertThat(yaml).contains("version: \"2026.11\"");
    assertThat(tree.at("/entities/customer/defaults").isObject()).isTrue();
    assertThat(tree.at("/entities/customer/attributes/~1segment").isObject()).isTrue();
    assertThat(tree.at("/entities/customer/attributes/~1legalName").isArray()).isTrue();
    assertThat(tree.at("/entities/customer").propertyNames()).containsExactly("defaults", "attributes");
  }

  @Test
  void load_lintErrors_relaxed_returnThePolicyWithItsFindings() {
    String text = """
        policy: p
        version: "1"
        systems: [crm]
        entities:
          customer:
            defaults: { owner: crm, syncTo: [erp] }
        """;

    OwnershipPolicy policy = OwnershipPolicies.load("relaxed.yaml", text, true);

    assertThat(policy.lintFindings()).extracting(LintFinding::code).contains(LintCode.UNDECLARED_SYSTEM);
  }

  @Test
  void load_lintErrors_notRelaxed_noPolicy() {
    String text = """
        policy: p
        version: "1"
        systems: [crm]
        entities:
          customer:
            defaults: { owner: crm, syncTo: [erp] }
        """;

    assertThatThrownBy(() -> OwnershipPolicies.load("strict.yaml", text))
        .isInstanceOf(PolicyLoadException.class)
        .hasCauseInstanceOf(PolicyLintException.class);
  }

  @Test
  void load_path_namesTheFileInMessages(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("board.yaml");
    Files.writeString(file, "policy: p\nversion: 1\nsystems: [crm]\nentities: {customer: {defaults: {owner: crm}}}\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> OwnershipPolicies.load(file))
        .isInstanceOfSatisfying(PolicyLoadException.class, e -> {
          assertThat(e.source()).isEqualTo(file.toString());
          assertThat(e.getMessage()).startsWith(file + ":2:10 (/version): ");
        });
  }

  @Test
  void schema_isDraft2020_12_publishedUnderItsId() {
    JsonNode schema = new YAMLMapper().readTree(OwnershipPolicies.schema());

    assertThat(schema.path("$schema").stringValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.path("$id").stringValue()).isEqualTo(OwnershipPolicies.SCHEMA_ID);
  }

  @Test
  void schema_namesExactlyTheCanonicalEntityTypes() {
    JsonNode schema = new YAMLMapper().readTree(OwnershipPolicies.schema());

    Set<String> named = Set.copyOf(schema.at("/properties/entities/properties").propertyNames());
    assertThat(named).isEqualTo(java.util.Arrays.stream(EntityType.values()).map(EntityType::schemaName).collect(Collectors.toSet()));
  }

  @Test
  void schema_systemIdPattern_isTheModelsPattern() {
    JsonNode schema = new YAMLMapper().readTree(OwnershipPolicies.schema());

    assertThat(schema.at("/$defs/systemId/pattern").stringValue()).isEqualTo(dev.steward.model.SystemIds.PATTERN);
  }

  @Test
  void schema_closesEveryObjectThatListsItsKeys() {
    JsonNode schema = new YAMLMapper().readTree(OwnershipPolicies.schema());

    assertThat(schemasWithProperties(schema, "")).isNotEmpty().allSatisfy(pointer ->
        assertThat(schema.at(pointer).path("additionalProperties").isBoolean()
            && !schema.at(pointer).path("additionalProperties").booleanValue())
            .as("additionalProperties of %s is false", pointer)
            .isTrue());
  }

  private static List<String> schemasWithProperties(JsonNode node, String pointer) {
    List<String> found = new java.util.ArrayList<>();
    if (node.isObject()) {
      if (node.path("properties").isObject() && !pointer.endsWith("/properties")) {
        found.add(pointer);
      }
      node.properties().forEach(e -> found.addAll(schemasWithProperties(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"))));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        found.addAll(schemasWithProperties(node.get(i), pointer + "/" + i));
      }
    }
    return found;
  }
}
