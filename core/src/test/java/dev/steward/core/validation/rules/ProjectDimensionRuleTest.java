package dev.steward.core.validation.rules;

import static dev.steward.core.validation.rules.RuleFixturesA.PROJECT_CODE;
import static dev.steward.core.validation.rules.RuleFixturesA.direct;
import static dev.steward.core.validation.rules.RuleFixturesA.only;
import static dev.steward.core.validation.rules.RuleFixturesA.project;
import static dev.steward.core.validation.rules.RuleFixturesA.summary;
import static dev.steward.core.validation.rules.RuleFixturesA.viaJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.validation.Category;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.Severity;
import dev.steward.core.validation.Violation;
import dev.steward.model.Project;
import dev.steward.model.ProjectStatus;
import org.junit.jupiter.api.Test;

class ProjectDimensionRuleTest {
  private final ProjectDimensionRule rule = new ProjectDimensionRule();

  @Test
  void appliesTo_projects() {
    assertThat(rule.appliesTo()).isEqualTo(Project.class);
  }

  @Test
  void check_mappedProjectCode_passes() {
    Project mapped = project(PROJECT_CODE, ProjectStatus.ACTIVE, null);

    assertThat(direct(rule, mapped)).isEmpty();
    assertThat(viaJson(rule, mapped)).isEmpty();
  }

  @Test
  void check_unmappedProjectCode_isReportedAtCode() {
    Violation v = only(direct(rule, project("PRJ-DE-1002", ProjectStatus.ACTIVE, null)),
        "ERROR UNMAPPED_PROJECT_DIMENSION at /code (rule)");

    assertThat(v.code()).isEqualTo(ReasonCodes.UNMAPPED_PROJECT_DIMENSION);
    assertThat(v.category()).isEqualTo(Category.MAPPING);
    assertThat(v.severity()).isEqualTo(Severity.ERROR);
    assertThat(v.message()).contains("PRJ-DE-1002", "Data platform build", "no ERP dimension set");
  }

  @Test
  void check_codeMatchesExactly() {
    assertThat(summary(direct(rule, project("prj-de-1001", ProjectStatus.ACTIVE, null))))
        .containsExactly("ERROR UNMAPPED_PROJECT_DIMENSION at /code (rule)");
  }

  @Test
  void check_closedProjects_areCheckedToo() {
    assertThat(direct(rule, project("PRJ-OLD-1", ProjectStatus.COMPLETED, null))).hasSize(1);
    assertThat(direct(rule, project("PRJ-OLD-2", ProjectStatus.CANCELLED, null))).hasSize(1);
  }

  @Test
  void check_viaCanonicalJson_reportsTheRuleStage() {
    assertThat(summary(viaJson(rule, project("PRJ-XX-0001", ProjectStatus.PLANNED, null))))
        .containsExactly("ERROR UNMAPPED_PROJECT_DIMENSION at /code (rule)");
  }
}
