package dev.steward.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the audit log: its place in the log, when it was written, the event, and the
 * hash chain — the hash of the entry before it and its own hash over all of this, so that
 * altering, removing or reordering any entry shows.
 *
 * @param sequence the entry's place in the log, from 1, without gaps
 * @param at when the entry was appended
 * @param event what happened
 * @param previousHash the hash of the entry before ({@link AuditLog#GENESIS} for the first)
 * @param hash this entry's hash, SHA-256 over the canonical JSON of the other fields
 */
public record AuditRecord(long sequence, Instant at, AuditEvent event, String previousHash, String hash) {
  /** Checks the parts. */
  public AuditRecord {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence starts at 1; was " + sequence);
    }
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
  }
}
