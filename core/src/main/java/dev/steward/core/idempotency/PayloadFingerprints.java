package dev.steward.core.idempotency;

import dev.steward.model.CanonicalJson;
import dev.steward.model.Fingerprint;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fingerprints of payloads: SHA-256 over their RFC 8785 canonical JSON, so that the same content
 * has the same fingerprint whatever its key order or number formatting. A fingerprint of a
 * declared subset of attributes leaves out what legitimately differs between two sends of one
 * operation (a timestamp, the sender's metadata). Thread-safe.
 */
public final class PayloadFingerprints {
  private final CanonicalJson json;

  private PayloadFingerprints(CanonicalJson json) {
    this.json = json;
  }

  /** Returns fingerprints made with {@code json}'s canonicalizer. */
  public static PayloadFingerprints using(CanonicalJson json) {
    return new PayloadFingerprints(Objects.requireNonNull(json, "json"));
  }

  /** Returns the fingerprint of the whole payload. */
  public Fingerprint of(JsonNode payload) {
    return json.fingerprint(Objects.requireNonNull(payload, "payload"));
  }

  /**
   * Returns the fingerprint of the values at {@code pointers} (JSON Pointers), as an object from
   * pointer to value; an absent value counts as {@code null}, so removing it changes the
   * fingerprint.
   *
   * @throws IllegalArgumentException if a pointer is not a JSON Pointer
   */
  public Fingerprint of(JsonNode payload, Collection<String> pointers) {
    Objects.requireNonNull(payload, "payload");
    ObjectNode subset = JsonNodeFactory.instance.objectNode();
    for (String pointer : new TreeSet<>(List.copyOf(pointers))) {
      if (!pointer.isEmpty() && !pointer.startsWith("/")) {
        throw new IllegalArgumentException("'" + pointer + "' is not a JSON Pointer");
      }
      JsonNode value = payload.at(pointer);
      subset.set(pointer, value.isMissingNode() ? subset.nullNode() : value);
    }
    return json.fingerprint(subset);
  }
}
