// The one catalogue of reasons the gateway refuses an application message. Each refusal has a
// stable numeric code (1xx: normalization, 2xx: order state, 3xx: pre-trade risk), a stable
// GW_REJ_* name for logs and docs, and the FIX reason it becomes in every answer that can carry
// it: OrdRejReason (103) in an ExecutionReport 150=8, CxlRejReason (102) in an OrderCancelReject
// (9), BusinessRejectReason (380) in a BusinessMessageReject (j) and MassCancelRejectReason (532)
// in an OrderMassCancelReport (r, 531=0). Which answer a refusal becomes depends on the message
// refused (see answerFor); docs/order-entry.md lists the same table and a test keeps them in step.

export const RefusalCode = {
  RequiredFieldMissing: 101,
  MalformedField: 102,
  UnsupportedValue: 103,
  InvalidCombination: 104,
  UnknownSymbol: 105,
  SymbolHalted: 106,
  SymbolClosed: 107,
  InvalidQuantity: 108,
  OffLotGrid: 109,
  InvalidPrice: 110,
  OffTickGrid: 111,
  PriceOutOfRange: 112,
  InvalidMinQty: 113,
  InvalidDisplayQty: 114,
  UnsupportedMessage: 115,
  DuplicateClOrdId: 201,
  UnknownOrder: 202,
  TooLateToCancel: 203,
  ReplaceMismatch: 204,
  ReplaceBelowFilled: 205,
  RiskMaxOrderQty: 301,
  RiskMaxOrderNotional: 302,
  RiskPriceCollar: 303,
  RiskMaxOpenOrders: 304,
  RiskCreditLimit: 305,
  RiskMaxDailyOrders: 306,
  SessionKillSwitch: 307,
  FirmKillSwitch: 308,
} as const;
export type RefusalCode = (typeof RefusalCode)[keyof typeof RefusalCode];

export interface RefusalSpec {
  readonly name: string;
  /** OrdRejReason (103). */
  readonly ordRejReason: number;
  /** CxlRejReason (102). */
  readonly cxlRejReason: number;
  /** BusinessRejectReason (380). */
  readonly businessRejectReason: number;
  /** MassCancelRejectReason (532). */
  readonly massCancelRejectReason: number;
  /** The start of Text (58); a refusal may append a detail after ": ". */
  readonly text: string;
}

// FIX values used below. 103: 0 exchange option, 1 unknown symbol, 2 exchange closed, 3 exceeds
// limit, 5 unknown order, 6 duplicate order, 11 unsupported order characteristic, 13 incorrect
// quantity, 16 price exceeds current price band, 18 invalid price increment, 99 other.
// 102: 0 too late to cancel, 1 unknown order, 2 exchange option, 6 duplicate ClOrdID, 8 price
// exceeds current price band, 18 invalid price increment, 99 other. 380: 0 other, 1 unknown ID,
// 2 unknown security, 3 unsupported message type, 5 conditionally required field missing.
// 532: 0 not supported, 1 unknown security, 99 other.
const spec = (name: string, ord: number, cxl: number, biz: number, mass: number, text: string): RefusalSpec =>
  Object.freeze({ name, ordRejReason: ord, cxlRejReason: cxl, businessRejectReason: biz, massCancelRejectReason: mass, text });

export const REFUSALS: Readonly<Record<RefusalCode, RefusalSpec>> = Object.freeze({
  [RefusalCode.RequiredFieldMissing]: spec('GW_REJ_REQUIRED_FIELD_MISSING', 99, 99, 5, 99, 'Required field missing'),
  [RefusalCode.MalformedField]: spec('GW_REJ_MALFORMED_FIELD', 99, 99, 0, 99, 'Field value is not valid'),
  [RefusalCode.UnsupportedValue]: spec('GW_REJ_UNSUPPORTED_VALUE', 11, 99, 0, 0, 'Value not supported by the venue'),
  [RefusalCode.InvalidCombination]: spec('GW_REJ_INVALID_COMBINATION', 11, 99, 0, 99, 'Unsupported combination of order attributes'),
  [RefusalCode.UnknownSymbol]: spec('GW_REJ_UNKNOWN_SYMBOL', 1, 99, 2, 1, 'Unknown symbol'),
  [RefusalCode.SymbolHalted]: spec('GW_REJ_SYMBOL_HALTED', 2, 99, 0, 99, 'Trading in the symbol is halted'),
  [RefusalCode.SymbolClosed]: spec('GW_REJ_SYMBOL_CLOSED', 2, 99, 0, 99, 'The symbol is closed'),
  [RefusalCode.InvalidQuantity]: spec('GW_REJ_INVALID_QUANTITY', 13, 99, 0, 99, 'Invalid quantity'),
  [RefusalCode.OffLotGrid]: spec('GW_REJ_OFF_LOT_GRID', 13, 99, 0, 99, 'Quantity is not a multiple of the lot size'),
  [RefusalCode.InvalidPrice]: spec('GW_REJ_INVALID_PRICE', 99, 99, 0, 99, 'Invalid price'),
  [RefusalCode.OffTickGrid]: spec('GW_REJ_OFF_TICK_GRID', 18, 18, 0, 99, 'Price is not a multiple of the tick size'),
  [RefusalCode.PriceOutOfRange]: spec('GW_REJ_PRICE_OUT_OF_RANGE', 16, 8, 0, 99, 'Price outside the instrument range'),
  [RefusalCode.InvalidMinQty]: spec('GW_REJ_INVALID_MIN_QTY', 13, 99, 0, 99, 'Invalid MinQty'),
  [RefusalCode.InvalidDisplayQty]: spec('GW_REJ_INVALID_DISPLAY_QTY', 13, 99, 0, 99, 'Invalid MaxFloor'),
  [RefusalCode.UnsupportedMessage]: spec('GW_REJ_UNSUPPORTED_MESSAGE', 99, 99, 3, 0, 'Unsupported message type'),
  [RefusalCode.DuplicateClOrdId]: spec('GW_REJ_DUPLICATE_CLORDID', 6, 6, 0, 99, 'Duplicate ClOrdID'),
  [RefusalCode.UnknownOrder]: spec('GW_REJ_UNKNOWN_ORDER', 5, 1, 1, 99, 'Unknown order'),
  [RefusalCode.TooLateToCancel]: spec('GW_REJ_TOO_LATE', 5, 0, 0, 99, 'Order already done'),
  [RefusalCode.ReplaceMismatch]: spec('GW_REJ_REPLACE_MISMATCH', 99, 99, 0, 99, 'Field differs from the original order'),
  [RefusalCode.ReplaceBelowFilled]: spec('GW_REJ_REPLACE_BELOW_FILLED', 13, 99, 0, 99, 'OrderQty not above the filled quantity'),
  [RefusalCode.RiskMaxOrderQty]: spec('GW_REJ_RISK_MAX_ORDER_QTY', 3, 99, 0, 99, 'Order quantity exceeds the session limit'),
  [RefusalCode.RiskMaxOrderNotional]: spec('GW_REJ_RISK_MAX_ORDER_NOTIONAL', 3, 99, 0, 99, 'Order notional exceeds the session limit'),
  [RefusalCode.RiskPriceCollar]: spec('GW_REJ_RISK_PRICE_COLLAR', 16, 8, 0, 99, 'Price outside the price collar'),
  [RefusalCode.RiskMaxOpenOrders]: spec('GW_REJ_RISK_MAX_OPEN_ORDERS', 3, 99, 0, 99, 'Too many open orders for the session'),
  [RefusalCode.RiskCreditLimit]: spec('GW_REJ_RISK_CREDIT_LIMIT', 3, 99, 0, 99, 'Firm credit limit exceeded'),
  [RefusalCode.RiskMaxDailyOrders]: spec('GW_REJ_RISK_MAX_DAILY_ORDERS', 3, 99, 0, 99, 'Daily order count limit reached'),
  [RefusalCode.SessionKillSwitch]: spec('GW_REJ_SESSION_KILL_SWITCH', 0, 2, 0, 99, 'Session kill switch engaged: new orders refused'),
  [RefusalCode.FirmKillSwitch]: spec('GW_REJ_FIRM_KILL_SWITCH', 0, 2, 0, 99, 'Firm kill switch engaged: new orders refused'),
});

/** Which message answers a refusal. */
export const AnswerKind = {
  /** ExecutionReport 150=8, 39=8, with OrdRejReason (103). */
  ExecutionReportReject: 1,
  /** OrderCancelReject (9) with CxlRejReason (102) and CxlRejResponseTo (434). */
  OrderCancelReject: 2,
  /** BusinessMessageReject (j) with BusinessRejectReason (380). */
  BusinessMessageReject: 3,
  /** OrderMassCancelReport (r) with MassCancelResponse 531=0 and MassCancelRejectReason (532). */
  MassCancelReject: 4,
} as const;
export type AnswerKind = (typeof AnswerKind)[keyof typeof AnswerKind];

/** CxlRejResponseTo (434). */
export const CxlRejResponseTo = { Cancel: 1, Replace: 2 } as const;

/** A refusal as data: everything the answer needs, and nothing encoded yet. */
export interface Refusal {
  readonly code: RefusalCode;
  readonly answer: AnswerKind;
  /** MsgType (35) of the refused message, as text ("D", "G", ...): RefMsgType (372) of a j. */
  readonly refMsgType: string;
  /** The FIX reason for `answer`: 103, 102, 380 or 532 according to `answer`. */
  readonly reason: number;
  /** 434 for an OrderCancelReject, else 0. */
  readonly cxlRejResponseTo: number;
  /** Text (58). */
  readonly text: string;
  /** The tag at fault, 0 when none (RefTagID 371 where the answer carries one). */
  readonly refTagId: number;
  /** ClOrdID (11) of the refused message ('' when it had none). */
  readonly clOrdId: string;
  /** OrigClOrdID (41) of a cancel or replace ('' otherwise). */
  readonly origClOrdId: string;
  /** The matcher's id of the order a cancel/replace named, 0 when unknown (answer OrderID 37 "NONE"). */
  readonly orderId: number;
  /** The business id to echo: MassStatusReqID (584), or ClOrdID; BusinessRejectRefID (379) of a j. */
  readonly refId: string;
}

export function answerFor(msgType: string): AnswerKind {
  switch (msgType) {
    case 'D':
      return AnswerKind.ExecutionReportReject;
    case 'F':
    case 'G':
      return AnswerKind.OrderCancelReject;
    case 'q':
      return AnswerKind.MassCancelReject;
    default:
      return AnswerKind.BusinessMessageReject;
  }
}

export function reasonFor(code: RefusalCode, answer: AnswerKind): number {
  const s = REFUSALS[code];
  switch (answer) {
    case AnswerKind.ExecutionReportReject:
      return s.ordRejReason;
    case AnswerKind.OrderCancelReject:
      return s.cxlRejReason;
    case AnswerKind.MassCancelReject:
      return s.massCancelRejectReason;
    default:
      return s.businessRejectReason;
  }
}

export interface RefusalSubject {
  readonly msgType: string;
  readonly clOrdId?: string;
  readonly origClOrdId?: string;
  readonly orderId?: number;
  readonly refId?: string;
}

/** Builds the refusal of `subject` for `code`; `detail` follows the catalogue text after ": ". */
export function refuse(code: RefusalCode, subject: RefusalSubject, detail = '', refTagId = 0): Refusal {
  const answer = answerFor(subject.msgType);
  const base = REFUSALS[code].text;
  return {
    code,
    answer,
    refMsgType: subject.msgType,
    reason: reasonFor(code, answer),
    cxlRejResponseTo: subject.msgType === 'F' ? CxlRejResponseTo.Cancel : subject.msgType === 'G' ? CxlRejResponseTo.Replace : 0,
    text: detail === '' ? base : `${base}: ${detail}`,
    refTagId,
    clOrdId: subject.clOrdId ?? '',
    origClOrdId: subject.origClOrdId ?? '',
    orderId: subject.orderId ?? 0,
    refId: subject.refId ?? subject.clOrdId ?? '',
  };
}
