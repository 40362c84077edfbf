package dev.steward.spi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One message of a target system's own validation, as it gave it: its error code, the field it
 * names in the system's terms, and its text. Carried by {@link RejectedByTargetException} so that
 * a person can fix the record without reading the system's logs.
 *
 * @param code the system's error code, such as Salesforce's {@code REQUIRED_FIELD_MISSING}
 * @param field the field the message is about, in the system's own naming, if it named one
 * @param message the system's text
 */
public record TargetMessage(String code, @Nullable String field, String message) {
  /** Checks that code and message are present. */
  public TargetMessage {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return code + (field == null ? "" : " at " + field) + ": " + message;
  }
}
