package dev.steward.model.internal;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.EntityMeta;
import dev.steward.model.constraint.MetaIdMatchesType;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks {@link MetaIdMatchesType}, reporting the violation at {@code meta.id}. */
public final class MetaIdMatchesTypeValidator
    implements ConstraintValidator<MetaIdMatchesType, CanonicalEntity> {

  /** Creates the validator; Bean Validation calls this. */
  public MetaIdMatchesTypeValidator() {}

  @Override
  public boolean isValid(@Nullable CanonicalEntity entity, ConstraintValidatorContext context) {
    if (entity == null) {
      return true;
    }
    @Nullable EntityMeta meta = entity.meta();
    if (meta == null || meta.id() == null || meta.id().type() == entity.entityType()) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    context
        .buildConstraintViolationWithTemplate(
            "must be an id of a " + entity.entityType() + " entity, not " + meta.id().type())
        .addPropertyNode("meta")
        .addPropertyNode("id")
        .addConstraintViolation();
    return false;
  }
}
