// The one place where the matcher's reason codes become FIX reasons. Every RejectReason maps to
// an OrdRejReason (103) for refused orders and a CxlRejReason (102) for refused cancels/replaces,
// every CancelReason to the Text (58) of its ExecutionReport. The tables are typed as total over
// the code unions, and test/execution/reason-catalogue.test.ts walks types.ts's values at run time,
// so a new matcher code does not build or pass without its FIX mapping.
//
// FIX 4.4 has no OrdRejReason for a bad price (5.0's 18 "Invalid price increment" is not in 4.4's
// dictionary), so price problems are 99 "Other" and the Text says which check failed.
import { CancelReason, RejectReason } from '../matcher/types';
import { CxlRejReason, OrdRejReason } from './fix-values';

export interface RejectMapping {
  /** OrdRejReason (103) on the ExecutionReport 150=8 of a refused order. */
  readonly ordRejReason: OrdRejReason;
  /** CxlRejReason (102) on the OrderCancelReject of a refused cancel or replace. */
  readonly cxlRejReason: CxlRejReason;
  readonly text: string;
}

const R = RejectReason;
const O = OrdRejReason;
const C = CxlRejReason;

export const REJECT_REASONS = {
  [R.UnknownSymbol]: { ordRejReason: O.UnknownSymbol, cxlRejReason: C.Other, text: 'Unknown symbol' },
  [R.InvalidQuantity]: { ordRejReason: O.IncorrectQuantity, cxlRejReason: C.Other, text: 'Invalid quantity' },
  [R.OffTickGrid]: { ordRejReason: O.Other, cxlRejReason: C.Other, text: 'Price not a multiple of the tick size' },
  [R.OffLotGrid]: { ordRejReason: O.IncorrectQuantity, cxlRejReason: C.Other, text: 'Quantity not a multiple of the lot size' },
  [R.PriceOutOfRange]: { ordRejReason: O.Other, cxlRejReason: C.Other, text: 'Price outside the instrument price range' },
  [R.UnknownOrder]: { ordRejReason: O.UnknownOrder, cxlRejReason: C.UnknownOrder, text: 'Unknown order' },
  [R.DuplicateOrderId]: { ordRejReason: O.DuplicateOrder, cxlRejReason: C.Other, text: 'Duplicate order id' },
  [R.SymbolHalted]: { ordRejReason: O.ExchangeClosed, cxlRejReason: C.BrokerOption, text: 'Trading halted' },
  [R.SymbolClosed]: { ordRejReason: O.ExchangeClosed, cxlRejReason: C.BrokerOption, text: 'Market closed' },
  [R.PostOnlyWouldCross]: { ordRejReason: O.Other, cxlRejReason: C.Other, text: 'Post-only order would cross' },
  [R.InvalidOrderType]: { ordRejReason: O.UnsupportedOrderCharacteristic, cxlRejReason: C.Other, text: 'Unsupported side, order type, time in force or STP mode' },
  [R.InvalidCombination]: { ordRejReason: O.UnsupportedOrderCharacteristic, cxlRejReason: C.Other, text: 'Unsupported combination of order attributes' },
  [R.InvalidStopPrice]: { ordRejReason: O.Other, cxlRejReason: C.Other, text: 'Stop price already reached by the last trade' },
  [R.ExpiredOnArrival]: { ordRejReason: O.TooLateToEnter, cxlRejReason: C.Other, text: 'ExpireTime already passed' },
  [R.ReplaceBelowFilled]: { ordRejReason: O.IncorrectQuantity, cxlRejReason: C.Other, text: 'New quantity not above the filled quantity' },
  [R.DuplicateSymbol]: { ordRejReason: O.BrokerOption, cxlRejReason: C.Other, text: 'Symbol already listed' },
  [R.InvalidSymbolConfig]: { ordRejReason: O.BrokerOption, cxlRejReason: C.Other, text: 'Invalid symbol configuration' },
  [R.SequenceNotIncreasing]: { ordRejReason: O.BrokerOption, cxlRejReason: C.Other, text: 'Internal error: command sequence not increasing' },
  [R.TimestampWentBack]: { ordRejReason: O.BrokerOption, cxlRejReason: C.Other, text: 'Internal error: command timestamp went back' },
  [R.InvalidDisplayQty]: { ordRejReason: O.IncorrectQuantity, cxlRejReason: C.Other, text: 'Invalid display quantity' },
  [R.UnknownCommand]: { ordRejReason: O.BrokerOption, cxlRejReason: C.Other, text: 'Internal error: unknown command' },
  [R.InvalidPrice]: { ordRejReason: O.Other, cxlRejReason: C.Other, text: 'Missing or invalid price' },
  [R.InvalidOrderId]: { ordRejReason: O.BrokerOption, cxlRejReason: C.Other, text: 'Internal error: invalid order id' },
  [R.InvalidScope]: { ordRejReason: O.BrokerOption, cxlRejReason: C.Other, text: 'Invalid mass cancel scope' },
} as const satisfies Record<RejectReason, RejectMapping>;

const X = CancelReason;

/** Text (58) of the ExecutionReport 150=4 for each way the matcher ends an order early. */
export const CANCEL_TEXTS = {
  [X.User]: 'Cancelled on request',
  [X.IocRemainder]: 'Unfilled remainder of an immediate order cancelled',
  [X.SelfTrade]: 'Cancelled by self-trade prevention',
  [X.MassCancel]: 'Cancelled by mass cancel',
  [X.FokUnfilled]: 'Fill-or-kill order could not be filled in full',
  [X.MinQtyUnmet]: 'Minimum quantity not available',
  [X.ProtectionBand]: 'Market order stopped at its price protection band',
} as const satisfies Record<CancelReason, string>;

/** Text of a 150=D restatement after a self-trade-prevention decrement. */
export const STP_DECREMENT_TEXT = 'Quantity reduced by self-trade prevention';
/** Texts of Expired reports, by what ended the order. */
export const EXPIRED_DAY_TEXT = 'Day order expired at end of day';
export const EXPIRED_GTD_TEXT = 'Order expired at its ExpireTime';
/** Text of a mass cancel the operator's kill switch sent (the matcher sees only a MassCancel). */
export const KILL_SWITCH_TEXT = 'Cancelled by kill switch';
/** Text of a mass cancel sent because the session logged out with cancel-on-disconnect. */
export const CANCEL_ON_LOGOUT_TEXT = 'Cancelled on logout';

export function rejectMapping(reason: RejectReason): RejectMapping {
  return REJECT_REASONS[reason];
}

export function cancelText(reason: CancelReason): string {
  return CANCEL_TEXTS[reason];
}
