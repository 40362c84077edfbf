package dev.steward.testkit.simulated;

import dev.steward.model.EntityType;
import dev.steward.spi.Operation;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One fault a simulated system injected: which call it hit, what kind it was, and what exactly
 * happened. Read them from {@link SimulatedSystem#faultLog()}; two runs of the same calls under the
 * same seed log equal faults.
 *
 * @param call the number of the call the fault hit, counting the calls the system received from 1
 * @param operation the operation of that call
 * @param entityType the entity type the call or the change was about; null for a change feed poll
 *     as a whole
 * @param kind what kind of fault it was
 * @param detail what happened, such as {@code "503 Service Unavailable"} or {@code "change 17
 *     delivered twice"}
 */
public record InjectedFault(long call, Operation operation, @Nullable EntityType entityType, Kind kind, String detail) {
  /** Checks the values are present and the call number positive. */
  public InjectedFault {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
    if (call < 1) {
      throw new IllegalArgumentException("call must be at least 1; was " + call);
    }
  }

  /** The kinds of fault a {@link FaultPlan} or a scripted answer injects. */
  public enum Kind {
    /** The call took time before it was answered (detail: how long). */
    LATENCY,
    /** The latency ran past the call's deadline before the system applied it: a transient failure. */
    TIMEOUT_BEFORE_COMMIT,
    /** The system applied the write, then the answer was lost: an unknown outcome. */
    TIMEOUT_AFTER_COMMIT,
    /** The system answered 503 without applying anything. */
    TRANSIENT_ERROR,
    /** The system refused the call for its rate, answering 429 with {@code Retry-After}. */
    RATE_LIMITED,
    /** The call was answered with a scripted HTTP status (detail: the status). */
    SCRIPTED_ANSWER,
    /** One record of a batch failed while the others were written (detail: its index). */
    PARTIAL_BATCH_FAILURE,
    /** A change was delivered twice in one page of the feed (detail: its id). */
    DUPLICATE_DELIVERY,
    /** Two neighbouring changes were delivered in swapped order (detail: their ids). */
    REORDERED_CHANGES
  }
}
