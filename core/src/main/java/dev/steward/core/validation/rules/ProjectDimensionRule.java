package dev.steward.core.validation.rules;

import dev.steward.core.validation.BusinessRule;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.ValidationContext;
import dev.steward.core.validation.Violations;
import dev.steward.model.Project;

/**
 * A project's postings can be coded in ERP: {@link ReasonCodes#UNMAPPED_PROJECT_DIMENSION} at
 * {@code /code} when the reference data has no GL dimension set for the project code ({@link
 * dev.steward.core.reference.ReferenceData#dimensionSet}, matched exactly).
 *
 * <p>Applies to projects of every type and status: internal projects post cost, and closed ones
 * still take late time and reversals. Whether the dimensions the project itself carries agree with
 * the mapped set is not checked. An absent code skips the check (bean validation reports it).
 *
 * <p>Reads dimension sets from the reference data; a source that does not answer throws, and the
 * pipeline reports {@link ReasonCodes#REFERENCE_DATA_UNAVAILABLE}. Immutable and thread-safe.
 */
public final class ProjectDimensionRule implements BusinessRule<Project> {

  /** Creates the rule. */
  public ProjectDimensionRule() {}

  @Override
  public Class<Project> appliesTo() {
    return Project.class;
  }

  @Override
  public void check(Project project, ValidationContext context, Violations out) {
    String code = project.code();
    if (code == null || code.isBlank()) {
      return;
    }
    if (context.referenceData().dimensionSet(code).isEmpty()) {
      out.add(ReasonCodes.UNMAPPED_PROJECT_DIMENSION, "/code", "project code " + code + " (" + project.name()
          + ") maps to no ERP dimension set, so its postings cannot be coded", "");
    }
  }
}
