package dev.steward.core.validation.rules;

import dev.steward.core.validation.BusinessRule;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.ValidationContext;
import dev.steward.core.validation.Violations;
import dev.steward.model.Contract;
import dev.steward.model.Money;
import dev.steward.model.UsageTerm;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * Every usage line of a contract, as agreed or added by an amendment, can be rated: {@link
 * ReasonCodes#MISSING_USAGE_TERMS} where its {@code includedQuantity} is absent or below zero, or
 * its {@code overageUnitPrice} is absent, not above zero, or not in the contract currency (the
 * code covers the currency, so it is not reported as a currency mismatch).
 *
 * <p>An included quantity of zero is valid: every unit is charged. An overage unit price may be
 * finer than the currency's minor unit, such as {@code 0.0125 EUR} a transaction, since it is
 * multiplied and rounded before it is invoiced. Other commercial lines are {@link
 * ContractBillingTermsRule}'s business.
 *
 * <p>Reads nothing but the record. Immutable and thread-safe.
 */
public final class UsageTermsRule implements BusinessRule<Contract> {

  /** Creates the rule. */
  public UsageTermsRule() {}

  @Override
  public Class<Contract> appliesTo() {
    return Contract.class;
  }

  @Override
  public void check(Contract contract, ValidationContext context, Violations out) {
    Currency currency = contract.currency();
    for (ContractLines.Line line : ContractLines.of(contract)) {
      if (!(line.term() instanceof UsageTerm usage)) {
        continue;
      }
      String what = "usage " + line.name() + " (" + usage.metricCode() + ")";
      BigDecimal included = usage.includedQuantity();
      if (included == null) {
        out.add(ReasonCodes.MISSING_USAGE_TERMS, line.pointer() + "/includedQuantity",
            what + " states no included quantity; state 0 if every unit is charged", "");
      } else if (included.signum() < 0) {
        out.add(ReasonCodes.MISSING_USAGE_TERMS, line.pointer() + "/includedQuantity",
            what + " includes " + included.toPlainString() + " " + usage.unit() + " a period, which is below zero",
            "");
      }
      Money price = usage.overageUnitPrice();
      String at = line.pointer() + "/overageUnitPrice";
      if (price == null) {
        out.add(ReasonCodes.MISSING_USAGE_TERMS, at, what + " has no overage price per " + usage.unit(), "");
        continue;
      }
      if (price.signum() <= 0) {
        out.add(ReasonCodes.MISSING_USAGE_TERMS, at, what + " has an overage price of " + price + " per "
            + usage.unit() + "; it must be more than zero", "");
      }
      if (!ContractLines.sameCurrency(price, currency)) {
        out.add(ReasonCodes.MISSING_USAGE_TERMS, at, what + " has an overage price of " + price + " per "
            + usage.unit() + ", not in the contract currency " + currency.getCurrencyCode(), "");
      }
    }
  }
}
