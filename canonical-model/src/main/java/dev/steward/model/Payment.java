package dev.steward.model;

import dev.steward.model.constraint.IdOf;
import dev.steward.model.internal.Immutables;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Money received from a customer, and the invoices it settles: what cash application in the
 * ERP or a payment processor reports.
 *
 * @param meta governance metadata; {@code meta.id} is a {@code pay_} id
 * @param customerId the customer who paid
 * @param legalEntityId the firm's legal entity that received the money
 * @param amount the amount received
 * @param receivedDate the day the money arrived (the bank's value date)
 * @param method how the customer paid
 * @param reference the remittance reference or processor transaction id, used to match invoices
 * @param depositAccount the firm's bank or clearing account that received it, as treasury names it
 * @param status where the payment stands in cash application
 * @param allocations the invoices the payment is applied to, and how much to each
 * @param extensions the firm's custom fields
 */
public record Payment(
    @NotNull @Valid EntityMeta meta,
    @NotNull @IdOf(EntityType.CUSTOMER) CanonicalId customerId,
    @NotNull @IdOf(EntityType.LEGAL_ENTITY) CanonicalId legalEntityId,
    @NotNull Money amount,
    @NotNull LocalDate receivedDate,
    @NotNull PaymentMethod method,
    @Nullable @Size(min = 1, max = 140) String reference,
    @Nullable @Size(min = 1, max = 64) String depositAccount,
    @NotNull PaymentStatus status,
    @Size(max = 500) List<@NotNull @Valid PaymentAllocation> allocations,
    @Size(max = CanonicalEntity.MAX_EXTENSIONS)
        Map<@NotNull @Pattern(regexp = CanonicalEntity.EXTENSION_KEY_PATTERN) String, @NotNull JsonNode>
            extensions)
    implements CanonicalEntity {

  /** Copies collections into unmodifiable ones; absent collections become empty. */
  public Payment {
    allocations = Immutables.list(allocations);
    extensions = Immutables.extensions(extensions);
  }

  @Override
  public EntityType entityType() {
    return EntityType.PAYMENT;
  }
}
