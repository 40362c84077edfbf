package dev.steward.core.validation.vat;

import java.util.Objects;

/**
 * An online register of VAT numbers, such as the EU's VIES or a commercial provider in front of it, that says
 * whether a well-formed number is actually registered. Steward ships no implementation: the host implements this
 * over the service it uses and passes it to the VAT-number rules.
 *
 * <p>The rules send only numbers that passed {@link VatNumbers}, in their {@linkplain VatCheck#compact() compact}
 * form with the VAT prefix, such as {@code DE136695976} or {@code EL094259216} (Greece as {@code EL}).
 *
 * <p>Service provider interface: the host implements it. Implementations must be thread-safe, since one rule
 * serves many validations at once, and should bound every call with a timeout (VIES often answers slowly or not at
 * all) and answer {@link Answer.Unavailable} when it expires rather than block validation. They may cache answers.
 * A registry that throws is treated as unavailable, never as a wrong number.
 */
@FunctionalInterface
public interface VatRegistry {

  /**
   * Looks a VAT number up in the registry.
   *
   * @param compactVatNumber the number with its prefix, upper case, without separators, such as {@code
   *     DE136695976}; always well formed
   * @return whether the registry knows the number, or that it could not tell; never null
   */
  Answer check(String compactVatNumber);

  /**
   * What a registry says about a number: {@link Registered}, {@link NotRegistered}, or {@link Unavailable} when it
   * could not tell. A chain of {@code instanceof} tests over it (or, from Java 21, a {@code switch}) covers every case.
   * Value-based and immutable.
   */
  sealed interface Answer permits Answer.Registered, Answer.NotRegistered, Answer.Unavailable {

    /** Returns the answer that the number is registered. */
    static Answer registered() {
      return Registered.INSTANCE;
    }

    /** Returns the answer that the registry does not know the number. */
    static Answer notRegistered() {
      return NotRegistered.INSTANCE;
    }

    /**
     * Returns the answer that the registry could not tell, such as after a timeout or while the member state's
     * service is down.
     *
     * @param reason why, in a few words a business user can read, such as {@code "VIES timed out after 5 s"}
     * @throws IllegalArgumentException if {@code reason} is blank
     */
    static Answer unavailable(String reason) {
      return new Unavailable(reason);
    }

    /** The registry knows the number and it is valid. */
    record Registered() implements Answer {
      private static final Registered INSTANCE = new Registered();
    }

    /** The registry answered that it does not know the number, or that it is no longer valid. */
    record NotRegistered() implements Answer {
      private static final NotRegistered INSTANCE = new NotRegistered();
    }

    /**
     * The registry could not say, so the number is unconfirmed, not wrong.
     *
     * @param reason why, in a few words a business user can read
     */
    record Unavailable(String reason) implements Answer {
      /** Checks the reason is given. */
      public Unavailable {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
          throw new IllegalArgumentException("an unavailable answer needs a reason; it was blank");
        }
      }
    }
  }
}
