package dev.steward.core.validation.rules;

import static dev.steward.core.validation.rules.BillingSupport.contractLabel;
import static dev.steward.core.validation.rules.BillingSupport.everyTerm;
import static dev.steward.core.validation.rules.BillingSupport.in;
import static dev.steward.core.validation.rules.BillingSupport.lineLabel;
import static dev.steward.core.validation.rules.BillingSupport.linePath;
import static dev.steward.core.validation.rules.BillingSupport.money;

import dev.steward.core.validation.BusinessRule;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.ValidationContext;
import dev.steward.core.validation.Violations;
import dev.steward.model.CanonicalId;
import dev.steward.model.CommercialTerm;
import dev.steward.model.Contract;
import dev.steward.model.ContractMilestone;
import dev.steward.model.Invoice;
import dev.steward.model.InvoiceLine;
import dev.steward.model.MilestonesTerm;
import dev.steward.model.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that milestone billing stays within the contract: the invoice's milestone lines — those whose {@code
 * contractLineId} names a {@link MilestonesTerm} of the contract — plus what was invoiced for milestones before
 * ({@link dev.steward.core.validation.RecordLookup#milestonesInvoicedToDate}, when the host knows it) must not exceed
 * the contract value. The contract value is the total value in force on the issue date (the latest amendment's new
 * total value, else the value originally agreed); a contract that states none is capped at the sum of the milestone
 * amounts of its milestone terms in force on the issue date.
 *
 * <p>When the sum would exceed it, {@link ReasonCodes#MILESTONE_EXCEEDS_CONTRACT} is reported once, at {@code
 * /lines/<i>/netAmount} of the first milestone line that takes billing over. Only amounts in the contract currency
 * are compared: an invoice in another currency is not checked ({@link InvoiceCurrencyRule} reports it), and an
 * invoiced-to-date figure in another currency counts as unknown. An invoice without a contract, or whose contract is
 * not found ({@link InvoiceCurrencyRule} reports that), is not checked.
 *
 * <p>Obtain it with {@link #of()}. Immutable and thread-safe.
 */
public final class MilestoneBillingRule implements BusinessRule<Invoice> {
  private static final MilestoneBillingRule INSTANCE = new MilestoneBillingRule();

  private MilestoneBillingRule() {}

  /** Returns the rule. */
  public static MilestoneBillingRule of() {
    return INSTANCE;
  }

  @Override
  public Class<Invoice> appliesTo() {
    return Invoice.class;
  }

  @Override
  public void check(Invoice invoice, ValidationContext context, Violations out) {
    CanonicalId contractId = invoice.contractId();
    LocalDate issued = invoice.issueDate();
    List<InvoiceLine> lines = invoice.lines();
    if (contractId == null || issued == null || lines == null) {
      return;
    }
    Optional<Contract> found = context.records().find(contractId, Contract.class);
    if (found.isEmpty()) {
      return; // InvoiceCurrencyRule reports CONTRACT_NOT_FOUND
    }
    Contract contract = found.get();
    Currency currency = contract.currency();
    if (currency == null || !currency.equals(invoice.currency())) {
      return; // InvoiceCurrencyRule reports CURRENCY_MISMATCH
    }
    Map<String, CommercialTerm> terms = everyTerm(contract);
    Optional<Cap> cap = Optional.empty();
    BigDecimal before = context.records().milestonesInvoicedToDate(contractId)
        .filter(m -> currency.equals(m.currency()))
        .map(Money::amount)
        .orElse(BigDecimal.ZERO);
    BigDecimal billed = before;
    BigDecimal onInvoice = BigDecimal.ZERO;
    for (int i = 0; i < lines.size(); i++) {
      InvoiceLine line = lines.get(i);
      if (line == null || line.contractLineId() == null
          || !(terms.get(line.contractLineId()) instanceof MilestonesTerm)
          || !in(line.netAmount(), currency)) {
        continue;
      }
      if (cap.isEmpty()) {
        cap = cap(contract, issued, currency);
        if (cap.isEmpty()) {
          return; // a contract value in another currency: nothing to compare with
        }
      }
      onInvoice = onInvoice.add(line.netAmount().amount());
      billed = billed.add(line.netAmount().amount());
      if (billed.compareTo(cap.get().amount) > 0) {
        String path = linePath(i, "netAmount");
        out.add(ReasonCodes.MILESTONE_EXCEEDS_CONTRACT, path,
            lineLabel(line, i) + ": milestone billing under " + contractLabel(contract) + " would reach "
                + money(billed, currency) + " (" + money(before, currency) + " invoiced before plus "
                + money(onInvoice, currency) + " on this invoice up to this line), more than "
                + cap.get().describe(currency) + " (" + path + ")", "");
        return;
      }
    }
  }

  /** The most milestone billing may reach, and where that figure comes from. */
  private record Cap(BigDecimal amount, boolean fromMilestones) {
    String describe(Currency currency) {
      return fromMilestones
          ? "the " + money(amount, currency) + " its milestones add up to (the contract states no total value)"
          : "the contract value of " + money(amount, currency);
    }
  }

  private static Optional<Cap> cap(Contract contract, LocalDate issued, Currency currency) {
    Optional<Money> value = BillingSupport.totalValueOn(contract, issued);
    if (value.isPresent()) {
      return in(value.get(), currency) ? Optional.of(new Cap(value.get().amount(), false)) : Optional.empty();
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (CommercialTerm term : contract.termsInForce(issued)) {
      if (term instanceof MilestonesTerm milestones) {
        for (ContractMilestone m : milestones.milestones()) {
          if (m != null && in(m.amount(), currency)) {
            sum = sum.add(m.amount().amount());
          }
        }
      }
    }
    return Optional.of(new Cap(sum, true));
  }

  @Override
  public String toString() {
    return "MilestoneBillingRule";
  }
}
