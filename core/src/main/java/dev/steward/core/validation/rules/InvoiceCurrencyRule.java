package dev.steward.core.validation.rules;

import static dev.steward.core.validation.rules.BillingSupport.contractLabel;

import dev.steward.core.validation.BusinessRule;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.ValidationContext;
import dev.steward.core.validation.Violations;
import dev.steward.model.CanonicalId;
import dev.steward.model.Contract;
import dev.steward.model.Invoice;
import java.util.Currency;
import java.util.Optional;

/**
 * Checks that an invoice is in the currency of the contract it bills under: a difference is {@link
 * ReasonCodes#CURRENCY_MISMATCH} at {@code /currency}. The contract is read from the golden records ({@link
 * ValidationContext#records()}); when the invoice names a contract that is not there, this rule reports {@link
 * ReasonCodes#CONTRACT_NOT_FOUND} at {@code /contractId} — the other contract rules ({@link MilestoneBillingRule},
 * {@link OverageRule}) then stay silent rather than report it again. An invoice without a contract is not checked.
 *
 * <p>Obtain it with {@link #of()}. Immutable and thread-safe.
 */
public final class InvoiceCurrencyRule implements BusinessRule<Invoice> {
  private static final InvoiceCurrencyRule INSTANCE = new InvoiceCurrencyRule();

  private InvoiceCurrencyRule() {}

  /** Returns the rule. */
  public static InvoiceCurrencyRule of() {
    return INSTANCE;
  }

  @Override
  public Class<Invoice> appliesTo() {
    return Invoice.class;
  }

  @Override
  public void check(Invoice invoice, ValidationContext context, Violations out) {
    CanonicalId contractId = invoice.contractId();
    Currency currency = invoice.currency();
    if (contractId == null || currency == null) {
      return;
    }
    Optional<Contract> found = context.records().find(contractId, Contract.class);
    if (found.isEmpty()) {
      out.add(ReasonCodes.CONTRACT_NOT_FOUND, "/contractId",
          "the invoice bills under contract " + contractId + ", which does not exist (/contractId)", "");
      return;
    }
    Contract contract = found.get();
    if (contract.currency() != null && !contract.currency().equals(currency)) {
      out.add(ReasonCodes.CURRENCY_MISMATCH, "/currency",
          "the invoice is in " + currency.getCurrencyCode() + ", but " + contractLabel(contract)
              + " is priced and invoiced in " + contract.currency().getCurrencyCode() + " (/currency)", "");
    }
  }

  @Override
  public String toString() {
    return "InvoiceCurrencyRule";
  }
}
