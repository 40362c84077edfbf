package dev.steward.model;

import dev.steward.model.constraint.IdOf;
import dev.steward.model.internal.Immutables;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A bill the firm sends a customer for consulting time, fees, milestones, usage and expenses,
 * from draft in the billing platform to posting in the ERP and payment.
 *
 * <p>Amounts are as the issuing system states them; whether lines and totals add up is checked
 * by the validation pipeline, not here.
 *
 * @param meta governance metadata; {@code meta.id} is an {@code inv_} id
 * @param invoiceNumber the legal, sequential invoice number; absent while the invoice is a draft
 * @param customerId the customer billed
 * @param legalEntityId the firm's legal entity that issues the invoice
 * @param contractId the contract billed under, if any
 * @param billingScheduleId the billing schedule that produced the invoice, if any
 * @param status where the invoice stands in its lifecycle
 * @param currency the currency of every amount on the invoice
 * @param issueDate the invoice date, which starts payment terms and decides the tax period
 * @param dueDate when payment is due, once payment terms are applied
 * @param servicePeriod the days of service the invoice covers, as tax law often requires
 * @param purchaseOrderNumber the customer's purchase order number, which many customers require on invoices
 * @param billTo the address the invoice is made out to
 * @param lines what is billed, one line per item, at least one
 * @param totals the invoice's net, tax and gross totals
 * @param amountDue what remains to be paid after payments and credits; kept by receivables
 * @param extensions the firm's custom fields
 */
public record Invoice(
    @NotNull @Valid EntityMeta meta,
    @Nullable @Size(min = 1, max = 64) String invoiceNumber,
    @NotNull @IdOf(EntityType.CUSTOMER) CanonicalId customerId,
    @NotNull @IdOf(EntityType.LEGAL_ENTITY) CanonicalId legalEntityId,
    @Nullable @IdOf(EntityType.CONTRACT) CanonicalId contractId,
    @Nullable @IdOf(EntityType.BILLING_SCHEDULE) CanonicalId billingScheduleId,
    @NotNull InvoiceStatus status,
    @NotNull Currency currency,
    @NotNull LocalDate issueDate,
    @Nullable LocalDate dueDate,
    @Nullable @Valid Period servicePeriod,
    @Nullable @Size(min = 1, max = 64) String purchaseOrderNumber,
    @Nullable @Valid Address billTo,
    @Size(min = 1, max = 1000) List<@NotNull @Valid InvoiceLine> lines,
    @NotNull @Valid InvoiceTotals totals,
    @Nullable Money amountDue,
    @Size(max = CanonicalEntity.MAX_EXTENSIONS)
        Map<@NotNull @Pattern(regexp = CanonicalEntity.EXTENSION_KEY_PATTERN) String, @NotNull JsonNode>
            extensions)
    implements CanonicalEntity {

  /** Copies collections into unmodifiable ones; absent collections become empty. */
  public Invoice {
    lines = Immutables.list(lines);
    extensions = Immutables.extensions(extensions);
  }

  @Override
  public EntityType entityType() {
    return EntityType.INVOICE;
  }
}
