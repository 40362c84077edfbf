package dev.steward.core.validation.rules;

import static dev.steward.core.validation.rules.RuleFixturesB.CLOCK;
import static dev.steward.core.validation.rules.RuleFixturesB.LE_DE;
import static dev.steward.core.validation.rules.RuleFixturesB.customer;
import static dev.steward.core.validation.rules.RuleFixturesB.eur;
import static dev.steward.core.validation.rules.RuleFixturesB.invoice;
import static dev.steward.core.validation.rules.RuleFixturesB.line;
import static dev.steward.core.validation.rules.RuleFixturesB.referenceData;
import static dev.steward.core.validation.rules.RuleFixturesB.taxId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.ValidationPipeline;
import dev.steward.core.validation.Violation;
import dev.steward.core.validation.rules.RuleFixturesB.FakeRegistry;
import dev.steward.model.Invoice;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class StandardRulesTest {

  private static ValidationPipeline.Builder builder() {
    return ValidationPipeline.builder().referenceData(referenceData()).clock(CLOCK);
  }

  @Test
  void invoices_addsTheFiveInvoiceStagesInOrder() {
    assertThat(StandardRules.invoices(builder()).build().stageNames()).containsExactly(
        "invoice-line-amounts", "invoice-totals", "invoice-currency", "invoice-milestones", "invoice-overage");
  }

  @Test
  void invoices_withARoundingMode_roundsLinesThatWay() {
    // 0.5 x 10.05 EUR = 5.025 EUR: 5.02 half even
    Invoice halfEven = invoice().lines(line(1, "0.5", eur("10.05"), eur("5.02"), "DE-RC", "0", eur("0.00"))).build();

    assertThat(StandardRules.invoices(builder(), RoundingMode.HALF_EVEN).build().validate(halfEven).violations())
        .isEmpty();
    assertThat(StandardRules.invoices(builder()).build().validate(halfEven).violations())
        .extracting(Violation::code, Violation::stage)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ReasonCodes.LINE_AMOUNT_MISMATCH,
            StandardRules.INVOICE_LINE_AMOUNTS));
  }

  @Test
  void customers_checksEveryCustomersVatNumbers_offlineOrOnline() {
    FakeRegistry registry = new FakeRegistry();

    assertThat(StandardRules.customers(builder()).build()
        .validate(customer(LE_DE, taxId("DE", "DE136695978"))).violations())
        .extracting(Violation::code, Violation::stage)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ReasonCodes.INVALID_VAT_NUMBER,
            StandardRules.CUSTOMER_VAT_NUMBERS));
    assertThat(StandardRules.customers(builder(), registry).build()
        .validate(customer(LE_DE, taxId("DE", "DE136695976"))).violations()).isEmpty();
    assertThat(registry.asked()).containsExactly("DE136695976");
  }

  @Test
  void euAndNorthAmerica_offline_neverNeedsARegistry() {
    ValidationPipeline pipeline = StandardRules.euAndNorthAmerica(builder()).build();

    assertThat(pipeline.stageNames()).contains(StandardRules.EU_INVOICE_CUSTOMER_VAT,
        StandardRules.EU_INVOICE_TAX_CODES, StandardRules.NA_INVOICE_TAX_CODES);
  }

  @Test
  void addingTheSameStagesTwice_isRefused() {
    ValidationPipeline.Builder b = StandardRules.invoices(builder());

    assertThatThrownBy(() -> StandardRules.euAndNorthAmerica(b, new FakeRegistry()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("invoice-line-amounts");
    assertThatThrownBy(() -> StandardRules.invoices(builder(), RoundingMode.UNNECESSARY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StandardRules.euAndNorthAmerica(builder(), null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void all_addsEveryBuiltInRule_eachEntityTypeTakingOnlyItsOwn() {
    ValidationPipeline pipeline = StandardRules.all(builder(), new FakeRegistry()).build();

    assertThat(pipeline.stageNames()).startsWith(
        StandardRules.CONTRACT_BILLING_TERMS, StandardRules.CONTRACT_PERIODS, StandardRules.CONTRACT_CURRENCY,
        StandardRules.CONTRACT_USAGE_TERMS, StandardRules.PROJECT_DIMENSIONS, StandardRules.PROJECT_CONTRACT,
        StandardRules.TIME_HOURS, StandardRules.TIME_ASSIGNMENT, StandardRules.TIME_APPROVAL,
        StandardRules.INVOICE_LINE_AMOUNTS);
    assertThat(pipeline.stageNames()).contains(StandardRules.EU_INVOICE_CUSTOMER_VAT, StandardRules.NA_INVOICE_TAX_CODES);
    // a customer with a bad VAT number takes the customer stages only
    assertThat(pipeline.validate(customer(LE_DE, taxId("DE", "DE136695978"))).violations())
        .extracting(Violation::stage)
        .allMatch(stage -> stage.contains("customer-vat"));
  }
}
