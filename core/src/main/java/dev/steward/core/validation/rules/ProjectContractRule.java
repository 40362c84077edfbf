package dev.steward.core.validation.rules;

import dev.steward.core.validation.BusinessRule;
import dev.steward.core.validation.ReasonCodes;
import dev.steward.core.validation.ValidationContext;
import dev.steward.core.validation.Violations;
import dev.steward.model.Contract;
import dev.steward.model.ContractStatus;
import dev.steward.model.Project;
import dev.steward.model.ProjectStatus;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A project is delivered under a contract that exists and is in a state fitting the project's:
 * {@link ReasonCodes#CONTRACT_NOT_FOUND} at {@code /contractId} when the golden records have no
 * contract with that id ({@link dev.steward.core.validation.RecordLookup#find(dev.steward.model.CanonicalId,
 * Class)}), {@link ReasonCodes#CONTRACT_NOT_ACTIVE} at {@code /contractId} when the contract's status
 * does not fit the project's:
 *
 * <ul>
 *   <li>{@code ACTIVE} project: the contract must be {@code ACTIVE}, since work is being booked;
 *   <li>{@code PLANNED}: {@code ACTIVE} or {@code DRAFT}, since staffing often starts while the
 *       contract is being signed and nothing is booked yet;
 *   <li>{@code ON_HOLD}: {@code ACTIVE} or {@code SUSPENDED}, since a project is often paused
 *       because its contract is;
 *   <li>{@code COMPLETED}: anything but {@code DRAFT}: the contract may since have expired or been
 *       terminated, but delivered work must have been under a signed contract;
 *   <li>{@code CANCELLED}: any status, as the project is kept for history only.
 * </ul>
 *
 * <p>A project without a {@code contractId} is not reported: the id is optional (internal and
 * pre-sales projects have none), and billing rules catch an invoice without a contract. The rule
 * needs the host's {@link dev.steward.core.validation.RecordLookup}; with {@link
 * dev.steward.core.validation.RecordLookup#NONE} every referenced contract is not found.
 *
 * <p>A store that does not answer throws, and the pipeline reports {@link
 * ReasonCodes#REFERENCE_DATA_UNAVAILABLE}. Immutable and thread-safe.
 */
public final class ProjectContractRule implements BusinessRule<Project> {
  private static final Map<ProjectStatus, Set<ContractStatus>> FITTING = Map.of(
      ProjectStatus.ACTIVE, Set.of(ContractStatus.ACTIVE),
      ProjectStatus.PLANNED, Set.of(ContractStatus.ACTIVE, ContractStatus.DRAFT),
      ProjectStatus.ON_HOLD, Set.of(ContractStatus.ACTIVE, ContractStatus.SUSPENDED),
      ProjectStatus.COMPLETED, Set.of(ContractStatus.ACTIVE, ContractStatus.SUSPENDED, ContractStatus.EXPIRED,
          ContractStatus.TERMINATED),
      ProjectStatus.CANCELLED, Set.of(ContractStatus.values()));

  /** Creates the rule. */
  public ProjectContractRule() {}

  @Override
  public Class<Project> appliesTo() {
    return Project.class;
  }

  @Override
  public void check(Project project, ValidationContext context, Violations out) {
    if (project.contractId() == null) {
      return;
    }
    Optional<Contract> found = context.records().find(project.contractId(), Contract.class);
    if (found.isEmpty()) {
      out.add(ReasonCodes.CONTRACT_NOT_FOUND, "/contractId", "project " + project.code()
          + " is delivered under contract " + project.contractId() + ", which does not exist", "");
      return;
    }
    Contract contract = found.get();
    ProjectStatus status = project.status();
    if (status == null || contract.status() == null) {
      return;
    }
    if (!FITTING.getOrDefault(status, Set.of()).contains(contract.status())) {
      out.add(ReasonCodes.CONTRACT_NOT_ACTIVE, "/contractId", "project " + project.code() + " is " + status
          + " but its contract " + contract.contractNumber() + " (" + project.contractId() + ") is "
          + contract.status() + "; a " + status + " project needs a contract that is "
          + describe(FITTING.getOrDefault(status, Set.of())), "");
    }
  }

  private static String describe(Set<ContractStatus> statuses) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    for (ContractStatus s : ContractStatus.values()) {
      if (statuses.contains(s)) {
        sb.append(i == 0 ? "" : i == statuses.size() - 1 ? " or " : ", ").append(s);
        i++;
      }
    }
    return sb.toString();
  }
}
