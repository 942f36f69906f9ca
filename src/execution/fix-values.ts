// The FIX 4.4 enumerations the execution layer writes (values identical in FIX 5.0SP2). Kept as
// one-character strings for CHAR fields so report objects read as FIX in tests and logs; the writer
// turns them into bytes.

/** ExecType (150). */
export const ExecType = {
  New: '0',
  Cancelled: '4',
  Replaced: '5',
  Rejected: '8',
  Expired: 'C',
  Restated: 'D',
  Trade: 'F',
  OrderStatus: 'I',
  /** "Triggered or Activated by System": a stop order whose stop price was reached. */
  Triggered: 'L',
} as const;
export type ExecType = (typeof ExecType)[keyof typeof ExecType];

/** OrdStatus (39). Pending states are not used: the matcher answers within the command's batch. */
export const OrdStatus = {
  New: '0',
  PartiallyFilled: '1',
  Filled: '2',
  Cancelled: '4',
  Rejected: '8',
  Expired: 'C',
} as const;
export type OrdStatus = (typeof OrdStatus)[keyof typeof OrdStatus];

/**
 * ExecRestatementReason (378; the brief's "539" is NoNestedPartyIDs). A self-trade-prevention
 * decrement is the venue declining part of the order's quantity, which FIX 4.4 names
 * 5 = "Partial decline of OrderQty (e.g. exchange initiated partial cancel)".
 */
export const ExecRestatementReason = { PartialDeclineOfOrderQty: 5 } as const;

/** CxlRejResponseTo (434). */
export const CxlRejResponseTo = { Cancel: '1', Replace: '2' } as const;
export type CxlRejResponseTo = (typeof CxlRejResponseTo)[keyof typeof CxlRejResponseTo];

/** CxlRejReason (102), FIX 4.4 values. */
export const CxlRejReason = {
  TooLateToCancel: 0,
  UnknownOrder: 1,
  BrokerOption: 2,
  AlreadyPending: 3,
  DuplicateClOrdId: 6,
  Other: 99,
} as const;
export type CxlRejReason = (typeof CxlRejReason)[keyof typeof CxlRejReason];

/** OrdRejReason (103), FIX 4.4 values. */
export const OrdRejReason = {
  BrokerOption: 0,
  UnknownSymbol: 1,
  ExchangeClosed: 2,
  OrderExceedsLimit: 3,
  TooLateToEnter: 4,
  UnknownOrder: 5,
  DuplicateOrder: 6,
  UnsupportedOrderCharacteristic: 11,
  IncorrectQuantity: 13,
  Other: 99,
} as const;
export type OrdRejReason = (typeof OrdRejReason)[keyof typeof OrdRejReason];
