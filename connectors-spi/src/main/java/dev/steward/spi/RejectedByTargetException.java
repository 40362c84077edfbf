package dev.steward.spi;

import java.util.List;
import java.util.Objects;

/**
 * The target system's own validation refused the record (Salesforce {@code
 * FIELD_CUSTOM_VALIDATION_EXCEPTION}, a NetSuite {@code USER_ERROR}, Stripe's {@code
 * invalid_request_error} on a field, an ERP refusing a posting to a closed period). Kind {@link
 * FailureKind#REJECTED}: the change is parked with the {@linkplain #messages() system's messages}.
 */
public final class RejectedByTargetException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  private final List<TargetMessage> messages;

  /**
   * Creates the exception.
   *
   * @param systemId the system that refused the record
   * @param what the operation and record refused, such as {@code "upsert of invoice inv_01J..."}
   * @param messages the system's messages, at least one
   */
  public RejectedByTargetException(String systemId, String what, List<TargetMessage> messages) {
    super(FailureKind.REJECTED, systemId, Objects.requireNonNull(what, "what") + " was refused: "
        + nonEmpty(messages), null);
    this.messages = List.copyOf(messages);
  }

  private static List<TargetMessage> nonEmpty(List<TargetMessage> messages) {
    Objects.requireNonNull(messages, "messages");
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("a rejection carries at least one of the system's messages");
    }
    return messages;
  }

  /** Returns the system's messages, in the order it gave them. */
  public List<TargetMessage> messages() {
    return messages;
  }
}
