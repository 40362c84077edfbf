package dev.steward.core.validation.rules;

import dev.steward.core.reference.LegalEntityRef;
import dev.steward.core.validation.BusinessRule;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.ValidationContext;
import dev.steward.core.validation.Violations;
import dev.steward.model.Contract;
import java.util.Currency;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A contract is priced in a currency the firm uses and its contracting legal entity may transact
 * in: {@link ReasonCodes#UNKNOWN_LEGAL_ENTITY} at {@code /legalEntityId} when the legal entity is
 * not in the reference data; {@link ReasonCodes#UNKNOWN_CURRENCY} at {@code /currency} when the
 * currency is not active for the firm; {@link ReasonCodes#CURRENCY_NOT_ALLOWED} at {@code /currency}
 * when it is neither the legal entity's functional currency nor one of its allowed currencies
 * ({@link LegalEntityRef#allows}).
 *
 * <p>The checks are independent: an inactive currency the entity does not allow either is
 * reported under both codes, since activating it and allowing it are separate decisions of
 * finance. That the contract's lines are in the contract currency is {@link
 * ContractBillingTermsRule}'s and {@link UsageTermsRule}'s business. An absent currency or legal
 * entity id skips the checks that need it (bean validation reports it).
 *
 * <p>Reads legal entities and currencies from the reference data; a source that does not answer
 * throws, and the pipeline reports {@link ReasonCodes#REFERENCE_DATA_UNAVAILABLE}. Immutable and
 * thread-safe.
 */
public final class ContractCurrencyRule implements BusinessRule<Contract> {

  /** Creates the rule. */
  public ContractCurrencyRule() {}

  @Override
  public Class<Contract> appliesTo() {
    return Contract.class;
  }

  @Override
  public void check(Contract contract, ValidationContext context, Violations out) {
    Currency currency = contract.currency();
    if (currency != null && context.referenceData().currency(currency.getCurrencyCode()).isEmpty()) {
      out.add(ReasonCodes.UNKNOWN_CURRENCY, "/currency", "contract " + contract.contractNumber() + " is in "
          + currency.getCurrencyCode() + ", which is not an active currency of the firm", "");
    }
    if (contract.legalEntityId() == null) {
      return;
    }
    Optional<LegalEntityRef> entity = context.referenceData().legalEntity(contract.legalEntityId());
    if (entity.isEmpty()) {
      out.add(ReasonCodes.UNKNOWN_LEGAL_ENTITY, "/legalEntityId", "contract " + contract.contractNumber()
          + " is with legal entity " + contract.legalEntityId() + ", which is not in the reference data", "");
      return;
    }
    LegalEntityRef le = entity.get();
    if (currency != null && !le.allows(currency)) {
      String others = le.allowedCurrencies().isEmpty() ? "may contract in no other currency"
          : "may also contract in "
              + le.allowedCurrencies().stream().map(Currency::getCurrencyCode).collect(Collectors.joining(", "));
      out.add(ReasonCodes.CURRENCY_NOT_ALLOWED, "/currency", "contract " + contract.contractNumber() + " is in "
          + currency.getCurrencyCode() + ", but legal entity " + le.code() + " keeps its books in "
          + le.functionalCurrency().getCurrencyCode() + " and " + others, "");
    }
  }
}
