package dev.steward.model.constraint;

import dev.steward.model.EntityType;
import dev.steward.model.internal.IdOfValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated {@link dev.steward.model.CanonicalId} must name an entity of the given type: a
 * contract's {@code customerId} must be a {@code cus_} id. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = IdOfValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface IdOf {
  /** The entity type the id must name. */
  EntityType value();

  /** The message template. */
  String message() default "must be an id of a {value} entity";

  /** The validation groups. */
  Class<?>[] groups() default {};

  /** The payload. */
  Class<? extends Payload>[] payload() default {};
}
