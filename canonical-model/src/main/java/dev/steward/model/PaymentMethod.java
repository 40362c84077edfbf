package dev.steward.model;

/** How a customer paid. */
public enum PaymentMethod {
  /** A credit transfer, such as SEPA, ACH or a wire. */
  BANK_TRANSFER,
  /** A card payment through a payment processor. */
  CARD,
  /** A direct debit the firm collected under a mandate. */
  DIRECT_DEBIT,
  /** A cheque. */
  CHECK,
  /** Any other means, such as a netting agreement. */
  OTHER
}
