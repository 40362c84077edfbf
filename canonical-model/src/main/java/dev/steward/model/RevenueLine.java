package dev.steward.model;

import dev.steward.model.internal.Immutables;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The revenue a schedule recognizes in one accounting period.
 *
 * @param period the accounting period, such as a calendar month
 * @param amount the revenue to recognize in it
 * @param status whether it has been recognized
 * @param glAccount the revenue account it posts to, if not the service item's default
 * @param dimensions the general-ledger dimensions it posts with, such as practice or region
 * @param recognizedAt when the ERP posted it, once recognized
 */
public record RevenueLine(
    @NotNull @Valid Period period,
    @NotNull Money amount,
    @NotNull RevenueLineStatus status,
    @Nullable @Size(min = 1, max = 64) String glAccount,
    @Size(max = 16) List<@NotNull @Valid Dimension> dimensions,
    @Nullable Instant recognizedAt) {

  /** Copies the dimensions into an unmodifiable list; absent dimensions become empty. */
  public RevenueLine {
    dimensions = Immutables.list(dimensions);
  }
}
