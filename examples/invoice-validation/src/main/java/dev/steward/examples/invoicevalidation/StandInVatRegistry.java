package dev.steward.examples.invoicevalidation;

import dev.steward.core.validation.vat.VatRegistry;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Stands in for the EU's VIES: numbers in a fixed set are registered, every other is not, and the
 * whole registry can be switched to unavailable to show what an outage does.
 *
 * <p>A real host implements {@link VatRegistry} over VIES (its REST or SOAP {@code checkVatNumber}
 * service) or a commercial provider in front of it, bounds every call with a timeout of a few
 * seconds, and answers {@link VatRegistry.Answer#unavailable(String)} on a timeout or a
 * {@code MS_UNAVAILABLE} fault rather than block validation. It may cache registered answers for
 * a day. Thread-safe.
 */
final class StandInVatRegistry implements VatRegistry {
  private final Set<String> registered;
  private volatile @Nullable String outage;

  /** A registry that knows {@code registered} (compact numbers such as {@code DE136695976}). */
  StandInVatRegistry(Set<String> registered) {
    this.registered = Set.copyOf(registered);
  }

  /** From now on answers unavailable, for {@code reason}, until {@link #available()}. */
  void unavailable(String reason) {
    this.outage = Objects.requireNonNull(reason, "reason");
  }

  /** From now on answers again. */
  void available() {
    this.outage = null;
  }

  @Override
  public Answer check(String compactVatNumber) {
    String down = outage;
    if (down != null) {
      return Answer.unavailable(down);
    }
    return registered.contains(compactVatNumber) ? Answer.registered() : Answer.notRegistered();
  }
}
