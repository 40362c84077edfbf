package dev.steward.model.internal;

import dev.steward.model.CanonicalId;
import dev.steward.model.ModelException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/** Reads a {@link CanonicalId} from its string form, directly: ids are the most frequent value in references. */
public final class IdJson extends ValueDeserializer<CanonicalId> {
  /** Creates the reader; Jackson calls this. */
  public IdJson() {}

  @Override
  public CanonicalId deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw DatabindException.from(
          p, "a canonical id must be a string such as cus_01JDQ6Z3M4X8E2T7V5K9W0B1NA, not " + p.currentToken());
    }
    try {
      return CanonicalId.parse(p.getString());
    } catch (ModelException e) {
      throw DatabindException.from(p, e.getMessage(), e);
    }
  }
}
