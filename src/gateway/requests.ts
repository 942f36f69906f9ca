// The typed requests the gateway makes of inbound FIX application messages: every price and
// quantity already in the instrument's integer units (src/config/instrument-config.ts), every enum
// in the matcher's values (src/matcher/types.ts), ready to become matcher commands once the
// sequencer stamps them. A request names its session and firm by name (for the order state and
// the risk engine) and by number (for the matcher).
import type { MassCancelScope, OrdType, Side, StpMode, TimeInForce } from '../matcher/types';
import type { Refusal } from './refusals';

export const RequestKind = {
  NewOrder: 1,
  Cancel: 2,
  Replace: 3,
  OrderStatus: 4,
  MassCancel: 5,
  MassStatus: 6,
} as const;
export type RequestKind = (typeof RequestKind)[keyof typeof RequestKind];

/** One Parties (453) instance, passed through unchanged. */
export interface Party {
  readonly id: string;
  readonly source: string;
  readonly role: number;
}

interface RequestBase {
  readonly session: string;
  readonly sessionId: number;
  readonly firm: string;
  readonly firmId: number;
}

/** What NewOrderSingle (D) and the new terms of OrderCancelReplaceRequest (G) share. */
export interface OrderTerms {
  readonly clOrdId: string;
  readonly symbol: string;
  readonly symbolId: number;
  readonly side: Side;
  readonly ordType: OrdType;
  readonly tif: TimeInForce;
  /** OrderFlag bits (PostOnly from ExecInst 18=6). */
  readonly flags: number;
  /** Price units; 0 for Market and Stop. */
  readonly price: number;
  /** Price units; 0 for Limit and Market. */
  readonly stopPx: number;
  /** Quantity units. */
  readonly qty: number;
  /** 0 = none. */
  readonly minQty: number;
  /** MaxFloor (111); 0 = fully displayed. */
  readonly displayQty: number;
  /**
   * ExpireTime (126) of a GTD order in microseconds since the epoch (the matcher's unit), rounded
   * up so the order never expires before the time the broker gave; 0 otherwise.
   */
  readonly expireTimeUs: number;
  readonly account: string;
  readonly parties: readonly Party[];
}

export interface NewOrderRequest extends RequestBase, OrderTerms {
  readonly kind: typeof RequestKind.NewOrder;
  readonly stpMode: StpMode;
  /** The firm's id: orders of one firm never trade with each other unless stpMode is None. */
  readonly stpId: number;
}

export interface CancelRequest extends RequestBase {
  readonly kind: typeof RequestKind.Cancel;
  readonly clOrdId: string;
  readonly origClOrdId: string;
  /** The matcher's id of the order to cancel. */
  readonly orderId: number;
  readonly symbolId: number;
  readonly side: Side;
}

export interface ReplaceRequest extends RequestBase, OrderTerms {
  readonly kind: typeof RequestKind.Replace;
  readonly origClOrdId: string;
  readonly orderId: number;
}

export interface OrderStatusRequest extends RequestBase {
  readonly kind: typeof RequestKind.OrderStatus;
  readonly clOrdId: string;
  /** OrdStatusReqID (790), '' when absent. */
  readonly statusReqId: string;
  /** 0 when the ClOrdID names no order of this session: the answer is an ER with 39=8 "unknown order". */
  readonly orderId: number;
  readonly symbolId: number;
  readonly side: Side;
}

/** MassCancelRequestType (530) values the venue supports. */
export const MassCancelRequestType = { Symbol: 1, All: 7 } as const;
export type MassCancelRequestType = (typeof MassCancelRequestType)[keyof typeof MassCancelRequestType];

export interface MassCancelRequest extends RequestBase {
  readonly kind: typeof RequestKind.MassCancel;
  readonly clOrdId: string;
  readonly requestType: MassCancelRequestType;
  /** 0 for type 7. */
  readonly symbolId: number;
  readonly symbol: string;
  /**
   * The matcher command's scope: always the requesting session's firm (a broker cancels its own
   * firm's orders, never the venue's). A type-1 request additionally narrows to `symbolId`: the
   * matcher has no firm-and-symbol scope, so the execution layer turns it into one Cancel per
   * working order of the firm in that symbol (it owns the order list).
   */
  readonly scope: typeof MassCancelScope.Firm;
  readonly key: number;
}

/** MassStatusReqType (585) values the venue supports. */
export const MassStatusReqType = { Symbol: 1, All: 7 } as const;
export type MassStatusReqType = (typeof MassStatusReqType)[keyof typeof MassStatusReqType];

export interface MassStatusRequest extends RequestBase {
  readonly kind: typeof RequestKind.MassStatus;
  readonly massStatusReqId: string;
  readonly requestType: MassStatusReqType;
  /** 0 for type 7. */
  readonly symbolId: number;
}

export type GatewayRequest =
  | NewOrderRequest
  | CancelRequest
  | ReplaceRequest
  | OrderStatusRequest
  | MassCancelRequest
  | MassStatusRequest;

export type Normalized<R extends GatewayRequest = GatewayRequest> =
  | { readonly ok: true; readonly request: R }
  | { readonly ok: false; readonly refusal: Refusal };
