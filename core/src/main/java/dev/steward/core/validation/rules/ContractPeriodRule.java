package dev.steward.core.validation.rules;

import dev.steward.core.validation.BusinessRule;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.ValidationContext;
import dev.steward.core.validation.Violations;
import dev.steward.model.Contract;
import dev.steward.model.ContractAmendment;
import dev.steward.model.Period;
import java.time.LocalDate;
import java.util.List;

/**
 * A contract's term runs forwards: {@link ReasonCodes#INVALID_PERIOD} where the term ends before it
 * starts (at {@code /term/end}, the date a person would correct), or an amendment's {@code
 * newTermEnd} falls before the term's start (at {@code /amendments/k/newTermEnd}).
 *
 * <p>Both ends of a period are included, so a term that starts and ends on the same day, a one-day
 * engagement, is valid, and so is an amendment ending the contract on its first day. Bean
 * validation also refuses a term ending before it starts; this rule gives it the business code, and
 * covers records built in Java that were never bean-validated. An absent term or date skips the
 * check (bean validation reports it).
 *
 * <p>Deliberately not checked: milestone due dates outside the term (they are plans, and slip
 * past the term routinely without making the contract wrong), and amendment effective dates
 * (a renewal takes effect after the original end, and an amendment signed before the start
 * applies from the start).
 *
 * <p>Reads nothing but the record. Immutable and thread-safe.
 */
public final class ContractPeriodRule implements BusinessRule<Contract> {

  /** Creates the rule. */
  public ContractPeriodRule() {}

  @Override
  public Class<Contract> appliesTo() {
    return Contract.class;
  }

  @Override
  public void check(Contract contract, ValidationContext context, Violations out) {
    Period term = contract.term();
    if (term == null || term.start() == null) {
      return;
    }
    LocalDate start = term.start();
    if (term.end() != null && term.end().isBefore(start)) {
      out.add(ReasonCodes.INVALID_PERIOD, "/term/end", "contract " + contract.contractNumber() + " ends on "
          + term.end() + ", before its term starts on " + start, "");
    }
    List<ContractAmendment> amendments = contract.amendments();
    for (int k = 0; k < amendments.size(); k++) {
      ContractAmendment a = amendments.get(k);
      if (a != null && a.newTermEnd() != null && a.newTermEnd().isBefore(start)) {
        out.add(ReasonCodes.INVALID_PERIOD, "/amendments/" + k + "/newTermEnd", "amendment " + a.number()
            + " of contract " + contract.contractNumber() + " moves the end of the term to " + a.newTermEnd()
            + ", before the term starts on " + start, "");
      }
    }
  }
}
