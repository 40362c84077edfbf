package dev.steward.core.validation.rules;

import static dev.steward.core.validation.rules.RuleFixturesB.CUSTOMER;
import static dev.steward.core.validation.rules.RuleFixturesB.DE_VAT;
import static dev.steward.core.validation.rules.RuleFixturesB.DE_VAT_BAD_CHECK_DIGIT;
import static dev.steward.core.validation.rules.RuleFixturesB.LE_DE;
import static dev.steward.core.validation.rules.RuleFixturesB.LE_DE_LENIENT;
import static dev.steward.core.validation.rules.RuleFixturesB.assertClean;
import static dev.steward.core.validation.rules.RuleFixturesB.customer;
import static dev.steward.core.validation.rules.RuleFixturesB.deLine;
import static dev.steward.core.validation.rules.RuleFixturesB.invoice;
import static dev.steward.core.validation.rules.RuleFixturesB.onlyViolation;
import static dev.steward.core.validation.rules.RuleFixturesB.records;
import static dev.steward.core.validation.rules.RuleFixturesB.taxId;
import static dev.steward.core.validation.rules.RuleFixturesB.validate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.Severity;
import dev.steward.core.validation.ValidationReport;
import dev.steward.core.validation.Violation;
import dev.steward.core.validation.rules.RuleFixturesB.FakeRegistry;
import dev.steward.core.validation.vat.VatRegistry.Answer;
import dev.steward.model.Invoice;
import org.junit.jupiter.api.Test;

class InvoiceCustomerVatRuleTest {

  private static Invoice invoiceOf(dev.steward.model.CanonicalId legalEntity) {
    return invoice().legalEntity(legalEntity).lines(deLine(1, "1", "100.00")).build();
  }

  @Test
  void customerWithAValidRegisteredNumber_passes() {
    FakeRegistry registry = new FakeRegistry();

    assertClean(validate(InvoiceCustomerVatRule.withRegistry(registry), invoiceOf(LE_DE),
        records(customer(LE_DE, taxId("DE", DE_VAT)))));

    assertThat(registry.asked()).containsExactly("DE136695976");
  }

  @Test
  void customerWithAnInvalidNumber_isInvalidVatNumberAtCustomerId_namingTheTaxId() {
    Violation v = onlyViolation(validate(InvoiceCustomerVatRule.offline(), invoiceOf(LE_DE),
        records(customer(LE_DE, taxId("US", "12-3456789"), taxId("DE", DE_VAT_BAD_CHECK_DIGIT)))),
        ReasonCodes.INVALID_VAT_NUMBER, Severity.ERROR, "/customerId");

    assertThat(v.message()).isEqualTo("customer Nordlicht Logistik GmbH (" + CUSTOMER + "), tax id /taxIds/1/number:"
        + " the check digit of DE VAT number DE136695978 does not match (/customerId)");
  }

  @Test
  void unregisteredNumber_isVatNumberNotRegistered() {
    FakeRegistry registry = new FakeRegistry().otherwise(Answer.notRegistered());

    onlyViolation(validate(InvoiceCustomerVatRule.withRegistry(registry), invoiceOf(LE_DE),
        records(customer(LE_DE, taxId("DE", DE_VAT)))), ReasonCodes.VAT_NUMBER_NOT_REGISTERED, Severity.ERROR,
        "/customerId");
  }

  @Test
  void unavailableRegistry_followsTheInvoicesLegalEntity() {
    FakeRegistry registry = new FakeRegistry().otherwise(Answer.unavailable("VIES down"));
    InvoiceCustomerVatRule rule = InvoiceCustomerVatRule.withRegistry(registry);

    ValidationReport held = validate(rule, invoiceOf(LE_DE), records(customer(LE_DE_LENIENT, taxId("DE", DE_VAT))));
    ValidationReport passed = validate(rule, invoiceOf(LE_DE_LENIENT), records(customer(LE_DE, taxId("DE", DE_VAT))));

    onlyViolation(held, ReasonCodes.VAT_CHECK_UNAVAILABLE, Severity.ERROR, "/customerId");
    onlyViolation(passed, ReasonCodes.VAT_CHECK_UNAVAILABLE, Severity.WARNING, "/customerId");
    assertThat(held.unchecked()).isTrue();
    assertThat(passed.valid()).isTrue();
  }

  @Test
  void customerNotAmongTheGoldenRecords_isCustomerNotFound_andNoRegistryIsCalled() {
    FakeRegistry registry = new FakeRegistry();

    onlyViolation(validate(InvoiceCustomerVatRule.withRegistry(registry), invoiceOf(LE_DE)),
        ReasonCodes.CUSTOMER_NOT_FOUND, Severity.ERROR, "/customerId");
    assertThat(registry.calls()).isZero();
  }

  @Test
  void customerAndInvoiceRules_reportTheSameFinding() {
    String customerMessage = validate(CustomerVatNumberRule.offline(),
        customer(LE_DE, taxId("DE", DE_VAT_BAD_CHECK_DIGIT))).violations().get(0).message();
    String invoiceMessage = validate(InvoiceCustomerVatRule.offline(), invoiceOf(LE_DE),
        records(customer(LE_DE, taxId("DE", DE_VAT_BAD_CHECK_DIGIT)))).violations().get(0).message();

    String finding = "the check digit of DE VAT number DE136695978 does not match";
    assertThat(customerMessage).contains(finding);
    assertThat(invoiceMessage).contains(finding);
  }
}
