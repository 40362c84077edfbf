package dev.steward.testkit.tck;

import dev.steward.model.CanonicalEntity;
import dev.steward.model.CanonicalId;
import dev.steward.model.EntityType;
import dev.steward.model.Envelope;
import dev.steward.model.ExternalRef;
import dev.steward.spi.BatchResult;
import dev.steward.spi.CallContext;
import dev.steward.spi.ChangeCursor;
import dev.steward.spi.ChangePage;
import dev.steward.spi.ChangeTypes;
import dev.steward.spi.ConnectorCapabilities;
import dev.steward.spi.ConnectorConfig;
import dev.steward.spi.ConnectorException;
import dev.steward.spi.EntityOperations;
import dev.steward.spi.Operation;
import dev.steward.spi.Page;
import dev.steward.spi.PageRequest;
import dev.steward.spi.PermanentFailureException;
import dev.steward.spi.RateLimitedException;
import dev.steward.spi.RemoteRecord;
import dev.steward.spi.SystemConnector;
import dev.steward.spi.TransientFailureException;
import dev.steward.spi.WriteResult;
import dev.steward.testkit.tck.CustomerKit.Breakage;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deliberately broken connectors: each changes exactly one behaviour of the reference connector,
 * the way a real connector gets it wrong, so that the TCK rule guarding that behaviour can be
 * shown to fail. <b>Every connector made here is wrong.</b>
 */
final class BrokenConnectors {
  private BrokenConnectors() {}

  // ---------------------------------------------------------------- declarations

  /** Reports a system id of its own instead of the configured one. */
  static Breakage reportsItsOwnSystemId() {
    return (reference, config) -> new ForwardingConnector(reference) {
      @Override
      public String systemId() {
        return "reference";
      }
    };
  }

  /** Declares a larger batch size on every call, as if it read the capabilities from the last answer. */
  static Breakage changesCapabilitiesBetweenCalls() {
    AtomicInteger calls = new AtomicInteger(1);
    return (reference, config) -> new ForwardingConnector(reference) {
      @Override
      public ConnectorCapabilities capabilities() {
        return ConnectorCapabilities.builder()
            .entity(EntityType.CUSTOMER, Operation.READ, Operation.UPSERT)
            .maxBatchSize(calls.incrementAndGet())
            .build();
      }
    };
  }

  /** Declares no DELETE but deletes anyway: the declaration and the code have drifted apart. */
  static Breakage deletesWithoutDeclaringIt() {
    return (reference, config) -> new ForwardingConnector(reference) {
      @Override
      public ConnectorCapabilities capabilities() {
        return ConnectorCapabilities.builder()
            .entity(EntityType.CUSTOMER, Operation.READ, Operation.UPSERT, Operation.CREATE, Operation.CHANGE_FEED,
                Operation.BULK_READ)
            .idempotentCreate(true)
            .maxBatchSize(3)
            .build();
      }
    };
  }

  /** Hands out operations for any record class, which fail only when called. */
  static Breakage servesUndeclaredEntityTypes() {
    return (reference, config) -> new ForwardingConnector(reference) {
      @Override
      public <T extends CanonicalEntity> EntityOperations<T> operations(Class<T> recordType) {
        if (recordType != dev.steward.model.Customer.class) {
          return new EntityOperations<T>() {
            @Override
            public String systemId() {
              return config.systemId();
            }

            @Override
            public EntityType entityType() {
              return EntityType.PROJECT;
            }
          };
        }
        return super.operations(recordType);
      }
    };
  }

  // ---------------------------------------------------------------- reads and writes

  /** Sends a repeated idempotency key as a new create, making a second record. */
  static Breakage recreatesOnRepeatedIdempotencyKey() {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    return operations(ops -> new ForwardingConnector.ForwardingOperations<>(ops) {
      @Override
      public WriteResult upsert(CallContext context, CanonicalEntity record) {
        Optional<String> key = context.idempotencyKey();
        if (key.isPresent() && !seen.add(key.orElseThrow())) {
          return delegate.create(withoutKey(context), record);
        }
        return delegate.upsert(context, record);
      }
    });
  }

  /** Reports the version it was given back as the version after an update: the version never moves. */
  static Breakage keepsTheFirstVersion() {
    return operations(ops -> new ForwardingConnector.ForwardingOperations<>(ops) {
      @Override
      public WriteResult upsert(CallContext context, CanonicalEntity record) {
        WriteResult r = delegate.upsert(context, record);
        return new WriteResult(r.externalId(), r.created(), 1);
      }
    });
  }

  /** Maps the display name from the legal name on the way back. */
  static Breakage readsTheDisplayNameFromTheLegalName() {
    return operations(ops -> new ForwardingConnector.ForwardingOperations<>(ops) {
      @Override
      public Optional<RemoteRecord<CanonicalEntity>> read(CallContext context, String externalId) {
        return delegate.read(context, externalId).map(r -> {
          ObjectNode tree = RecordCopies.tree(r.record());
          tree.put("displayName", tree.get("legalName").asString());
          CanonicalEntity changed = dev.steward.model.CanonicalJson.ofDefaults().fromTree(tree, r.record().getClass());
          return new RemoteRecord<>(r.externalId(), changed, r.version(), r.modifiedAt());
        });
      }
    });
  }

  /** Does not store the canonical id where find can search for it: find finds nothing. */
  static Breakage findsNothing() {
    return operations(ops -> new ForwardingConnector.ForwardingOperations<>(ops) {
      @Override
      public Optional<RemoteRecord<CanonicalEntity>> find(CallContext context, CanonicalId id) {
        return Optional.empty();
      }
    });
  }

  /** Reports "no match" of find as a failure. */
  static Breakage failsToFindTheUnknown() {
    return operations(ops -> new ForwardingConnector.ForwardingOperations<>(ops) {
      @Override
      public Optional<RemoteRecord<CanonicalEntity>> find(CallContext context, CanonicalId id) {
        return delegate.find(context, id).or(() -> {
          throw new PermanentFailureException(delegate.systemId(), "find of " + id + " was answered HTTP 404");
        });
      }
    });
  }

  /** Reports a 404 on read as a failure. */
  static Breakage failsToReadTheUnknown() {
    return operations(ops -> new ForwardingConnector.ForwardingOperations<>(ops) {
      @Override
      public Optional<RemoteRecord<CanonicalEntity>> read(CallContext context, String externalId) {
        return delegate.read(context, externalId).or(() -> {
          throw new PermanentFailureException(delegate.systemId(), "read of " + externalId + " was answered HTTP 404");
        });
      }
    });
  }

  /** Creates without the idempotency key, though it declares idempotent create. */
  static Breakage createsWithoutTheKey() {
    return operations(ops -> new ForwardingConnector.ForwardingOperations<>(ops) {
      @Override
      public WriteResult create(CallContext context, CanonicalEntity record) {
        return delegate.create(withoutKey(context), record);
      }
    });
  }

  /** Says it deleted without deleting anything. */
  static Breakage deletesNothing() {
    return operations(ops -> new ForwardingConnector.ForwardingOperations<>(ops) {
      @Override
      public boolean delete(CallContext context, String externalId) {
        return true;
      }
    });
  }

  /** Upserts without the idempotency key. */
  static Breakage dropsTheIdempotencyKey() {
    return operations(ops -> new ForwardingConnector.ForwardingOperations<>(ops) {
      @Override
      public WriteResult upsert(CallContext context, CanonicalEntity record) {
        return delegate.upsert(withoutKey(context), record);
      }
    });
  }

  // ---------------------------------------------------------------- batches and bulk reads

  /** Answers a batch in the order the system finished the records, not the order given. */
  static Breakage reordersBatchResults() {
    return operations(ops -> new ForwardingConnector.ForwardingOperations<>(ops) {
      @Override
      public BatchResult upsertAll(CallContext context, List<CanonicalEntity> records) {
        List<BatchResult.Item> items = delegate.upsertAll(context, records).items();
        List<BatchResult.Item> swapped = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
          int from = items.size() > 1 && i < 2 ? 1 - i : i;
          swapped.add(new BatchResult.Written(i, ((BatchResult.Written) items.get(from)).result()));
        }
        return new BatchResult(swapped);
      }
    });
  }

  /** Splits an oversized batch instead of refusing it. */
  static Breakage acceptsOversizedBatches() {
    return operations(ops -> new ForwardingConnector.ForwardingOperations<>(ops) {
      @Override
      public BatchResult upsertAll(CallContext context, List<CanonicalEntity> records) {
        List<BatchResult.Item> items = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
          items.add(new BatchResult.Written(i, delegate.upsert(context.withIdempotencyKey("split-" + i + "-"
              + context.idempotencyKey().orElse("none")), records.get(i))));
        }
        return new BatchResult(items);
      }
    });
  }

  /** Returns every record on the first page, whatever size was asked for. */
  static Breakage ignoresThePageSize() {
    return operations(ops -> new ForwardingConnector.ForwardingOperations<>(ops) {
      @Override
      public Page<RemoteRecord<CanonicalEntity>> readAll(CallContext context, PageRequest page) {
        return delegate.readAll(context, PageRequest.first(PageRequest.MAX_PAGE_SIZE));
      }
    });
  }

  // ---------------------------------------------------------------- the change feed

  /** Returns each page of changes newest first. */
  static Breakage reversesChangePages() {
    return feed((delegate, context, after, limit) -> {
      ChangePage page = delegate.changes(context, after, limit);
      List<Envelope> reversed = new ArrayList<>(page.changes());
      Collections.reverse(reversed);
      return new ChangePage(reversed, page.next(), page.more());
    });
  }

  /** Drops the last change of a page that has more after it, but moves the cursor past it. */
  static Breakage skipsTheLastChangeOfAFullPage() {
    return feed((delegate, context, after, limit) -> {
      ChangePage page = delegate.changes(context, after, limit);
      if (!page.more() || page.changes().isEmpty()) {
        return page;
      }
      return new ChangePage(page.changes().subList(0, page.changes().size() - 1), page.next(), true);
    });
  }

  /** Points the next cursor before the page's last change, so that it comes again. */
  static Breakage repeatsTheLastChangeOfAPage() {
    return feed((delegate, context, after, limit) -> {
      ChangePage page = delegate.changes(context, after, limit);
      if (page.changes().size() < 2) {
        return page;
      }
      ChangeCursor beforeLast = delegate.changes(context, after, page.changes().size() - 1).next();
      return new ChangePage(page.changes(), beforeLast, true);
    });
  }

  /** Acknowledges what it delivered, as a queue would: a second poll from the same cursor gets nothing. */
  static Breakage consumesChangesWhenPolled() {
    Set<String> delivered = ConcurrentHashMap.newKeySet();
    return feed((delegate, context, after, limit) -> {
      ChangePage page = delegate.changes(context, after, limit);
      List<Envelope> fresh = new ArrayList<>();
      for (Envelope e : page.changes()) {
        if (delivered.add(e.id())) {
          fresh.add(e);
        }
      }
      return new ChangePage(fresh, page.next(), page.more());
    });
  }

  /** Gives every change the source {@code /reference}, not {@code /systems/<id>}. */
  static Breakage namesTheWrongSource() {
    return mappingEnvelopes(e -> new Envelope(e.id(), URI.create("/reference"), e.type(), e.subject(), e.time(),
        e.dataContentType(), e.dataSchema(), e.data(), e.correlationId(), e.causationId(), e.traceparent(), e.tracestate(),
        e.idempotencyKey(), e.entityVersion(), e.extensions()));
  }

  /** Gives every change entity version 1. */
  static Breakage stampsEveryChangeVersionOne() {
    return mappingEnvelopes(e -> new Envelope(e.id(), e.source(), e.type(), e.subject(), e.time(), e.dataContentType(),
        e.dataSchema(), e.data(), e.correlationId(), e.causationId(), e.traceparent(), e.tracestate(), e.idempotencyKey(), 1L,
        e.extensions()));
  }

  /** Reports a deletion as a change. */
  static Breakage reportsDeletionsAsChanges() {
    return mappingEnvelopes(e -> ChangeTypes.isDeletion(e.type())
        ? new Envelope(e.id(), e.source(), ChangeTypes.changed(EntityType.CUSTOMER), e.subject(), e.time(), e.dataContentType(),
            e.dataSchema(), e.data(), e.correlationId(), e.causationId(), e.traceparent(), e.tracestate(), e.idempotencyKey(),
            e.entityVersion(), e.extensions())
        : e);
  }

  /** Reads a cursor it cannot parse as the beginning. */
  static Breakage takesForeignCursorsForTheBeginning() {
    return feed((delegate, context, after, limit) -> {
      try {
        return delegate.changes(context, after, limit);
      } catch (IllegalArgumentException e) {
        if (limit < 1) {
          throw e;
        }
        return delegate.changes(context, ChangeCursor.beginning(), limit);
      }
    });
  }

  // ---------------------------------------------------------------- failure classification

  /** Retries everything: reports every failure as transient. */
  static Breakage reportsEveryFailureAsTransient() {
    return mappingFailures(e -> new TransientFailureException(e.systemId(), e.getMessage()));
  }

  /** Gives up on everything: reports every failure as permanent. */
  static Breakage reportsEveryFailureAsPermanent() {
    return mappingFailures(e -> new PermanentFailureException(e.systemId(), e.getMessage()));
  }

  /** Reports a 429 as a plain transient failure. */
  static Breakage reportsRateLimitsAsTransient() {
    return mappingFailures(e -> e instanceof RateLimitedException ? new TransientFailureException(e.systemId(), e.getMessage()) : e);
  }

  /** Drops the delay a 429 asked for. */
  static Breakage losesTheRetryAfter() {
    return mappingFailures(e -> e instanceof RateLimitedException ? new RateLimitedException(e.systemId(), "rate limited", null) : e);
  }

  /** Makes up a delay when the 429 named none. */
  static Breakage inventsARetryAfter() {
    return mappingFailures(e -> e instanceof RateLimitedException r && r.retryAfter().isEmpty()
        ? new RateLimitedException(e.systemId(), "rate limited", Duration.ofSeconds(60))
        : e);
  }

  /** Measures a Retry-After date against the wall clock, not the configured one. */
  static Breakage measuresRetryAfterByTheWallClock() {
    return new Breakage() {
      @Override
      public SystemConnector apply(SystemConnector reference, ConnectorConfig config) {
        return reference;
      }

      @Override
      public ConnectorConfig config(ConnectorConfig given) {
        ConnectorConfig.Builder b = ConnectorConfig.builder(given.systemId()).credentials(given.credentials())
            .clock(Clock.systemUTC());
        given.settings().forEach(b::setting);
        return b.build();
      }
    };
  }

  // ---------------------------------------------------------------- secrets

  /** Prints its API key in {@code toString}, as a connector printing its HTTP client's headers would. */
  static Breakage leaksTheSecretInToString() {
    return (reference, config) -> new ForwardingConnector(reference) {
      @Override
      public String toString() {
        return "Connector{" + systemId() + ", Authorization=Bearer "
            + config.credentials().secret(ReferenceConnector.API_KEY).reveal(String::new) + "}";
      }
    };
  }

  /** Quotes the request, API key and all, in the message of a transient failure. */
  static Breakage leaksTheSecretInAFailureMessage() {
    return (reference, config) -> failuresMappedBy(reference, e -> e instanceof TransientFailureException
        ? new TransientFailureException(e.systemId(), e.getMessage() + "; request: POST /records Authorization: Bearer "
            + config.credentials().secret(ReferenceConnector.API_KEY).reveal(String::new))
        : e);
  }

  /** Attaches the HTTP client's exception, which quotes the API key, as the cause of a 429. */
  static Breakage leaksTheSecretInACause() {
    return (reference, config) -> failuresMappedBy(reference, e -> e instanceof RateLimitedException r
        ? new RateLimitedException(e.systemId(), "rate limited", r.retryAfter().orElse(null), new IOException(
            "429 for request with header x-api-key: " + config.credentials().secret(ReferenceConnector.API_KEY).reveal(String::new)))
        : e);
  }

  /** Puts the API key into the display name of what it reads, as a debugging aid left in. */
  static Breakage writesTheSecretIntoWhatItReads() {
    return (reference, config) -> new ForwardingConnector(reference) {
      @Override
      protected <T extends CanonicalEntity> EntityOperations<T> wrap(EntityOperations<T> operations) {
        return new ForwardingConnector.ForwardingOperations<>(operations) {
          @Override
          public Optional<RemoteRecord<T>> read(CallContext context, String externalId) {
            return delegate.read(context, externalId).map(r -> {
              ObjectNode tree = RecordCopies.tree(r.record());
              String key = config.credentials().secret(ReferenceConnector.API_KEY).reveal(String::new);
              tree.put("displayName", key);
              @SuppressWarnings("unchecked") // the record's own class
              T changed = (T) dev.steward.model.CanonicalJson.ofDefaults().fromTree(tree, r.record().getClass());
              return new RemoteRecord<>(r.externalId(), changed, r.version(), r.modifiedAt());
            });
          }
        };
      }
    };
  }

  // ---------------------------------------------------------------- references

  /** Keeps only its own reference: other systems' references are lost. */
  static Breakage dropsOtherSystemsReferences() {
    UnaryOperator<RemoteRecord<CanonicalEntity>> ownOnly = r -> {
      List<ExternalRef> own = new ArrayList<>();
      for (ExternalRef ref : r.record().meta().externalRefs()) {
        if (ref.id().equals(r.externalId())) {
          own.add(ref);
        }
      }
      return new RemoteRecord<>(r.externalId(), RecordCopies.withExternalRefs(r.record(), own), r.version(), r.modifiedAt());
    };
    return operations(ops -> new ForwardingConnector.ForwardingOperations<>(ops) {
      @Override
      public Optional<RemoteRecord<CanonicalEntity>> read(CallContext context, String externalId) {
        return delegate.read(context, externalId).map(ownOnly);
      }

      @Override
      public Optional<RemoteRecord<CanonicalEntity>> find(CallContext context, CanonicalId id) {
        return delegate.find(context, id).map(ownOnly);
      }
    });
  }

  /** Has no field for extensions: writes them nowhere. */
  static Breakage dropsExtensions() {
    return operations(ops -> new ForwardingConnector.ForwardingOperations<>(ops) {
      @Override
      public WriteResult upsert(CallContext context, CanonicalEntity record) {
        ObjectNode tree = RecordCopies.tree(record);
        tree.remove("extensions");
        return delegate.upsert(context, dev.steward.model.CanonicalJson.ofDefaults().fromTree(tree, record.getClass()));
      }
    });
  }

  // ---------------------------------------------------------------- plumbing

  /** A poll of the change feed, given the connector to forward to. */
  @FunctionalInterface
  private interface Poll {
    ChangePage changes(SystemConnector delegate, CallContext context, ChangeCursor after, int limit);
  }

  private static Breakage feed(Poll poll) {
    return (reference, config) -> new ForwardingConnector(reference) {
      @Override
      public ChangePage changes(CallContext context, ChangeCursor after, int limit) {
        return poll.changes(delegate, context, after, limit);
      }
    };
  }

  private static Breakage mappingEnvelopes(UnaryOperator<Envelope> map) {
    return feed((delegate, context, after, limit) -> {
      ChangePage page = delegate.changes(context, after, limit);
      List<Envelope> mapped = new ArrayList<>();
      for (Envelope e : page.changes()) {
        mapped.add(map.apply(e));
      }
      return new ChangePage(mapped, page.next(), page.more());
    });
  }

  /**
   * Puts every entity's operations through {@code wrap}. The broken operations are written for
   * any record type, as {@code EntityOperations<CanonicalEntity>}.
   */
  @SuppressWarnings({"unchecked", "rawtypes"}) // the wrappers forward records of whatever type they are given
  private static Breakage operations(Function<EntityOperations<CanonicalEntity>, EntityOperations<CanonicalEntity>> wrap) {
    return (reference, config) -> new ForwardingConnector(reference) {
      @Override
      protected <T extends CanonicalEntity> EntityOperations<T> wrap(EntityOperations<T> operations) {
        return (EntityOperations) wrap.apply((EntityOperations) operations);
      }
    };
  }

  private static Breakage mappingFailures(Function<ConnectorException, RuntimeException> map) {
    return (reference, config) -> failuresMappedBy(reference, map);
  }

  /** Returns {@code reference} with every failure of its calls put through {@code map}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static SystemConnector failuresMappedBy(SystemConnector reference, Function<ConnectorException, RuntimeException> map) {
    return new ForwardingConnector(reference) {
      @Override
      public ChangePage changes(CallContext context, ChangeCursor after, int limit) {
        return guard(map, () -> delegate.changes(context, after, limit));
      }

      @Override
      protected <T extends CanonicalEntity> EntityOperations<T> wrap(EntityOperations<T> operations) {
        EntityOperations<CanonicalEntity> ops = (EntityOperations) operations;
        return (EntityOperations) new ForwardingConnector.ForwardingOperations<CanonicalEntity>(ops) {
          @Override
          public Optional<RemoteRecord<CanonicalEntity>> read(CallContext context, String externalId) {
            return guard(map, () -> delegate.read(context, externalId));
          }

          @Override
          public Optional<RemoteRecord<CanonicalEntity>> find(CallContext context, CanonicalId id) {
            return guard(map, () -> delegate.find(context, id));
          }

          @Override
          public WriteResult upsert(CallContext context, CanonicalEntity record) {
            return guard(map, () -> delegate.upsert(context, record));
          }

          @Override
          public WriteResult create(CallContext context, CanonicalEntity record) {
            return guard(map, () -> delegate.create(context, record));
          }

          @Override
          public boolean delete(CallContext context, String externalId) {
            return guard(map, () -> delegate.delete(context, externalId));
          }

          @Override
          public Page<RemoteRecord<CanonicalEntity>> readAll(CallContext context, PageRequest page) {
            return guard(map, () -> delegate.readAll(context, page));
          }
        };
      }
    };
  }

  private static <R> R guard(Function<ConnectorException, RuntimeException> map, Supplier<R> call) {
    try {
      return call.get();
    } catch (ConnectorException e) {
      throw map.apply(e);
    }
  }

  private static CallContext withoutKey(CallContext context) {
    return CallContext.builder(context.deadline()).headers(context.headers()).build();
  }
}
