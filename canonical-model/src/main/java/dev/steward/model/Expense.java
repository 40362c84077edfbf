package dev.steward.model;

import dev.steward.model.constraint.IdOf;
import dev.steward.model.internal.Immutables;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A cost a resource incurred for a project, as entered in PSA or an expense tool: reimbursed
 * through ERP and, if billable, passed through to the customer, possibly with a markup.
 *
 * @param meta governance metadata; {@code meta.id} is an {@code exp_} id
 * @param resourceId the resource who incurred the cost
 * @param projectId the project the cost was incurred for
 * @param taskCode the code of the project task the cost belongs to, if any
 * @param incurredOn the day the cost was incurred
 * @param category what kind of cost it is
 * @param amount the amount incurred, in the currency paid
 * @param billable whether the cost is passed through to the customer
 * @param markupPercent the percentage added when billing the cost, if any, such as {@code 10.00}
 * @param receiptReference the reference of the receipt in the expense or document system, if any
 * @param description what the cost was for
 * @param approvalState where the expense stands in approval
 * @param invoiceId the invoice that billed the expense, once billed
 * @param extensions the firm's custom fields
 */
public record Expense(
    @NotNull @Valid EntityMeta meta,
    @NotNull @IdOf(EntityType.RESOURCE) CanonicalId resourceId,
    @NotNull @IdOf(EntityType.PROJECT) CanonicalId projectId,
    @Nullable @Size(min = 1, max = 32) String taskCode,
    @NotNull LocalDate incurredOn,
    @NotNull ExpenseCategory category,
    @NotNull Money amount,
    @NotNull Boolean billable,
    @Nullable @PositiveOrZero @Digits(integer = 3, fraction = 2) BigDecimal markupPercent,
    @Nullable @Size(min = 1, max = 255) String receiptReference,
    @Nullable @Size(min = 1, max = 1000) String description,
    @NotNull ApprovalState approvalState,
    @Nullable @IdOf(EntityType.INVOICE) CanonicalId invoiceId,
    @Size(max = CanonicalEntity.MAX_EXTENSIONS)
        Map<@NotNull @Pattern(regexp = CanonicalEntity.EXTENSION_KEY_PATTERN) String, @NotNull JsonNode>
            extensions)
    implements CanonicalEntity {

  /** Copies collections into unmodifiable ones; absent collections become empty. */
  public Expense {
    extensions = Immutables.extensions(extensions);
  }

  @Override
  public EntityType entityType() {
    return EntityType.EXPENSE;
  }
}
