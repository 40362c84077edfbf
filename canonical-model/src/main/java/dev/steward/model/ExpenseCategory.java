package dev.steward.model;

/** What kind of cost an expense is, which selects its GL account and tax treatment. */
public enum ExpenseCategory {
  /** Flights, trains, car hire, mileage, taxis. */
  TRAVEL,
  /** Hotels and other accommodation. */
  LODGING,
  /** Meals and per diems. */
  MEALS,
  /** Materials, equipment and software bought for the project. */
  MATERIALS,
  /** Work bought from a subcontractor for the project. */
  SUBCONTRACT,
  /** Anything else. */
  OTHER
}
