package dev.steward.core.validation.rules;

import dev.steward.model.CommercialTerm;
import dev.steward.model.Contract;
import dev.steward.model.ContractAmendment;
import dev.steward.model.Money;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every commercial line of a contract, as originally agreed and as added by amendments, with
 * where it sits in the canonical JSON and how messages name it. Static helpers; thread-safe.
 */
final class ContractLines {
  private ContractLines() {}

  /**
   * One commercial line.
   *
   * @param term the line
   * @param pointer the JSON Pointer of the line, such as {@code /terms/2} or {@code
   *     /amendments/0/addedTerms/1}
   * @param name how messages name it, such as {@code line L-001} or {@code line L-004 (added by
   *     amendment 2)}
   */
  record Line(CommercialTerm term, String pointer, String name) {}

  /** Returns the lines in document order: the original terms, then each amendment's added terms. */
  static List<Line> of(Contract contract) {
    List<Line> lines = new ArrayList<>();
    List<CommercialTerm> terms = contract.terms();
    for (int i = 0; i < terms.size(); i++) {
      CommercialTerm term = terms.get(i);
      if (term != null) { // bean validation reports a null line
        lines.add(new Line(term, "/terms/" + i, "line " + term.lineId()));
      }
    }
    List<ContractAmendment> amendments = contract.amendments();
    for (int a = 0; a < amendments.size(); a++) {
      ContractAmendment amendment = amendments.get(a);
      if (amendment == null) {
        continue;
      }
      List<CommercialTerm> added = amendment.addedTerms();
      for (int i = 0; i < added.size(); i++) {
        CommercialTerm term = added.get(i);
        if (term != null) {
          lines.add(new Line(term, "/amendments/" + a + "/addedTerms/" + i,
              "line " + term.lineId() + " (added by amendment " + amendment.number() + ")"));
        }
      }
    }
    return lines;
  }

  /** Returns whether {@code money} is in {@code currency}; true when either is absent. */
  static boolean sameCurrency(@Nullable Money money, @Nullable Currency currency) {
    return money == null || currency == null || money.currency().equals(currency);
  }
}
