package dev.steward.core.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.model.AttributePath;
import dev.steward.model.CanonicalJson;
import dev.steward.model.EntityType;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class OwnershipEngineTest {
  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  /** CRM owns segmentation and a prospect's legal name; ERP owns the rest of a customer. */
  static OwnershipPolicy policy() {
    return OwnershipPolicy.builder("test-governance", "1")
        .systems("crm", "psa", "erp", "billing")
        .entity(EntityType.CUSTOMER, c -> c
            .defaults(r -> r.owner("erp").originators("crm").syncTo("crm", "billing"))
            .attribute("/segment", r -> r.owner("crm").syncTo("erp", "billing"))
            .attribute("/billingAddress/*", r -> r.owner("erp").originators("crm").proposers("billing").syncTo("billing"))
            .attribute("/legalName", r -> r.id("legal-name-prospect").when(Condition.attribute("/status").in("PROSPECT"))
                .owner("crm").syncTo("erp", "billing"))
            .attribute("/legalName", r -> r.id("legal-name-customer").when(Condition.not(Condition.attribute("/status").in("PROSPECT")))
                .owner("erp").proposers("crm").syncTo("crm", "billing")))
        .entity(EntityType.INVOICE, i -> i
            .defaults(r -> r.owner("billing").syncTo("erp"))
            .attribute("/status", r -> r.owner("erp").syncTo("billing")))
        .build();
  }

  private final OwnershipEngine engine = OwnershipEngine.of(policy(), Clock.fixed(NOW, ZoneOffset.UTC));

  private static ObjectNode sample(String name) {
    try (InputStream in = OwnershipEngineTest.class.getResourceAsStream("/ownership/" + name + ".json")) {
      return (ObjectNode) JSON.readTree(in.readAllBytes());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode patch(String json) {
    return JSON.readTree(json);
  }

  private OwnershipDecision decide(String source, JsonNode golden, String incoming) {
    return engine.decide(ChangeRequest.builder(EntityType.CUSTOMER, source, patch(incoming)).golden(golden).build());
  }

  @Test
  void ownerChange_isAccepted_merged_andSentToTheTargetsButNotBack() {
    OwnershipDecision d = decide("crm", sample("customer"), "{\"segment\":\"mid-market\"}");

    assertThat(d.decisions()).singleElement().satisfies(a -> {
      assertThat(a.outcome()).isEqualTo(Outcome.ACCEPTED);
      assertThat(a.pointer()).isEqualTo("/segment");
      assertThat(a.rule().id()).isEqualTo("customer:/segment");
      assertThat(a.reason()).isEqualTo("crm owns /segment (rule customer:/segment), so its value is applied.");
    });
    assertThat(d.merged().path("segment").asString()).isEqualTo("mid-market");
    assertThat(d.syncPlan().asMap()).isEqualTo(Map.of("billing", List.of("/segment"), "erp", List.of("/segment")));
    assertThat(d.applied()).isTrue();
    assertThat(d.policyId()).isEqualTo("test-governance");
    assertThat(d.policyFingerprint()).isEqualTo(policy().fingerprint());
    assertThat(d.decidedAt()).isEqualTo(NOW);
  }

  @Test
  void nonOwnerChange_isRejected_forThatAttributeAlone() {
    ObjectNode golden = sample("customer");

    OwnershipDecision d = decide("crm", golden, "{\"segment\":\"smb\",\"taxIds\":[{\"country\":\"DE\",\"number\":\"DE000000000\"}]}");

    assertThat(d.decisions()).extracting(AttributeDecision::pointer, AttributeDecision::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/segment", Outcome.ACCEPTED),
            org.assertj.core.groups.Tuple.tuple("/taxIds/0/country", Outcome.UNCHANGED),
            org.assertj.core.groups.Tuple.tuple("/taxIds/0/number", Outcome.REJECTED_NOT_OWNER));
    assertThat(d.merged().path("taxIds")).isEqualTo(golden.path("taxIds"));
    assertThat(d.merged().path("segment").asString()).isEqualTo("smb");
    assertThat(d.withOutcome(Outcome.REJECTED_NOT_OWNER).get(0).reason())
        .isEqualTo("erp owns /taxIds/*/number (rule customer:defaults); crm may neither change nor propose it.");
  }

  @Test
  void conditionalOwnership_followsTheRecordsLifecycle() {
    ObjectNode prospect = sample("customer").put("status", "PROSPECT");
    ObjectNode active = sample("customer").put("status", "ACTIVE");

    assertThat(decide("crm", prospect, "{\"legalName\":\"Nordlicht AG\"}").decisions().get(0).outcome()).isEqualTo(Outcome.ACCEPTED);
    OwnershipDecision onActive = decide("crm", active, "{\"legalName\":\"Nordlicht AG\"}");
    assertThat(onActive.decisions().get(0).outcome()).isEqualTo(Outcome.PROPOSED);
    assertThat(onActive.decisions().get(0).reason())
        .isEqualTo("erp owns /legalName while not /status in [PROSPECT] (rule legal-name-customer); crm may propose it,"
            + " so the value is recorded for approval, not applied.");
    assertThat(onActive.merged().path("legalName").asString()).isEqualTo("Nordlicht Logistik GmbH");
    assertThat(onActive.applied()).isFalse();
  }

  @Test
  void lifecycleChange_recordsTheHandOverOfOwnership() {
    ObjectNode prospect = sample("customer").put("status", "PROSPECT");

    OwnershipDecision d = decide("erp", prospect, "{\"status\":\"ACTIVE\"}");

    assertThat(d.handovers()).singleElement().satisfies(h -> {
      assertThat(h.attribute()).isEqualTo(AttributePath.parse("/legalName"));
      assertThat(h.from().owner()).isEqualTo("crm");
      assertThat(h.to().owner()).isEqualTo("erp");
      assertThat(h.describe()).contains("passes from crm (rule legal-name-prospect) to erp (rule legal-name-customer)");
    });
  }

  @Test
  void unchangedValues_areReportedAsUnchanged_andNothingIsSent() {
    OwnershipDecision d = decide("crm", sample("customer"), "{\"segment\":\"enterprise\",\"displayName\":\"Nordlicht\"}");

    assertThat(d.decisions()).extracting(AttributeDecision::outcome).containsOnly(Outcome.UNCHANGED);
    assertThat(d.syncPlan().isEmpty()).isTrue();
  }

  @Test
  void creation_byASystemThatMayNotOriginate_isRefusedWhole() {
    JsonNode incoming = sample("customer");

    OwnershipDecision d = engine.decide(ChangeRequest.builder(EntityType.CUSTOMER, "psa", incoming).build());

    assertThat(d.decisions()).isNotEmpty().extracting(AttributeDecision::outcome).containsOnly(Outcome.REJECTED_NOT_ORIGINATOR);
    assertThat(d.decisions().get(0).reason()).isEqualTo("psa may not create a customer (rule customer:defaults); its originators are [crm, erp].");
    assertThat(d.applied()).isFalse();
    assertThat(d.merged().isEmpty()).isTrue();
  }

  @Test
  void creation_byAnOriginator_keepsWhatItOwnsOrOriginates_only() {
    ObjectNode incoming = sample("customer").put("status", "PROSPECT");

    OwnershipDecision d = engine.decide(ChangeRequest.builder(EntityType.CUSTOMER, "crm", incoming).build());

    assertThat(d.merged().path("legalName").asString()).isEqualTo("Nordlicht Logistik GmbH"); // owned while PROSPECT
    assertThat(d.merged().path("billingAddress").path("city").asString()).isEqualTo("Hamburg"); // originated
    assertThat(d.merged().path("segment").asString()).isEqualTo("enterprise"); // owned
    assertThat(d.merged().has("taxIds")).isTrue(); // defaults name crm an originator
    assertThat(d.withOutcome(Outcome.REJECTED_NOT_OWNER)).isEmpty();
  }

  @Test
  void ownerChangeAfterTheSourcesBaseVersion_isAConflict() {
    ObjectNode active = sample("customer").put("status", "ACTIVE");
    ChangeRequest change = ChangeRequest.builder(EntityType.CUSTOMER, "crm", patch("{\"legalName\":\"Nordlicht AG\"}"))
        .golden(active).baseVersion(7).history(Map.of("/legalName", new ChangeRequest.AttributeChange(9, "erp"))).build();

    AttributeDecision d = engine.decide(change).decisions().get(0);

    assertThat(d.outcome()).isEqualTo(Outcome.CONFLICT);
    assertThat(d.reason()).startsWith("erp changed /legalName at version 9, after the version crm's change is based on");
  }

  @Test
  void strictChange_withARefusedValue_appliesNothing() {
    ObjectNode golden = sample("customer");
    ChangeRequest change = ChangeRequest.builder(EntityType.CUSTOMER, "crm", patch("{\"segment\":\"smb\",\"displayName\":\"NL\"}"))
        .golden(golden).strict().build();

    OwnershipDecision d = engine.decide(change);

    assertThat(d.decisions()).extracting(AttributeDecision::outcome).containsExactly(Outcome.ACCEPTED, Outcome.REJECTED_NOT_OWNER);
    assertThat(d.applied()).isFalse();
    assertThat(d.merged()).isEqualTo(golden);
    assertThat(d.syncPlan().isEmpty()).isTrue();
  }

  @Test
  void explicitNull_removesWhatTheSourceOwns() {
    OwnershipDecision d = decide("crm", sample("customer"), "{\"segment\":null}");

    assertThat(d.decisions().get(0).outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(d.decisions().get(0).after()).isNull();
    assertThat(d.merged().has("segment")).isFalse();
  }

  @Test
  void lists_areDecidedPerElementValue_andAShorterListRemovesWhatItLost() {
    ObjectNode invoice = sample("invoice");
    int lines = invoice.path("lines").size();
    ObjectNode patch = JSON.mapper().createObjectNode();
    patch.set("lines", invoice.path("lines").deepCopy());
    ((ObjectNode) patch.path("lines").get(1)).put("quantity", 20);
    ((tools.jackson.databind.node.ArrayNode) patch.path("lines")).remove(lines - 1);

    OwnershipDecision d = engine.decide(ChangeRequest.builder(EntityType.INVOICE, "billing", patch).golden(invoice).build());

    assertThat(d.withOutcome(Outcome.ACCEPTED)).extracting(AttributeDecision::pointer)
        .contains("/lines/1/quantity", "/lines/" + (lines - 1) + "/description");
    assertThat(d.merged().path("lines").size()).isEqualTo(lines - 1);
    assertThat(d.merged().path("lines").get(1).path("quantity").asInt()).isEqualTo(20);
    assertThat(d.syncPlan().pointersFor("erp")).contains("/lines/1/quantity");
  }

  @Test
  void explain_namesTheRuleAndItsCondition() {
    ObjectNode prospect = sample("customer").put("status", "PROSPECT");

    Explanation legalName = engine.explain(EntityType.CUSTOMER, "/legalName", prospect);
    Explanation country = engine.explain(EntityType.CUSTOMER, "/billingAddress/country", prospect);

    assertThat(legalName.owner()).contains("crm");
    assertThat(legalName.describe()).isEqualTo("crm owns /legalName by rule legal-name-prospect, because /status in [PROSPECT].");
    assertThat(legalName.considered()).extracting(c -> c.rule().id(), Explanation.Considered::holds)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("legal-name-prospect", true),
            org.assertj.core.groups.Tuple.tuple("legal-name-customer", false),
            org.assertj.core.groups.Tuple.tuple("customer:defaults", true));
    assertThat(country.describe()).isEqualTo("erp owns /billingAddress/country by rule customer:/billingAddress/*.");
  }

  @Test
  void changeNamingNoAttribute_isRefusedWithItsPointer() {
    assertThatThrownBy(() -> decide("crm", sample("customer"), "{\"nickname\":\"NL\"}"))
        .isInstanceOfSatisfying(OwnershipException.class, e -> {
          assertThat(e.reason()).isEqualTo(OwnershipException.Reason.UNKNOWN_ATTRIBUTE);
          assertThat(e.pointer()).isEqualTo("/nickname");
        });
    assertThatThrownBy(() -> decide("crm", sample("customer"), "{\"billingAddress\":\"Hamburg\"}"))
        .isInstanceOfSatisfying(OwnershipException.class, e -> assertThat(e.reason()).isEqualTo(OwnershipException.Reason.WRONG_SHAPE));
    assertThatThrownBy(() -> engine.decide(ChangeRequest.builder(EntityType.PROJECT, "psa", patch("{}")).build()))
        .isInstanceOfSatisfying(OwnershipException.class, e -> assertThat(e.reason()).isEqualTo(OwnershipException.Reason.NO_RULES));
  }

  @Test
  void sameChangeTwice_givesTheSameResult() {
    ObjectNode golden = sample("customer");
    String change = "{\"segment\":\"smb\",\"displayName\":\"NL\",\"legalName\":\"X\"}";

    OwnershipDecision first = decide("crm", golden, change);
    OwnershipDecision again = decide("crm", first.merged(), change);

    assertThat(again.merged()).isEqualTo(first.merged());
    assertThat(again.withOutcome(Outcome.ACCEPTED)).isEmpty();
  }

  @Test
  void changeWithTenThousandExtensionKeys_isRefusedClearly() {
    ObjectNode change = JSON.mapper().createObjectNode();
    ObjectNode extensions = change.putObject("extensions");
    for (int i = 0; i < 10_000; i++) {
      extensions.put("acme:k" + i, i);
    }

    assertThatThrownBy(() -> engine.decide(ChangeRequest.builder(EntityType.CUSTOMER, "erp", change).golden(sample("customer")).build()))
        .isInstanceOfSatisfying(OwnershipException.class, e -> {
          assertThat(e.reason()).isEqualTo(OwnershipException.Reason.TOO_LARGE);
          assertThat(e.getMessage()).contains("10000 extension keys").contains("256");
        });
  }

  @Test
  void changeThatMovesTheState_isJudgedWhereItLeads_soApplyingItAgainChangesNothing() {
    // erp owns /status; an active customer's legal name is erp's too, a prospect's is crm's.
    ObjectNode prospect = sample("customer").put("status", "PROSPECT");
    String change = "{\"status\":\"ACTIVE\",\"legalName\":\"Nordlicht AG\"}";

    OwnershipDecision first = decide("erp", prospect, change);
    OwnershipDecision again = decide("erp", first.merged(), change);

    assertThat(first.decisions()).extracting(AttributeDecision::pointer, AttributeDecision::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/status", Outcome.ACCEPTED),
            org.assertj.core.groups.Tuple.tuple("/legalName", Outcome.ACCEPTED));
    assertThat(first.decisions().get(1).rule().id()).isEqualTo("legal-name-customer");
    assertThat(first.decisions().get(0).judgedAfter()).isEmpty();
    assertThat(first.decisions().get(1).judgedAfter()).containsExactly("/status");
    assertThat(first.decisions().get(1).reason()).isEqualTo("erp owns /legalName while not /status in [PROSPECT]"
        + " (once this change's /status applied) (rule legal-name-customer), so its value is applied.");
    assertThat(first.merged().path("legalName").asString()).isEqualTo("Nordlicht AG");
    assertThat(again.merged()).isEqualTo(first.merged());
    assertThat(again.withOutcome(Outcome.ACCEPTED)).isEmpty();
  }

  @Test
  void refusedStrictChange_isJudgedInTheStateItStartsFrom_notOneItNeverReaches() {
    OwnershipPolicy policy = OwnershipPolicy.builder("strict-states", "1")
        .systems("crm", "erp")
        .entity(EntityType.INVOICE, i -> i
            .defaults(r -> r.owner("erp"))
            .attribute("/status", r -> r.owner("crm"))
            .attribute("/purchaseOrderNumber", r -> r.when(Condition.attribute("/status").in("FINALIZED")).owner("crm")))
        .build();
    OwnershipEngine strictEngine = OwnershipEngine.of(policy, Clock.fixed(NOW, ZoneOffset.UTC));
    ObjectNode draft = sample("invoice").put("status", "DRAFT");
    JsonNode change = patch("{\"status\":\"FINALIZED\",\"currency\":\"USD\",\"purchaseOrderNumber\":\"PO-2\"}");

    OwnershipDecision d = strictEngine.decide(ChangeRequest.builder(EntityType.INVOICE, "crm", change).golden(draft).strict().build());

    assertThat(d.applied()).isFalse();
    assertThat(d.merged()).isEqualTo(draft);
    assertThat(d.decisions()).extracting(AttributeDecision::pointer, AttributeDecision::outcome)
        .contains(org.assertj.core.groups.Tuple.tuple("/purchaseOrderNumber", Outcome.REJECTED_NOT_OWNER));
  }

  /** billing owns invoice line descriptions, erp their quantities. */
  private static OwnershipEngine linesEngine() {
    OwnershipPolicy policy = OwnershipPolicy.builder("lines", "1")
        .systems("billing", "erp")
        .entity(EntityType.INVOICE, i -> i
            .defaults(r -> r.owner("billing"))
            .attribute("/lines/*/quantity", r -> r.owner("erp")))
        .build();
    return OwnershipEngine.of(policy, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void newListElement_afterOneLeftEmpty_isRefusedForTheGap_notAppliedAtAnotherPlace() {
    ObjectNode invoice = sample("invoice");
    int n = invoice.path("lines").size();
    ObjectNode patch = JSON.mapper().createObjectNode();
    tools.jackson.databind.node.ArrayNode lines = patch.putArray("lines");
    invoice.path("lines").forEach(l -> lines.add(l.deepCopy()));
    lines.addObject().put("quantity", 3); // erp's: refused, so this element stays empty
    lines.addObject().put("description", "Travel").put("quantity", 1);

    OwnershipDecision d = linesEngine().decide(ChangeRequest.builder(EntityType.INVOICE, "billing", patch).golden(invoice).build());

    assertThat(d.decisions()).filteredOn(a -> a.pointer().startsWith("/lines/" + n))
        .extracting(AttributeDecision::pointer, AttributeDecision::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/lines/" + n + "/quantity", Outcome.REJECTED_NOT_OWNER));
    AttributeDecision gap = d.decisions().stream().filter(a -> a.pointer().equals("/lines/" + (n + 1) + "/description"))
        .findFirst().orElseThrow();
    assertThat(gap.outcome()).isEqualTo(Outcome.REJECTED_LIST_GAP);
    assertThat(gap.gapAt()).isEqualTo("/lines/" + n);
    assertThat(gap.reason()).isEqualTo("Applying /lines/" + (n + 1) + "/description would leave /lines/" + n
        + " empty while later elements of its list stay; lists keep their positions, so the value is not applied"
        + " (rule invoice:defaults).");
    assertThat(d.merged().path("lines")).isEqualTo(invoice.path("lines"));
    assertThat(d.applied()).isFalse();
  }

  @Test
  void removingAnElementThatLaterOnesFollow_keepsItsLastValue_soTheListHasNoGap() {
    ObjectNode invoice = sample("invoice");
    assertThat(invoice.path("lines").size()).as("the sample invoice has at least 3 lines").isGreaterThanOrEqualTo(3);
    ObjectNode patch = JSON.mapper().createObjectNode();
    tools.jackson.databind.node.ArrayNode lines = patch.putArray("lines");
    invoice.path("lines").forEach(l -> lines.add(l.deepCopy()));
    lines.set(1, JSON.mapper().nullNode());

    OwnershipDecision d = engine.decide(ChangeRequest.builder(EntityType.INVOICE, "billing", patch).golden(invoice).build());

    List<AttributeDecision> removals = d.decisions().stream().filter(a -> a.pointer().startsWith("/lines/1/")).toList();
    assertThat(removals).hasSizeGreaterThan(1);
    AttributeDecision kept = removals.get(removals.size() - 1);
    assertThat(removals.subList(0, removals.size() - 1)).extracting(AttributeDecision::outcome).containsOnly(Outcome.ACCEPTED);
    assertThat(kept.outcome()).isEqualTo(Outcome.REJECTED_LIST_GAP);
    assertThat(kept.gapAt()).isEqualTo("/lines/1");
    assertThat(d.merged().path("lines").size()).isEqualTo(invoice.path("lines").size());
    assertThat(d.merged().path("lines").get(1).size()).isEqualTo(1);
    assertThat(d.merged().at(kept.pointer())).isEqualTo(invoice.at(kept.pointer()));
    assertThat(d.merged().path("lines").get(2)).isEqualTo(invoice.path("lines").get(2));
  }

  @Test
  void creation_judgesAgainOnTheRecordAsCreated_whatTheRecordAsSentRefused() {
    // erp owns /status and an active customer's legal name; crm owns the legal name otherwise.
    OwnershipPolicy policy = OwnershipPolicy.builder("creation", "1")
        .systems("crm", "erp")
        .entity(EntityType.CUSTOMER, c -> c
            .defaults(r -> r.owner("erp").originators("crm"))
            .attribute("/status", r -> r.owner("erp"))
            .attribute("/legalName", r -> r.id("active").when(Condition.attribute("/status").in("ACTIVE")).owner("erp"))
            .attribute("/legalName", r -> r.id("not-active")
                .when(Condition.not(Condition.attribute("/status").in("ACTIVE"))).owner("crm")))
        .build();
    OwnershipEngine creationEngine = OwnershipEngine.of(policy, Clock.fixed(NOW, ZoneOffset.UTC));
    JsonNode incoming = patch("{\"status\":\"ACTIVE\",\"legalName\":\"Nordlicht AG\",\"displayName\":\"Nordlicht\"}");

    OwnershipDecision first = creationEngine.decide(ChangeRequest.builder(EntityType.CUSTOMER, "crm", incoming).build());
    OwnershipDecision again = creationEngine.decide(
        ChangeRequest.builder(EntityType.CUSTOMER, "crm", incoming).golden(first.merged()).build());

    assertThat(first.decisions()).extracting(AttributeDecision::pointer, AttributeDecision::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/status", Outcome.REJECTED_NOT_OWNER),
            org.assertj.core.groups.Tuple.tuple("/legalName", Outcome.ACCEPTED),
            org.assertj.core.groups.Tuple.tuple("/displayName", Outcome.ACCEPTED));
    assertThat(first.decisions().get(1).rule().id()).isEqualTo("not-active");
    assertThat(first.decisions().get(1).judgedAfter()).containsExactly("/displayName");
    assertThat(again.merged()).isEqualTo(first.merged());
    assertThat(again.withOutcome(Outcome.ACCEPTED)).isEmpty();
  }
}
