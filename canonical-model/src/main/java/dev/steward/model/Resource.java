package dev.steward.model;

import dev.steward.model.constraint.CountryCode;
import dev.steward.model.constraint.IdOf;
import dev.steward.model.internal.Immutables;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A person, or a named role not yet filled, who delivers work: staffed by PSA, paid through HR
 * or accounts payable, costed in ERP.
 *
 * @param meta governance metadata; {@code meta.id} is a {@code res_} id
 * @param name the person's full name, or the placeholder role's name
 * @param email the work e-mail address, if any
 * @param employeeNumber the HR or supplier number, if any
 * @param role the delivery role, such as {@code Senior Consultant}; rate cards are keyed by it
 * @param employmentType how the firm engages the resource
 * @param homeLegalEntityId the firm's legal entity that employs or contracts the resource and
 *     carries its cost
 * @param workCountry the ISO 3166-1 alpha-2 code of the country the resource works from, if known
 * @param costRate the fully loaded cost of one hour, if known
 * @param weeklyCapacityHours the hours a week the resource is available, for utilization
 * @param active whether the resource may be staffed and book time
 * @param extensions the firm's custom fields
 */
public record Resource(
    @NotNull @Valid EntityMeta meta,
    @NotBlank @Size(max = 200) String name,
    @Nullable @Email @Size(min = 3, max = 254) String email,
    @Nullable @Size(min = 1, max = 64) String employeeNumber,
    @NotBlank @Size(max = 100) String role,
    @NotNull EmploymentType employmentType,
    @NotNull @IdOf(EntityType.LEGAL_ENTITY) CanonicalId homeLegalEntityId,
    @Nullable @CountryCode String workCountry,
    @Nullable Money costRate,
    @Nullable @Positive @DecimalMax("168") @Digits(integer = 3, fraction = 2)
        BigDecimal weeklyCapacityHours,
    @NotNull Boolean active,
    @Size(max = CanonicalEntity.MAX_EXTENSIONS)
        Map<@NotNull @Pattern(regexp = CanonicalEntity.EXTENSION_KEY_PATTERN) String, @NotNull JsonNode>
            extensions)
    implements CanonicalEntity {

  /** Copies collections into unmodifiable ones; absent collections become empty. */
  public Resource {
    extensions = Immutables.extensions(extensions);
  }

  @Override
  public EntityType entityType() {
    return EntityType.RESOURCE;
  }
}
