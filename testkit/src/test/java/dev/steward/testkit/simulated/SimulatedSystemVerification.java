package dev.steward.testkit.simulated;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.EntityType;
import dev.steward.spi.ConnectorConfig;
import dev.steward.spi.SystemConnector;
import dev.steward.testkit.tck.ConnectorVerification;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The connector TCK against one simulated system, for one entity type it declares. Each rule gets
 * a new, empty system built from the kit's configuration (its system id and clock) on the first
 * connector the rule asks for; every connector of the rule is that system, which is its own
 * connector. HTTP answers are scripted with {@link SimulatedSystem#answerNext(int, HttpAnswer)}.
 *
 * <p>Idempotency keys are observed where the platform takes them (billing, as Stripe's {@code
 * Idempotency-Key}); Salesforce and NetSuite take none, so rule 210 is skipped for the CRM, the PSA
 * and the ERP. Every system keeps extensions as written.
 *
 * @param <T> the canonical record type under test
 */
abstract class SimulatedSystemVerification<T extends CanonicalEntity> extends ConnectorVerification<T> {
  private final SimulatedPlatform platform;
  private final Class<T> recordType;
  private final EntityType entityType;
  private final TckSamples samples;
  private @Nullable SimulatedSystem system;

  SimulatedSystemVerification(SimulatedPlatform platform, Class<T> recordType) {
    this.platform = platform;
    this.recordType = recordType;
    this.entityType = entityTypeOf(recordType);
    this.samples = new TckSamples(platform, SimulatedPlatform.SEED);
  }

  @Override
  protected SystemConnector createConnector(ConnectorConfig config) {
    return system(config);
  }

  @Override
  protected Class<T> recordType() {
    return recordType;
  }

  @Override
  protected T newRecord(int n) {
    return samples.next(recordType, n);
  }

  @Override
  protected T modify(T record) {
    return samples.modify(record);
  }

  @Override
  protected String systemId() {
    return platform.systemId();
  }

  @Override
  protected String unknownExternalId() {
    return platform.unknownExternalId(entityType);
  }

  @Override
  protected boolean simulatesHttpResponses() {
    return true;
  }

  @Override
  protected SystemConnector createConnectorAnswering(ConnectorConfig config, int status, Map<String, String> headers) {
    HttpAnswer answer = HttpAnswer.of(status);
    for (Map.Entry<String, String> h : headers.entrySet()) {
      answer = answer.withHeader(h.getKey(), h.getValue());
    }
    if (status == 422) {
      answer = answer.withMessage(platform.validationMessage());
    }
    SimulatedSystem s = system(config);
    s.answerNext(1, answer);
    return s;
  }

  @Override
  protected boolean observesIdempotencyKeys() {
    return platform == SimulatedPlatform.BILLING;
  }

  @Override
  protected List<String> idempotencyKeysReceived(SystemConnector connector) {
    return ((SimulatedBilling) connector).idempotencyKeysReceived();
  }

  private static EntityType entityTypeOf(Class<? extends CanonicalEntity> recordType) {
    for (EntityType type : EntityType.values()) {
      if (type.recordType() == recordType) {
        return type;
      }
    }
    throw new IllegalArgumentException(recordType.getName() + " is not a canonical record class");
  }

  private SimulatedSystem system(ConnectorConfig config) {
    if (system == null) {
      system = platform.build(config);
    }
    return system;
  }
}
