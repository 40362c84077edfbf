package dev.steward.core.validation.rules;

import dev.steward.core.reference.VatCheckPolicy;
import dev.steward.core.validation.BusinessRule;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.ValidationContext;
import dev.steward.core.validation.Violations;
import dev.steward.core.validation.vat.VatNumbers;
import dev.steward.core.validation.vat.VatRegistry;
import dev.steward.model.Customer;
import java.util.Objects;

/**
 * Checks a customer's EU VAT numbers: each tax id whose country is an EU member state ({@code GR} or {@code EL}
 * for Greece, checked under the VAT prefix {@code EL}) or Northern Ireland ({@code XI}, or {@code GB} with a number
 * starting {@code XI}) must have its country's format and check digits ({@link VatNumbers}); one that does not is
 * {@link ReasonCodes#INVALID_VAT_NUMBER} at {@code /taxIds/<i>/number}, with {@link
 * dev.steward.core.validation.vat.VatCheck#message()} saying what is wrong. Tax ids of other countries are not
 * checked.
 *
 * <p>Built {@link #withRegistry(VatRegistry) with a registry}, the rule then asks it about each well-formed number
 * (never a malformed one): {@link VatRegistry.Answer.NotRegistered} is {@link ReasonCodes#VAT_NUMBER_NOT_REGISTERED};
 * {@link VatRegistry.Answer.Unavailable}, or a registry that throws or answers null, is {@link
 * ReasonCodes#VAT_CHECK_UNAVAILABLE} — an error when the record's legal entity ({@link
 * ValidationContext#legalEntity()}, the customer's contracting entity) says {@link VatCheckPolicy#HOLD} or is
 * unknown, a warning when it says {@link VatCheckPolicy#PASS_WITH_WARNING}. An unavailable registry never makes a
 * number invalid.
 *
 * <p>Obtain it with {@link #offline()} or {@link #withRegistry(VatRegistry)}. Immutable, and thread-safe when the
 * registry is.
 */
public final class CustomerVatNumberRule implements BusinessRule<Customer> {
  private static final CustomerVatNumberRule OFFLINE = new CustomerVatNumberRule(new VatNumberCheck(null));

  private final VatNumberCheck check;

  private CustomerVatNumberRule(VatNumberCheck check) {
    this.check = check;
  }

  /** Returns the rule checking format and check digits only. */
  public static CustomerVatNumberRule offline() {
    return OFFLINE;
  }

  /** Returns the rule that also asks {@code registry} about each well-formed number. */
  public static CustomerVatNumberRule withRegistry(VatRegistry registry) {
    return new CustomerVatNumberRule(new VatNumberCheck(Objects.requireNonNull(registry, "registry")));
  }

  @Override
  public Class<Customer> appliesTo() {
    return Customer.class;
  }

  @Override
  public void check(Customer customer, ValidationContext context, Violations out) {
    if (customer.taxIds() == null) {
      return;
    }
    check.check(customer.taxIds(), context, out, i -> "/taxIds/" + i + "/number", i -> "tax id " + (i + 1));
  }

  @Override
  public String toString() {
    return "CustomerVatNumberRule[" + (check.online() ? "online" : "offline") + "]";
  }
}
