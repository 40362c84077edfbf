package dev.steward.core.validation.rules;

import dev.steward.core.validation.Route;
import dev.steward.core.validation.ValidationPipeline;
import dev.steward.core.validation.vat.VatRegistry;
import dev.steward.model.EntityType;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Adds Steward's built-in rules to a {@link ValidationPipeline.Builder} under fixed stage names, so that a violation's
 * {@link dev.steward.core.validation.Violation#stage() stage} says which rule found it. Each method adds stages after
 * those already added and returns the builder; add the schema and bean-validation stages first. A stage name can be
 * added once per pipeline, so each method can be called once per builder.
 *
 * <pre>{@code
 * ValidationPipeline pipeline = StandardRules.euAndNorthAmerica(
 *         ValidationPipeline.builder().referenceData(reference).records(goldenRecords).schema().beanValidation(),
 *         vies)
 *     .build();
 * }</pre>
 */
public final class StandardRules {
  /** The stage of {@link InvoiceLineAmountsRule}. */
  public static final String INVOICE_LINE_AMOUNTS = "invoice-line-amounts";
  /** The stage of {@link InvoiceTotalsRule}. */
  public static final String INVOICE_TOTALS = "invoice-totals";
  /** The stage of {@link InvoiceCurrencyRule}. */
  public static final String INVOICE_CURRENCY = "invoice-currency";
  /** The stage of {@link MilestoneBillingRule}. */
  public static final String INVOICE_MILESTONES = "invoice-milestones";
  /** The stage of {@link OverageRule}. */
  public static final String INVOICE_OVERAGE = "invoice-overage";
  /** The stage of {@link CustomerVatNumberRule} for every customer. */
  public static final String CUSTOMER_VAT_NUMBERS = "customer-vat-numbers";
  /** The stage reporting an invoice whose legal entity is unknown, which no regional stage would take. */
  public static final String INVOICE_LEGAL_ENTITY = "invoice-legal-entity";
  /** The stage of {@link InvoiceTaxCodeRule#byLegalEntityCountry()} for invoices of EU legal entities. */
  public static final String EU_INVOICE_TAX_CODES = "eu-invoice-tax-codes";
  /** The stage of {@link InvoiceTaxCodeRule#byBillToRegion()} for invoices of North American legal entities. */
  public static final String NA_INVOICE_TAX_CODES = "na-invoice-tax-codes";
  /** The stage of {@link InvoiceCustomerVatRule} for invoices of EU legal entities. */
  public static final String EU_INVOICE_CUSTOMER_VAT = "eu-invoice-customer-vat";
  /** The stage of {@link CustomerVatNumberRule} for customers of EU legal entities. */
  public static final String EU_CUSTOMER_VAT_NUMBERS = "eu-customer-vat-numbers";

  /** The stage of {@link ContractBillingTermsRule}. */
  public static final String CONTRACT_BILLING_TERMS = "contract-billing-terms";
  /** The stage of {@link ContractPeriodRule}. */
  public static final String CONTRACT_PERIODS = "contract-periods";
  /** The stage of {@link ContractCurrencyRule}. */
  public static final String CONTRACT_CURRENCY = "contract-currency";
  /** The stage of {@link UsageTermsRule}. */
  public static final String CONTRACT_USAGE_TERMS = "contract-usage-terms";
  /** The stage of {@link ProjectDimensionRule}. */
  public static final String PROJECT_DIMENSIONS = "project-dimensions";
  /** The stage of {@link ProjectContractRule}. */
  public static final String PROJECT_CONTRACT = "project-contract";
  /** The stage of {@link TimeEntryApprovalRule}. */
  public static final String TIME_APPROVAL = "time-approval";
  /** The stage of {@link TimeEntryAssignmentRule}. */
  public static final String TIME_ASSIGNMENT = "time-assignment";
  /** The stage of {@link TimeEntryHoursRule}. */
  public static final String TIME_HOURS = "time-hours";

  private static final Route INVOICES = Route.entityType(EntityType.INVOICE);
  private static final Route CONTRACTS = Route.entityType(EntityType.CONTRACT);
  private static final Route PROJECTS = Route.entityType(EntityType.PROJECT);
  private static final Route TIME_ENTRIES = Route.entityType(EntityType.TIME_ENTRY);
  private static final Route CUSTOMERS = Route.entityType(EntityType.CUSTOMER);
  private static final Route UNKNOWN_LEGAL_ENTITY = Route.of("legal entity not in the reference data",
      c -> c.legalEntityId().isPresent() && c.legalEntity().isEmpty());

  private StandardRules() {}

  /**
   * Adds the invoice checks every invoice takes, whatever its region, with line amounts rounded {@link
   * InvoiceLineAmountsRule#DEFAULT_ROUNDING}: {@value #INVOICE_LINE_AMOUNTS}, {@value #INVOICE_TOTALS}, {@value
   * #INVOICE_CURRENCY}, {@value #INVOICE_MILESTONES} and {@value #INVOICE_OVERAGE}.
   *
   * @throws IllegalStateException if the builder already has a stage of one of these names
   */
  public static ValidationPipeline.Builder invoices(ValidationPipeline.Builder builder) {
    return invoices(builder, InvoiceLineAmountsRule.DEFAULT_ROUNDING);
  }

  /**
   * Adds the invoice checks as {@link #invoices(ValidationPipeline.Builder)} does, with line amounts expected rounded
   * with {@code rounding}.
   *
   * @throws IllegalArgumentException if {@code rounding} is {@link RoundingMode#UNNECESSARY}
   * @throws IllegalStateException if the builder already has a stage of one of these names
   */
  public static ValidationPipeline.Builder invoices(ValidationPipeline.Builder builder, RoundingMode rounding) {
    Objects.requireNonNull(builder, "builder");
    return builder
        .rule(INVOICE_LINE_AMOUNTS, InvoiceLineAmountsRule.of(rounding), INVOICES)
        .rule(INVOICE_TOTALS, InvoiceTotalsRule.of(), INVOICES)
        .rule(INVOICE_CURRENCY, InvoiceCurrencyRule.of(), INVOICES)
        .rule(INVOICE_MILESTONES, MilestoneBillingRule.of(), INVOICES)
        .rule(INVOICE_OVERAGE, OverageRule.of(), INVOICES);
  }

  /**
   * Adds the contract checks: {@value #CONTRACT_BILLING_TERMS}, {@value #CONTRACT_PERIODS}, {@value
   * #CONTRACT_CURRENCY} and {@value #CONTRACT_USAGE_TERMS}.
   *
   * @throws IllegalStateException if the builder already has a stage of one of these names
   */
  public static ValidationPipeline.Builder contracts(ValidationPipeline.Builder builder) {
    Objects.requireNonNull(builder, "builder");
    return builder
        .rule(CONTRACT_BILLING_TERMS, new ContractBillingTermsRule(), CONTRACTS)
        .rule(CONTRACT_PERIODS, new ContractPeriodRule(), CONTRACTS)
        .rule(CONTRACT_CURRENCY, new ContractCurrencyRule(), CONTRACTS)
        .rule(CONTRACT_USAGE_TERMS, new UsageTermsRule(), CONTRACTS);
  }

  /**
   * Adds the project checks: {@value #PROJECT_DIMENSIONS} and {@value #PROJECT_CONTRACT}.
   *
   * @throws IllegalStateException if the builder already has a stage of one of these names
   */
  public static ValidationPipeline.Builder projects(ValidationPipeline.Builder builder) {
    Objects.requireNonNull(builder, "builder");
    return builder
        .rule(PROJECT_DIMENSIONS, new ProjectDimensionRule(), PROJECTS)
        .rule(PROJECT_CONTRACT, new ProjectContractRule(), PROJECTS);
  }

  /**
   * Adds the time-entry checks: {@value #TIME_HOURS}, {@value #TIME_ASSIGNMENT} and {@value
   * #TIME_APPROVAL}.
   *
   * @throws IllegalStateException if the builder already has a stage of one of these names
   */
  public static ValidationPipeline.Builder timeEntries(ValidationPipeline.Builder builder) {
    Objects.requireNonNull(builder, "builder");
    return builder
        .rule(TIME_HOURS, new TimeEntryHoursRule(), TIME_ENTRIES)
        .rule(TIME_ASSIGNMENT, new TimeEntryAssignmentRule(), TIME_ENTRIES)
        .rule(TIME_APPROVAL, new TimeEntryApprovalRule(), TIME_ENTRIES);
  }

  /**
   * Adds every built-in rule for a firm selling from the EU and North America: {@link
   * #contracts}, {@link #projects}, {@link #timeEntries} and {@link
   * #euAndNorthAmerica(ValidationPipeline.Builder, VatRegistry)}.
   *
   * @throws IllegalStateException if the builder already has a stage of one of these names
   */
  public static ValidationPipeline.Builder all(ValidationPipeline.Builder builder, VatRegistry registry) {
    return euAndNorthAmerica(timeEntries(projects(contracts(builder))), registry);
  }

  /**
   * Adds {@value #CUSTOMER_VAT_NUMBERS}: the offline VAT-number check of every customer.
   *
   * @throws IllegalStateException if the builder already has a stage of that name
   */
  public static ValidationPipeline.Builder customers(ValidationPipeline.Builder builder) {
    Objects.requireNonNull(builder, "builder");
    return builder.rule(CUSTOMER_VAT_NUMBERS, CustomerVatNumberRule.offline(), CUSTOMERS);
  }

  /**
   * Adds {@value #CUSTOMER_VAT_NUMBERS}: the VAT-number check of every customer, online through {@code registry}.
   *
   * @throws IllegalStateException if the builder already has a stage of that name
   */
  public static ValidationPipeline.Builder customers(ValidationPipeline.Builder builder, VatRegistry registry) {
    Objects.requireNonNull(builder, "builder");
    return builder.rule(CUSTOMER_VAT_NUMBERS, CustomerVatNumberRule.withRegistry(registry), CUSTOMERS);
  }

  /**
   * Adds the checks of a firm selling from the EU and North America, with VAT numbers confirmed through {@code
   * registry}, in this order (cheap checks first, the online one last, so that a fail-fast pipeline seldom calls
   * it):
   *
   * <ol>
   *   <li>for every invoice, {@link #invoices(ValidationPipeline.Builder)};
   *   <li>{@value #INVOICE_LEGAL_ENTITY}: an invoice whose legal entity is not in the reference data, and so takes
   *       no regional stage, is {@link dev.steward.core.validation.ReasonCodes#UNKNOWN_LEGAL_ENTITY};
   *   <li>{@value #EU_INVOICE_TAX_CODES}: {@link InvoiceTaxCodeRule#byLegalEntityCountry()} for invoices with {@code
   *       Route.region("EU")};
   *   <li>{@value #NA_INVOICE_TAX_CODES}: {@link InvoiceTaxCodeRule#byBillToRegion()} for invoices with {@code
   *       Route.region("NA")};
   *   <li>{@value #EU_INVOICE_CUSTOMER_VAT}: {@link InvoiceCustomerVatRule} for invoices with {@code
   *       Route.region("EU")};
   *   <li>{@value #EU_CUSTOMER_VAT_NUMBERS}: {@link CustomerVatNumberRule} for customers with {@code
   *       Route.region("EU")} (of their contracting entity).
   * </ol>
   *
   * @throws IllegalStateException if the builder already has a stage of one of these names
   */
  public static ValidationPipeline.Builder euAndNorthAmerica(ValidationPipeline.Builder builder, VatRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    return euAndNorthAmerica(builder, InvoiceCustomerVatRule.withRegistry(registry),
        CustomerVatNumberRule.withRegistry(registry));
  }

  /**
   * Adds the checks of {@link #euAndNorthAmerica(ValidationPipeline.Builder, VatRegistry)}, with VAT numbers checked
   * offline only (format and check digits).
   *
   * @throws IllegalStateException if the builder already has a stage of one of these names
   */
  public static ValidationPipeline.Builder euAndNorthAmerica(ValidationPipeline.Builder builder) {
    return euAndNorthAmerica(builder, InvoiceCustomerVatRule.offline(), CustomerVatNumberRule.offline());
  }

  private static ValidationPipeline.Builder euAndNorthAmerica(
      ValidationPipeline.Builder builder, InvoiceCustomerVatRule invoiceVat, CustomerVatNumberRule customerVat) {
    Objects.requireNonNull(builder, "builder");
    Route eu = Route.region("EU");
    return invoices(builder)
        .rule(INVOICE_LEGAL_ENTITY, InvoiceTaxCodeRule.byLegalEntityCountry(), INVOICES.and(UNKNOWN_LEGAL_ENTITY))
        .rule(EU_INVOICE_TAX_CODES, InvoiceTaxCodeRule.byLegalEntityCountry(), INVOICES.and(eu))
        .rule(NA_INVOICE_TAX_CODES, InvoiceTaxCodeRule.byBillToRegion(), INVOICES.and(Route.region("NA")))
        .rule(EU_INVOICE_CUSTOMER_VAT, invoiceVat, INVOICES.and(eu))
        .rule(EU_CUSTOMER_VAT_NUMBERS, customerVat, CUSTOMERS.and(eu));
  }
}
