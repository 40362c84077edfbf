package dev.steward.model.constraint;

import dev.steward.model.internal.MetaIdMatchesTypeValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A canonical entity's {@code meta.id} must carry its own type's prefix: a customer's id is a
 * {@code cus_} id. Declared once on {@link dev.steward.model.CanonicalEntity}, so every entity
 * inherits it.
 */
@Documented
@Constraint(validatedBy = MetaIdMatchesTypeValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface MetaIdMatchesType {
  /** The message template. */
  String message() default "meta.id must name an entity of the record's own type";

  /** The validation groups. */
  Class<?>[] groups() default {};

  /** The payload. */
  Class<? extends Payload>[] payload() default {};
}
