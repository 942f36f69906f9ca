// Matcher events → ExecutionReports and OrderCancelRejects, each addressed to the session that owns
// the order (both sides of a trade may belong to different sessions: each gets its report). The
// engine owns the OrderStore's records: it is the only writer of fills, leaves and statuses.
//
// Per report, whatever the event: CumQty + LeavesQty = OrderQty while the order lives; once done
// LeavesQty = 0 and OrderQty - CumQty is what was cancelled or expired. ExecIDs follow exec-id.ts.
import { CancelReason, CommandType, EventType, RejectReason, TimeInForce } from '../matcher/types';
import type {
  CancelledEvent,
  ExpiredEvent,
  MatcherEvent,
  ReducedEvent,
  RejectedEvent,
  ReplacedEvent,
  TradeEvent,
} from '../matcher/types';
import { averagePrice } from './avg-px';
import { execIdOf } from './exec-id';
import { CxlRejReason, CxlRejResponseTo, ExecRestatementReason, ExecType, OrdStatus } from './fix-values';
import { MassCancelOrigin, type OrderRecord, type OrderStore } from './order-state';
import {
  CANCEL_ON_LOGOUT_TEXT,
  EXPIRED_DAY_TEXT,
  EXPIRED_GTD_TEXT,
  KILL_SWITCH_TEXT,
  STP_DECREMENT_TEXT,
  cancelText,
  rejectMapping,
} from './reason-catalogue';
import type { ExecutionReport, Outbound } from './reports';

export const TRIGGERED_TEXT = 'Stop price reached: order triggered';
export const TOO_LATE_TEXT = 'Order already done (filled, cancelled or expired)';

type ReportFields = Partial<Omit<ExecutionReport, 'execType' | 'ordStatus' | 'execId'>>;

export class ExecutionEngine {
  private seq = 0;
  private ts = 0;
  /** Reports already given ExecIDs for `seq`. */
  private index = 0;
  private out: Outbound[] = [];

  constructor(readonly store: OrderStore) {}

  /** Seq of the last command whose events were applied (status ExecIDs build on it). */
  get lastSeq(): number {
    return this.seq;
  }

  /**
   * Applies events in the matcher's order (one or several commands' worth) and returns what to
   * send, in order. `timestampOf(seq)` is the sequencer's timestamp (microseconds) of command `seq`.
   */
  apply(events: readonly MatcherEvent[], timestampOf: (seq: number) => number): Outbound[] {
    const out: Outbound[] = [];
    this.out = out;
    for (const e of events) {
      if (e.seq !== this.seq) this.startSeq(e.seq, timestampOf(e.seq));
      this.applyOne(e);
    }
    this.store.settle(this.seq);
    return out;
  }

  private startSeq(seq: number, ts: number): void {
    this.store.settle(this.seq);
    this.seq = seq;
    this.ts = ts;
    this.index = 0;
  }

  private applyOne(e: MatcherEvent): void {
    switch (e.type) {
      case EventType.Accepted: {
        const o = this.store.get(e.orderId);
        if (o === undefined) return;
        o.accepted = true;
        this.report(o, ExecType.New, OrdStatus.New);
        return;
      }
      case EventType.Rejected:
        return this.onRejected(e);
      case EventType.Trade:
        return this.onTrade(e);
      case EventType.Cancelled:
        return this.onCancelled(e);
      case EventType.Reduced:
        return this.onReduced(e);
      case EventType.Replaced:
        return this.onReplaced(e);
      case EventType.Triggered: {
        const o = this.store.get(e.orderId);
        if (o !== undefined) this.report(o, ExecType.Triggered, o.liveStatus(), { text: TRIGGERED_TEXT });
        return;
      }
      case EventType.Expired:
        return this.onExpired(e);
      default:
        // SymbolAdded, TradingStateChanged, MassCancelDone: nothing for an order's owner (the
        // mass cancel's own answer, OrderMassCancelReport, is the gateway's).
        return;
    }
  }

  private onRejected(e: RejectedEvent): void {
    const mapping = rejectMapping(e.reason);
    if (e.commandType === CommandType.NewOrder) {
      const o = this.store.get(e.orderId);
      if (o === undefined || o.accepted) return;
      o.finish(OrdStatus.Rejected);
      this.report(o, ExecType.Rejected, OrdStatus.Rejected, { ordRejReason: mapping.ordRejReason, text: mapping.text });
      return;
    }
    if (e.commandType !== CommandType.Cancel && e.commandType !== CommandType.Replace) return;
    const req = this.store.pendingFor(e.seq);
    if (req === undefined || req.kind === 'massCancel') return;
    const o = this.store.get(e.orderId);
    // The matcher says "unknown" for an order that has ended; to the broker that is "too late".
    const tooLate = o !== undefined && o.done && e.reason === RejectReason.UnknownOrder;
    this.out.push({
      kind: 'cancelReject',
      session: req.session,
      reject: {
        orderId: o?.orderId,
        clOrdId: req.clOrdId,
        origClOrdId: req.origClOrdId,
        ordStatus: o === undefined ? OrdStatus.Rejected : o.done ? o.ordStatus : o.liveStatus(),
        cxlRejResponseTo: req.kind === 'cancel' ? CxlRejResponseTo.Cancel : CxlRejResponseTo.Replace,
        cxlRejReason: tooLate ? CxlRejReason.TooLateToCancel : mapping.cxlRejReason,
        text: tooLate ? TOO_LATE_TEXT : mapping.text,
        ...(o?.account === undefined ? {} : { account: o.account }),
        transactTimeUs: this.ts,
      },
    });
  }

  private onTrade(e: TradeEvent): void {
    this.fill(e.aggressorOrderId, e.price, e.qty, e.aggressorLeaves);
    this.fill(e.restingOrderId, e.price, e.qty, e.restingLeaves);
  }

  private fill(orderId: number, price: number, qty: number, leaves: number): void {
    const o = this.store.get(orderId);
    if (o === undefined) return;
    o.cumQty += qty;
    o.leavesQty = leaves;
    o.notional += BigInt(price) * BigInt(qty);
    if (leaves === 0) o.finish(OrdStatus.Filled);
    else o.ordStatus = OrdStatus.PartiallyFilled;
    this.report(o, ExecType.Trade, o.ordStatus, { lastPx: price, lastQty: qty });
  }

  private onCancelled(e: CancelledEvent): void {
    const o = this.store.get(e.orderId);
    if (o === undefined) return;
    const req = this.store.pendingFor(e.seq);
    let text: string = cancelText(e.reason);
    let origClOrdId: string | undefined;
    if (e.reason === CancelReason.User && req?.kind === 'cancel' && req.orderId === o.orderId) {
      // The cancel's ClOrdID answers it and joins the chain, so a status request by it finds the order.
      origClOrdId = o.clOrdId;
      this.store.extendChain(o, req.clOrdId);
    } else if (e.reason === CancelReason.MassCancel && req?.kind === 'massCancel') {
      if (req.origin === MassCancelOrigin.KillSwitch) text = KILL_SWITCH_TEXT;
      else if (req.origin === MassCancelOrigin.Logout) text = CANCEL_ON_LOGOUT_TEXT;
    }
    o.finish(OrdStatus.Cancelled);
    this.report(o, ExecType.Cancelled, OrdStatus.Cancelled, origClOrdId === undefined ? { text } : { text, origClOrdId });
  }

  private onReduced(e: ReducedEvent): void {
    const o = this.store.get(e.orderId);
    if (o === undefined) return;
    o.qty -= e.reducedBy;
    o.leavesQty = e.leaves;
    this.report(o, ExecType.Restated, o.liveStatus(), {
      execRestatementReason: ExecRestatementReason.PartialDeclineOfOrderQty,
      text: STP_DECREMENT_TEXT,
    });
  }

  private onReplaced(e: ReplacedEvent): void {
    const o = this.store.get(e.orderId);
    if (o === undefined) return;
    const req = this.store.pendingFor(e.seq);
    const orig = o.clOrdId;
    o.price = e.price;
    o.stopPx = e.stopPx;
    o.qty = e.qty;
    o.leavesQty = e.leaves;
    if (req?.kind === 'replace' && req.orderId === o.orderId) this.store.extendChain(o, req.clOrdId);
    this.report(o, ExecType.Replaced, o.liveStatus(), { origClOrdId: orig });
  }

  private onExpired(e: ExpiredEvent): void {
    const o = this.store.get(e.orderId);
    if (o === undefined) return;
    o.finish(OrdStatus.Expired);
    this.report(o, ExecType.Expired, OrdStatus.Expired, { text: o.tif === TimeInForce.GTD ? EXPIRED_GTD_TEXT : EXPIRED_DAY_TEXT });
  }

  private report(o: OrderRecord, execType: ExecType, ordStatus: OrdStatus, fields: ReportFields = {}): void {
    o.lastTransactUs = this.ts;
    const report = orderReport(o, execType, ordStatus, execIdOf(this.seq, this.index++), this.ts, fields);
    this.out.push({ kind: 'report', session: o.session, firm: o.firm, report });
  }
}

/** A report of the order's current state; also used for status answers (150=I). */
export function orderReport(
  o: OrderRecord,
  execType: ExecType,
  ordStatus: OrdStatus,
  execId: string,
  transactTimeUs: number,
  fields: ReportFields = {},
): ExecutionReport {
  return {
    orderId: o.orderId,
    clOrdId: o.clOrdId,
    execId,
    execType,
    ordStatus,
    ...(o.account === undefined ? {} : { account: o.account }),
    symbolId: o.symbolId,
    side: o.side,
    ordType: o.ordType,
    tif: o.tif,
    price: o.price,
    stopPx: o.stopPx,
    orderQty: o.qty,
    cumQty: o.cumQty,
    leavesQty: o.leavesQty,
    avgPx: averagePrice(o.notional, o.cumQty),
    transactTimeUs,
    ...fields,
  };
}
