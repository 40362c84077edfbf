package dev.steward.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.CanonicalId;
import dev.steward.model.CanonicalJson;
import dev.steward.model.EntityType;
import dev.steward.model.Envelope;
import dev.steward.model.ExternalRef;
import dev.steward.model.IdGenerator;
import dev.steward.spi.AuthenticationFailedException;
import dev.steward.spi.BatchResult;
import dev.steward.spi.CallContext;
import dev.steward.spi.CapabilityMissingException;
import dev.steward.spi.ChangeCursor;
import dev.steward.spi.ChangePage;
import dev.steward.spi.ChangeTypes;
import dev.steward.spi.ConnectorCapabilities;
import dev.steward.spi.ConnectorConfig;
import dev.steward.spi.ConnectorException;
import dev.steward.spi.CredentialProvider;
import dev.steward.spi.EntityOperations;
import dev.steward.spi.Operation;
import dev.steward.spi.Page;
import dev.steward.spi.PageRequest;
import dev.steward.spi.RateLimitedException;
import dev.steward.spi.RejectedByTargetException;
import dev.steward.spi.RemoteRecord;
import dev.steward.spi.SystemConnector;
import dev.steward.spi.TransientFailureException;
import dev.steward.spi.UnknownOutcomeException;
import dev.steward.spi.VersionConflictException;
import dev.steward.spi.WriteResult;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The connector TCK: numbered rules every {@link SystemConnector} must keep for one entity type,
 * as JUnit Jupiter tests. A connector's author extends this class once per entity type the
 * connector handles, supplies the connector and sample records, and runs it with the rest of
 * their tests:
 *
 * <pre>{@code
 * class NetSuiteCustomerVerificationTest extends ConnectorVerification<Customer> {
 *   protected SystemConnector createConnector(ConnectorConfig config) {
 *     return new NetSuiteConnector(config, sandbox);
 *   }
 *   protected Class<Customer> recordType() { return Customer.class; }
 *   protected Customer newRecord(int n) { return customers.next(n); }
 *   protected Customer modify(Customer c) { return customers.renamed(c); }
 * }
 * }</pre>
 *
 * <p>Rules are named for what they check: {@code required_spec<NNN>_...} for what every connector
 * must do, {@code optional_spec<NNN>_...} for what depends on a capability the connector may
 * decline (CREATE, DELETE, BULK_READ, the change feed, batching, idempotent create, keeping
 * extensions). A rule that needs a capability the connector does not declare, or a hook this
 * verification does not provide (such as {@link #simulatesHttpResponses()}), is skipped with the
 * reason, never failed. A failed rule says which rule, what it expects, what went wrong, and what
 * to check ("If this fails, check ..."); each rule's Javadoc carries the same note. Rules in the
 * 1xx range are about declarations, 2xx reads and writes, 3xx batches and bulk reads, 4xx the
 * change feed, 5xx failure classification, 6xx secrets and 7xx references.
 *
 * <p>Each rule makes its own connectors from a fresh {@link ConnectorConfig} and its own records
 * ({@link #newRecord(int)} with a fresh canonical id), closes the connectors when it ends, and
 * depends on no other rule, so rules may run in any order and against a shared sandbox. The
 * configuration's {@link CredentialProvider} hands out canary secrets (random values, by default)
 * and remembers every value it handed out: every rule fails if a credential's value shows in a
 * connector's {@code toString}, or in any exception, cause or suppressed exception it sees.
 * Time comes from {@link #clock()}, which the configuration passes to the connector.
 *
 * <p>Not thread-safe: JUnit makes one instance per test.
 *
 * @param <T> the canonical record type under test
 */
public abstract class ConnectorVerification<T extends CanonicalEntity> {
  /** The most pages a bulk read or the most polls a change feed drain may take before the rule gives up. */
  private static final int MAX_PAGES = 10_000;
  /** The batch size the kit asks for when it polls a change feed to its end. */
  private static final int DRAIN_LIMIT = 100;
  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();
  private static final String PEER_A = "tck-peer-a";
  private static final String PEER_B = "tck-peer-b";
  private static final String EXTENSION_KEY = "steward-tck:probe";

  private final String runId = randomId();
  private final AtomicInteger keys = new AtomicInteger();
  private final AtomicInteger records = new AtomicInteger();
  private final SecretWatch watch = new SecretWatch();
  private @Nullable Clock clock;
  private @Nullable CredentialProvider credentials;
  private @Nullable IdGenerator ids;

  /** For subclasses. */
  protected ConnectorVerification() {}

  // ---------------------------------------------------------------- what the implementer supplies

  /**
   * Returns a new connector made from {@code config}: its {@linkplain ConnectorConfig#systemId()
   * system id}, its {@linkplain ConnectorConfig#settings() settings} ({@link #settings()}), its
   * credentials (ask for each by name; the kit watches for their values) and its clock. Called
   * at least once per rule; each call returns a new connector onto the same system.
   */
  protected abstract SystemConnector createConnector(ConnectorConfig config);

  /** Returns the canonical record class under test, such as {@code Customer.class}. */
  protected abstract Class<T> recordType();

  /**
   * Returns the {@code n}th sample record: valid, of {@link #recordType()}, with a fresh canonical
   * id on every call (records from different calls never share an id), and written as the system
   * can store it. {@code n} counts from 1 within one rule.
   */
  protected abstract T newRecord(int n);

  /**
   * Returns a copy of {@code record} with the same canonical id and at least one field the system
   * stores changed, so that {@link #contentOf(CanonicalEntity)} differs.
   */
  protected abstract T modify(T record);

  // ---------------------------------------------------------------- hooks with defaults

  /** Returns the system id the kit configures connectors with; {@code tck} by default. */
  protected String systemId() {
    return "tck";
  }

  /** Returns the plain settings the kit configures connectors with (base URL, org id); none by default. */
  protected Map<String, String> settings() {
    return Map.of();
  }

  /**
   * Returns where connectors get their credentials. The default hands out a canary for every
   * name asked: a random value the kit then searches for in every {@code toString} and exception.
   * Override to use a sandbox's real credentials; the kit watches their values the same way, but
   * not values shorter than 8 characters.
   */
  protected CredentialProvider credentials() {
    return SecretWatch.canaries();
  }

  /**
   * Returns the clock connectors read time from, and the one {@code Retry-After} dates are
   * measured against. The default starts at 2030-01-01T00:00:00Z and moves one millisecond each
   * time it is read, so successive writes get distinct, increasing times; override to use the
   * system clock against a live sandbox.
   */
  protected Clock clock() {
    return SteppingClock.startingAt(Instant.parse("2030-01-01T00:00:00Z"), Duration.ofMillis(1));
  }

  /** Returns how long each call may take: the deadline of every {@link CallContext}; 30 seconds by default. */
  protected Duration callTimeout() {
    return Duration.ofSeconds(30);
  }

  /**
   * Returns an external id of the system's form that names no record, for the rules that read or
   * delete what does not exist. The default is {@code steward-tck-unknown-} and a random suffix.
   */
  protected String unknownExternalId() {
    return "steward-tck-unknown-" + runId;
  }

  /**
   * Returns whether {@link #createConnectorAnswering} can make a connector whose system answers
   * with a chosen HTTP status. The failure classification rules (5xx) run only when it can.
   */
  protected boolean simulatesHttpResponses() {
    return false;
  }

  /**
   * Returns a new connector, as {@link #createConnector(ConnectorConfig)} does, whose system
   * answers the next call made through it with HTTP {@code status} and {@code headers} (such as
   * {@code Retry-After}); a 422 carries at least one of the system's validation messages. Called
   * only when {@link #simulatesHttpResponses()} is true.
   *
   * @throws UnsupportedOperationException by default
   */
  protected SystemConnector createConnectorAnswering(ConnectorConfig config, int status, Map<String, String> headers) {
    throw new UnsupportedOperationException("override createConnectorAnswering together with simulatesHttpResponses()");
  }

  /**
   * Returns whether the system keeps a record's {@linkplain CanonicalEntity#extensions()
   * extensions}; true by default. When false, rule 702 is skipped and {@link
   * #contentOf(CanonicalEntity)} leaves extensions out.
   */
  protected boolean keepsExtensions() {
    return true;
  }

  /**
   * Returns whether {@link #idempotencyKeysReceived(SystemConnector)} can tell which idempotency
   * keys the connector's system received (a simulated system, a recording HTTP stub). Rule 210 runs
   * only when it can.
   */
  protected boolean observesIdempotencyKeys() {
    return false;
  }

  /**
   * Returns the idempotency keys the system behind {@code connector} received, in any order.
   * Called only when {@link #observesIdempotencyKeys()} is true.
   *
   * @throws UnsupportedOperationException by default
   */
  protected List<String> idempotencyKeysReceived(SystemConnector connector) {
    throw new UnsupportedOperationException("override idempotencyKeysReceived together with observesIdempotencyKeys()");
  }

  /**
   * Returns what of a record the system must give back as written: by default its canonical JSON
   * without {@code meta} (which the system fills in with its own reference and version), and
   * without {@code extensions} when {@link #keepsExtensions()} is false. Override to leave out
   * fields the system cannot store, and say why in a comment.
   */
  protected JsonNode contentOf(T record) {
    ObjectNode tree = RecordCopies.tree(record);
    tree.remove("meta");
    if (!keepsExtensions()) {
      tree.remove("extensions");
    }
    return tree;
  }

  // ---------------------------------------------------------------- validation of the verification

  /**
   * The samples are usable: {@link #newRecord(int)} gives valid records of {@link #recordType()}
   * with fresh canonical ids of the right type, and {@link #modify(CanonicalEntity)} keeps the id
   * and changes the content.
   *
   * <p>If this fails, check the verification subclass, not the connector.
   */
  @Test
  public void required_validate_samplesAreUsable() {
    verify("validate", "the verification's samples must be distinct records of the record type, and modify must change one",
        "newRecord(n) and modify(record) in the verification subclass", run -> {
          T first = run.next();
          T second = run.next();
          assertThat(second.id()).as("canonical ids of two new records").isNotEqualTo(first.id());
          T changed = modify(first);
          assertThat(changed).as("modify(record)").isNotNull().isInstanceOf(recordType());
          assertThat(changed.id()).as("canonical id of the modified record").isEqualTo(first.id());
          assertThat(contentOf(changed)).as("content of the modified record").isNotEqualTo(contentOf(first));
        });
  }

  // ---------------------------------------------------------------- 1xx: declarations

  /**
   * The connector's system id is the configured one, and its operations for the record type name
   * the same system and the record's entity type.
   *
   * <p>If this fails, check that the connector takes its system id from {@link
   * ConnectorConfig#systemId()} and that its {@code operations(Class)} returns the operations of
   * the class asked for.
   */
  @Test
  public void required_spec101_systemIdIsTheConfiguredOne() {
    verify("spec101", "the connector and its operations must report the configured system id and the record's entity type",
        "that systemId() returns ConnectorConfig.systemId() and operations(Class) the operations of that class", run -> {
          SystemConnector c = run.connector();
          assertThat(c.systemId()).as("connector.systemId()").isEqualTo(systemId());
          EntityOperations<T> ops = c.operations(recordType());
          assertThat(ops.systemId()).as("operations(%s).systemId()", recordType().getSimpleName()).isEqualTo(systemId());
          assertThat(ops.entityType()).as("operations(%s).entityType()", recordType().getSimpleName()).isEqualTo(entityType());
        });
  }

  /**
   * {@link SystemConnector#capabilities()} gives equal values on every call and from every
   * connector made from the same configuration, and declares the record's entity type.
   *
   * <p>If this fails, check that the capabilities are built once from the configuration, not from
   * what the system answered last, and that they declare the entity type under test.
   */
  @Test
  public void required_spec102_capabilitiesAreStableAndDeclareTheRecordType() {
    verify("spec102", "capabilities() must be the same on every call and declare the record's entity type",
        "that capabilities() is built once from the configuration and declares " + entityType(), run -> {
          SystemConnector c = run.connector();
          ConnectorCapabilities first = c.capabilities();
          assertThat(c.capabilities()).as("capabilities() called a second time").isEqualTo(first);
          assertThat(run.connector().capabilities()).as("capabilities() of a second connector from the same configuration")
              .isEqualTo(first);
          assertThat(first.entityTypes()).as("entity types declared").contains(entityType());
        });
  }

  /**
   * Every operation the connector does not declare for the entity type throws {@link
   * CapabilityMissingException} naming the entity type and the operation. Skipped when it
   * declares every operation.
   *
   * <p>If this fails, check that undeclared operations keep {@link EntityOperations}' defaults,
   * or throw the same exception, instead of doing something or returning empty.
   */
  @Test
  public void required_spec103_undeclaredOperationThrowsCapabilityMissing() {
    verify("spec103", "an operation not declared must throw CapabilityMissingException naming the entity type and operation",
        "that undeclared operations keep EntityOperations' defaults instead of acting or returning empty", run -> {
          SystemConnector c = run.connector();
          ConnectorCapabilities caps = c.capabilities();
          Set<Operation> undeclared = EnumSet.allOf(Operation.class);
          undeclared.removeAll(caps.operations(entityType()));
          if (caps.supportsAnywhere(Operation.CHANGE_FEED)) {
            undeclared.remove(Operation.CHANGE_FEED); // the one feed serves another entity type
          }
          skipUnless(!undeclared.isEmpty(), "the connector declares every operation for " + entityType());
          EntityOperations<T> ops = c.operations(recordType());
          for (Operation op : undeclared) {
            CapabilityMissingException e = run.expectFailure(op + " (not declared)", CapabilityMissingException.class,
                () -> callOperation(c, ops, op));
            assertThat(e.operation()).as("operation named by the CapabilityMissingException of %s", op).isEqualTo(op);
            if (op != Operation.CHANGE_FEED) {
              assertThat(e.entityType()).as("entity type named by the CapabilityMissingException of %s", op)
                  .isEqualTo(entityType());
            }
            assertThat(e.systemId()).as("system id of the CapabilityMissingException of %s", op).isEqualTo(systemId());
          }
        });
  }

  /**
   * Asking for the operations of an entity type the connector does not declare throws {@link
   * CapabilityMissingException} naming that type and {@link Operation#READ}. Skipped when it
   * declares every entity type.
   *
   * <p>If this fails, check that {@code operations(Class)} refuses record classes the connector
   * does not declare instead of returning operations that fail later.
   */
  @Test
  public void required_spec104_undeclaredEntityTypeThrowsCapabilityMissing() {
    verify("spec104", "operations(Class) of an undeclared entity type must throw CapabilityMissingException",
        "that operations(Class) checks the class against the declared entity types", run -> {
          SystemConnector c = run.connector();
          Set<EntityType> undeclared = EnumSet.allOf(EntityType.class);
          undeclared.removeAll(c.capabilities().entityTypes());
          skipUnless(!undeclared.isEmpty(), "the connector declares every entity type");
          EntityType other = undeclared.iterator().next();
          CapabilityMissingException e = run.expectFailure("operations(" + other.recordType().getSimpleName() + ")",
              CapabilityMissingException.class, () -> c.operations(other.recordType()));
          assertThat(e.entityType()).as("entity type named by the exception").isEqualTo(other);
          assertThat(e.operation()).as("operation named by the exception").isEqualTo(Operation.READ);
        });
  }

  // ---------------------------------------------------------------- 2xx: reads and writes

  /**
   * Upserting one record twice under one idempotency key leaves one record: both calls return the
   * same external id, the first says it created the record and the second that it did not.
   *
   * <p>If this fails, check that upsert looks the record up by its canonical id (the system's
   * external-id field) before it creates one, and that a repeated key is answered with the first
   * result rather than sent as a new create.
   */
  @Test
  public void required_spec201_upsertTwiceWithOneIdempotencyKeyMakesOneRecord() {
    verify("spec201", "upserting one record twice under one idempotency key must leave one record",
        "that upsert looks the record up by its canonical id before it creates one, and that a repeated key is not sent as a new create",
        run -> {
          SystemConnector c = run.connector();
          requireDeclared(c, Operation.UPSERT);
          EntityOperations<T> ops = c.operations(recordType());
          T record = run.next();
          String key = newKey();
          WriteResult first = ops.upsert(contextWithKey(key), record);
          WriteResult second = ops.upsert(contextWithKey(key), record);
          assertThat(first.created()).as("created flag of the first upsert of a new canonical id").isTrue();
          assertThat(second.externalId()).as("external id returned by the repeated upsert (the first returned %s)",
              first.externalId()).isEqualTo(first.externalId());
          assertThat(second.created()).as("created flag of the repeated upsert").isFalse();
          expectOneRecord(c, record.id(), first.externalId());
        });
  }

  /**
   * Upserting a changed record with the same canonical id under a new idempotency key updates the
   * record the first upsert made: same external id, not created, a higher version, and the change
   * reads back.
   *
   * <p>If this fails, check that upsert matches on the canonical id, not on the idempotency key,
   * and that the system's version moves forward with each update.
   */
  @Test
  public void required_spec202_upsertOfTheSameCanonicalIdUpdates() {
    verify("spec202", "an upsert of a known canonical id under a new idempotency key must update, not duplicate",
        "that upsert matches on the canonical id rather than the idempotency key, and that the version moves forward", run -> {
          SystemConnector c = run.connector();
          requireDeclared(c, Operation.UPSERT, Operation.READ);
          EntityOperations<T> ops = c.operations(recordType());
          T record = run.next();
          T changed = modify(record);
          WriteResult first = ops.upsert(context(), record);
          WriteResult second = ops.upsert(context(), changed);
          assertThat(second.externalId()).as("external id returned by the second upsert (the first returned %s)",
              first.externalId()).isEqualTo(first.externalId());
          assertThat(second.created()).as("created flag of the update").isFalse();
          assertThat(second.version()).as("version after the update (before it: %s)", first.version())
              .isGreaterThan(first.version());
          RemoteRecord<T> read = readBack(ops, second.externalId());
          assertThat(contentOf(read.record())).as("content read back after the update").isEqualTo(contentOf(changed));
          assertThat(read.version()).as("version read back after the update").isEqualTo(second.version());
          expectOneRecord(c, record.id(), first.externalId());
        });
  }

  /**
   * A record written reads back by the external id the write returned: same external id, same
   * canonical id, the same content, the version the write returned, and the system's own
   * reference among its external references.
   *
   * <p>If this fails, check the mapping from the system's object back to the canonical record
   * (every field written, the canonical id from the external-id field) and that the write returns
   * the id the system assigned.
   */
  @Test
  public void required_spec203_readByExternalIdReturnsTheWrite() {
    verify("spec203", "a record written must read back by its external id, as written",
        "the mapping from the system's object back to the canonical record, and that the write returns the id the system assigned",
        run -> {
          SystemConnector c = run.connector();
          requireDeclared(c, Operation.READ);
          EntityOperations<T> ops = c.operations(recordType());
          T record = run.next();
          WriteResult written = write(c, record, context());
          RemoteRecord<T> read = readBack(ops, written.externalId());
          assertThat(read.externalId()).as("external id of the record read").isEqualTo(written.externalId());
          assertThat(read.record().id()).as("canonical id of the record read").isEqualTo(record.id());
          assertThat(contentOf(read.record())).as("content of the record read").isEqualTo(contentOf(record));
          assertThat(read.version()).as("version read (the write returned %s)", written.version()).isEqualTo(written.version());
          assertThat(refKeys(read.record())).as("external references of the record read")
              .contains(systemId() + ":" + written.externalId());
        });
  }

  /**
   * A record written is found by its canonical id, with the external id the write returned and
   * the content written: how Steward reads back after a write whose outcome is unknown.
   *
   * <p>If this fails, check that the connector stores the canonical id where it can search for it
   * (an external-id field, metadata) and that {@code find} queries that field.
   */
  @Test
  public void required_spec204_findByCanonicalIdReturnsTheWrite() {
    verify("spec204", "a record written must be found by its canonical id",
        "that the canonical id is stored in a searchable field and that find queries it", run -> {
          SystemConnector c = run.connector();
          requireDeclared(c, Operation.READ);
          EntityOperations<T> ops = c.operations(recordType());
          T record = run.next();
          WriteResult written = write(c, record, context());
          Optional<RemoteRecord<T>> found = ops.find(readContext(), record.id());
          assertThat(found).as("find(%s) after writing it", record.id()).isPresent();
          assertThat(found.orElseThrow().externalId()).as("external id found").isEqualTo(written.externalId());
          assertThat(found.orElseThrow().record().id()).as("canonical id found").isEqualTo(record.id());
          assertThat(contentOf(found.orElseThrow().record())).as("content found").isEqualTo(contentOf(record));
        });
  }

  /**
   * Finding a canonical id the system never saw returns empty, not a failure or another record.
   *
   * <p>If this fails, check that {@code find} maps "no match" to {@link Optional#empty()} and does
   * not fall back to another field or the first record.
   */
  @Test
  public void required_spec205_findOfAnUnknownCanonicalIdIsEmpty() {
    verify("spec205", "find of a canonical id the system never saw must be empty",
        "that find maps 'no match' to Optional.empty() and does not fall back to another field", run -> {
          SystemConnector c = run.connector();
          requireDeclared(c, Operation.READ);
          CanonicalId unknown = ids().next(entityType());
          assertThat(c.operations(recordType()).find(readContext(), unknown)).as("find(%s), an id never written", unknown).isEmpty();
        });
  }

  /**
   * Reading an external id that names no record returns empty (a 404 is not a failure).
   *
   * <p>If this fails, check that a "not found" answer maps to {@link Optional#empty()}, and that
   * {@link #unknownExternalId()} has the form the system expects.
   */
  @Test
  public void required_spec206_readOfAnUnknownExternalIdIsEmpty() {
    verify("spec206", "read of an external id that names no record must be empty",
        "that a 'not found' answer maps to Optional.empty(), and that unknownExternalId() has the system's form", run -> {
          SystemConnector c = run.connector();
          requireDeclared(c, Operation.READ);
          assertThat(c.operations(recordType()).read(readContext(), unknownExternalId()))
              .as("read(%s)", unknownExternalId()).isEmpty();
        });
  }

  /**
   * With {@link ConnectorCapabilities#idempotentCreate()} declared, creating one record twice
   * under one idempotency key returns the first result and makes no second record.
   *
   * <p>If this fails, check that create sends the context's idempotency key to the system (the
   * {@code Idempotency-Key} header) and maps the system's replayed answer to {@code created=false}.
   */
  @Test
  public void optional_spec207_createTwiceWithOneIdempotencyKeyMakesOneRecord() {
    verify("spec207", "with idempotentCreate declared, two creates under one key must make one record",
        "that create sends the idempotency key to the system and maps its replayed answer to created=false", run -> {
          SystemConnector c = run.connector();
          requireDeclared(c, Operation.CREATE);
          skipUnless(c.capabilities().idempotentCreate(), "the connector declares no idempotent create");
          EntityOperations<T> ops = c.operations(recordType());
          T record = run.next();
          String key = newKey();
          WriteResult first = ops.create(contextWithKey(key), record);
          WriteResult second = ops.create(contextWithKey(key), record);
          assertThat(first.created()).as("created flag of the first create").isTrue();
          assertThat(second.externalId()).as("external id returned by the repeated create (the first returned %s)",
              first.externalId()).isEqualTo(first.externalId());
          assertThat(second.created()).as("created flag of the repeated create").isFalse();
          expectOneRecord(c, record.id(), first.externalId());
        });
  }

  /**
   * A deleted record reads as empty, by external id and by canonical id, and delete says it
   * deleted one.
   *
   * <p>If this fails, check that delete returns true when the system removed (or deactivated) a
   * record, and that reads treat a deactivated record as gone.
   */
  @Test
  public void optional_spec208_deletedRecordReadsAsEmpty() {
    verify("spec208", "a deleted record must read as empty",
        "that delete returns true when the system removed the record and that reads treat a deactivated record as gone", run -> {
          SystemConnector c = run.connector();
          requireDeclared(c, Operation.DELETE, Operation.READ);
          EntityOperations<T> ops = c.operations(recordType());
          T record = run.next();
          WriteResult written = write(c, record, context());
          assertThat(ops.delete(context(), written.externalId())).as("delete(%s) of a record just written", written.externalId())
              .isTrue();
          assertThat(ops.read(readContext(), written.externalId())).as("read(%s) after delete", written.externalId()).isEmpty();
          assertThat(ops.find(readContext(), record.id())).as("find(%s) after delete", record.id()).isEmpty();
        });
  }

  /**
   * Deleting an external id that names no record returns false, not a failure.
   *
   * <p>If this fails, check that a "not found" answer to a delete maps to {@code false}.
   */
  @Test
  public void optional_spec209_deleteOfAnUnknownRecordReturnsFalse() {
    verify("spec209", "delete of an external id that names no record must return false",
        "that a 'not found' answer to delete maps to false", run -> {
          SystemConnector c = run.connector();
          requireDeclared(c, Operation.DELETE);
          assertThat(c.operations(recordType()).delete(context(), unknownExternalId())).as("delete(%s)", unknownExternalId())
              .isFalse();
        });
  }

  /**
   * The idempotency key of a write's {@link CallContext} reaches the system. Runs only when the
   * verification {@linkplain #observesIdempotencyKeys() observes the keys received}.
   *
   * <p>If this fails, check that the connector sends {@link CallContext#idempotencyKey()} with the
   * request (an {@code Idempotency-Key} header, a request id field).
   */
  @Test
  public void optional_spec210_idempotencyKeyReachesTheSystem() {
    verify("spec210", "a write's idempotency key must reach the system",
        "that the connector sends CallContext.idempotencyKey() with each write request", run -> {
          skipUnless(observesIdempotencyKeys(),
              "the verification does not observe the keys the system receives (override observesIdempotencyKeys())");
          SystemConnector c = run.connector();
          String key = newKey();
          write(c, run.next(), contextWithKey(key));
          assertThat(idempotencyKeysReceived(c)).as("idempotency keys the system received").contains(key);
        });
  }

  // ---------------------------------------------------------------- 3xx: batches and bulk reads

  /**
   * A batch upsert answers each record in the order given: one item per record, item {@code i}
   * the outcome of record {@code i} (its external id finds record {@code i}), every one written.
   * The batch holds up to three records, and no more than the declared batch size.
   *
   * <p>If this fails, check that the connector matches the system's batch answer to the records
   * by position or by a correlation field, not by the order the system happened to answer in.
   */
  @Test
  public void required_spec301_batchUpsertAnswersEachRecordInOrder() {
    verify("spec301", "a batch upsert must answer one item per record, item i for record i",
        "that the system's batch answer is matched to the records by position or a correlation field, not by answer order", run -> {
          SystemConnector c = run.connector();
          requireDeclared(c, Operation.UPSERT, Operation.READ);
          EntityOperations<T> ops = c.operations(recordType());
          int n = Math.min(3, c.capabilities().maxBatchSize());
          List<T> batch = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            batch.add(run.next());
          }
          BatchResult result = ops.upsertAll(context(), batch);
          assertThat(result.items()).as("items of a batch of %s records", n).hasSize(n);
          for (BatchResult.Failed failed : result.failures()) {
            run.provoke("batch item " + failed.index(), () -> {
              throw failed.failure();
            });
          }
          assertThat(result.failures()).as("failed items of a batch of valid records").isEmpty();
          for (int i = 0; i < n; i++) {
            WriteResult item = ((BatchResult.Written) result.items().get(i)).result();
            Optional<RemoteRecord<T>> found = ops.find(readContext(), batch.get(i).id());
            assertThat(found).as("find of batch record %s (%s)", i, batch.get(i).id()).isPresent();
            assertThat(item.externalId()).as("external id in batch item %s, which must be record %s's (%s)",
                i, i, batch.get(i).id()).isEqualTo(found.orElseThrow().externalId());
          }
        });
  }

  /**
   * A batch of more records than {@link ConnectorCapabilities#maxBatchSize()} is refused with
   * {@link IllegalArgumentException} before anything is written. Skipped for connectors that
   * declare no batching.
   *
   * <p>If this fails, check that {@code upsertAll} compares the batch size with the declared
   * maximum before it sends anything.
   */
  @Test
  public void optional_spec302_batchUpsertRefusesMoreThanMaxBatchSize() {
    verify("spec302", "a batch larger than maxBatchSize must be refused with IllegalArgumentException, writing nothing",
        "that upsertAll checks the batch size against the declared maximum before it sends anything", run -> {
          SystemConnector c = run.connector();
          requireDeclared(c, Operation.UPSERT);
          int max = c.capabilities().maxBatchSize();
          skipUnless(max > ConnectorCapabilities.NO_BATCHING, "the connector declares no batching (maxBatchSize "
              + ConnectorCapabilities.NO_BATCHING + ")");
          EntityOperations<T> ops = c.operations(recordType());
          List<T> batch = new ArrayList<>();
          for (int i = 0; i <= max; i++) {
            batch.add(run.next());
          }
          run.expectFailure("upsertAll of " + batch.size() + " records (maxBatchSize " + max + ")",
              IllegalArgumentException.class, () -> ops.upsertAll(context(), batch));
          if (c.capabilities().supports(entityType(), Operation.READ)) {
            assertThat(ops.find(readContext(), batch.get(0).id())).as("find of the first record of the refused batch").isEmpty();
          }
        });
  }

  /**
   * Reading all records page by page covers every record exactly once: each record written shows
   * up on one page with its external id, no external id shows twice, and no page is larger than
   * asked.
   *
   * <p>If this fails, check that the page token resumes strictly after the last record of the
   * page (a stable sort with a tie-breaker, not an offset into a changing list) and that the last
   * page has no token.
   */
  @Test
  public void optional_spec303_bulkReadPagesCoverEveryRecordExactlyOnce() {
    verify("spec303", "a paged bulk read must return every record exactly once",
        "that the page token resumes strictly after the page's last record (stable order with a tie-breaker) and the last page has none",
        run -> {
          SystemConnector c = run.connector();
          requireDeclared(c, Operation.BULK_READ);
          EntityOperations<T> ops = c.operations(recordType());
          Map<CanonicalId, String> written = new HashMap<>();
          for (int i = 0; i < 5; i++) {
            T record = run.next();
            written.put(record.id(), write(c, record, context()).externalId());
          }
          Map<CanonicalId, List<String>> seen = new HashMap<>();
          Set<String> externalIds = new HashSet<>();
          PageRequest request = PageRequest.first(2);
          for (int pages = 1; ; pages++) {
            if (pages > MAX_PAGES) {
              throw new AssertionError("the bulk read did not end within " + MAX_PAGES + " pages of 2");
            }
            Page<RemoteRecord<T>> page = ops.readAll(readContext(), request);
            assertThat(page.items().size()).as("size of page %s, asked for 2", pages).isLessThanOrEqualTo(2);
            for (RemoteRecord<T> r : page.items()) {
              if (!externalIds.add(r.externalId())) {
                throw new AssertionError("external id " + r.externalId() + " came back a second time, on page " + pages);
              }
              seen.computeIfAbsent(r.record().id(), k -> new ArrayList<>()).add(r.externalId());
            }
            Optional<PageRequest> next = page.next(2);
            if (next.isEmpty()) {
              break;
            }
            request = next.orElseThrow();
          }
          for (Map.Entry<CanonicalId, String> e : written.entrySet()) {
            assertThat(seen.get(e.getKey())).as("external ids read for canonical id %s, written as %s", e.getKey(), e.getValue())
                .containsExactly(e.getValue());
          }
        });
  }

  // ---------------------------------------------------------------- 4xx: the change feed

  /**
   * Records written one after another appear in the change feed in the order they were written.
   *
   * <p>If this fails, check that the feed is ordered by the system's change sequence (a replay id,
   * an event id, a last-modified time with a tie-breaker), oldest first.
   */
  @Test
  public void optional_spec401_changeFeedYieldsWritesInOrder() {
    verify("spec401", "writes must appear in the change feed in the order they were made",
        "that the feed is ordered oldest first by the system's change sequence, with a tie-breaker", run -> {
          SystemConnector c = requireFeed(run.connector());
          ChangeCursor end = drain(c, ChangeCursor.beginning()).end();
          List<String> written = writeSeveral(run, c, 3);
          List<String> subjects = firstAppearances(subjectsOf(ours(drain(c, end).changes(), written)));
          assertThat(subjects).as("records changed after %s, by the order they first appear", end).containsExactlyElementsOf(written);
        });
  }

  /**
   * Polling from a cursor yields exactly the changes after it: paging through the feed two at a
   * time gives the same changes as one large poll, none twice and none missing, and polling again
   * from the cursor after the first page gives the rest.
   *
   * <p>If this fails, check that {@link ChangePage#next()} points just after the last change the
   * page returned (not after the last one fetched from the system), and that the page honours the
   * limit.
   */
  @Test
  public void optional_spec402_changeFeedResumesExactlyAfterItsCursor() {
    verify("spec402", "a poll from a cursor must yield exactly the changes after it, with no gap and no repeat",
        "that ChangePage.next() points just after the last change returned, not the last one fetched, and that the limit is honoured",
        run -> {
          SystemConnector c = requireFeed(run.connector());
          ChangeCursor end = drain(c, ChangeCursor.beginning()).end();
          List<String> written = writeSeveral(run, c, 5);
          List<Envelope> paged = new ArrayList<>();
          List<Envelope> firstPage = List.of();
          ChangeCursor afterFirstPage = end;
          ChangeCursor cursor = end;
          for (int polls = 1; ; polls++) {
            if (polls > MAX_PAGES) {
              throw new AssertionError("polling 2 at a time from " + end + " did not end within " + MAX_PAGES + " polls");
            }
            ChangePage page = c.changes(readContext(), cursor, 2);
            assertThat(page.changes().size()).as("changes in poll %s with limit 2", polls).isLessThanOrEqualTo(2);
            paged.addAll(page.changes());
            if (polls == 1) {
              firstPage = page.changes();
              afterFirstPage = page.next();
            }
            cursor = page.next();
            if (!page.more()) {
              break;
            }
            if (page.changes().isEmpty()) {
              throw new AssertionError("poll " + polls + " said more changes follow but returned none");
            }
          }
          expectNoRepeats(paged, "paging 2 at a time");
          assertThat(firstAppearances(subjectsOf(ours(paged, written)))).as("records changed, paging 2 at a time")
              .containsExactlyElementsOf(written);
          List<String> whole = idsOf(drain(c, end).changes());
          assertThat(idsOf(paged)).as("change ids paging 2 at a time, against one poll of %s", DRAIN_LIMIT)
              .containsExactlyElementsOf(whole);
          List<String> rest = idsOf(drain(c, afterFirstPage).changes());
          assertThat(rest).as("change ids polled again from the cursor after the first page %s", idsOf(firstPage))
              .containsExactlyElementsOf(whole.subList(Math.min(firstPage.size(), whole.size()), whole.size()));
        });
  }

  /**
   * Polling twice from the same cursor, the beginning or one in the middle, gives the same changes
   * and the same next cursor: a cursor is a position, not a consumer's state.
   *
   * <p>If this fails, check that polling does not acknowledge or consume changes in the system, and
   * that the cursor encodes the position itself.
   */
  @Test
  public void optional_spec403_changeFeedPollIsRepeatable() {
    verify("spec403", "two polls from one cursor must give the same changes and the same next cursor",
        "that polling neither acknowledges nor consumes changes, and that the cursor encodes the position itself", run -> {
          SystemConnector c = requireFeed(run.connector());
          ChangeCursor end = drain(c, ChangeCursor.beginning()).end();
          writeSeveral(run, c, 3);
          for (ChangeCursor from : List.of(ChangeCursor.beginning(), end)) {
            ChangePage once = c.changes(readContext(), from, 2);
            ChangePage again = c.changes(readContext(), from, 2);
            assertThat(idsOf(again.changes())).as("change ids of a second poll from %s", from).isEqualTo(idsOf(once.changes()));
            assertThat(again.next()).as("next cursor of a second poll from %s", from).isEqualTo(once.next());
          }
        });
  }

  /**
   * A change's envelope describes it: an id, source {@code /systems/<system id>}, type {@link
   * ChangeTypes#changed(EntityType)}, the record's external id as subject, the version the write
   * returned as entity version, and the record as data.
   *
   * <p>If this fails, check how the connector builds each envelope from the system's change event
   * (see {@link ChangePage} for the fields).
   */
  @Test
  public void optional_spec404_changeEnvelopesDescribeTheChange() {
    verify("spec404", "a change's envelope must carry its id, /systems/<id> source, type, external id, version and record",
        "how the connector builds each envelope from the system's change (the fields ChangePage describes)", run -> {
          SystemConnector c = requireFeed(run.connector());
          ChangeCursor end = drain(c, ChangeCursor.beginning()).end();
          T record = run.next();
          WriteResult written = write(c, record, context());
          List<Envelope> changes = ours(drain(c, end).changes(), List.of(written.externalId()));
          assertThat(changes).as("changes of record %s after %s", written.externalId(), end).isNotEmpty();
          Envelope e = changes.get(changes.size() - 1);
          assertThat(e.id()).as("envelope id").isNotBlank();
          assertThat(e.source()).as("envelope source").isEqualTo(URI.create("/systems/" + systemId()));
          assertThat(e.type()).as("envelope type").isEqualTo(ChangeTypes.changed(entityType()));
          assertThat(e.subject()).as("envelope subject").isEqualTo(written.externalId());
          assertThat(e.entityVersion()).as("envelope entity version (the write returned %s)", written.version())
              .isEqualTo(written.version());
          assertThat(e.data()).as("envelope data").isNotNull();
          T data = bind(e.data());
          assertThat(data.id()).as("canonical id of the envelope's data").isEqualTo(record.id());
          assertThat(contentOf(data)).as("content of the envelope's data").isEqualTo(contentOf(record));
        });
  }

  /**
   * The changes of one record carry strictly increasing entity versions, the last the version of
   * its last write (a feed may fold several writes into one change).
   *
   * <p>If this fails, check that each envelope's {@code entityVersion} is the record's version in
   * the system after that change, not a feed sequence number or a time the poll was made.
   */
  @Test
  public void optional_spec405_changeEntityVersionIncreasesPerRecord() {
    verify("spec405", "the changes of one record must carry increasing entity versions, ending at the last write's",
        "that entityVersion is the record's version after the change, not a feed sequence or the poll time", run -> {
          SystemConnector c = requireFeed(run.connector());
          requireDeclared(c, Operation.UPSERT);
          EntityOperations<T> ops = c.operations(recordType());
          ChangeCursor end = drain(c, ChangeCursor.beginning()).end();
          T record = run.next();
          ops.upsert(context(), record);
          WriteResult last = ops.upsert(context(), modify(record));
          List<Envelope> changes = ours(drain(c, end).changes(), List.of(last.externalId()));
          assertThat(changes).as("changes of record %s", last.externalId()).isNotEmpty();
          List<Long> versions = new ArrayList<>();
          for (Envelope e : changes) {
            assertThat(e.entityVersion()).as("entity version of change %s", e.id()).isNotNull();
            versions.add(e.entityVersion());
          }
          assertThat(versions).as("entity versions of record %s's changes, in feed order", last.externalId())
              .isSorted().doesNotHaveDuplicates().endsWith(last.version());
        });
  }

  /**
   * Deleting a record shows in the feed as a change of type {@link ChangeTypes#deleted(EntityType)}
   * with the external id as subject and no data.
   *
   * <p>If this fails, check that the connector maps the system's deletion events, and gives them
   * the deletion type and no data.
   */
  @Test
  public void optional_spec406_deletionAppearsAsDeletedChange() {
    verify("spec406", "a deletion must appear in the feed with the deleted type, the external id and no data",
        "that the system's deletion events are mapped, with ChangeTypes.deleted(...) and no data", run -> {
          SystemConnector c = requireFeed(run.connector());
          requireDeclared(c, Operation.DELETE);
          ChangeCursor end = drain(c, ChangeCursor.beginning()).end();
          WriteResult written = write(c, run.next(), context());
          c.operations(recordType()).delete(context(), written.externalId());
          List<Envelope> changes = ours(drain(c, end).changes(), List.of(written.externalId()));
          assertThat(changes).as("changes of record %s", written.externalId()).isNotEmpty();
          Envelope last = changes.get(changes.size() - 1);
          assertThat(last.type()).as("type of the last change of a deleted record").isEqualTo(ChangeTypes.deleted(entityType()));
          assertThat(last.data()).as("data of a deletion").isNull();
        });
  }

  /**
   * The change feed refuses a limit below 1 and a cursor it did not make with {@link
   * IllegalArgumentException}, rather than guessing a position.
   *
   * <p>If this fails, check that {@code changes} validates the limit and parses the cursor
   * strictly, refusing a value it could not have made.
   */
  @Test
  public void optional_spec407_changeFeedRefusesBadLimitAndForeignCursor() {
    verify("spec407", "changes() must refuse a limit below 1 and a cursor it did not make with IllegalArgumentException",
        "that changes() checks the limit and parses the cursor strictly", run -> {
          SystemConnector c = requireFeed(run.connector());
          run.expectFailure("changes with limit 0", IllegalArgumentException.class,
              () -> c.changes(readContext(), ChangeCursor.beginning(), 0));
          ChangeCursor foreign = ChangeCursor.of("steward-tck-foreign-cursor-" + runId);
          run.expectFailure("changes after " + foreign, IllegalArgumentException.class, () -> c.changes(readContext(), foreign, 10));
        });
  }

  // ---------------------------------------------------------------- 5xx: failure classification

  /**
   * HTTP 429 with {@code Retry-After: 7} is a {@link RateLimitedException} asking for 7 seconds.
   *
   * <p>If this fails, check that the connector classifies error responses with {@link
   * dev.steward.spi.HttpFailures#classify} (or maps 429 the same way) and passes it the {@code
   * Retry-After} header.
   */
  @Test
  public void required_spec501_tooManyRequestsIsRateLimitedWithItsRetryAfter() {
    verify("spec501", "HTTP 429 with Retry-After: 7 must be a RateLimitedException asking for 7 seconds",
        "that error responses are classified with HttpFailures.classify and given the Retry-After header", run -> {
          RateLimitedException e = run.answered(429, Map.of("Retry-After", "7"), RateLimitedException.class);
          assertThat(e.retryAfter()).as("retryAfter() of the RateLimitedException").contains(Duration.ofSeconds(7));
        });
  }

  /**
   * HTTP 429 with an HTTP-date {@code Retry-After} 30 seconds ahead of {@link #clock()} asks for
   * at most 30 seconds, measured against the connector's clock.
   *
   * <p>If this fails, check that the connector measures the date against the clock of its {@link
   * ConnectorConfig}, not the system clock ({@code HttpFailures.classify} takes it).
   */
  @Test
  public void required_spec502_retryAfterDateIsMeasuredAgainstTheClock() {
    verify("spec502", "a Retry-After HTTP date 30s ahead must be a RateLimitedException asking for up to 30 seconds",
        "that the Retry-After date is measured against ConnectorConfig.clock(), not the system clock", run -> {
          Instant at = tckClock().instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(30);
          String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
          RateLimitedException e = run.answered(429, Map.of("Retry-After", date), RateLimitedException.class);
          assertThat(e.retryAfter()).as("retryAfter() for Retry-After: %s", date).isPresent();
          assertThat(e.retryAfter().orElseThrow()).as("retryAfter() for Retry-After: %s", date)
              .isBetween(Duration.ofSeconds(20), Duration.ofSeconds(30));
        });
  }

  /**
   * HTTP 429 without {@code Retry-After} is a {@link RateLimitedException} naming no delay: the
   * caller picks its own back-off rather than one the connector made up.
   *
   * <p>If this fails, check that the connector does not put a default into {@code retryAfter};
   * callers use {@link RateLimitedException#retryAfterOr(Duration)} for that.
   */
  @Test
  public void required_spec503_tooManyRequestsWithoutRetryAfterNamesNoDelay() {
    verify("spec503", "HTTP 429 without Retry-After must be a RateLimitedException naming no delay",
        "that the connector does not invent a retryAfter; callers choose with retryAfterOr", run -> {
          RateLimitedException e = run.answered(429, Map.of(), RateLimitedException.class);
          assertThat(e.retryAfter()).as("retryAfter() without a Retry-After header").isEmpty();
        });
  }

  /**
   * HTTP 500, 502 and 503 are {@link TransientFailureException}s: retryable.
   *
   * <p>If this fails, check the connector's mapping of 5xx answers ({@code HttpFailures.classify}
   * maps them).
   */
  @Test
  public void required_spec504_serverErrorsAreTransient() {
    verify("spec504", "HTTP 500, 502 and 503 must be TransientFailureExceptions",
        "the connector's mapping of 5xx answers (HttpFailures.classify)", run -> {
          for (int status : new int[] {500, 502, 503}) {
            TransientFailureException e = run.answered(status, Map.of(), TransientFailureException.class);
            assertThat(e.retryable()).as("retryable() of the failure for HTTP %s", status).isTrue();
          }
        });
  }

  /**
   * HTTP 504 is an {@link UnknownOutcomeException}: a gateway gave up, the system may have applied
   * the call.
   *
   * <p>If this fails, check that the connector does not treat a gateway timeout as a plain 5xx
   * (retrying a write that may have been applied duplicates it).
   */
  @Test
  public void required_spec505_gatewayTimeoutIsUnknownOutcome() {
    verify("spec505", "HTTP 504 must be an UnknownOutcomeException",
        "that a gateway timeout is not treated as a plain 5xx: the write may have been applied", run ->
            run.answered(504, Map.of(), UnknownOutcomeException.class));
  }

  /**
   * HTTP 401 is an {@link AuthenticationFailedException}: not retryable.
   *
   * <p>If this fails, check that the connector does not retry or swallow a 401 and reports it as
   * an authentication failure (after one credential refresh, if it does that).
   */
  @Test
  public void required_spec506_unauthorizedIsAuthenticationFailure() {
    verify("spec506", "HTTP 401 must be an AuthenticationFailedException",
        "that a 401 is reported as an authentication failure, not retried or swallowed", run ->
            run.answered(401, Map.of(), AuthenticationFailedException.class));
  }

  /**
   * HTTP 422 is a {@link RejectedByTargetException} carrying the system's messages.
   *
   * <p>If this fails, check that the connector parses the system's validation messages from the
   * body and passes them on ({@code HttpFailures.classify} takes them).
   */
  @Test
  public void required_spec507_unprocessableIsRejectedWithMessages() {
    verify("spec507", "HTTP 422 must be a RejectedByTargetException with the system's messages",
        "that the system's validation messages are parsed from the body and passed on", run -> {
          RejectedByTargetException e = run.answered(422, Map.of(), RejectedByTargetException.class);
          assertThat(e.messages()).as("messages of the rejection").isNotEmpty();
        });
  }

  /**
   * HTTP 409 is a {@link VersionConflictException}: read again and decide again.
   *
   * <p>If this fails, check the connector's mapping of 409 and 412 answers.
   */
  @Test
  public void required_spec508_conflictIsVersionConflict() {
    verify("spec508", "HTTP 409 must be a VersionConflictException",
        "the connector's mapping of 409 and 412 answers", run -> run.answered(409, Map.of(), VersionConflictException.class));
  }

  // ---------------------------------------------------------------- 6xx: secrets

  /**
   * No credential's value shows in the {@code toString} of the connector, its capabilities, its
   * operations or what they return, after the connector has done its work.
   *
   * <p>If this fails, check {@code toString} of the connector and of what it holds (HTTP clients,
   * sessions, request builders): hold credentials as {@link dev.steward.spi.Secret} and ask the
   * {@link CredentialProvider} when needed.
   */
  @Test
  public void required_spec601_toStringRevealsNoSecret() {
    verify("spec601", "no credential may show in the toString of the connector or anything it returns",
        "toString of the connector and what it holds: keep credentials as Secret, ask the CredentialProvider when needed", run -> {
          SystemConnector c = run.connector();
          EntityOperations<T> ops = c.operations(recordType());
          List<Object> shown = new ArrayList<>(List.of(c, c.capabilities(), ops));
          ConnectorCapabilities caps = c.capabilities();
          if (caps.supports(entityType(), Operation.UPSERT) || caps.supports(entityType(), Operation.CREATE)) {
            WriteResult written = write(c, run.next(), context());
            shown.add(written);
            if (caps.supports(entityType(), Operation.READ)) {
              ops.read(readContext(), written.externalId()).ifPresent(shown::add);
            }
          }
          if (caps.supportsAnywhere(Operation.CHANGE_FEED)) {
            shown.add(c.changes(readContext(), ChangeCursor.beginning(), 1));
          }
          for (Object o : shown) {
            run.noSecretIn("toString() of " + o.getClass().getName(), String.valueOf(o));
          }
        });
  }

  /**
   * No credential's value shows in any failure the kit can provoke: undeclared operations and
   * entity types, refused arguments and, when the verification {@linkplain
   * #simulatesHttpResponses() simulates responses}, each classified HTTP status. Every rule
   * checks the failures it sees; this one provokes all it can.
   *
   * <p>If this fails, check the messages the connector builds (from ids and the system's error
   * text, never request headers) and the causes it attaches (an HTTP client's exception may quote
   * the request).
   */
  @Test
  public void required_spec602_failuresRevealNoSecret() {
    verify("spec602", "no credential may show in any failure's message, cause or suppressed exception",
        "the messages the connector builds (ids and the system's error text, never request headers) and the causes it attaches", run -> {
          SystemConnector c = run.connector();
          ConnectorCapabilities caps = c.capabilities();
          int provoked = 0;
          Set<EntityType> otherTypes = EnumSet.allOf(EntityType.class);
          otherTypes.removeAll(caps.entityTypes());
          if (!otherTypes.isEmpty()) {
            EntityType other = otherTypes.iterator().next();
            provoked += run.provoke("operations of undeclared " + other, () -> c.operations(other.recordType()));
          }
          EntityOperations<T> ops = c.operations(recordType());
          for (Operation op : Operation.values()) {
            boolean declared = op == Operation.CHANGE_FEED ? caps.supportsAnywhere(op) : caps.supports(entityType(), op);
            if (!declared) {
              provoked += run.provoke(op + " (not declared)", () -> callOperation(c, ops, op));
            }
          }
          if (caps.supportsAnywhere(Operation.CHANGE_FEED)) {
            provoked += run.provoke("changes with limit 0", () -> c.changes(readContext(), ChangeCursor.beginning(), 0));
          }
          if (simulatesHttpResponses()) {
            for (int status : new int[] {400, 401, 403, 404, 409, 412, 422, 429, 500, 503, 504}) {
              SystemConnector answering = run.answering(status, Map.of("Retry-After", "1"));
              provoked += run.provoke("a call answered HTTP " + status, () -> probe(answering));
            }
          }
          skipUnless(provoked > 0, "the kit could provoke no failure: the connector declares everything and the "
              + "verification does not simulate responses");
        });
  }

  // ---------------------------------------------------------------- 7xx: references

  /**
   * References to other systems written with a record read back with it, by external id and by
   * canonical id, beside the system's own reference.
   *
   * <p>If this fails, check that the connector stores the other systems' references (a field per
   * system, a JSON field, metadata) and maps them back, and that it adds its own without dropping
   * theirs.
   */
  @Test
  public void required_spec701_foreignExternalRefsSurviveTheRoundTrip() {
    verify("spec701", "references to other systems must read back with the record, beside the system's own",
        "that the connector stores other systems' references and maps them back, adding its own without dropping theirs", run -> {
          SystemConnector c = run.connector();
          requireDeclared(c, Operation.READ);
          EntityOperations<T> ops = c.operations(recordType());
          int n = records.get() + 1;
          T record = RecordCopies.withExternalRefs(run.next(), List.of(
              new ExternalRef(PEER_A, "A-" + runId + "-" + n, URI.create("https://peer-a.example/records/A-" + runId + "-" + n)),
              new ExternalRef(PEER_B, "B-" + runId + "-" + n, null)));
          WriteResult written = write(c, record, context());
          List<String> expected = List.of(PEER_A + ":A-" + runId + "-" + n, PEER_B + ":B-" + runId + "-" + n,
              systemId() + ":" + written.externalId());
          assertThat(refKeys(readBack(ops, written.externalId()).record())).as("external references read by external id")
              .containsAll(expected);
          Optional<RemoteRecord<T>> found = ops.find(readContext(), record.id());
          assertThat(found).as("find(%s)", record.id()).isPresent();
          assertThat(refKeys(found.orElseThrow().record())).as("external references found by canonical id").containsAll(expected);
        });
  }

  /**
   * An extension written with a record (a nested JSON value) reads back equal. Skipped when the
   * verification says the system {@linkplain #keepsExtensions() keeps no extensions}.
   *
   * <p>If this fails, check that the connector stores extensions (a JSON field, custom fields) and
   * maps them back with their JSON types intact.
   */
  @Test
  public void optional_spec702_extensionsSurviveTheRoundTrip() {
    verify("spec702", "an extension written with a record must read back equal",
        "that extensions are stored (a JSON field, custom fields) and mapped back with their JSON types", run -> {
          skipUnless(keepsExtensions(), "the verification says the system keeps no extensions");
          SystemConnector c = run.connector();
          requireDeclared(c, Operation.READ);
          ObjectNode value = JSON.mapper().createObjectNode();
          value.put("run", runId);
          value.put("count", 7);
          value.putObject("nested").put("flag", true).putArray("list").add(1).add("two");
          T record = RecordCopies.withExtension(run.next(), EXTENSION_KEY, value);
          WriteResult written = write(c, record, context());
          T read = readBack(c.operations(recordType()), written.externalId()).record();
          JsonNode back = read.extensions().get(EXTENSION_KEY);
          assertThat(back).as("extension %s read back", EXTENSION_KEY).isNotNull();
          assertThat(RecordCopies.normalized(back)).as("extension %s read back", EXTENSION_KEY)
              .isEqualTo(RecordCopies.normalized(value));
        });
  }

  // ---------------------------------------------------------------- the machinery of a rule

  /** The body of one rule, given the rule's run. */
  @FunctionalInterface
  private interface RuleBody<R> {
    void run(R run) throws Exception;
  }

  /** A call the kit expects to fail. */
  @FunctionalInterface
  private interface Call {
    void run() throws Exception;
  }

  /**
   * Runs one rule: its body, then checks every connector it made for credentials in {@code
   * toString} and closes them. An assertion failure is reported with the rule, what it expects
   * and what to check; a skip passes through; anything else the connector threw is a failure of
   * the rule.
   */
  private void verify(String rule, String must, String check, RuleBody<RuleRun> body) {
    RuleRun run = new RuleRun(rule, must, check);
    try {
      body.run(run);
      run.finish();
    } catch (TestAbortedException skipped) {
      run.abandon();
      throw skipped;
    } catch (AssertionError failed) {
      run.abandon();
      Optional<String> leak = watch.revealedIn(String.valueOf(failed.getMessage()));
      if (leak.isPresent()) {
        throw run.failure("an assertion failed on something that reveals the value of credential '" + leak.get() + "'", null);
      }
      throw run.failure(failed.getMessage(), failed);
    } catch (Throwable thrown) {
      run.abandon();
      Optional<String> leak = watch.revealedIn(thrown);
      if (leak.isPresent()) {
        throw run.failure("the connector threw " + thrown.getClass().getName() + ", and " + leak.get(), null);
      }
      throw run.failure("the connector threw " + thrown, thrown);
    }
  }

  /** The state of one rule's run: its connectors, and how it reports. */
  private final class RuleRun {
    private final String rule;
    private final String must;
    private final String check;
    private final List<SystemConnector> connectors = new ArrayList<>();

    RuleRun(String rule, String must, String check) {
      this.rule = rule;
      this.must = must;
      this.check = check;
    }

    SystemConnector connector() {
      return made(createConnector(config()), "createConnector");
    }

    /** Returns a failure of this rule, with what it expects and what to check. */
    AssertionError failure(@Nullable String detail, @Nullable Throwable cause) {
      return new AssertionError("Rule " + rule + " failed: " + must + ".\n" + detail + "\nIf this fails, check " + check + ".",
          cause);
    }

    /** Returns the next sample record, checked. */
    T next() {
      int n = records.incrementAndGet();
      T record = newRecord(n);
      if (record == null || !recordType().isInstance(record)) {
        throw new AssertionError("newRecord(" + n + ") returned " + record + ", not a " + recordType().getName());
      }
      if (record.id().type() != entityType()) {
        throw new AssertionError("newRecord(" + n + ") returned a record with canonical id " + record.id()
            + ", not a " + entityType() + " id");
      }
      return record;
    }

    /**
     * Makes a connector whose system answers the next call with {@code status}, makes one call
     * through it, and returns what it threw, checked to be of {@code type} and from this system.
     */
    <E extends Throwable> E answered(int status, Map<String, String> headers, Class<E> type) {
      SystemConnector c = answering(status, headers);
      E e = expectFailure("a call answered HTTP " + status + " " + headers, type, () -> probe(c));
      if (e instanceof ConnectorException ce) {
        assertThat(ce.systemId()).as("system id of the failure for HTTP %s", status).isEqualTo(systemId());
      }
      return e;
    }

    /** Makes a connector whose system answers the next call with {@code status} and {@code headers}. */
    SystemConnector answering(int status, Map<String, String> headers) {
      skipUnless(simulatesHttpResponses(), "the verification cannot make the system answer with a chosen HTTP status "
          + "(override simulatesHttpResponses() and createConnectorAnswering(...))");
      return made(createConnectorAnswering(config(), status, headers), "createConnectorAnswering");
    }

    /**
     * Runs {@code call}, which may fail or not, and checks whatever it threw for credentials;
     * returns 1 if it threw, 0 if not.
     */
    int provoke(String what, Call call) {
      try {
        call.run();
        return 0;
      } catch (Throwable t) {
        watch.revealedIn(t).ifPresent(leak -> {
          throw new AssertionError(what + " threw " + t.getClass().getName() + ", and " + leak);
        });
        return 1;
      }
    }

    /**
     * Runs {@code call}, which must throw {@code type}; checks what it threw for credentials
     * first, so that a leaking failure is reported without its text.
     */
    <E extends Throwable> E expectFailure(String what, Class<E> type, Call call) {
      Throwable thrown = null;
      try {
        call.run();
      } catch (Throwable t) {
        thrown = t;
      }
      if (thrown == null) {
        throw new AssertionError(what + " returned normally; expected " + type.getSimpleName());
      }
      Optional<String> leak = watch.revealedIn(thrown);
      if (leak.isPresent()) {
        throw new AssertionError(what + " threw " + thrown.getClass().getName() + ", and " + leak.get());
      }
      if (!type.isInstance(thrown)) {
        throw new AssertionError(what + " threw " + thrown + "; expected " + type.getSimpleName(), thrown);
      }
      return type.cast(thrown);
    }

    /** Fails if a credential's value occurs in {@code text}, naming where and which, never the value. */
    void noSecretIn(String where, String text) {
      watch.revealedIn(text).ifPresent(name -> {
        throw new AssertionError(where + " reveals the value of credential '" + name + "'");
      });
    }

    void finish() {
      for (SystemConnector c : connectors) {
        noSecretIn("toString() of the connector", String.valueOf(c));
      }
      for (SystemConnector c : connectors) {
        try {
          c.close();
        } catch (RuntimeException e) {
          throw new AssertionError("close() of the connector threw " + e, e);
        }
      }
    }

    void abandon() {
      for (SystemConnector c : connectors) {
        try {
          c.close();
        } catch (RuntimeException ignored) {
          // the rule has failed already; its failure is the one to report
        }
      }
    }

    private SystemConnector made(@Nullable SystemConnector c, String by) {
      if (c == null) {
        throw new AssertionError(by + " returned null");
      }
      connectors.add(c);
      return c;
    }
  }

  // ---------------------------------------------------------------- helpers

  private ConnectorConfig config() {
    ConnectorConfig.Builder b = ConnectorConfig.builder(systemId()).credentials(watch.watching(tckCredentials())).clock(tckClock());
    settings().forEach(b::setting);
    return b.build();
  }

  private Clock tckClock() {
    if (clock == null) {
      clock = clock();
    }
    return clock;
  }

  private CredentialProvider tckCredentials() {
    if (credentials == null) {
      credentials = credentials();
    }
    return credentials;
  }

  private IdGenerator ids() {
    if (ids == null) {
      ids = IdGenerator.create(tckClock());
    }
    return ids;
  }

  private EntityType entityType() {
    for (EntityType type : EntityType.values()) {
      if (type.recordType() == recordType()) {
        return type;
      }
    }
    throw new IllegalStateException(recordType() + " is not a canonical record class");
  }

  private String newKey() {
    return "steward-tck-" + runId + "-" + keys.incrementAndGet();
  }

  private CallContext context() {
    return contextWithKey(newKey());
  }

  private CallContext contextWithKey(String key) {
    return CallContext.builder(tckClock().instant().plus(callTimeout())).idempotencyKey(key).build();
  }

  private CallContext readContext() {
    return CallContext.within(callTimeout(), tckClock());
  }

  private static void skipUnless(boolean condition, String reason) {
    if (!condition) {
      Assumptions.abort("skipped: " + reason);
    }
  }

  private void requireDeclared(SystemConnector c, Operation... operations) {
    Set<Operation> declared = c.capabilities().operations(entityType());
    for (Operation op : operations) {
      skipUnless(declared.contains(op), "the connector declares no " + op + " for " + entityType() + " (it declares " + declared + ")");
    }
  }

  private SystemConnector requireFeed(SystemConnector c) {
    requireDeclared(c, Operation.CHANGE_FEED);
    Set<Operation> declared = c.capabilities().operations(entityType());
    skipUnless(declared.contains(Operation.UPSERT) || declared.contains(Operation.CREATE),
        "the connector declares neither UPSERT nor CREATE for " + entityType() + ", so the kit cannot make changes");
    return c;
  }

  /** Writes {@code record} by upsert where declared, else by create. */
  private WriteResult write(SystemConnector c, T record, CallContext context) {
    Set<Operation> declared = c.capabilities().operations(entityType());
    EntityOperations<T> ops = c.operations(recordType());
    if (declared.contains(Operation.UPSERT)) {
      return ops.upsert(context, record);
    }
    skipUnless(declared.contains(Operation.CREATE), "the connector declares neither UPSERT nor CREATE for " + entityType());
    return ops.create(context, record);
  }

  private List<String> writeSeveral(RuleRun run, SystemConnector c, int count) {
    List<String> externalIds = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      externalIds.add(write(c, run.next(), context()).externalId());
    }
    return externalIds;
  }

  private RemoteRecord<T> readBack(EntityOperations<T> ops, String externalId) {
    Optional<RemoteRecord<T>> read = ops.read(readContext(), externalId);
    if (read.isEmpty()) {
      throw new AssertionError("read(" + externalId + ") of a record just written was empty");
    }
    return read.orElseThrow();
  }

  /** Where the connector can list records, checks exactly one carries {@code id}, the one written. */
  private void expectOneRecord(SystemConnector c, CanonicalId id, String externalId) {
    if (c.capabilities().supports(entityType(), Operation.READ)) {
      Optional<RemoteRecord<T>> found = c.operations(recordType()).find(readContext(), id);
      assertThat(found.map(RemoteRecord::externalId)).as("external id found for canonical id %s", id).contains(externalId);
    }
    if (c.capabilities().supports(entityType(), Operation.BULK_READ)) {
      List<String> holding = new ArrayList<>();
      PageRequest request = PageRequest.first(DRAIN_LIMIT);
      for (int pages = 1; pages <= MAX_PAGES; pages++) {
        Page<RemoteRecord<T>> page = c.operations(recordType()).readAll(readContext(), request);
        for (RemoteRecord<T> r : page.items()) {
          if (r.record().id().equals(id)) {
            holding.add(r.externalId());
          }
        }
        Optional<PageRequest> next = page.next(DRAIN_LIMIT);
        if (next.isEmpty()) {
          break;
        }
        request = next.orElseThrow();
      }
      assertThat(holding).as("external ids of the records a bulk read lists for canonical id %s", id).containsExactly(externalId);
    }
  }

  /** What a drain of the feed returned, and the cursor after it. */
  private record Drained(List<Envelope> changes, ChangeCursor end) {}

  /** Polls the feed from {@code from} until it says no more changes follow. */
  private Drained drain(SystemConnector c, ChangeCursor from) {
    List<Envelope> changes = new ArrayList<>();
    ChangeCursor cursor = from;
    for (int polls = 1; polls <= MAX_PAGES; polls++) {
      ChangePage page = c.changes(readContext(), cursor, DRAIN_LIMIT);
      if (page.changes().size() > DRAIN_LIMIT) {
        throw new AssertionError("a poll with limit " + DRAIN_LIMIT + " returned " + page.changes().size() + " changes");
      }
      changes.addAll(page.changes());
      cursor = page.next();
      if (!page.more()) {
        return new Drained(changes, cursor);
      }
      if (page.changes().isEmpty()) {
        throw new AssertionError("a poll from " + cursor + " said more changes follow but returned none");
      }
    }
    throw new AssertionError("polling the feed from " + from + " did not end within " + MAX_PAGES + " polls");
  }

  private T bind(JsonNode data) {
    try {
      return JSON.fromTree(data, recordType());
    } catch (RuntimeException e) {
      throw new AssertionError("the envelope's data is not a canonical " + recordType().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private static List<Envelope> ours(List<Envelope> changes, List<String> externalIds) {
    Set<String> wanted = new HashSet<>(externalIds);
    List<Envelope> mine = new ArrayList<>();
    for (Envelope e : changes) {
      if (e.subject() != null && wanted.contains(e.subject())) {
        mine.add(e);
      }
    }
    return mine;
  }

  private static List<String> subjectsOf(List<Envelope> changes) {
    List<String> subjects = new ArrayList<>();
    for (Envelope e : changes) {
      subjects.add(String.valueOf(e.subject()));
    }
    return subjects;
  }

  private static List<String> firstAppearances(List<String> values) {
    return new ArrayList<>(new LinkedHashSet<>(values));
  }

  private static List<String> idsOf(List<Envelope> changes) {
    List<String> ids = new ArrayList<>();
    for (Envelope e : changes) {
      ids.add(e.id());
    }
    return ids;
  }

  private static void expectNoRepeats(List<Envelope> changes, String how) {
    Set<String> seen = new HashSet<>();
    for (Envelope e : changes) {
      if (!seen.add(e.id())) {
        throw new AssertionError("change " + e.id() + " (subject " + e.subject() + ") was delivered twice " + how);
      }
    }
  }

  private static List<String> refKeys(CanonicalEntity record) {
    List<String> keys = new ArrayList<>();
    for (ExternalRef ref : record.meta().externalRefs()) {
      keys.add(ref.system() + ":" + ref.id());
    }
    return keys;
  }

  /** Calls {@code op} once, with arguments that would succeed if it were declared. */
  private void callOperation(SystemConnector c, EntityOperations<T> ops, Operation op) {
    switch (op) {
      case READ -> {
        ops.read(readContext(), unknownExternalId());
        ops.find(readContext(), ids().next(entityType()));
      }
      case UPSERT -> ops.upsert(context(), newRecord(records.incrementAndGet()));
      case CREATE -> ops.create(context(), newRecord(records.incrementAndGet()));
      case DELETE -> ops.delete(context(), unknownExternalId());
      case BULK_READ -> ops.readAll(readContext(), PageRequest.first(10));
      case CHANGE_FEED -> c.changes(readContext(), ChangeCursor.beginning(), 10);
      default -> throw new IllegalStateException("no call for " + op);
    }
  }

  /** Makes one call through {@code c}: a write where one is declared, else a read, a bulk read or a poll. */
  private void probe(SystemConnector c) {
    Set<Operation> declared = c.capabilities().operations(entityType());
    if (declared.contains(Operation.UPSERT) || declared.contains(Operation.CREATE)) {
      write(c, newRecord(records.incrementAndGet()), context());
    } else if (declared.contains(Operation.READ)) {
      c.operations(recordType()).read(readContext(), unknownExternalId());
    } else if (declared.contains(Operation.BULK_READ)) {
      c.operations(recordType()).readAll(readContext(), PageRequest.first(10));
    } else {
      c.changes(readContext(), ChangeCursor.beginning(), 10);
    }
  }

  private static String randomId() {
    SecureRandom random = new SecureRandom();
    String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    StringBuilder b = new StringBuilder(10);
    for (int i = 0; i < 10; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
