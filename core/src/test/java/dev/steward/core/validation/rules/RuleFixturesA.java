package dev.steward.core.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.reference.DimensionSet;
import dev.steward.core.reference.InMemoryReferenceData;
import dev.steward.core.reference.LegalEntityRef;
import dev.steward.core.reference.ReferenceData;
import dev.steward.core.reference.VatCheckPolicy;
import dev.steward.core.validation.BusinessRule;
import dev.steward.core.validation.RecordLookup;
import dev.steward.core.validation.ValidationPipeline;
import dev.steward.core.validation.Violation;
import dev.steward.model.ApprovalState;
import dev.steward.model.Assignment;
import dev.steward.model.AssignmentStatus;
import dev.steward.model.CanonicalEntity;
import dev.steward.model.CanonicalId;
import dev.steward.model.CanonicalJson;
import dev.steward.model.CommercialTerm;
import dev.steward.model.Contract;
import dev.steward.model.ContractAmendment;
import dev.steward.model.ContractMilestone;
import dev.steward.model.ContractStatus;
import dev.steward.model.Dimension;
import dev.steward.model.EntityMeta;
import dev.steward.model.FixedFeeTerm;
import dev.steward.model.MilestonesTerm;
import dev.steward.model.Money;
import dev.steward.model.Period;
import dev.steward.model.Project;
import dev.steward.model.ProjectStatus;
import dev.steward.model.ProjectType;
import dev.steward.model.RateCard;
import dev.steward.model.RateCardEntry;
import dev.steward.model.RateUnit;
import dev.steward.model.RetainerFrequency;
import dev.steward.model.RetainerTerm;
import dev.steward.model.TimeAndMaterialsTerm;
import dev.steward.model.TimeEntry;
import dev.steward.model.UsageTerm;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Records, reference data, a golden-record lookup and pipelines the contract, project and
 * time-entry rule tests share. Records are built in Java with their canonical constructors.
 */
final class RuleFixturesA {
  private RuleFixturesA() {}

  static final Currency EUR = Currency.getInstance("EUR");
  static final Currency USD = Currency.getInstance("USD");
  static final Currency CHF = Currency.getInstance("CHF");
  static final Currency GBP = Currency.getInstance("GBP");
  static final Currency JPY = Currency.getInstance("JPY");
  static final Currency BHD = Currency.getInstance("BHD");
  /** A real ISO 4217 currency the firm has not activated. */
  static final Currency SEK = Currency.getInstance("SEK");

  /** Today for every test: 2026-03-10, noon UTC. */
  static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);

  static final CanonicalId LE_DE = id("le", 1);
  static final CanonicalId LE_JP = id("le", 2);
  static final CanonicalId LE_BH = id("le", 3);
  /** A legal entity id the reference data does not know. */
  static final CanonicalId LE_UNKNOWN = id("le", 9);
  static final CanonicalId CUSTOMER = id("cus", 1);
  static final CanonicalId CONTRACT = id("ctr", 1);
  static final CanonicalId PROJECT = id("prj", 1);
  static final CanonicalId RESOURCE = id("res", 1);
  static final CanonicalId ASSIGNMENT = id("asg", 1);
  static final CanonicalId TIME_ENTRY = id("tim", 1);
  static final CanonicalId INVOICE = id("inv", 1);
  /** A rate card with EUR, JPY and BHD rates. */
  static final CanonicalId RATE_CARD = id("rc", 1);
  /** A rate card with USD and GBP rates only. */
  static final CanonicalId RATE_CARD_USD_GBP = id("rc", 2);
  /** A rate card id the reference data does not know. */
  static final CanonicalId RATE_CARD_UNKNOWN = id("rc", 9);

  static final String PROJECT_CODE = "PRJ-DE-1001";

  /** Returns the canonical id with the given prefix and a fixed ULID ending in {@code n}. */
  static CanonicalId id(String prefix, int n) {
    return CanonicalId.parse(prefix + "_01J0ACME" + String.format("%018d", n));
  }

  static EntityMeta meta(CanonicalId id) {
    return new EntityMeta(id, List.of(), 0L, "crm", Instant.parse("2026-03-01T09:00:00Z"), 1);
  }

  static Money money(String amount, Currency currency) {
    return Money.of(amount, currency);
  }

  static Period period(String start, String end) {
    return new Period(LocalDate.parse(start), LocalDate.parse(end));
  }

  // Reference data.

  static LegalEntityRef legalEntity(CanonicalId id, String code, String country, Currency functional,
      Set<Currency> allowed) {
    return new LegalEntityRef(id, code, country, null, functional, allowed, VatCheckPolicy.HOLD);
  }

  static RateCard rateCard(CanonicalId id, String name, Money... rates) {
    List<RateCardEntry> entries = new ArrayList<>();
    for (Money rate : rates) {
      entries.add(new RateCardEntry("consultant", rate, RateUnit.HOUR));
    }
    return new RateCard(meta(id), name, null, null, period("2026-01-01", "2026-12-31"), entries, Map.of());
  }

  /**
   * The firm: EUR, USD, CHF, GBP, JPY and BHD active (SEK is not); ACME-DE keeps its books in EUR
   * and may also contract in CHF and USD, ACME-JP in JPY, ACME-BH in BHD; two rate cards; one
   * mapped project code.
   */
  static InMemoryReferenceData referenceData() {
    return InMemoryReferenceData.builder()
        .currency(EUR).currency(USD).currency(CHF).currency(GBP).currency(JPY).currency(BHD)
        .legalEntity(legalEntity(LE_DE, "ACME-DE", "DE", EUR, Set.of(CHF, USD)))
        .legalEntity(legalEntity(LE_JP, "ACME-JP", "JP", JPY, Set.of()))
        .legalEntity(legalEntity(LE_BH, "ACME-BH", "BH", BHD, Set.of()))
        .rateCard(rateCard(RATE_CARD, "Standard rates 2026",
            money("150.00", EUR), money("21000", JPY), money("60.500", BHD)))
        .rateCard(rateCard(RATE_CARD_USD_GBP, "US and UK rates 2026", money("180.00", USD), money("140.00", GBP)))
        .dimensionSet(new DimensionSet(PROJECT_CODE,
            List.of(new Dimension("department", "consulting-emea"), new Dimension("costCentre", "CC-4100"))))
        .build();
  }

  // Records.

  static FixedFeeTerm fixedFee(String lineId, @Nullable Money fee) {
    return new FixedFeeTerm(lineId, "Assessment", fee, null);
  }

  static TimeAndMaterialsTerm timeAndMaterials(String lineId, @Nullable CanonicalId rateCard, @Nullable Money cap) {
    return new TimeAndMaterialsTerm(lineId, "Build", rateCard, cap);
  }

  static MilestonesTerm milestones(String lineId, ContractMilestone... milestones) {
    return new MilestonesTerm(lineId, "Delivery", List.of(milestones));
  }

  static ContractMilestone milestone(String id, @Nullable Money amount, String due) {
    return new ContractMilestone(id, "Milestone " + id, amount, LocalDate.parse(due), null);
  }

  static RetainerTerm retainer(String lineId, @Nullable Money amount) {
    return new RetainerTerm(lineId, "Advisory", amount, RetainerFrequency.MONTHLY, new BigDecimal("10"));
  }

  static UsageTerm usage(String lineId, @Nullable BigDecimal included, @Nullable Money overage) {
    return new UsageTerm(lineId, "Support desk", "support-tickets", "ticket", included, overage);
  }

  /** Returns a contract of ACME-DE with the given currency and terms, otherwise valid. */
  static Contract contract(Currency currency, CommercialTerm... terms) {
    return contract(LE_DE, ContractStatus.ACTIVE, period("2026-01-01", "2026-12-31"), currency, null, null,
        List.of(terms), List.of());
  }

  static Contract contract(CanonicalId legalEntity, ContractStatus status, Period term, Currency currency,
      @Nullable Money totalValue, @Nullable CanonicalId rateCardId, List<CommercialTerm> terms,
      List<ContractAmendment> amendments) {
    return new Contract(meta(CONTRACT), "SOW-2026-0142", "Data platform build, phase 1", CUSTOMER, legalEntity,
        null, null, status, term, null, currency, totalValue, rateCardId, 30, false, null, terms, amendments,
        Map.of());
  }

  static ContractAmendment amendment(int number, String effective, @Nullable String newTermEnd,
      CommercialTerm... added) {
    return new ContractAmendment(number, LocalDate.parse(effective), "Change order " + number, List.of(added),
        List.of(), newTermEnd == null ? null : LocalDate.parse(newTermEnd), null);
  }

  static Project project(String code, ProjectStatus status, @Nullable CanonicalId contractId) {
    return new Project(meta(PROJECT), code, "Data platform build", ProjectType.TIME_AND_MATERIALS, CUSTOMER,
        contractId, null, LE_DE, EUR, null, List.of(), status, null, null, List.of(), Map.of());
  }

  static TimeEntry timeEntry(String workDate, @Nullable BigDecimal hours, boolean billable, ApprovalState state,
      @Nullable CanonicalId assignmentId, @Nullable CanonicalId invoiceId) {
    return new TimeEntry(meta(TIME_ENTRY), RESOURCE, PROJECT, assignmentId, null, LocalDate.parse(workDate), hours,
        billable, state, "Pipeline design", null, null, invoiceId, Map.of());
  }

  static Assignment assignment(CanonicalId id, Period period) {
    return new Assignment(meta(id), RESOURCE, PROJECT, null, "Senior consultant", period, null, true, null,
        AssignmentStatus.CONFIRMED, Map.of());
  }

  /** Golden records in a map: the test's {@link RecordLookup}, no mocking. Thread-safe once built. */
  static class MapLookup implements RecordLookup {
    private final Map<CanonicalId, CanonicalEntity> records = new HashMap<>();

    MapLookup(CanonicalEntity... records) {
      for (CanonicalEntity r : records) {
        this.records.put(r.meta().id(), r);
      }
    }

    @Override
    public Optional<CanonicalEntity> find(CanonicalId id) {
      return Optional.ofNullable(records.get(id));
    }
  }

  // Running rules.

  /**
   * Runs {@code rule} alone on the record as built in Java: no schema or bean validation, so the
   * rule sees exactly what it was given.
   */
  static List<Violation> direct(BusinessRule<?> rule, CanonicalEntity record, ReferenceData ref, RecordLookup lookup) {
    return ValidationPipeline.builder().referenceData(ref).records(lookup).clock(CLOCK)
        .rule("rule", rule).build().validate(record).violations();
  }

  static List<Violation> direct(BusinessRule<?> rule, CanonicalEntity record) {
    return direct(rule, record, referenceData(), new MapLookup());
  }

  /**
   * Writes the record as canonical JSON and validates that through schema, bean validation and
   * {@code rule}.
   */
  static List<Violation> viaJson(BusinessRule<?> rule, CanonicalEntity record, ReferenceData ref, RecordLookup lookup) {
    String json = CanonicalJson.ofDefaults().write(record);
    return ValidationPipeline.builder().referenceData(ref).records(lookup).clock(CLOCK)
        .schema().beanValidation().rule("rule", rule).build()
        .validate(record.entityType(), json).violations();
  }

  static List<Violation> viaJson(BusinessRule<?> rule, CanonicalEntity record) {
    return viaJson(rule, record, referenceData(), new MapLookup());
  }

  /** Each violation as {@code SEVERITY CODE at PATH (stage)}, in reported order. */
  static List<String> summary(List<Violation> violations) {
    return violations.stream()
        .map(v -> v.severity() + " " + v.code().code() + " at " + v.path() + " (" + v.stage() + ")")
        .toList();
  }

  /** Asserts the only violation is {@code expected} and returns it. */
  static Violation only(List<Violation> violations, String expected) {
    assertThat(summary(violations)).containsExactly(expected);
    return violations.get(0);
  }
}
