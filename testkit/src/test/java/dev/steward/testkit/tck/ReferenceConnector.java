package dev.steward.testkit.tck;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.CanonicalId;
import dev.steward.model.CanonicalJson;
import dev.steward.model.EntityType;
import dev.steward.model.Envelope;
import dev.steward.model.ExternalRef;
import dev.steward.model.SchemaRef;
import dev.steward.spi.BatchResult;
import dev.steward.spi.CallContext;
import dev.steward.spi.CapabilityMissingException;
import dev.steward.spi.ChangeCursor;
import dev.steward.spi.ChangePage;
import dev.steward.spi.ChangeTypes;
import dev.steward.spi.ConnectorCapabilities;
import dev.steward.spi.ConnectorConfig;
import dev.steward.spi.EntityOperations;
import dev.steward.spi.HttpFailures;
import dev.steward.spi.Operation;
import dev.steward.spi.Page;
import dev.steward.spi.PageRequest;
import dev.steward.spi.RejectedByTargetException;
import dev.steward.spi.RemoteRecord;
import dev.steward.spi.SystemConnector;
import dev.steward.spi.TargetMessage;
import dev.steward.spi.TransientFailureException;
import dev.steward.spi.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A correct connector to a {@link ReferenceSystem}, written as a connector to a REST platform
 * would be: it asks for its API key on every call, sends the idempotency key, classifies error
 * answers with {@link HttpFailures}, maps the system's records to canonical ones with its own
 * reference added, and honours exactly the capabilities it is given. It passes the whole TCK.
 *
 * <p>{@link #answerNextCallWith(int, Map)} makes the system answer the next call with an HTTP
 * error, as a recorded response in a stub server would. Thread-safe.
 *
 * @param <R> the record type the connector handles
 */
final class ReferenceConnector<R extends CanonicalEntity> implements SystemConnector {
  /** The name of the credential the connector asks for. */
  static final String API_KEY = "reference.api-key";

  private static final CanonicalJson JSON = CanonicalJson.ofDefaults();
  private static final Pattern CURSOR = Pattern.compile("pos-(0|[1-9][0-9]{0,9})");
  private static final Pattern TOKEN = Pattern.compile("after-([1-9][0-9]{0,17})");

  private final ConnectorConfig config;
  private final Class<R> recordType;
  private final EntityType entityType;
  private final ConnectorCapabilities capabilities;
  private final ReferenceSystem<R> system;
  private @Nullable Answer answer;
  private boolean closed;

  private record Answer(int status, Map<String, String> headers) {}

  ReferenceConnector(ConnectorConfig config, Class<R> recordType, ConnectorCapabilities capabilities, ReferenceSystem<R> system) {
    this.config = Objects.requireNonNull(config, "config");
    this.recordType = recordType;
    this.entityType = typeOf(recordType);
    this.capabilities = capabilities;
    this.system = system;
  }

  /** Makes the system answer the next call with {@code status} and {@code headers}. */
  synchronized void answerNextCallWith(int status, Map<String, String> headers) {
    this.answer = new Answer(status, Map.copyOf(headers));
  }

  @Override
  public String systemId() {
    return config.systemId();
  }

  @Override
  public ConnectorCapabilities capabilities() {
    return capabilities;
  }

  @Override
  @SuppressWarnings("unchecked") // checked: the class asked for is the one this connector handles
  public <T extends CanonicalEntity> EntityOperations<T> operations(Class<T> type) {
    if (type != recordType) {
      throw new CapabilityMissingException(systemId(), typeOf(type), Operation.READ);
    }
    return (EntityOperations<T>) new Operations();
  }

  @Override
  public ChangePage changes(CallContext context, ChangeCursor after, int limit) {
    if (!capabilities.supportsAnywhere(Operation.CHANGE_FEED)) {
      throw new CapabilityMissingException(systemId(), entityType, Operation.CHANGE_FEED);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1; was " + limit);
    }
    Matcher m = CURSOR.matcher(after.value());
    if (!after.isBeginning() && !m.matches()) {
      throw new IllegalArgumentException(after + " was not made by the connector of system " + systemId());
    }
    int position = after.isBeginning() ? 0 : Integer.parseInt(m.group(1));
    call("poll of changes after " + after, context);
    int count = system.changeCount();
    if (position > count) {
      throw new IllegalArgumentException(after + " is beyond the " + count + " changes system " + systemId() + " holds");
    }
    List<Envelope> envelopes = new ArrayList<>();
    for (ReferenceSystem.Change<R> change : system.changes(position, limit)) {
      envelopes.add(envelope(change));
    }
    int next = position + envelopes.size();
    return new ChangePage(envelopes, envelopes.isEmpty() ? after : ChangeCursor.of("pos-" + next), next < count);
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "ReferenceConnector[" + systemId() + ", " + entityType + "]";
  }

  private final class Operations implements EntityOperations<R> {
    @Override
    public String systemId() {
      return ReferenceConnector.this.systemId();
    }

    @Override
    public EntityType entityType() {
      return entityType;
    }

    @Override
    public Optional<RemoteRecord<R>> read(CallContext context, String externalId) {
      require(Operation.READ);
      call("read of " + externalId, context);
      return system.get(externalId).map(ReferenceConnector.this::remote);
    }

    @Override
    public Optional<RemoteRecord<R>> find(CallContext context, CanonicalId id) {
      require(Operation.READ);
      call("find of " + id, context);
      return system.find(id).map(ReferenceConnector.this::remote);
    }

    @Override
    public WriteResult upsert(CallContext context, R record) {
      require(Operation.UPSERT);
      String what = "upsert of " + record.id();
      call(what, context);
      return written(what, () -> system.upsert(context.idempotencyKey().orElse(null), stored(record), config.clock().instant()));
    }

    @Override
    public BatchResult upsertAll(CallContext context, List<R> records) {
      require(Operation.UPSERT);
      if (records.size() > capabilities.maxBatchSize()) {
        throw new IllegalArgumentException("a batch holds at most " + capabilities.maxBatchSize() + " records; was given "
            + records.size());
      }
      call("batch upsert of " + records.size() + " records", context);
      List<BatchResult.Item> items = new ArrayList<>();
      for (int i = 0; i < records.size(); i++) {
        R record = records.get(i);
        int index = i;
        // One key per item, so that the system does not take item 2 for a repeat of item 1.
        String key = context.idempotencyKey().map(k -> k + "#" + index).orElse(null);
        WriteResult result = written("upsert of " + record.id(), () -> system.upsert(key, stored(record), config.clock().instant()));
        items.add(new BatchResult.Written(i, result));
      }
      return new BatchResult(items);
    }

    @Override
    public WriteResult create(CallContext context, R record) {
      require(Operation.CREATE);
      String what = "create of " + record.id();
      call(what, context);
      String key = capabilities.idempotentCreate() ? context.idempotencyKey().orElse(null) : null;
      return written(what, () -> system.create(key, stored(record), config.clock().instant()));
    }

    @Override
    public boolean delete(CallContext context, String externalId) {
      require(Operation.DELETE);
      call("delete of " + externalId, context);
      return system.delete(externalId, config.clock().instant());
    }

    @Override
    public Page<RemoteRecord<R>> readAll(CallContext context, PageRequest page) {
      require(Operation.BULK_READ);
      long after = 0;
      if (page.token().isPresent()) {
        Matcher m = TOKEN.matcher(page.token().orElseThrow());
        if (!m.matches()) {
          throw new IllegalArgumentException("page token " + page.token().orElseThrow() + " was not made by this connector");
        }
        after = Long.parseLong(m.group(1));
      }
      call("bulk read after " + after, context);
      List<RemoteRecord<R>> items = new ArrayList<>();
      long last = after;
      for (ReferenceSystem.Stored<R> s : system.listAfter(after, page.size())) {
        items.add(remote(s));
        last = s.seq();
      }
      return new Page<>(items, system.anyAfter(last) ? "after-" + last : null);
    }

    private void require(Operation op) {
      if (!capabilities.supports(entityType, op)) {
        throw new CapabilityMissingException(systemId(), entityType, op);
      }
    }

    @Override
    public String toString() {
      return "ReferenceConnector.Operations[" + systemId() + ", " + entityType + "]";
    }
  }

  /** What the system's write endpoint answers, mapped. */
  private interface WriteCall {
    ReferenceSystem.Written run();
  }

  private WriteResult written(String what, WriteCall call) {
    try {
      ReferenceSystem.Written w = call.run();
      return new WriteResult(w.externalId(), w.created(), w.version());
    } catch (ReferenceSystem.KeyReused e) {
      throw new RejectedByTargetException(systemId(), what, List.of(new TargetMessage("idempotency_key_in_use", null, e.getMessage())));
    }
  }

  /**
   * Does what every request does: authenticates with the API key, sends the idempotency key, and
   * turns an error answer into the failure of its kind.
   */
  private void call(String what, CallContext context) {
    Answer next;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the connector of system " + systemId() + " is closed");
      }
      next = answer;
      answer = null;
    }
    if (context.expired(config.clock())) {
      throw new TransientFailureException(systemId(), what + " was not sent: its deadline " + context.deadline() + " had passed");
    }
    boolean authenticated = config.credentials().secret(API_KEY).reveal(key -> key.length > 0);
    if (!authenticated) {
      throw new IllegalStateException("empty API key");
    }
    context.idempotencyKey().ifPresent(system::received);
    if (next != null) {
      List<TargetMessage> messages = next.status() == 422
          ? List.of(new TargetMessage("FIELD_INVALID", "legal_name", "the simulated system refused the record"))
          : List.of();
      throw HttpFailures.classify(systemId(), what, next.status(), header(next.headers(), "Retry-After"), messages, config.clock());
    }
  }

  private static @Nullable String header(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The record as the system stores it: without a reference to itself, which it adds on the way out. */
  private R stored(R record) {
    List<ExternalRef> others = new ArrayList<>();
    for (ExternalRef ref : record.meta().externalRefs()) {
      if (!ref.system().equals(systemId())) {
        others.add(ref);
      }
    }
    return RecordCopies.withExternalRefs(record, others);
  }

  private RemoteRecord<R> remote(ReferenceSystem.Stored<R> s) {
    List<ExternalRef> refs = new ArrayList<>(s.record().meta().externalRefs());
    refs.add(new ExternalRef(systemId(), s.externalId(), null));
    return new RemoteRecord<>(s.externalId(), RecordCopies.withExternalRefs(s.record(), refs), s.version(), s.modifiedAt());
  }

  private Envelope envelope(ReferenceSystem.Change<R> change) {
    ReferenceSystem.Stored<R> stored = change.stored();
    Envelope.Builder b = Envelope.builder()
        .id("chg-" + change.seq())
        .sourceSystem(systemId())
        .type(stored == null ? ChangeTypes.deleted(entityType) : ChangeTypes.changed(entityType))
        .subject(change.externalId())
        .time(change.at())
        .entityVersion(change.version());
    if (stored != null) {
      R record = remote(stored).record();
      b.data(JSON.readTree(JSON.writeBytes(record))).dataSchema(SchemaRef.of(entityType, record.meta().schemaVersion()));
    }
    return b.build();
  }

  private static EntityType typeOf(Class<?> recordType) {
    for (EntityType t : EntityType.values()) {
      if (t.recordType() == recordType) {
        return t;
      }
    }
    throw new IllegalArgumentException(recordType + " is not a canonical record class");
  }
}
