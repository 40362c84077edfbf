package dev.steward.testkit.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.steward.model.ApprovalState;
import dev.steward.model.Assignment;
import dev.steward.model.CanonicalId;
import dev.steward.model.EntityType;
import dev.steward.model.Expense;
import dev.steward.model.Project;
import dev.steward.model.Resource;
import dev.steward.model.TimeEntry;
import dev.steward.spi.CallContext;
import dev.steward.spi.EntityOperations;
import dev.steward.spi.RejectedByTargetException;
import dev.steward.spi.WriteResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatedPsaTest {
  private final TestClock clock = new TestClock(TestRecords.T0);
  private final SimulatedPsa psa = SimulatedPsa.builder().clock(clock).build();
  private final TestRecords records = new TestRecords();
  private final CanonicalId customer = records.next(EntityType.CUSTOMER);

  private CallContext ctx() {
    return CallContext.within(Duration.ofSeconds(30), clock);
  }

  @Test
  void capabilities_declareTheFiveDeliveryObjects() {
    assertThat(psa.systemId()).isEqualTo("psa");
    assertThat(psa.capabilities().entityTypes()).containsExactlyInAnyOrder(EntityType.PROJECT, EntityType.RESOURCE,
        EntityType.ASSIGNMENT, EntityType.TIME_ENTRY, EntityType.EXPENSE);
    assertThat(psa.capabilities().maxBatchSize()).isEqualTo(200);
  }

  @Test
  void ids_areSalesforceIdsWithResourcesAsContacts() {
    Project project = records.project(customer, "P-100");
    Resource resource = records.resource("Grace Hopper");
    String projectId = psa.operations(Project.class).upsert(ctx(), project).externalId();
    String resourceId = psa.operations(Resource.class).upsert(ctx(), resource).externalId();
    String assignmentId = psa.operations(Assignment.class)
        .upsert(ctx(), records.assignment(resource.id(), project.id())).externalId();

    assertThat(resourceId).startsWith("003").hasSize(18);
    assertThat(projectId).startsWith("a1v").hasSize(18);
    assertThat(assignmentId).startsWith("a0q").hasSize(18);
    for (String id : new String[] {projectId, resourceId, assignmentId}) {
      assertThat(SalesforceIds.normalize(id)).isEqualTo(id);
    }
  }

  @Test
  void approvedTimeEntry_isLockedExceptForApprovalAndInvoicing() {
    EntityOperations<TimeEntry> time = psa.operations(TimeEntry.class);
    CanonicalId resource = records.next(EntityType.RESOURCE);
    CanonicalId project = records.next(EntityType.PROJECT);
    CanonicalId id = records.next(EntityType.TIME_ENTRY);
    time.upsert(ctx(), TestRecords.timeEntry(id, resource, project, "8.00", ApprovalState.SUBMITTED, null));
    time.upsert(ctx(), TestRecords.timeEntry(id, resource, project, "7.50", ApprovalState.APPROVED, null));

    RejectedByTargetException e = catchThrowableOfType(
        () -> time.upsert(ctx(), TestRecords.timeEntry(id, resource, project, "9.00", ApprovalState.APPROVED, null)),
        RejectedByTargetException.class);
    assertThat(e.messages().get(0).code()).isEqualTo("ENTITY_IS_LOCKED");
    assertThat(e.messages().get(0).field()).isEqualTo("hours");

    CanonicalId invoice = records.next(EntityType.INVOICE);
    WriteResult invoiced = time.upsert(ctx(),
        TestRecords.timeEntry(id, resource, project, "7.50", ApprovalState.APPROVED, invoice));
    assertThat(invoiced.created()).isFalse();
    assertThat(time.find(ctx(), id).orElseThrow().record().invoiceId()).isEqualTo(invoice);

    RejectedByTargetException delete = catchThrowableOfType(() -> time.delete(ctx(), invoiced.externalId()),
        RejectedByTargetException.class);
    assertThat(delete.messages().get(0).code()).isEqualTo("ENTITY_IS_LOCKED");

    time.upsert(ctx(), TestRecords.timeEntry(id, resource, project, "7.50", ApprovalState.REJECTED, invoice));
    assertThat(time.upsert(ctx(), TestRecords.timeEntry(id, resource, project, "6.00", ApprovalState.SUBMITTED, null))
        .created()).isFalse();
    assertThat(time.delete(ctx(), invoiced.externalId())).isTrue();
  }

  @Test
  void approvedExpense_cannotBeDeleted_butADraftCan() {
    EntityOperations<Expense> expenses = psa.operations(Expense.class);
    CanonicalId resource = records.next(EntityType.RESOURCE);
    CanonicalId project = records.next(EntityType.PROJECT);
    String approved = expenses.create(ctx(), records.expense(resource, project, ApprovalState.APPROVED)).externalId();
    String draft = expenses.create(ctx(), records.expense(resource, project, ApprovalState.DRAFT)).externalId();

    catchThrowableOfType(() -> expenses.delete(ctx(), approved), RejectedByTargetException.class);
    assertThat(expenses.delete(ctx(), draft)).isTrue();
    assertThat(psa.recordCount(EntityType.EXPENSE)).isEqualTo(1);
  }
}
