package dev.steward.core.ownership;

import static dev.steward.core.ownership.Condition.allOf;
import static dev.steward.core.ownership.Condition.anyOf;
import static dev.steward.core.ownership.Condition.attribute;
import static dev.steward.core.ownership.Condition.not;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.ownership.internal.LintConditions;
import dev.steward.model.AttributeCatalog;
import dev.steward.model.AttributePath;
import dev.steward.model.EntityType;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OwnershipLintTest {
  private static final Condition PROSPECT = attribute("/status").in("PROSPECT");

  /** A policy over the four seed systems with the given customer rules, lint relaxed. */
  private static OwnershipPolicy customer(Consumer<OwnershipPolicy.EntityRules> rules) {
    return OwnershipPolicy.builder("lint-test", "1").systems("crm", "psa", "erp", "billing")
        .entity(EntityType.CUSTOMER, rules).relaxLint().build();
  }

  private static List<LintFinding> of(OwnershipPolicy policy, LintCode code) {
    return policy.lintFindings().stream().filter(f -> f.code() == code).collect(Collectors.toList());
  }

  private static LintFinding only(OwnershipPolicy policy, LintCode code) {
    List<LintFinding> found = of(policy, code);
    assertThat(found).as("%s findings in %s", code, policy.lintFindings()).hasSize(1);
    return found.get(0);
  }

  /** CRM masters segmentation and a prospect's legal name, ERP the rest; sync flows away from the owner. */
  private static OwnershipPolicy.Builder clean() {
    return OwnershipPolicy.builder("clean", "1").systems("crm", "psa", "erp", "billing")
        .entity(EntityType.CUSTOMER, c -> c
            .defaults(r -> r.owner("erp").originators("crm", "erp").syncTo("crm", "billing"))
            .attribute("/segment", r -> r.owner("crm").syncTo("erp", "billing"))
            .attribute("/legalName", r -> r.id("legal-name-prospect").when(PROSPECT).owner("crm").readers("erp"))
            .attribute("/legalName", r -> r.id("legal-name-customer").when(not(PROSPECT))
                .owner("erp").proposers("crm").syncTo("crm", "billing"))
            .attribute("/taxIds/*", r -> r.id("tax-ids-eu").when(attribute("/billingAddress/country").in("DE", "FR"))
                .owner("erp").syncTo("billing"))
            .attribute("/taxIds/*", r -> r.id("tax-ids-elsewhere").when(not(attribute("/billingAddress/country").in("DE", "FR")))
                .owner("billing").readers("erp")))
        .entity(EntityType.INVOICE, i -> i
            .defaults(r -> r.owner("billing").syncTo("erp"))
            .attribute("/status", r -> r.owner("erp").syncTo("billing")));
  }

  @Test
  void cleanPolicy_hasNoFindings_andBuildsWithoutRelaxing() {
    OwnershipPolicy policy = clean().build();

    assertThat(policy.lintFindings()).isEmpty();
    assertThat(OwnershipLint.check(policy)).isEmpty();
  }

  @Test
  void unconditionalDefaultsForEveryDeclaredEntity_leaveNoAttributeUnowned() {
    OwnershipPolicy.Builder builder = OwnershipPolicy.builder("all", "1").systems("erp");
    for (EntityType type : EntityType.values()) {
      builder.entity(type, e -> e.defaults(r -> r.owner("erp")));
    }

    assertThat(builder.build().lintFindings()).isEmpty();
  }

  @Test
  void entityAbsentFromPolicy_isNotLinted() {
    OwnershipPolicy policy = OwnershipPolicy.builder("one", "1").systems("erp")
        .entity(EntityType.INVOICE, e -> e.defaults(r -> r.owner("erp"))).build();

    assertThat(policy.entityTypes()).containsExactly(EntityType.INVOICE);
    assertThat(policy.lintFindings()).isEmpty();
  }

  @Nested
  class UnownedAttribute {
    @Test
    void conditionsMissingAStatus_reportAttributeRulesAndTheUnownedState() {
      OwnershipPolicy policy = customer(c -> c
          .defaults(r -> r.id("defaults-active").when(attribute("/status").in("ACTIVE", "ON_HOLD")).owner("erp"))
          .attribute("/legalName", r -> r.id("legal-name-prospect").when(PROSPECT).owner("crm")));

      List<LintFinding> unowned = of(policy, LintCode.UNOWNED_ATTRIBUTE);
      assertThat(unowned).hasSize(2);
      LintFinding legalName = unowned.stream().filter(f -> f.attribute().isPresent()).findFirst().orElseThrow();
      assertThat(legalName.attribute()).contains("/legalName");
      assertThat(legalName.ruleIds()).containsExactly("defaults-active", "legal-name-prospect");
      assertThat(legalName.code().severity()).isEqualTo(LintCode.Severity.ERROR);
      assertThat(legalName.message()).contains("/legalName has no owner when /status is CLOSED");

      LintFinding rest = unowned.stream().filter(f -> f.attribute().isEmpty()).findFirst().orElseThrow();
      assertThat(rest.ruleIds()).containsExactly("defaults-active");
      assertThat(rest.message())
          .contains("/displayName", "/segment", "and 8 more")
          .doesNotContain("/legalName")
          .contains("when /status is one of [PROSPECT, CLOSED]");
    }

    @Test
    void valueSetsTogetherNamingEveryEnumConstant_coverTheAttribute() {
      OwnershipPolicy policy = customer(c -> c
          .defaults(r -> r.id("prospects").when(PROSPECT).owner("crm"))
          .defaults(r -> r.id("customers").when(attribute("/status").in("ACTIVE", "ON_HOLD")).owner("erp"))
          .defaults(r -> r.id("closed").when(attribute("/status").in("CLOSED")).owner("erp")));

      assertThat(policy.lintFindings()).isEmpty();
    }

    @Test
    void aConditionTogetherWithItsNegation_coversEvenAnOpenValueRange() {
      Condition german = attribute("/billingAddress/country").in("DE");
      OwnershipPolicy policy = customer(c -> c
          .defaults(r -> r.id("germany").when(german).owner("erp"))
          .defaults(r -> r.id("elsewhere").when(not(german)).owner("billing")));

      assertThat(policy.lintFindings()).isEmpty();
    }

    @Test
    void openValueRange_isNeverCoveredByListingValues() {
      OwnershipPolicy policy = customer(c -> c
          .defaults(r -> r.owner("erp"))
          .attribute("/segment", r -> r.id("segment-de").when(attribute("/billingAddress/country").in("DE")).owner("crm"))
          .attribute("/segment", r -> r.id("segment-fr").when(attribute("/billingAddress/country").in("FR")).owner("erp")));

      // The defaults still cover /segment: nothing is unowned, whatever the country.
      assertThat(of(policy, LintCode.UNOWNED_ATTRIBUTE)).isEmpty();

      OwnershipPolicy withoutFallback = OwnershipPolicy.builder("x", "1").systems("crm", "erp")
          .entity(EntityType.CONTACT, c -> c
              .defaults(r -> r.id("de").when(attribute("/email").in("a@example.de")).owner("crm"))
              .defaults(r -> r.id("fr").when(attribute("/email").in("a@example.fr")).owner("erp")))
          .relaxLint().build();
      LintFinding finding = only(withoutFallback, LintCode.UNOWNED_ATTRIBUTE);
      assertThat(finding.ruleIds()).containsExactly("de", "fr");
      assertThat(finding.attribute()).isEmpty();
      assertThat(finding.message()).contains("when /email is none of [a@example.de, a@example.fr]");
    }

    @Test
    void attributesNoRuleCovers_areNamed() {
      OwnershipPolicy policy = OwnershipPolicy.builder("x", "1").systems("crm")
          .entity(EntityType.CONTACT, c -> c.attribute("/email", r -> r.owner("crm")))
          .relaxLint().build();

      LintFinding finding = only(policy, LintCode.UNOWNED_ATTRIBUTE);
      assertThat(finding.entityType()).isEqualTo(EntityType.CONTACT);
      assertThat(finding.ruleIds()).isEmpty();
      assertThat(finding.attribute()).isEmpty();
      assertThat(finding.message())
          .startsWith("no rule covers the attributes /customerId, /firstName, /lastName, /phone")
          .doesNotContain("/email")
          .contains("defaults rule for contact");
    }

    @Test
    void attributesUnownedForTheSameReason_areReportedTogether_underTheirSubtree() {
      OwnershipPolicy policy = customer(c -> {
        for (String path : List.of("/legalName", "/displayName", "/parentId", "/segment", "/status",
            "/contractingEntityId", "/taxIds/*", "/shippingAddress/*", "/extensions/*")) {
          c.attribute(path, r -> r.owner("erp"));
        }
        c.attribute("/billingAddress/*", r -> r.id("billing-address").when(PROSPECT).owner("crm"));
      });

      LintFinding finding = only(policy, LintCode.UNOWNED_ATTRIBUTE);
      assertThat(finding.attribute()).contains("/billingAddress/*");
      assertThat(finding.ruleIds()).containsExactly("billing-address");
      assertThat(finding.message()).isEqualTo(
          "the attributes /billingAddress/lines/*, /billingAddress/city, /billingAddress/region, /billingAddress/postalCode,"
              + " /billingAddress/country have no owner when /status is one of [ACTIVE, ON_HOLD, CLOSED]: none of the"
              + " conditions of rule billing-address holds then; add a rule for that case, or a rule without a condition as"
              + " the fallback.");
    }

    @Test
    void attributeWhoseOnlyRuleCanNeverApply_hasNoOwnerInAnyState() {
      OwnershipPolicy policy = OwnershipPolicy.builder("x", "1").systems("crm")
          .entity(EntityType.CONTACT, c -> c
              .defaults(r -> r.id("never").when(attribute("/active").in()).owner("crm")))
          .relaxLint().build();

      LintFinding finding = only(policy, LintCode.UNOWNED_ATTRIBUTE);
      assertThat(finding.ruleIds()).containsExactly("never");
      assertThat(finding.message()).contains("have no owner in any state of the record");
      assertThat(only(policy, LintCode.UNREACHABLE_RULE).ruleIds()).containsExactly("never");
    }

    @Test
    void entityDeclaredWithoutRules_ownsNothing() {
      OwnershipPolicy policy = OwnershipPolicy.builder("x", "1").systems("crm")
          .entity(EntityType.CONTACT, c -> {})
          .relaxLint().build();

      LintFinding finding = only(policy, LintCode.UNOWNED_ATTRIBUTE);
      assertThat(finding.entityType()).isEqualTo(EntityType.CONTACT);
      assertThat(finding.attribute()).isEmpty();
      assertThat(finding.ruleIds()).isEmpty();
      assertThat(finding.message()).contains("contact is in the policy but has no rules", "none of its 10 attributes");
    }
  }

  @Nested
  class OverlappingOwners {
    @Test
    void sameAttribute_intersectingValueSets_differentOwners_isAnError() {
      OwnershipPolicy policy = customer(c -> c
          .defaults(r -> r.owner("erp"))
          .attribute("/legalName", r -> r.id("early").when(attribute("/status").in("PROSPECT", "ACTIVE")).owner("crm"))
          .attribute("/legalName", r -> r.id("late").when(attribute("/status").in("ACTIVE", "CLOSED")).owner("erp")));

      LintFinding finding = only(policy, LintCode.OVERLAPPING_OWNERS);
      assertThat(finding.attribute()).contains("/legalName");
      assertThat(finding.ruleIds()).containsExactly("early", "late");
      assertThat(finding.code().severity()).isEqualTo(LintCode.Severity.ERROR);
      assertThat(finding.message()).contains("early (owner crm)", "late (owner erp)", "when /status is ACTIVE");
    }

    @Test
    void conditionsOnDifferentAttributes_canHoldTogether() {
      OwnershipPolicy policy = customer(c -> c
          .defaults(r -> r.owner("erp"))
          .attribute("/legalName", r -> r.id("prospects").when(PROSPECT).owner("crm"))
          .attribute("/legalName", r -> r.id("germans").when(attribute("/billingAddress/country").in("DE")).owner("erp")));

      LintFinding finding = only(policy, LintCode.OVERLAPPING_OWNERS);
      assertThat(finding.ruleIds()).containsExactly("prospects", "germans");
      assertThat(finding.message()).contains("/billingAddress/country is DE", "/status is PROSPECT");
    }

    @Test
    void exclusiveConditions_orTheSameOwner_areNoOverlap() {
      OwnershipPolicy policy = customer(c -> c
          .defaults(r -> r.owner("erp"))
          .attribute("/legalName", r -> r.id("prospects").when(PROSPECT).owner("crm"))
          .attribute("/legalName", r -> r.id("closed").when(allOf(not(PROSPECT), attribute("/status").in("CLOSED"))).owner("erp"))
          .attribute("/segment", r -> r.id("segment-a").when(PROSPECT).owner("crm"))
          .attribute("/segment", r -> r.id("segment-b").when(anyOf(PROSPECT, attribute("/status").in("ACTIVE"))).owner("crm")));

      assertThat(of(policy, LintCode.OVERLAPPING_OWNERS)).isEmpty();
    }

    @Test
    void twoUnconditionalDefaults_overlapAcrossTheEntity() {
      OwnershipPolicy policy = customer(c -> c
          .defaults(r -> r.id("erp-defaults").owner("erp"))
          .defaults(r -> r.id("crm-defaults").owner("crm")));

      LintFinding finding = only(policy, LintCode.OVERLAPPING_OWNERS);
      assertThat(finding.attribute()).isEmpty();
      assertThat(finding.ruleIds()).containsExactly("erp-defaults", "crm-defaults");
      assertThat(finding.message()).contains("in every state of the record, for example at /legalName");
    }

    @Test
    void manyRulesOverlappingEachOther_giveOneFindingPerRule_notPerPair() {
      OwnershipPolicy policy = customer(c -> {
        c.defaults(r -> r.owner("erp"));
        for (int n = 0; n < 30; n++) {
          String owner = List.of("crm", "erp", "billing").get(n % 3);
          c.attribute("/segment", r -> r.when(attribute("/status").in("ACTIVE")).owner(owner));
        }
      });

      List<LintFinding> overlaps = of(policy, LintCode.OVERLAPPING_OWNERS);
      assertThat(overlaps).hasSize(29);
      LintFinding last = overlaps.stream().filter(f -> f.ruleIds().contains("customer:/segment#30")).findFirst().orElseThrow();
      // #30 is billing's (n = 29): it competes with the 20 earlier rules of crm and erp, not with billing's own.
      assertThat(last.ruleIds()).hasSize(21).startsWith("customer:/segment", "customer:/segment#2").endsWith("customer:/segment#30")
          .doesNotContain("customer:/segment#3", "customer:/segment#27");
      assertThat(last.message()).contains("together with 20 rules of other owners", "and 10 more rules", "when /status is ACTIVE");
    }

    @Test
    void overlapWhereMoreSpecificRulesAlwaysWin_isNotReported() {
      OwnershipPolicy policy = customer(c -> c
          .defaults(r -> r.owner("erp"))
          .attribute("/taxIds/*", r -> r.id("tax-crm").owner("crm"))
          .attribute("/taxIds/*", r -> r.id("tax-erp").owner("erp"))
          .attribute("/taxIds/*/country", r -> r.id("tax-country").owner("erp"))
          .attribute("/taxIds/*/number", r -> r.id("tax-number").owner("erp")));

      assertThat(of(policy, LintCode.OVERLAPPING_OWNERS)).isEmpty();
      assertThat(of(policy, LintCode.UNREACHABLE_RULE)).extracting(LintFinding::ruleIds)
          .containsExactly(List.of("tax-crm", "tax-country", "tax-number"), List.of("tax-erp", "tax-country", "tax-number"));
    }
  }

  @Nested
  class UnreachableRule {
    @Test
    void emptyValueSet_neverApplies() {
      OwnershipPolicy policy = customer(c -> c
          .defaults(r -> r.owner("erp"))
          .attribute("/segment", r -> r.id("nothing").when(attribute("/status").in()).owner("crm")));

      LintFinding finding = only(policy, LintCode.UNREACHABLE_RULE);
      assertThat(finding.attribute()).contains("/segment");
      assertThat(finding.ruleIds()).containsExactly("nothing");
      assertThat(finding.code().severity()).isEqualTo(LintCode.Severity.WARNING);
      assertThat(finding.message()).contains("rule nothing can never apply");
    }

    @Test
    void valueThatIsNoEnumConstant_neverApplies_andTheMessageSaysWhy() {
      OwnershipPolicy policy = customer(c -> c
          .defaults(r -> r.owner("erp"))
          .attribute("/segment", r -> r.id("typo").when(attribute("/status").in("ACTVE")).owner("crm")));

      LintFinding finding = only(policy, LintCode.UNREACHABLE_RULE);
      assertThat(finding.ruleIds()).containsExactly("typo");
      assertThat(finding.message()).contains("its condition /status in [ACTVE]: 'ACTVE' is no value of /status, whose values are PROSPECT, ACTIVE, ON_HOLD, CLOSED; correct");
    }

    @Test
    void allOfDisjointValueSets_neverApplies() {
      OwnershipPolicy policy = customer(c -> c
          .defaults(r -> r.owner("erp"))
          .attribute("/segment", r -> r.id("contradiction")
              .when(allOf(PROSPECT, attribute("/status").in("ACTIVE", "CLOSED"))).owner("crm")));

      LintFinding finding = only(policy, LintCode.UNREACHABLE_RULE);
      assertThat(finding.ruleIds()).containsExactly("contradiction");
      assertThat(of(policy, LintCode.OVERLAPPING_OWNERS)).isEmpty();
    }

    @Test
    void subtreeEveryAttributeOfWhichHasAnUnconditionalRule_isShadowed() {
      OwnershipPolicy policy = customer(c -> c
          .defaults(r -> r.owner("erp"))
          .attribute("/taxIds/*", r -> r.id("tax-ids").owner("crm"))
          .attribute("/taxIds/*/country", r -> r.id("tax-country").owner("erp"))
          .attribute("/taxIds/*/number", r -> r.id("tax-number").owner("erp")));

      LintFinding finding = only(policy, LintCode.UNREACHABLE_RULE);
      assertThat(finding.attribute()).contains("/taxIds/*");
      assertThat(finding.ruleIds()).containsExactly("tax-ids", "tax-country", "tax-number");
      assertThat(finding.message()).contains("rule tax-ids never decides anything");
    }

    @Test
    void conditionalRulesThatTogetherCoverEveryStateItApplies_shadowToo() {
      OwnershipPolicy policy = customer(c -> c
          .defaults(r -> r.owner("erp"))
          .attribute("/taxIds/*", r -> r.id("tax-ids-prospect").when(PROSPECT).owner("crm"))
          .attribute("/taxIds/*/country", r -> r.id("tax-country").owner("erp"))
          .attribute("/taxIds/*/number", r -> r.id("tax-number-prospect").when(PROSPECT).owner("crm"))
          .attribute("/taxIds/*/number", r -> r.id("tax-number-other").when(not(PROSPECT)).owner("erp")));

      LintFinding finding = only(policy, LintCode.UNREACHABLE_RULE);
      assertThat(finding.ruleIds()).containsExactly("tax-ids-prospect", "tax-country", "tax-number-prospect", "tax-number-other");
    }

    @Test
    void ruleThatStillDecidesOneAttribute_isNotShadowed() {
      OwnershipPolicy policy = customer(c -> c
          .defaults(r -> r.owner("erp"))
          .attribute("/taxIds/*", r -> r.id("tax-ids").owner("crm"))
          .attribute("/taxIds/*/country", r -> r.id("tax-country").owner("erp"))
          .attribute("/taxIds/*/number", r -> r.id("tax-number").when(PROSPECT).owner("erp")));

      assertThat(policy.lintFindings()).isEmpty();
    }

    @Test
    void defaultsBeatenEverywhere_isNotReported_becauseItStillSaysWhoMayCreateTheRecord() {
      OwnershipPolicy policy = OwnershipPolicy.builder("x", "1").systems("crm", "erp")
          .entity(EntityType.CONTACT, c -> {
            c.defaults(r -> r.id("contact-defaults").owner("crm").originators("crm"));
            for (AttributePath a : AttributeCatalog.of(EntityType.CONTACT).attributes()) {
              c.attribute(a.toString(), r -> r.owner("erp"));
            }
          })
          .build();

      assertThat(policy.lintFindings()).isEmpty();
    }

    @Test
    void warningsAlone_doNotFailTheBuild() {
      OwnershipPolicy policy = clean()
          .entity(EntityType.CONTACT, c -> c
              .defaults(r -> r.owner("crm"))
              .attribute("/email", r -> r.id("never").when(attribute("/active").in("yes")).owner("crm")))
          .build();

      assertThat(policy.lintFindings()).singleElement().satisfies(f -> {
        assertThat(f.code()).isEqualTo(LintCode.UNREACHABLE_RULE);
        assertThat(f.ruleIds()).containsExactly("never");
        assertThat(f.message()).contains("'yes' is no value of /active, whose values are true, false");
      });
    }
  }

  @Nested
  class SyncCycle {
    @Test
    void ownershipHandedOverWithSyncBothWays_isNoCycle_becauseTheValueFlowsOneWayAtATime() {
      // The issue's own example: CRM masters a prospect's legal name, ERP an active customer's;
      // each syncs to the other, but never at the same time.
      OwnershipPolicy policy = customer(c -> c
          .defaults(r -> r.owner("erp"))
          .attribute("/legalName", r -> r.id("name-prospect").when(PROSPECT).owner("crm").syncTo("erp"))
          .attribute("/legalName", r -> r.id("name-customer").when(not(PROSPECT)).owner("erp").syncTo("crm")));

      assertThat(of(policy, LintCode.SYNC_CYCLE)).isEmpty();
    }

    @Test
    void syncBothWaysUnderConditionsThatHoldTogether_isACycle() {
      OwnershipPolicy policy = customer(c -> c
          .defaults(r -> r.owner("erp"))
          .attribute("/legalName", r -> r.id("name-early").when(attribute("/status").in("PROSPECT", "ACTIVE")).owner("crm").syncTo("erp"))
          .attribute("/legalName", r -> r.id("name-late").when(attribute("/status").in("ACTIVE", "ON_HOLD", "CLOSED")).owner("erp").syncTo("crm")));

      LintFinding finding = only(policy, LintCode.SYNC_CYCLE);
      assertThat(finding.attribute()).contains("/legalName");
      assertThat(finding.ruleIds()).containsExactly("name-early", "name-late");
      assertThat(finding.code().severity()).isEqualTo(LintCode.Severity.ERROR);
      assertThat(finding.message()).contains("crm -> erp -> crm", "crm syncs to erp by rule name-early", "erp syncs to crm by rule name-late");
    }

    @Test
    void ruleSyncingToItsOwnOwner_isACycle() {
      OwnershipPolicy policy = customer(c -> c
          .defaults(r -> r.owner("erp"))
          .attribute("/segment", r -> r.id("segment").owner("crm").syncTo("erp", "crm")));

      LintFinding finding = only(policy, LintCode.SYNC_CYCLE);
      assertThat(finding.attribute()).contains("/segment");
      assertThat(finding.ruleIds()).containsExactly("segment");
      assertThat(finding.message()).contains("crm -> crm", "remove crm from the sync targets");
    }

    @Test
    void circleThroughThreeSystems_isNamedFromItsSmallestSystem() {
      OwnershipPolicy policy = customer(c -> c
          .defaults(r -> r.owner("erp"))
          .attribute("/segment", r -> r.id("s-crm").when(attribute("/status").in("PROSPECT", "ACTIVE")).owner("crm").syncTo("erp"))
          .attribute("/segment", r -> r.id("s-erp").when(attribute("/status").in("ACTIVE", "ON_HOLD")).owner("erp").syncTo("billing"))
          .attribute("/segment", r -> r.id("s-billing").when(attribute("/status").in("ACTIVE", "CLOSED")).owner("billing").syncTo("crm")));

      LintFinding finding = only(policy, LintCode.SYNC_CYCLE);
      assertThat(finding.ruleIds()).containsExactly("s-crm", "s-erp", "s-billing");
      assertThat(finding.message()).contains("billing -> crm -> erp -> billing");
    }

    @Test
    void circleThroughThreeSystemsAcrossExclusiveStates_isNoCycle() {
      OwnershipPolicy policy = customer(c -> c
          .defaults(r -> r.owner("erp"))
          .attribute("/segment", r -> r.id("s-prospect").when(PROSPECT).owner("crm").syncTo("erp"))
          .attribute("/segment", r -> r.id("s-active").when(attribute("/status").in("ACTIVE")).owner("erp").syncTo("billing"))
          .attribute("/segment", r -> r.id("s-rest").when(attribute("/status").in("ON_HOLD", "CLOSED")).owner("billing").syncTo("crm")));

      assertThat(of(policy, LintCode.SYNC_CYCLE)).isEmpty();
    }

    @Test
    void syncOfARuleThatNeverDecidesTheAttribute_isNoEdge() {
      OwnershipPolicy policy = customer(c -> c
          .defaults(r -> r.id("defaults").owner("erp").syncTo("crm"))
          .attribute("/segment", r -> r.id("segment").owner("crm").syncTo("erp")));

      assertThat(of(policy, LintCode.SYNC_CYCLE)).isEmpty();
    }

    @Test
    void sameCycleOnManyAttributes_isOneFindingNamingThem() {
      OwnershipPolicy policy = customer(c -> c
          .defaults(r -> r.id("defaults").owner("erp").syncTo("erp", "billing"))
          .attribute("/segment", r -> r.owner("crm")));

      LintFinding finding = only(policy, LintCode.SYNC_CYCLE);
      assertThat(finding.attribute()).isEmpty();
      assertThat(finding.ruleIds()).containsExactly("defaults");
      assertThat(finding.message())
          .startsWith("the attributes /legalName, /displayName, /parentId, /status")
          .contains("are synced back to their own owner (erp -> erp)")
          .doesNotContain("/segment");
    }
  }

  @Test
  void undeclaredSystem_isReported() {
    OwnershipPolicy policy = customer(c -> c.defaults(r -> r.id("defaults").owner("erp").syncTo("sap")));

    LintFinding finding = only(policy, LintCode.UNDECLARED_SYSTEM);
    assertThat(finding.ruleIds()).containsExactly("defaults");
    assertThat(finding.message()).contains("[sap]");
  }

  @Test
  void buildWithoutRelaxing_throwsListingEveryFinding() {
    OwnershipPolicy.Builder broken = OwnershipPolicy.builder("broken", "7").systems("crm", "erp")
        .entity(EntityType.CUSTOMER, c -> c
            .defaults(r -> r.owner("erp"))
            .attribute("/legalName", r -> r.id("a").when(PROSPECT).owner("crm"))
            .attribute("/legalName", r -> r.id("b").when(attribute("/status").in("PROSPECT", "ACTIVE")).owner("erp"))
            .attribute("/segment", r -> r.id("typo").when(attribute("/status").in("ACTVE")).owner("crm")));

    assertThatThrownBy(broken::build)
        .isInstanceOfSatisfying(PolicyLintException.class, e -> {
          assertThat(e.findings()).extracting(LintFinding::code)
              .containsExactly(LintCode.OVERLAPPING_OWNERS, LintCode.UNREACHABLE_RULE);
          assertThat(e.getMessage()).contains("broken 7", "OWN-002 ERROR customer /legalName", "OWN-003 WARNING customer /segment");
        });
  }

  @Test
  void findings_areSortedErrorsFirst_andTheSameEveryTime() {
    OwnershipPolicy policy = OwnershipPolicy.builder("mixed", "1").systems("crm", "erp")
        .entity(EntityType.INVOICE, i -> i
            .defaults(r -> r.owner("erp"))
            .attribute("/status", r -> r.id("never").when(attribute("/status").in()).owner("crm")))
        .entity(EntityType.CUSTOMER, c -> c
            .defaults(r -> r.owner("erp").syncTo("psa"))
            .attribute("/segment", r -> r.id("self").owner("crm").syncTo("crm"))
            .attribute("/taxIds/*", r -> r.id("shadowed").owner("crm"))
            .attribute("/taxIds/*/country", r -> r.owner("erp"))
            .attribute("/taxIds/*/number", r -> r.owner("erp")))
        .relaxLint().build();

    List<LintFinding> findings = OwnershipLint.check(policy);
    assertThat(findings).extracting(f -> f.code().code() + " " + f.entityType().schemaName() + " " + f.attribute().orElse("-"))
        .containsExactly(
            "OWN-004 customer /segment",
            "OWN-005 customer -",
            "OWN-003 customer /taxIds/*",
            "OWN-003 invoice /status");
    assertThat(OwnershipLint.check(policy)).isEqualTo(findings);
    assertThat(policy.lintFindings()).isEqualTo(findings);
  }

  @Test
  void twoHundredRulePolicies_areLintedExactly() {
    List<AttributePath> contract = AttributeCatalog.of(EntityType.CONTRACT).attributes();
    assertThat(contract).hasSize(60);
    List<Set<String>> statuses = List.of(Set.of("DRAFT"), Set.of("ACTIVE", "SUSPENDED"), Set.of("EXPIRED", "TERMINATED"));
    List<String> owners = List.of("crm", "erp", "billing");

    // 180 attribute rules splitting every attribute three ways by status, 20 defaults of one owner: clean.
    OwnershipPolicy clean = OwnershipPolicy.builder("big", "1").systems("crm", "erp", "billing")
        .entity(EntityType.CONTRACT, c -> {
          c.defaults(r -> r.owner("crm"));
          for (int n = 1; n < 20; n++) {
            String currency = "C" + n;
            c.defaults(r -> r.when(attribute("/currency").in(currency)).owner("crm"));
          }
          for (AttributePath a : contract) {
            for (int g = 0; g < 3; g++) {
              int group = g;
              c.attribute(a.toString(), r -> r.when(attribute("/status").in(statuses.get(group))).owner(owners.get(group)));
            }
          }
        })
        .build();
    assertThat(clean.rules(EntityType.CONTRACT)).hasSize(200);
    assertThat(clean.lintFindings()).isEmpty();

    // 100 conditional defaults and 100 attribute rules that leave EXPIRED and TERMINATED contracts unowned.
    OwnershipPolicy gaps = OwnershipPolicy.builder("big", "2").systems("crm", "erp", "billing")
        .entity(EntityType.CONTRACT, c -> {
          for (int n = 0; n < 100; n++) {
            String currency = "C" + n;
            c.defaults(r -> r.when(allOf(attribute("/currency").in(currency), attribute("/autoRenew").in("true"))).owner("erp"));
          }
          for (int i = 0; i < 100; i++) {
            int group = i < contract.size() ? 0 : 1;
            c.attribute(contract.get(i % contract.size()).toString(),
                r -> r.when(attribute("/status").in(statuses.get(group))).owner(owners.get(group)));
          }
        })
        .relaxLint().build();
    assertThat(gaps.rules(EntityType.CONTRACT)).hasSize(200);
    assertThat(gaps.lintFindings()).hasSize(contract.size()).allSatisfy(f -> {
      assertThat(f.code()).isEqualTo(LintCode.UNOWNED_ATTRIBUTE);
      assertThat(f.attribute()).isPresent();
      assertThat(f.ruleIds()).hasSizeBetween(101, 102);
      assertThat(f.message()).contains("has no owner when /autoRenew is false and /status is one of [", "EXPIRED, TERMINATED]: none of the conditions of rules contract:defaults, ");
    });
  }

  @Nested
  class Conditions {
    private final LintConditions customer = LintConditions.of(EntityType.CUSTOMER);

    @Test
    void find_namesOnlyTheAttributesThatMatter() {
      LintConditions.Outcome o = customer.find(allOf(not(PROSPECT), attribute("/billingAddress/country").in("DE", "AT")));

      assertThat(o.found()).isTrue();
      assertThat(o.state()).isEqualTo("/billingAddress/country is one of [AT, DE] and /status is one of [ACTIVE, ON_HOLD, CLOSED]");
    }

    @Test
    void find_conditionOnAnObjectValuedAttribute_isImpossible() {
      LintConditions.Outcome o = LintConditions.of(EntityType.CONTRACT).find(attribute("/totalValue").in("100 EUR"));

      assertThat(o.impossible()).isTrue();
    }

    @Test
    void find_outOfBudget_isUndecided_neverAGuess() {
      Condition manyAttributes = allOf(
          not(attribute("/legalName").in("a")), not(attribute("/displayName").in("a")), not(attribute("/segment").in("a")),
          not(attribute("/parentId").in("a")), not(attribute("/contractingEntityId").in("a")), not(attribute("/billingAddress/city").in("a")),
          PROSPECT, attribute("/status").in("ACTIVE"));

      assertThat(LintConditions.of(EntityType.CUSTOMER, 40).find(manyAttributes).undecided()).isTrue();
      assertThat(LintConditions.of(EntityType.CUSTOMER).find(manyAttributes).impossible()).isTrue();
    }
  }
}
