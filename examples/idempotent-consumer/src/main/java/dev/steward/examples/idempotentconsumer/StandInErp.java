package dev.steward.examples.idempotentconsumer;

import dev.steward.spi.CallContext;
import dev.steward.spi.TransientFailureException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stand-in for the ERP's invoice posting API: it books every call it gets as a new document,
 * as an API without idempotency keys would, so that a consumer which calls it twice for one
 * invoice posts the invoice twice. It answers 503 once for the invoices it is told to.
 */
final class StandInErp {
  /** A posted document, what the consumer records as the outcome of a key. */
  record Posting(String documentNumber, String invoiceId, BigDecimal amount, String currency) {}

  /** One call the ERP received, with the idempotency key and headers it carried. */
  record Call(String invoiceId, String idempotencyKey, Map<String, String> headers) {}

  private final Set<String> unavailableOnceFor;
  private final List<Call> calls = new ArrayList<>();
  private int documents;

  StandInErp(Set<String> unavailableOnceFor) {
    this.unavailableOnceFor = new HashSet<>(unavailableOnceFor);
  }

  /**
   * Posts an invoice as a new document.
   *
   * @throws TransientFailureException the first time for an invoice it was told to refuse once
   */
  Posting post(String invoiceId, BigDecimal amount, String currency, CallContext call) {
    calls.add(new Call(invoiceId, call.idempotencyKey().orElse(""), call.headers()));
    if (unavailableOnceFor.remove(invoiceId)) {
      throw new TransientFailureException("erp", "503 Service Unavailable: posting is paused for the period close");
    }
    documents++;
    return new Posting("JE-2026-" + String.format("%05d", documents), invoiceId, amount, currency);
  }

  /** The calls received so far, oldest first. */
  List<Call> calls() {
    return List.copyOf(calls);
  }
}
