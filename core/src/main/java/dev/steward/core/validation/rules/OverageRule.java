package dev.steward.core.validation.rules;

import static dev.steward.core.validation.rules.BillingSupport.contractLabel;
import static dev.steward.core.validation.rules.BillingSupport.lineLabel;
import static dev.steward.core.validation.rules.BillingSupport.linePath;

import dev.steward.core.reference.ServiceCatalogueItem;
import dev.steward.core.validation.BusinessRule;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.ValidationContext;
import dev.steward.core.validation.Violations;
import dev.steward.model.CanonicalId;
import dev.steward.model.CommercialTerm;
import dev.steward.model.Contract;
import dev.steward.model.Invoice;
import dev.steward.model.InvoiceLine;
import dev.steward.model.UsageTerm;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks that usage is billed only under a contract that allows it. A line bills usage when its service item is
 * usage-based in the service catalogue ({@link ServiceCatalogueItem#usageBased()}) or its {@code contractLineId}
 * names a {@link UsageTerm} the contract has or had. Such a line is {@link ReasonCodes#OVERAGE_NOT_ALLOWED} — at
 * {@code /lines/<i>/serviceItemId} or {@code /lines/<i>/contractLineId}, whichever made it a usage line — when the
 * contract has no usage term in force on the issue date, or when the invoice names no contract at all.
 *
 * <p>An invoice whose contract is not found is not checked ({@link InvoiceCurrencyRule} reports it), nor is a line
 * whose service item is missing from the catalogue.
 *
 * <p>Obtain it with {@link #of()}. Immutable and thread-safe.
 */
public final class OverageRule implements BusinessRule<Invoice> {
  private static final OverageRule INSTANCE = new OverageRule();

  private OverageRule() {}

  /** Returns the rule. */
  public static OverageRule of() {
    return INSTANCE;
  }

  @Override
  public Class<Invoice> appliesTo() {
    return Invoice.class;
  }

  @Override
  public void check(Invoice invoice, ValidationContext context, Violations out) {
    LocalDate issued = invoice.issueDate();
    List<InvoiceLine> lines = invoice.lines();
    if (issued == null || lines == null) {
      return; // reported by the schema stage
    }
    CanonicalId contractId = invoice.contractId();
    Optional<Contract> contract = Optional.empty();
    if (contractId != null) {
      contract = context.records().find(contractId, Contract.class);
      if (contract.isEmpty()) {
        return; // InvoiceCurrencyRule reports CONTRACT_NOT_FOUND
      }
    }
    Map<String, CommercialTerm> terms = contract.map(BillingSupport::everyTerm).orElse(Map.of());
    boolean allowsUsage = contract
        .map(c -> c.termsInForce(issued).stream().anyMatch(UsageTerm.class::isInstance))
        .orElse(false);
    for (int i = 0; i < lines.size(); i++) {
      InvoiceLine line = lines.get(i);
      if (line == null) {
        continue;
      }
      String field = allowsUsage ? null : usageField(line, terms, context);
      if (field != null) {
        String path = linePath(i, field);
        String what = field.equals("serviceItemId")
            ? "bills usage-based service item " + context.referenceData().serviceItem(line.serviceItemId())
                .map(ServiceCatalogueItem::code).orElse("") + " (" + line.serviceItemId() + ")"
            : "bills usage term " + line.contractLineId();
        String why = contract
            .map(c -> ", but " + contractLabel(c) + " has no usage terms in force on the issue date " + issued)
            .orElse(", but the invoice names no contract, so no usage terms allow it");
        out.add(ReasonCodes.OVERAGE_NOT_ALLOWED, path, lineLabel(line, i) + " " + what + why + " (" + path + ")", "");
      }
    }
  }

  /** The field that makes the line a usage line, or null when it is none. */
  private static @Nullable String usageField(
      InvoiceLine line, Map<String, CommercialTerm> terms, ValidationContext context) {
    CanonicalId item = line.serviceItemId();
    if (item != null && context.referenceData().serviceItem(item).map(ServiceCatalogueItem::usageBased).orElse(false)) {
      return "serviceItemId";
    }
    if (line.contractLineId() != null && terms.get(line.contractLineId()) instanceof UsageTerm) {
      return "contractLineId";
    }
    return null;
  }

  @Override
  public String toString() {
    return "OverageRule";
  }
}
