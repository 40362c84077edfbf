package dev.steward.examples.canonicaljson;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.CanonicalJson;
import dev.steward.model.CanonicalJsonException;
import dev.steward.model.CanonicalSchemas;
import dev.steward.model.EntityType;
import dev.steward.model.IdGenerator;
import dev.steward.model.Envelope;
import dev.steward.model.JsonPointers;
import dev.steward.model.SchemaViolation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Loads canonical JSON documents, checks each against its JSON schema and its bean constraints,
 * and prints what a finance analyst or integration engineer needs: valid, or every problem with
 * its JSON Pointer. A valid record is then wrapped in the change envelope it would travel in.
 * Documents are checked against the newest schema version this release ships.
 *
 * <p>Run with no arguments for the bundled examples, or pass {@code <entity-type> <file>} pairs,
 * such as {@code customer my-customer.json}.
 */
public final class CanonicalJsonExample {
  private static final List<String> BUNDLED =
      List.of("changes/01-customer-from-erp.json", "changes/02-customer-with-errors.json");

  private final CanonicalJson json = CanonicalJson.ofDefaults();
  private final CanonicalSchemas schemas = CanonicalSchemas.shared();
  private final Validator validator;
  private final Clock clock;
  private final IdGenerator ids;
  private final PrintStream out;

  CanonicalJsonExample(Validator validator, Clock clock, PrintStream out) {
    this.validator = validator;
    this.clock = clock;
    this.ids = IdGenerator.create(clock);
    this.out = out;
  }

  /**
   * Runs the example.
   *
   * @param args nothing, or pairs of entity type ({@code customer}, {@code invoice}, ...) and file
   * @throws IOException if a named file cannot be read
   */
  public static void main(String[] args) throws IOException {
    try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
      CanonicalJsonExample example =
          new CanonicalJsonExample(factory.getValidator(), Clock.systemUTC(), System.out);
      int invalid = example.run(args);
      System.out.println(invalid == 0 ? "All documents are valid." : invalid + " document(s) refused.");
    }
  }

  /** Checks each document and returns how many were refused. */
  int run(String[] args) throws IOException {
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("arguments come in pairs: <entity-type> <file>");
    }
    int invalid = 0;
    if (args.length == 0) {
      for (String resource : BUNDLED) {
        invalid += check(resource, EntityType.CUSTOMER, bundled(resource)) ? 0 : 1;
      }
    }
    for (int i = 0; i < args.length; i += 2) {
      String typeName = args[i];
      EntityType type =
          EntityType.fromSchemaName(typeName)
              .orElseThrow(() -> new IllegalArgumentException("unknown entity type '" + typeName + "'"));
      invalid += check(args[i + 1], type, Files.readAllBytes(Path.of(args[i + 1]))) ? 0 : 1;
    }
    return invalid;
  }

  private boolean check(String name, EntityType type, byte[] bytes) {
    out.println("== " + name + " (" + type.schemaName() + ")");
    JsonNode tree;
    try {
      tree = json.readTree(bytes);
    } catch (CanonicalJsonException e) {
      out.println("  REFUSED " + e.code() + ": " + e.getMessage());
      return false;
    }
    Set<String> problems = new TreeSet<>();
    int version = schemas.versions(type).last();
    for (SchemaViolation v : schemas.validate(type, version, tree)) {
      problems.add(v.pointer() + "  schema: " + v.message());
    }
    CanonicalEntity entity = null;
    try {
      entity = json.fromTree(tree, type.recordType());
      for (ConstraintViolation<CanonicalEntity> v : validator.validate(entity)) {
        problems.add(JsonPointers.of(v.getPropertyPath()) + "  bean: " + v.getMessage());
      }
    } catch (CanonicalJsonException e) {
      problems.add(e.pointer() + "  binding: " + e.getMessage());
    }
    if (!problems.isEmpty() || entity == null) {
      out.println("  INVALID, " + problems.size() + " problem(s):");
      problems.forEach(p -> out.println("    " + p));
      return false;
    }
    out.println("  VALID " + entity.id() + ", version " + entity.meta().version() + ", fingerprint " + json.fingerprint(entity));
    Envelope envelope =
        Envelope.builder()
            .id("evt_" + ids.nextUlid())
            .sourceSystem(entity.meta().lastWriter())
            .type("dev.steward." + type.schemaName() + ".changed")
            .time(clock.instant())
            .entity(entity, json)
            .build();
    out.println("  as an envelope: source " + envelope.source() + ", dataschema " + envelope.dataSchema()
        + ", entityversion " + envelope.entityVersion());
    return true;
  }

  private static byte[] bundled(String resource) throws IOException {
    try (InputStream in = CanonicalJsonExample.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing bundled example " + resource);
      }
      return in.readAllBytes();
    }
  }

  static List<String> bundledNames() {
    return new ArrayList<>(BUNDLED);
  }
}
