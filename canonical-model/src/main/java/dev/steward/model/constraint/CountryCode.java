package dev.steward.model.constraint;

import dev.steward.model.internal.CountryCodeValidator;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated string must be an assigned ISO 3166-1 alpha-2 country code, such as {@code DE}.
 * {@code null} is valid. The JSON schemas check the form ({@value #PATTERN}); this constraint
 * also checks that the code is assigned.
 */
@Documented
@Constraint(validatedBy = CountryCodeValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface CountryCode {
  /** The form of a country code. */
  String PATTERN = "^[A-Z]{2}$";

  /** The message template. */
  String message() default "must be an ISO 3166-1 alpha-2 country code, such as DE";

  /** The validation groups. */
  Class<?>[] groups() default {};

  /** The payload. */
  Class<? extends Payload>[] payload() default {};
}
