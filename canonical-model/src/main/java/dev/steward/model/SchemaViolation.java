package dev.steward.model;

/**
 * One way a JSON document breaks its canonical JSON schema.
 *
 * @param pointer the JSON Pointer of the offending value; for a missing required property, the
 *     pointer the property would have
 * @param keyword the JSON Schema keyword that failed, such as {@code required} or {@code maxLength}
 * @param message a plain message
 */
public record SchemaViolation(String pointer, String keyword, String message) {}
