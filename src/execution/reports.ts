// What the execution layer answers with, as plain typed content: an ExecutionReport (8), an
// OrderCancelReject (9), and where each goes. The writer (report-writer.ts) turns them into FIX;
// keeping content and encoding apart lets tests read reports as objects and lets one report be
// encoded for several sessions (the owner and its firm's drop copies) at their own precisions.
import type { OrdType, Side, TimeInForce } from '../matcher/types';
import type { CxlRejReason, CxlRejResponseTo, ExecType, OrdRejReason, OrdStatus } from './fix-values';

export interface ExecutionReport {
  /** OrderID (37): the matcher's order id; 0 on a status answer for an unknown order ("NONE"). */
  readonly orderId: number;
  readonly clOrdId: string;
  /** OrigClOrdID (41): on the report of an accepted replace or a requested cancel. */
  readonly origClOrdId?: string;
  readonly execId: string;
  readonly execType: ExecType;
  readonly ordStatus: OrdStatus;
  readonly account?: string;
  readonly symbolId: number;
  readonly side: Side;
  /** Absent only on a status answer for an unknown order. */
  readonly ordType?: OrdType;
  readonly tif?: TimeInForce;
  /** In price units; 0 = not sent (market, stop). */
  readonly price: number;
  readonly stopPx: number;
  /** OrderQty (38) after replaces and STP decrements. */
  readonly orderQty: number;
  readonly cumQty: number;
  /** 0 once the order is done; else orderQty - cumQty. */
  readonly leavesQty: number;
  /** AvgPx (6) in 10^-AVG_PX_EXTRA_DECIMALS price units, exact (see avg-px.ts). */
  readonly avgPx: bigint;
  /** On 150=F only. */
  readonly lastPx?: number;
  readonly lastQty?: number;
  readonly ordRejReason?: OrdRejReason;
  readonly execRestatementReason?: number;
  readonly text?: string;
  /** TransactTime (60): the sequencer's timestamp of the causing command, in ns since the epoch. */
  readonly transactTimeUs: number;
  /** Echoed on answers to an OrderStatusRequest (790) or OrderMassStatusRequest (584). */
  readonly ordStatusReqId?: string;
  readonly massStatusReqId?: string;
  readonly totNumReports?: number;
  readonly lastRptRequested?: boolean;
  /** A drop copy: CopyMsgIndicator (797) = Y. */
  readonly copy?: boolean;
}

export interface OrderCancelReject {
  /** OrderID (37); undefined for an order we do not know ("NONE" on the wire, as FIX 4.4 asks). */
  readonly orderId: number | undefined;
  readonly clOrdId: string;
  readonly origClOrdId: string;
  /** The order's status; 8 (Rejected) when the order is unknown. */
  readonly ordStatus: OrdStatus;
  readonly cxlRejResponseTo: CxlRejResponseTo;
  readonly cxlRejReason: CxlRejReason;
  readonly text: string;
  readonly account?: string;
  /** Present when a sequenced command was refused by the matcher; absent for gateway-side refusals. */
  readonly transactTimeUs?: number;
}

/** One message to send, and the session it goes to. */
export type Outbound =
  | { readonly kind: 'report'; readonly session: string; readonly firm: string; readonly report: ExecutionReport }
  | { readonly kind: 'cancelReject'; readonly session: string; readonly reject: OrderCancelReject };
