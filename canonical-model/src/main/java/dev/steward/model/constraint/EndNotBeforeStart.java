package dev.steward.model.constraint;

import dev.steward.model.internal.EndNotBeforeStartValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link dev.steward.model.Period}'s end must not lie before its start. The violation is
 * reported at the period's {@code end}, the attribute a person would correct.
 */
@Documented
@Constraint(validatedBy = EndNotBeforeStartValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface EndNotBeforeStart {
  /** The message template. */
  String message() default "must not be before start";

  /** The validation groups. */
  Class<?>[] groups() default {};

  /** The payload. */
  Class<? extends Payload>[] payload() default {};
}
