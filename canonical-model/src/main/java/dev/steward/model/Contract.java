package dev.steward.model;

import dev.steward.model.constraint.IdOf;
import dev.steward.model.internal.Immutables;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The commercial agreement between one of the firm's legal entities and a customer, such as a
 * master services agreement or a statement of work: its parties, term, currency and payment
 * terms, the priced {@linkplain CommercialTerm terms} billing and revenue work from, and its
 * amendments.
 *
 * <p>{@link #terms()} are the terms as originally agreed; amendments add and remove terms from
 * their effective date on. {@link #termsInForce(LocalDate)} applies them.
 *
 * @param meta governance metadata; {@code meta.id} is a {@code ctr_} id
 * @param contractNumber the contract's number, as it appears on the signed document and on
 *     invoices, such as {@code SOW-2026-0142}
 * @param title the contract's name, such as {@code Data platform build, phase 1}, if any
 * @param customerId the customer that is party to the contract
 * @param legalEntityId the firm's legal entity that is party to the contract and invoices it
 * @param opportunityId the won deal the contract came from, if any
 * @param parentId the framework contract this one is called off under, such as the master
 *     services agreement of a statement of work, if any
 * @param status where the contract stands
 * @param term the days the contract runs, as originally agreed; amendments may move the end
 * @param signedDate when the last party signed, if signed
 * @param currency the currency the contract is priced and invoiced in
 * @param totalValue the total contract value, as originally agreed, if stated
 * @param rateCardId the default rate card for work the terms do not price, such as change
 *     requests, if agreed
 * @param paymentTermsDays the days the customer has to pay an invoice, from 0 (due on receipt)
 *     to 365
 * @param autoRenew whether the contract renews itself at the end of its term unless cancelled
 * @param purchaseOrderNumber the customer's purchase order number that invoices must quote, if
 *     any
 * @param terms the commercial terms as originally agreed, at least one
 * @param amendments the amendments, in any order; each has its own number
 * @param extensions the firm's custom fields
 */
public record Contract(
    @NotNull @Valid EntityMeta meta,
    @NotBlank @Size(max = 64) String contractNumber,
    @Nullable @Size(min = 1, max = 200) String title,
    @NotNull @IdOf(EntityType.CUSTOMER) CanonicalId customerId,
    @NotNull @IdOf(EntityType.LEGAL_ENTITY) CanonicalId legalEntityId,
    @Nullable @IdOf(EntityType.OPPORTUNITY) CanonicalId opportunityId,
    @Nullable @IdOf(EntityType.CONTRACT) CanonicalId parentId,
    @NotNull ContractStatus status,
    @NotNull @Valid Period term,
    @Nullable LocalDate signedDate,
    @NotNull Currency currency,
    @Nullable Money totalValue,
    @Nullable @IdOf(EntityType.RATE_CARD) CanonicalId rateCardId,
    @PositiveOrZero @Max(365) @NotNull Integer paymentTermsDays,
    @NotNull Boolean autoRenew,
    @Nullable @Size(min = 1, max = 64) String purchaseOrderNumber,
    @Size(min = 1, max = 200) List<@NotNull @Valid CommercialTerm> terms,
    @Size(max = 100) List<@NotNull @Valid ContractAmendment> amendments,
    @Size(max = CanonicalEntity.MAX_EXTENSIONS)
        Map<@NotNull @Pattern(regexp = CanonicalEntity.EXTENSION_KEY_PATTERN) String, @NotNull JsonNode>
            extensions)
    implements CanonicalEntity {

  /** Copies collections into unmodifiable ones; absent collections become empty. */
  public Contract {
    terms = Immutables.list(terms);
    amendments = Immutables.list(amendments);
    extensions = Immutables.extensions(extensions);
  }

  @Override
  public EntityType entityType() {
    return EntityType.CONTRACT;
  }

  /**
   * Returns the terms in force on {@code date}: the original terms with every amendment effective
   * on or before that date applied in number order, each removing its {@code removedLineIds} and
   * then adding its {@code addedTerms} (an added term replaces one with the same {@code lineId}).
   * Does not consider the contract's term or status. Meant for a contract that has passed
   * validation.
   */
  public List<CommercialTerm> termsInForce(LocalDate date) {
    Map<String, CommercialTerm> byLine = new LinkedHashMap<>();
    terms.forEach(t -> byLine.put(t.lineId(), t));
    List<ContractAmendment> applicable = new ArrayList<>();
    for (ContractAmendment a : amendments) {
      if (!a.effectiveDate().isAfter(date)) {
        applicable.add(a);
      }
    }
    applicable.sort(Comparator.comparingInt(ContractAmendment::number));
    for (ContractAmendment a : applicable) {
      a.removedLineIds().forEach(byLine::remove);
      a.addedTerms().forEach(t -> byLine.put(t.lineId(), t));
    }
    return List.copyOf(byLine.values());
  }
}
