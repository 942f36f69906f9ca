// What other rooms may read of an order: the execution layer owns order state (one record per
// order, keyed by the matcher's orderId, with its ClOrdID chain) and updates it from matcher
// events; the gateway reads it to validate cancels/replaces and ClOrdID uniqueness. Quantities and
// prices are the matcher's integer units (see src/config/instrument-config.ts).
import type { OrdType, Side, TimeInForce } from '../matcher/types';

export interface OrderView {
  /** The matcher's order id: the sequence number of the command that accepted the order. */
  readonly orderId: number;
  readonly session: string;
  readonly firm: string;
  /** The latest ClOrdID (11) of the chain: the NewOrderSingle's, then each accepted replace's. */
  readonly clOrdId: string;
  readonly symbolId: number;
  readonly side: Side;
  readonly ordType: OrdType;
  readonly tif: TimeInForce;
  /** Limit price in price units; 0 for market and stop orders. */
  readonly price: number;
  readonly stopPx: number;
  readonly qty: number;
  readonly cumQty: number;
  readonly leavesQty: number;
  /** Filled, cancelled, expired or rejected: nothing more can happen to it. */
  readonly done: boolean;
}

export interface OrderLookup {
  /** The order whose chain holds `clOrdId` (current or any earlier ClOrdID) for this session. */
  byClOrdId(session: string, clOrdId: string): OrderView | undefined;
  /** Whether this session already used `clOrdId` in the current trading day (duplicate → 103=6). */
  clOrdIdUsed(session: string, clOrdId: string): boolean;
}
