package dev.steward.core.validation.rules;

import dev.steward.core.validation.BusinessRule;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.ValidationContext;
import dev.steward.core.validation.Violations;
import dev.steward.model.CanonicalId;
import dev.steward.model.Contract;
import dev.steward.model.ContractMilestone;
import dev.steward.model.FixedFeeTerm;
import dev.steward.model.MilestonesTerm;
import dev.steward.model.Money;
import dev.steward.model.RateCard;
import dev.steward.model.RateCardEntry;
import dev.steward.model.RetainerTerm;
import dev.steward.model.TimeAndMaterialsTerm;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Every commercial line of a contract can be invoiced as agreed: {@link
 * ReasonCodes#MISSING_CONTRACT_TERMS} where a line lacks what billing needs, {@link
 * ReasonCodes#CURRENCY_MISMATCH} where its money is not in the contract currency.
 *
 * <p>The lines are the contract's {@code terms} and every amendment's {@code addedTerms}. What a
 * line needs, by kind:
 *
 * <ul>
 *   <li>{@code FIXED_FEE}: a {@code fee} above zero;
 *   <li>{@code TIME_AND_MATERIALS}: a {@code rateCardId} naming a rate card in the reference data
 *       with at least one rate in the contract currency, and a {@code notToExceed} cap, if any,
 *       above zero;
 *   <li>{@code MILESTONES}: every milestone's {@code amount} above zero;
 *   <li>{@code RETAINER}: an {@code amount} above zero;
 *   <li>{@code USAGE}: not checked here; {@link UsageTermsRule} does.
 * </ul>
 *
 * <p>A fee, milestone amount or retainer amount is invoiced as it stands, so it must also be
 * exact in its currency's minor unit (no fraction of a yen, at most three decimals for dinars);
 * a finer amount is {@code MISSING_CONTRACT_TERMS}. Every amount above, and the contract's {@code
 * totalValue}, must be in the contract currency; otherwise {@code CURRENCY_MISMATCH} at that
 * money's path. The contract's default {@code rateCardId}, if set, must name a rate card as a
 * time-and-materials line's must. An absent amount or rate card is reported as missing; an absent
 * contract currency skips the currency checks ({@link ContractCurrencyRule} and bean validation
 * report it). Whether a rate card's validity covers a day worked is checked when the time is
 * priced, not here.
 *
 * <p>Reads rate cards from the reference data; a source that does not answer throws, and the
 * pipeline reports {@link ReasonCodes#REFERENCE_DATA_UNAVAILABLE}. Immutable and thread-safe.
 */
public final class ContractBillingTermsRule implements BusinessRule<Contract> {

  /** Creates the rule. */
  public ContractBillingTermsRule() {}

  @Override
  public Class<Contract> appliesTo() {
    return Contract.class;
  }

  @Override
  public void check(Contract contract, ValidationContext context, Violations out) {
    @Nullable Currency currency = contract.currency();
    for (ContractLines.Line line : ContractLines.of(contract)) {
      String at = line.pointer();
      if (line.term() instanceof FixedFeeTerm fee) {
        invoiced(fee.fee(), at + "/fee", "the fixed fee of " + line.name(), currency, out);
      } else if (line.term() instanceof TimeAndMaterialsTerm tm) {
        rateCard(tm.rateCardId(), at + "/rateCardId", "time-and-materials " + line.name(), currency, context, out);
        cap(tm.notToExceed(), at + "/notToExceed", line.name(), currency, out);
      } else if (line.term() instanceof MilestonesTerm milestones) {
        List<ContractMilestone> list = milestones.milestones();
        if (list.isEmpty()) {
          out.add(ReasonCodes.MISSING_CONTRACT_TERMS, at + "/milestones",
              "milestones " + line.name() + " has no milestones, so nothing can be invoiced under it", "");
        }
        for (int j = 0; j < list.size(); j++) {
          ContractMilestone m = list.get(j);
          if (m != null) {
            invoiced(m.amount(), at + "/milestones/" + j + "/amount",
                "milestone " + m.milestoneId() + " of " + line.name(), currency, out);
          }
        }
      } else if (line.term() instanceof RetainerTerm retainer) {
        invoiced(retainer.amount(), at + "/amount", "the retainer fee of " + line.name(), currency, out);
      }
      // UsageTerm: UsageTermsRule.
    }
    if (contract.rateCardId() != null) {
      rateCard(contract.rateCardId(), "/rateCardId", "the contract's default rate card", currency, context, out);
    }
    if (!ContractLines.sameCurrency(contract.totalValue(), currency)) {
      out.add(ReasonCodes.CURRENCY_MISMATCH, "/totalValue", "the total contract value " + contract.totalValue()
          + " is not in the contract currency " + code(currency), "");
    }
  }

  /** An amount an invoice carries as it stands: present, above zero, exact, in the contract currency. */
  private static void invoiced(@Nullable Money amount, String at, String what, @Nullable Currency currency,
      Violations out) {
    if (amount == null) {
      out.add(ReasonCodes.MISSING_CONTRACT_TERMS, at, what + " has no amount, so it cannot be invoiced", "");
      return;
    }
    if (amount.signum() <= 0) {
      out.add(ReasonCodes.MISSING_CONTRACT_TERMS, at,
          what + " is " + amount + "; it must be more than zero to be invoiced", "");
    } else if (!amount.isAtCurrencyScale()) {
      out.add(ReasonCodes.MISSING_CONTRACT_TERMS, at, what + " is " + amount + ", which has more decimals than "
          + amount.currencyCode() + " allows (" + amount.currency().getDefaultFractionDigits()
          + "), so it cannot be invoiced exactly", "");
    }
    if (!ContractLines.sameCurrency(amount, currency)) {
      out.add(ReasonCodes.CURRENCY_MISMATCH, at,
          what + " is " + amount + ", not in the contract currency " + code(currency), "");
    }
  }

  private static void cap(@Nullable Money cap, String at, String lineName, @Nullable Currency currency,
      Violations out) {
    if (cap == null) {
      return;
    }
    if (cap.signum() <= 0) {
      out.add(ReasonCodes.MISSING_CONTRACT_TERMS, at, "the not-to-exceed cap of time-and-materials " + lineName
          + " is " + cap + ", so nothing could be billed under it; it must be more than zero or absent", "");
    }
    if (!ContractLines.sameCurrency(cap, currency)) {
      out.add(ReasonCodes.CURRENCY_MISMATCH, at, "the not-to-exceed cap of time-and-materials " + lineName
          + " is " + cap + ", not in the contract currency " + code(currency), "");
    }
  }

  private static void rateCard(@Nullable CanonicalId id, String at, String what, @Nullable Currency currency,
      ValidationContext context, Violations out) {
    if (id == null) {
      out.add(ReasonCodes.MISSING_CONTRACT_TERMS, at, what + " names no rate card, so its time cannot be priced", "");
      return;
    }
    Optional<RateCard> card = context.referenceData().rateCard(id);
    if (card.isEmpty()) {
      out.add(ReasonCodes.MISSING_CONTRACT_TERMS, at,
          what + " names rate card " + id + ", which is not in the reference data, so its time cannot be priced", "");
      return;
    }
    if (currency == null) {
      return;
    }
    TreeSet<String> priced = new TreeSet<>();
    for (RateCardEntry entry : card.get().entries()) {
      if (entry != null && entry.rate() != null) {
        priced.add(entry.rate().currencyCode());
      }
    }
    if (!priced.contains(currency.getCurrencyCode())) {
      out.add(ReasonCodes.MISSING_CONTRACT_TERMS, at, what + " names rate card " + id + " (" + card.get().name()
          + "), which has no rates in the contract currency " + currency.getCurrencyCode()
          + (priced.isEmpty() ? " (it has no rates at all)" : " (only in " + String.join(", ", priced) + ")"), "");
    }
  }

  private static String code(@Nullable Currency currency) {
    return currency == null ? "(none)" : currency.getCurrencyCode();
  }
}
