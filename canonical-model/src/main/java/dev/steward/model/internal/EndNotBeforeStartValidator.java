package dev.steward.model.internal;

import dev.steward.model.Period;
import dev.steward.model.constraint.EndNotBeforeStart;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Checks {@link EndNotBeforeStart}, reporting the violation at {@code end}. */
public final class EndNotBeforeStartValidator implements ConstraintValidator<EndNotBeforeStart, Period> {

  /** Creates the validator; Bean Validation calls this. */
  public EndNotBeforeStartValidator() {}

  @Override
  public boolean isValid(@Nullable Period period, ConstraintValidatorContext context) {
    if (period == null) {
      return true;
    }
    @Nullable LocalDate start = period.start();
    @Nullable LocalDate end = period.end();
    if (start == null || end == null || !end.isBefore(start)) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    context
        .buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
        .addPropertyNode("end")
        .addConstraintViolation();
    return false;
  }
}
