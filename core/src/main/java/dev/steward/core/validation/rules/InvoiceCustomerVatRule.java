package dev.steward.core.validation.rules;

import dev.steward.core.validation.BusinessRule;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.ValidationContext;
import dev.steward.core.validation.Violations;
import dev.steward.core.validation.vat.VatRegistry;
import dev.steward.model.CanonicalId;
import dev.steward.model.Customer;
import dev.steward.model.Invoice;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the EU VAT numbers of the customer an invoice bills, exactly as {@link CustomerVatNumberRule} checks a
 * customer, so that European invoices can be routed through VAT validation before they are posted. The customer is
 * read from the golden records ({@link ValidationContext#records()}); findings are reported at {@code /customerId},
 * and their messages name the customer and the tax id's path in the customer record ({@code /taxIds/<i>/number}).
 * What to do while the registry is unavailable follows the invoice's legal entity.
 *
 * <p>An invoice whose customer is not among the golden records is {@link ReasonCodes#CUSTOMER_NOT_FOUND}: its VAT
 * numbers cannot be checked, and an EU invoice is not posted unchecked.
 *
 * <p>Obtain it with {@link #offline()} or {@link #withRegistry(VatRegistry)}. Immutable, and thread-safe when the
 * registry is.
 *
 * @see ReasonCodes#INVALID_VAT_NUMBER
 * @see ReasonCodes#VAT_NUMBER_NOT_REGISTERED
 * @see ReasonCodes#VAT_CHECK_UNAVAILABLE
 */
public final class InvoiceCustomerVatRule implements BusinessRule<Invoice> {
  private static final InvoiceCustomerVatRule OFFLINE = new InvoiceCustomerVatRule(new VatNumberCheck(null));

  private final VatNumberCheck check;

  private InvoiceCustomerVatRule(VatNumberCheck check) {
    this.check = check;
  }

  /** Returns the rule checking format and check digits only. */
  public static InvoiceCustomerVatRule offline() {
    return OFFLINE;
  }

  /** Returns the rule that also asks {@code registry} about each well-formed number. */
  public static InvoiceCustomerVatRule withRegistry(VatRegistry registry) {
    return new InvoiceCustomerVatRule(new VatNumberCheck(Objects.requireNonNull(registry, "registry")));
  }

  @Override
  public Class<Invoice> appliesTo() {
    return Invoice.class;
  }

  @Override
  public void check(Invoice invoice, ValidationContext context, Violations out) {
    CanonicalId customerId = invoice.customerId();
    if (customerId == null) {
      return; // reported by the schema stage
    }
    Optional<Customer> found = context.records().find(customerId, Customer.class);
    if (found.isEmpty()) {
      out.add(ReasonCodes.CUSTOMER_NOT_FOUND, "/customerId",
          "/customerId names customer " + customerId + ", which is not among the golden records, so its VAT"
              + " numbers cannot be checked", "");
      return;
    }
    if (found.get().taxIds() == null) {
      return;
    }
    Customer customer = found.get();
    String name = "customer " + (customer.legalName() != null ? customer.legalName() + " (" + customerId + ")" : customerId);
    check.check(customer.taxIds(), context, out, i -> "/customerId", i -> name + ", tax id /taxIds/" + i + "/number");
  }

  @Override
  public String toString() {
    return "InvoiceCustomerVatRule[" + (check.online() ? "online" : "offline") + "]";
  }
}
