package dev.steward.model;

import static dev.steward.model.ModelTestSupport.described;
import static dev.steward.model.ModelTestSupport.pointers;
import static dev.steward.model.ModelTestSupport.resource;
import static dev.steward.model.ModelTestSupport.validator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The contract every canonical entity meets: generated valid instances round-trip through
 * canonical JSON without loss and conform to their schema; the schema names exactly the record's
 * components; the hand-written sample is valid and canonical; and each hand-written invalid
 * document is refused by both the schema and bean validation at the same JSON Pointer.
 *
 * <p>Generation is seeded: the seed is in every failure message, and {@code -Dsteward.seed=N}
 * replays it.
 */
class CanonicalModelConformanceTest {
  private static final int GENERATED_PER_TYPE = 200;
  private static final long SEED = Long.getLong("steward.seed", System.nanoTime());

  private final CanonicalJson json = CanonicalJson.ofDefaults();
  private final CanonicalSchemas schemas = CanonicalSchemas.shared();

  @ParameterizedTest
  @EnumSource(EntityType.class)
  void generatedInstances_areValid_roundTripWithoutLoss_andConformToSchema(EntityType type) {
    Class<? extends CanonicalEntity> recordType = type.recordType();
    long seed = SEED ^ type.ordinal();
    List<? extends CanonicalEntity> generated =
        CanonicalGenerators.valid(recordType, type).withSeed(seed).stream().limit(GENERATED_PER_TYPE).toList();
    assertThat(generated).hasSize(GENERATED_PER_TYPE);
    for (int i = 0; i < generated.size(); i++) {
      CanonicalEntity entity = generated.get(i);
      String where = type + " #" + i + " (replay with -Dsteward.seed=" + SEED + ")";
      assertThat(described(validator().validate(entity))).as("bean violations of generated %s", where).isEmpty();

      byte[] bytes = json.writeBytes(entity);
      CanonicalEntity back = json.read(bytes, recordType);
      assertThat(back).as("round trip of %s", where).isEqualTo(entity);
      assertThat(json.writeBytes(back)).as("re-serialization of %s", where).isEqualTo(bytes);

      JsonNode tree = json.readTree(bytes);
      assertThat(schemas.validate(type, EntityMeta.CURRENT_SCHEMA_VERSION, tree))
          .as("schema violations of generated %s: %s", where, new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
          .isEmpty();
      assertThat(json.fingerprint(tree)).as("fingerprint of %s", where).isEqualTo(json.fingerprint(entity));
    }
  }

  @ParameterizedTest
  @EnumSource(EntityType.class)
  void schema_namesExactlyTheRecordComponents_andRequiresExactlyTheMandatoryOnes(EntityType type) {
    Class<? extends CanonicalEntity> recordType = type.recordType();
    JsonNode schema = schemas.document(SchemaRef.of(type, EntityMeta.CURRENT_SCHEMA_VERSION));
    assertThat(schema.path("$id").asString())
        .isEqualTo(SchemaRef.of(type, EntityMeta.CURRENT_SCHEMA_VERSION).uri().toString());
    assertThat(schema.path("additionalProperties").asBoolean(true)).as("closed content model").isFalse();

    List<String> components = Arrays.stream(recordType.getRecordComponents()).map(RecordComponent::getName).toList();
    List<String> properties = new ArrayList<>(schema.path("properties").propertyNames());
    assertThat(properties).as("schema properties of %s, in record order", type).containsExactlyElementsOf(components);

    Set<String> mandatory =
        Arrays.stream(recordType.getRecordComponents())
            .filter(ModelTestSupport::mandatory)
            .map(RecordComponent::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> required = new TreeSet<>();
    schema.path("required").forEach(n -> required.add(n.asString()));
    assertThat(required).as("schema 'required' of %s", type).isEqualTo(mandatory);
  }

  @ParameterizedTest
  @EnumSource(EntityType.class)
  void sample_isValid_andCanonical(EntityType type) {
    Class<? extends CanonicalEntity> recordType = type.recordType();
    JsonNode sample = json.readTree(resource("samples/v1/" + type.schemaName() + ".json"));
    assertThat(schemas.validate(type, 1, sample)).as("schema violations of the %s sample", type).isEmpty();
    CanonicalEntity entity = json.fromTree(sample, recordType);
    assertThat(described(validator().validate(entity))).as("bean violations of the %s sample", type).isEmpty();
    // Compared as RFC 8785 bytes: Jackson trees distinguish IntNode(7) from LongNode(7).
    assertThat(new String(json.canonicalBytes(entity), java.nio.charset.StandardCharsets.UTF_8))
        .as("the %s sample is in canonical form (no nulls, no empty collections)", type)
        .isEqualTo(new String(json.canonicalBytes(sample), java.nio.charset.StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @EnumSource(EntityType.class)
  void invalidDocuments_areRefusedBySchemaAndBeanValidation_atTheSamePath(EntityType type) throws Exception {
    Class<? extends CanonicalEntity> recordType = type.recordType();
    List<Path> cases = invalidCases(type);
    assertThat(cases).as("hand-written invalid documents for %s", type).hasSizeGreaterThanOrEqualTo(4);
    for (Path file : cases) {
      JsonNode testCase = json.readTree(Files.readAllBytes(file));
      String expected = testCase.path("expectedPath").asString();
      JsonNode document = testCase.path("document");
      String name = type.schemaName() + "/" + file.getFileName() + " (" + testCase.path("description").asString() + ")";

      List<String> schemaPaths =
          schemas.validate(type, 1, document).stream().map(SchemaViolation::pointer).toList();
      assertThat(schemaPaths).as("schema violations of %s", name).contains(expected);

      CanonicalEntity entity;
      try {
        entity = json.fromTree(document, recordType);
      } catch (CanonicalJsonException e) {
        fail("%s must bind so that bean validation can judge it, but: %s", name, e.getMessage());
        return;
      }
      assertThat(pointers(validator().validate(entity))).as("bean violations of %s", name).contains(expected);
    }
  }

  private static List<Path> invalidCases(EntityType type) throws IOException, URISyntaxException {
    URL dir = CanonicalModelConformanceTest.class.getClassLoader().getResource("invalid/v1/" + type.schemaName());
    if (dir == null) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }
}
