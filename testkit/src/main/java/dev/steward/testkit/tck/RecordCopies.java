package dev.steward.testkit.tck;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.CanonicalJson;
import dev.steward.model.ExternalRef;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Copies of canonical records with other external references or extensions, made through their
 * canonical JSON so that they work for every entity type. Stateless.
 */
final class RecordCopies {
  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();

  private RecordCopies() {}

  /** Returns a copy of {@code record} whose {@code meta.externalRefs} are {@code refs}. */
  static <T extends CanonicalEntity> T withExternalRefs(T record, List<ExternalRef> refs) {
    ObjectNode tree = tree(record);
    ObjectNode meta = (ObjectNode) tree.get("meta");
    if (refs.isEmpty()) {
      meta.remove("externalRefs");
    } else {
      meta.set("externalRefs", JSON.readTree(JSON.writeBytes(refs)));
    }
    return bind(tree, record);
  }

  /** Returns a copy of {@code record} with extension {@code key} set to {@code value}. */
  static <T extends CanonicalEntity> T withExtension(T record, String key, JsonNode value) {
    ObjectNode tree = tree(record);
    JsonNode extensions = tree.get("extensions");
    ObjectNode target = extensions instanceof ObjectNode o ? o : tree.putObject("extensions");
    target.set(key, value);
    return bind(tree, record);
  }

  /**
   * Returns the canonical JSON tree of {@code record}, parsed from its bytes so that equal
   * records give equal trees whatever Java number types they hold.
   */
  static ObjectNode tree(CanonicalEntity record) {
    return (ObjectNode) JSON.readTree(JSON.writeBytes(record));
  }

  /** Returns {@code json} parsed, for comparing trees made by different hands. */
  static JsonNode normalized(JsonNode json) {
    return JSON.readTree(JSON.writeBytes(json));
  }

  @SuppressWarnings("unchecked") // a record's class is the class of its copy
  private static <T extends CanonicalEntity> T bind(ObjectNode tree, T like) {
    return (T) JSON.fromTree(tree, like.getClass());
  }
}
