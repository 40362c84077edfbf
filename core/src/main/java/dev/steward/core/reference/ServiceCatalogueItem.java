package dev.steward.core.reference;

import dev.steward.core.reference.internal.Checks;
import dev.steward.model.CanonicalId;
import dev.steward.model.EntityType;

/**
 * What validation needs to know about an entry of the firm's service catalogue: its code, the
 * service line it belongs to, and whether it is billed on measured usage.
 *
 * @param serviceItemId the canonical id of the {@link dev.steward.model.ServiceItem}, an {@code
 *     svc_} id
 * @param code the item code, such as {@code PS-CONSULT-SR}; at most 32 characters
 * @param serviceLine the service line (practice) that delivers it, such as {@code consulting} or
 *     {@code managed-services}; at most 64 characters
 * @param usageBased whether it is billed on measured usage, so that its lines need usage records
 */
public record ServiceCatalogueItem(CanonicalId serviceItemId, String code, String serviceLine, boolean usageBased) {

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if the id is no service item id, or the code or service
   *     line is blank or too long
   * @throws NullPointerException if a value is null
   */
  public ServiceCatalogueItem {
    Checks.id(serviceItemId, EntityType.SERVICE_ITEM, "service item id");
    Checks.text(code, "service item code", 32);
    Checks.text(serviceLine, "service line of service item " + code, 64);
  }
}
