package dev.steward.core.audit;

import dev.steward.core.store.AuditStore;
import dev.steward.core.store.UnreadableAuditEntryException;
import dev.steward.model.CanonicalJson;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The append-only, hash-chained audit log: who did what, when, to which entity and attributes,
 * under which correlation id and policy version. Each entry carries the hash of the one before
 * it, so {@link #verify()} finds any entry altered, removed or reordered since it was written.
 *
 * <p>Obtain one with {@link #of(AuditStore, Clock)}. Thread-safe when its store is.
 */
public final class AuditLog {
  /** The previous hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int PAGE = 1_000;

  private final AuditStore store;
  private final Clock clock;
  private final CanonicalJson json = CanonicalJson.ofDefaults();

  private AuditLog(AuditStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Returns the log kept in {@code store}, stamping entries with {@code clock}'s time. */
  public static AuditLog of(AuditStore store, Clock clock) {
    return new AuditLog(Objects.requireNonNull(store, "store"), Objects.requireNonNull(clock, "clock"));
  }

  /** Appends {@code event} and returns its entry. */
  public AuditRecord append(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    return store.append(last -> {
      long sequence = last.map(r -> r.sequence() + 1).orElse(1L);
      String previous = last.map(AuditRecord::hash).orElse(GENESIS);
      AuditRecord unsigned = new AuditRecord(sequence, clock.instant(), event, previous, GENESIS);
      return new AuditRecord(sequence, unsigned.at(), event, previous, hash(unsigned));
    });
  }

  /** Returns the entries matching {@code query}, oldest first. */
  public List<AuditRecord> find(AuditQuery query) {
    return store.query(Objects.requireNonNull(query, "query"));
  }

  /**
   * Verifies the log as {@link #verify()} does, and also that it still reaches {@code anchor}: an
   * entry the host recorded outside the store earlier (its sequence and hash, kept in a separate
   * system or printed to a log). The chain alone cannot show that its newest entries were
   * deleted; an anchor can.
   */
  public AuditVerification verify(AuditRecord anchor) {
    Objects.requireNonNull(anchor, "anchor");
    AuditVerification chain = verify();
    List<AuditRecord> at;
    try {
      at = store.read(anchor.sequence(), 1);
    } catch (UnreadableAuditEntryException e) {
      return chain; // the chain already names the anchor's entry (or an earlier one) as altered
    }
    if (!at.isEmpty() && at.get(0).sequence() == anchor.sequence() && at.get(0).hash().equals(anchor.hash())) {
      return chain;
    }
    List<AuditVerification.Break> breaks = new ArrayList<>(chain.breaks());
    breaks.add(new AuditVerification.Break(anchor.sequence(), AuditVerification.Kind.REMOVED,
        at.isEmpty() || at.get(0).sequence() != anchor.sequence()
            ? "entry " + anchor.sequence() + ", recorded outside the log, is no longer in it: the newest entries were removed"
            : "entry " + anchor.sequence() + " is not the entry recorded outside the log: the log was rewritten"));
    return new AuditVerification(chain.checked(), breaks);
  }

  /**
   * Reads the whole log and checks its chain: sequences from 1 without gaps, each entry's hash
   * over its content, each entry's link to the one before. Removing the newest entries leaves a
   * shorter chain that is still whole; {@link #verify(AuditRecord)} with an anchor kept outside
   * the store finds that too. A row changed so that it no longer makes an entry at all is
   * reported as altered, and the entries after it are still checked.
   */
  public AuditVerification verify() {
    Chain chain = new Chain();
    long from = 1;
    while (true) {
      List<AuditRecord> page;
      try {
        page = store.read(from, PAGE);
      } catch (UnreadableAuditEntryException e) {
        // Read one entry at a time up to the unreadable one, which is reported as altered; the
        // chain goes on after it.
        from = chain.readSingly(from, e.sequence());
        continue;
      }
      for (AuditRecord r : page) {
        chain.check(r);
        from = Math.max(from, r.sequence() + 1);
      }
      if (page.size() < PAGE) {
        return new AuditVerification(chain.checked, chain.breaks);
      }
    }
  }

  /** The state of one verification pass: what comes next, and what was found. */
  private final class Chain {
    final List<AuditVerification.Break> breaks = new ArrayList<>();
    long expected = 1;
    String previousHash = GENESIS;
    boolean linkKnown = true;
    long checked;

    void check(AuditRecord r) {
      checked++;
      boolean inOrder = r.sequence() == expected;
      if (!inOrder) {
        breaks.add(new AuditVerification.Break(r.sequence(), r.sequence() > expected
            ? AuditVerification.Kind.REMOVED : AuditVerification.Kind.REORDERED,
            r.sequence() > expected
                ? "entries " + expected + " to " + (r.sequence() - 1) + " are missing before entry " + r.sequence()
                : "entry " + r.sequence() + " is stored after entry " + (expected - 1)));
      }
      if (!hash(r).equals(r.hash())) {
        breaks.add(new AuditVerification.Break(r.sequence(), AuditVerification.Kind.ALTERED,
            "entry " + r.sequence() + " does not match its hash: its content was changed after it was written"));
      } else if (inOrder && linkKnown && !r.previousHash().equals(previousHash)) { // a gap explains a broken link
        breaks.add(new AuditVerification.Break(r.sequence(), AuditVerification.Kind.RELINKED,
            "entry " + r.sequence() + " does not link to the entry stored before it"));
      }
      expected = r.sequence() + 1;
      previousHash = r.hash();
      linkKnown = true;
    }

    /** Checks the entries from {@code from} one by one until past {@code unreadable}; returns where to go on. */
    long readSingly(long from, long unreadable) {
      long at = from;
      while (at <= unreadable) {
        List<AuditRecord> one;
        try {
          one = store.read(at, 1);
        } catch (UnreadableAuditEntryException e) {
          checked++;
          if (e.sequence() > expected) {
            breaks.add(new AuditVerification.Break(e.sequence(), AuditVerification.Kind.REMOVED,
                "entries " + expected + " to " + (e.sequence() - 1) + " are missing before entry " + e.sequence()));
          }
          breaks.add(new AuditVerification.Break(e.sequence(), AuditVerification.Kind.ALTERED,
              "entry " + e.sequence() + " cannot be read back: its row was changed outside Steward"));
          expected = e.sequence() + 1;
          linkKnown = false;
          return e.sequence() + 1;
        }
        if (one.isEmpty()) {
          return at;
        }
        check(one.get(0));
        at = one.get(0).sequence() + 1;
      }
      return at;
    }
  }

  /** The hash of an entry: SHA-256 over the RFC 8785 JSON of everything but the hash itself. */
  private String hash(AuditRecord r) {
    AuditEvent e = r.event();
    ObjectNode node = NODES.objectNode();
    node.put("sequence", r.sequence());
    node.put("at", r.at().toString());
    node.put("actor", e.actor().toString());
    node.put("action", e.action());
    node.put("entity", e.entity());
    e.attributes().forEach(node.putArray("attributes")::add);
    node.put("before", e.before() == null ? null : e.before().toString());
    node.put("after", e.after() == null ? null : e.after().toString());
    node.put("correlationId", e.correlationId());
    node.put("policyVersion", e.policyVersion());
    ObjectNode details = node.putObject("details");
    for (Map.Entry<String, String> d : new TreeMap<>(e.details()).entrySet()) {
      details.put(d.getKey(), d.getValue());
    }
    node.put("previousHash", r.previousHash());
    return json.fingerprint(node).hex();
  }
}
