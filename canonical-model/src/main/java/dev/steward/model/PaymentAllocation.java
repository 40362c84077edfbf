package dev.steward.model;

import dev.steward.model.constraint.IdOf;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The part of a payment applied to one invoice.
 *
 * @param invoiceId the invoice settled
 * @param amount the amount applied to it
 * @param appliedDate the day it was applied, if cash application happened after receipt
 */
public record PaymentAllocation(
    @NotNull @IdOf(EntityType.INVOICE) CanonicalId invoiceId,
    @NotNull Money amount,
    @Nullable LocalDate appliedDate) {}
