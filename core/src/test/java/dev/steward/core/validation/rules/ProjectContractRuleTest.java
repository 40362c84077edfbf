package dev.steward.core.validation.rules;

import static dev.steward.core.validation.rules.RuleFixturesA.CONTRACT;
import static dev.steward.core.validation.rules.RuleFixturesA.EUR;
import static dev.steward.core.validation.rules.RuleFixturesA.LE_DE;
import static dev.steward.core.validation.rules.RuleFixturesA.PROJECT_CODE;
import static dev.steward.core.validation.rules.RuleFixturesA.direct;
import static dev.steward.core.validation.rules.RuleFixturesA.fixedFee;
import static dev.steward.core.validation.rules.RuleFixturesA.money;
import static dev.steward.core.validation.rules.RuleFixturesA.only;
import static dev.steward.core.validation.rules.RuleFixturesA.period;
import static dev.steward.core.validation.rules.RuleFixturesA.project;
import static dev.steward.core.validation.rules.RuleFixturesA.referenceData;
import static dev.steward.core.validation.rules.RuleFixturesA.summary;
import static dev.steward.core.validation.rules.RuleFixturesA.viaJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.validation.Category;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.RecordLookup;
import dev.steward.core.validation.Severity;
import dev.steward.core.validation.Violation;
import dev.steward.model.CommercialTerm;
import dev.steward.model.Contract;
import dev.steward.model.ContractStatus;
import dev.steward.model.Project;
import dev.steward.model.ProjectStatus;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProjectContractRuleTest {
  private final ProjectContractRule rule = new ProjectContractRule();

  private static RecordLookup contractIn(ContractStatus status) {
    Contract contract = RuleFixturesA.contract(LE_DE, status, period("2026-01-01", "2026-12-31"), EUR, null, null,
        List.<CommercialTerm>of(fixedFee("L-001", money("1000", EUR))), List.of());
    return new RuleFixturesA.MapLookup(contract);
  }

  private List<Violation> check(ProjectStatus project, ContractStatus contract) {
    return direct(rule, project(PROJECT_CODE, project, CONTRACT), referenceData(), contractIn(contract));
  }

  @Test
  void appliesTo_projects() {
    assertThat(rule.appliesTo()).isEqualTo(Project.class);
  }

  @Test
  void check_activeProjectOnActiveContract_passes() {
    Project p = project(PROJECT_CODE, ProjectStatus.ACTIVE, CONTRACT);

    assertThat(direct(rule, p, referenceData(), contractIn(ContractStatus.ACTIVE))).isEmpty();
    assertThat(viaJson(rule, p, referenceData(), contractIn(ContractStatus.ACTIVE))).isEmpty();
  }

  @Test
  void check_projectWithoutContract_isNotReported() {
    assertThat(direct(rule, project(PROJECT_CODE, ProjectStatus.ACTIVE, null))).isEmpty();
  }

  @Test
  void check_unknownContract_isContractNotFound() {
    Violation v = only(direct(rule, project(PROJECT_CODE, ProjectStatus.ACTIVE, CONTRACT)),
        "ERROR CONTRACT_NOT_FOUND at /contractId (rule)");

    assertThat(v.code()).isEqualTo(ReasonCodes.CONTRACT_NOT_FOUND);
    assertThat(v.category()).isEqualTo(Category.REFERENCE_DATA);
    assertThat(v.message()).contains(PROJECT_CODE, CONTRACT.toString(), "does not exist");
  }

  @Test
  void check_idOfAnotherRecordType_isContractNotFound() {
    Project other = project("PRJ-OTHER", ProjectStatus.ACTIVE, null);
    Project p = project(PROJECT_CODE, ProjectStatus.ACTIVE, CONTRACT);
    RecordLookup wrongType = id -> id.equals(CONTRACT) ? java.util.Optional.of(other) : java.util.Optional.empty();

    assertThat(summary(direct(rule, p, referenceData(), wrongType)))
        .containsExactly("ERROR CONTRACT_NOT_FOUND at /contractId (rule)");
  }

  @ParameterizedTest
  @EnumSource(value = ContractStatus.class, names = {"DRAFT", "SUSPENDED", "EXPIRED", "TERMINATED"})
  void check_activeProjectOnContractNotActive_isContractNotActive(ContractStatus status) {
    Violation v = only(check(ProjectStatus.ACTIVE, status), "ERROR CONTRACT_NOT_ACTIVE at /contractId (rule)");

    assertThat(v.code()).isEqualTo(ReasonCodes.CONTRACT_NOT_ACTIVE);
    assertThat(v.severity()).isEqualTo(Severity.ERROR);
    assertThat(v.category()).isEqualTo(Category.POLICY);
    assertThat(v.message()).contains(PROJECT_CODE, "is ACTIVE", "SOW-2026-0142", "is " + status, "ACTIVE");
  }

  @Test
  void check_statusCombinations_followTheDocumentedTable() {
    for (ProjectStatus p : ProjectStatus.values()) {
      for (ContractStatus c : ContractStatus.values()) {
        boolean fits = switch (p) {
          case ACTIVE -> c == ContractStatus.ACTIVE;
          case PLANNED -> Set.of(ContractStatus.ACTIVE, ContractStatus.DRAFT).contains(c);
          case ON_HOLD -> Set.of(ContractStatus.ACTIVE, ContractStatus.SUSPENDED).contains(c);
          case COMPLETED -> c != ContractStatus.DRAFT;
          case CANCELLED -> true;
        };
        assertThat(check(p, c)).as("project %s, contract %s", p, c).hasSize(fits ? 0 : 1);
      }
    }
  }

  @Test
  void check_completedProjectOnExpiredContract_passes() {
    assertThat(check(ProjectStatus.COMPLETED, ContractStatus.EXPIRED)).isEmpty();
  }

  @Test
  void check_completedProjectOnDraftContract_namesTheFittingStatuses() {
    Violation v = only(check(ProjectStatus.COMPLETED, ContractStatus.DRAFT),
        "ERROR CONTRACT_NOT_ACTIVE at /contractId (rule)");

    assertThat(v.message()).contains("is COMPLETED", "is DRAFT", "ACTIVE, SUSPENDED, EXPIRED or TERMINATED");
  }

  @Test
  void check_viaCanonicalJson_reportsTheRuleStage() {
    Project p = project(PROJECT_CODE, ProjectStatus.ACTIVE, CONTRACT);

    assertThat(summary(viaJson(rule, p, referenceData(), contractIn(ContractStatus.EXPIRED))))
        .containsExactly("ERROR CONTRACT_NOT_ACTIVE at /contractId (rule)");
    assertThat(summary(viaJson(rule, p))).containsExactly("ERROR CONTRACT_NOT_FOUND at /contractId (rule)");
  }
}
