package dev.steward.model;

import dev.steward.model.constraint.IdOf;
import dev.steward.model.internal.Immutables;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A person at a customer the firm deals with: who receives invoices, who signs, who sponsors the
 * project. CRM usually masters contacts; billing and PSA read them.
 *
 * @param meta governance metadata; {@code meta.id} is a {@code con_} id
 * @param customerId the customer the person works for
 * @param firstName the given name, if known (some people have one name only)
 * @param lastName the family name, or the only name
 * @param email the business e-mail address, if known
 * @param phone the business phone number as given, preferably in E.164 form, if known
 * @param jobTitle the job title at the customer, such as {@code Head of Finance}
 * @param roles the parts the person plays in the relationship; a person may be both the billing
 *     contact and a decision maker
 * @param primary whether this is the customer's main contact
 * @param active whether the person is still a contact; false once they have left or asked not to
 *     be contacted
 * @param extensions the firm's custom fields
 */
public record Contact(
    @NotNull @Valid EntityMeta meta,
    @NotNull @IdOf(EntityType.CUSTOMER) CanonicalId customerId,
    @Nullable @Size(min = 1, max = 100) String firstName,
    @NotBlank @Size(max = 100) String lastName,
    @Nullable @Email @Size(min = 3, max = 254) String email,
    @Nullable @Size(min = 1, max = 32) String phone,
    @Nullable @Size(min = 1, max = 128) String jobTitle,
    @Size(max = 8) List<@NotNull ContactRole> roles,
    @NotNull Boolean primary,
    @NotNull Boolean active,
    @Size(max = CanonicalEntity.MAX_EXTENSIONS)
        Map<@NotNull @Pattern(regexp = CanonicalEntity.EXTENSION_KEY_PATTERN) String, @NotNull JsonNode>
            extensions)
    implements CanonicalEntity {

  /** Copies collections into unmodifiable ones; absent collections become empty. */
  public Contact {
    roles = Immutables.list(roles);
    extensions = Immutables.extensions(extensions);
  }

  @Override
  public EntityType entityType() {
    return EntityType.CONTACT;
  }
}
