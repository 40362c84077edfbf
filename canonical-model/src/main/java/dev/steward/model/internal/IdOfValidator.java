package dev.steward.model.internal;

import dev.steward.model.CanonicalId;
import dev.steward.model.EntityType;
import dev.steward.model.constraint.IdOf;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks {@link IdOf}. */
public final class IdOfValidator implements ConstraintValidator<IdOf, CanonicalId> {
  private EntityType expected = EntityType.CUSTOMER;

  /** Creates the validator; Bean Validation calls this. */
  public IdOfValidator() {}

  @Override
  public void initialize(IdOf annotation) {
    expected = annotation.value();
  }

  @Override
  public boolean isValid(@Nullable CanonicalId value, ConstraintValidatorContext context) {
    return value == null || value.type() == expected;
  }
}
