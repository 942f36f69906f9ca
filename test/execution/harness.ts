// Drives the execution layer the way the gateway will: register what is about to be sequenced,
// stamp seq/ts, run the command through a real matcher (the reference book unless told), and apply
// the events it returns. Sessions and firms are names here; the matcher sees numbers.
import {
  CommandType,
  OrdType,
  StpMode,
  TimeInForce,
  TradingState,
  type Command,
  type Matcher,
  type MassCancelScope,
  type MatcherEvent,
  type Side,
} from '../../src/matcher/types';
import {
  CxlRejResponseTo,
  ExecutionEngine,
  MassCancelOrigin,
  OrderStore,
  StatusReporter,
  checkChangeRequest,
  type Outbound,
  type ExecutionReport,
  type OrderCancelReject,
} from '../../src/execution';
import { ReferenceMatcher } from '../support/reference-book';

export const SYM = 1;
/** priceDecimals 2, qtyDecimals 0: price 1001 is 10.01. */
export const INSTRUMENT = { symbol: 'ACME', priceDecimals: 2, qtyDecimals: 0 } as const;

export interface OrderSpec {
  session: string;
  clOrdId: string;
  side: Side;
  qty: number;
  price?: number;
  stopPx?: number;
  ordType?: OrdType;
  tif?: TimeInForce;
  stpMode?: StpMode;
  stpId?: number;
  expireTime?: number;
  account?: string;
}

export class Harness {
  readonly store = new OrderStore();
  readonly engine = new ExecutionEngine(this.store);
  readonly status = new StatusReporter(this.engine);
  /** Every event the matcher gave, as it gave them (for replay tests). */
  readonly events: MatcherEvent[] = [];
  readonly timestamps = new Map<number, number>();
  private seq = 0;
  // Microseconds since the epoch, as the sequencer stamps them (1970-01-12T13:46:40.000123Z);
  // each command adds 1 us.
  private ts = 1_000_000_000_123;
  private readonly sessionIds = new Map<string, number>();
  private readonly firms = new Map<string, string>();

  constructor(readonly matcher: Matcher = new ReferenceMatcher()) {
    this.run({ type: CommandType.AddSymbol, symbolId: SYM, tickSize: 1, lotSize: 1, minPrice: 1, maxPrice: 100_000, marketBand: 10_000, state: TradingState.Open });
  }

  /** `session` belongs to `firm` (default: a firm named after the session). */
  session(session: string, firm: string): this {
    this.firms.set(session, firm);
    return this;
  }

  /** Timestamp (microseconds) of the following commands. */
  at(ts: number): this {
    this.ts = ts;
    return this;
  }

  private sessionId(session: string): number {
    let id = this.sessionIds.get(session);
    if (id === undefined) this.sessionIds.set(session, (id = this.sessionIds.size + 1));
    return id;
  }

  private run(cmd: Record<string, unknown>): Outbound[] {
    const seq = ++this.seq;
    this.ts += 1;
    const command = { ...cmd, seq, ts: this.ts } as Command;
    this.timestamps.set(seq, this.ts);
    const events = this.matcher.process([command]);
    this.events.push(...events);
    return this.engine.apply(events, (s) => this.timestamps.get(s) ?? 0);
  }

  nextSeq(): number {
    return this.seq + 1;
  }

  newOrder(spec: OrderSpec): Outbound[] {
    const orderId = this.nextSeq();
    const ordType = spec.ordType ?? OrdType.Limit;
    const tif = spec.tif ?? TimeInForce.Day;
    const firm = this.firms.get(spec.session) ?? spec.session;
    this.store.expectNew({
      orderId,
      session: spec.session,
      firm,
      clOrdId: spec.clOrdId,
      symbolId: SYM,
      side: spec.side,
      ordType,
      tif,
      price: spec.price ?? 0,
      stopPx: spec.stopPx ?? 0,
      qty: spec.qty,
      ...(spec.account === undefined ? {} : { account: spec.account }),
    });
    return this.run({
      type: CommandType.NewOrder,
      orderId,
      symbolId: SYM,
      side: spec.side,
      ordType,
      tif,
      flags: 0,
      stpMode: spec.stpMode ?? StpMode.None,
      price: spec.price ?? 0,
      stopPx: spec.stopPx ?? 0,
      qty: spec.qty,
      minQty: 0,
      displayQty: 0,
      expireTime: spec.expireTime ?? 0,
      sessionId: this.sessionId(spec.session),
      firmId: 1,
      stpId: spec.stpId ?? 0,
    });
  }

  cancel(session: string, clOrdId: string, origClOrdId: string): Outbound[] {
    const check = checkChangeRequest(this.store, { session, clOrdId, origClOrdId, responseTo: CxlRejResponseTo.Cancel });
    if (!check.ok) return [{ kind: 'cancelReject', session, reject: check.reject }];
    const seq = this.nextSeq();
    this.store.expectCancel({ seq, orderId: check.order.orderId, clOrdId, origClOrdId });
    return this.run({ type: CommandType.Cancel, orderId: check.order.orderId });
  }

  replace(session: string, clOrdId: string, origClOrdId: string, price: number, qty: number, stopPx = 0): Outbound[] {
    const check = checkChangeRequest(this.store, { session, clOrdId, origClOrdId, responseTo: CxlRejResponseTo.Replace });
    if (!check.ok) return [{ kind: 'cancelReject', session, reject: check.reject }];
    const seq = this.nextSeq();
    this.store.expectReplace({ seq, orderId: check.order.orderId, clOrdId, origClOrdId, price, stopPx, qty });
    return this.run({ type: CommandType.Replace, orderId: check.order.orderId, price, stopPx, qty });
  }

  /** A raw Cancel command for an order id (bypassing the gateway checks), with its request registered. */
  cancelById(orderId: number, clOrdId: string, origClOrdId: string): Outbound[] {
    this.store.expectCancel({ seq: this.nextSeq(), orderId, clOrdId, origClOrdId });
    return this.run({ type: CommandType.Cancel, orderId });
  }

  massCancel(scope: MassCancelScope, key: number, origin: MassCancelOrigin = MassCancelOrigin.Request): Outbound[] {
    this.store.expectMassCancel({ seq: this.nextSeq(), origin });
    return this.run({ type: CommandType.MassCancel, scope, key });
  }

  endOfDay(): Outbound[] {
    return this.run({ type: CommandType.EndOfDay, symbolId: 0 });
  }

  halt(): Outbound[] {
    return this.run({ type: CommandType.SetTradingState, symbolId: SYM, state: TradingState.Halted });
  }

  timeTick(ts: number): Outbound[] {
    this.ts = ts - 1;
    return this.run({ type: CommandType.TimeTick });
  }

  matcherSessionId(session: string): number {
    return this.sessionId(session);
  }
}

export function reports(out: readonly Outbound[]): ExecutionReport[] {
  return out.flatMap((o) => (o.kind === 'report' ? [o.report] : []));
}

export function rejects(out: readonly Outbound[]): OrderCancelReject[] {
  return out.flatMap((o) => (o.kind === 'cancelReject' ? [o.reject] : []));
}

/** [session, ExecType, OrdStatus, ClOrdID, OrderQty, CumQty, LeavesQty] per report: compact assertions. */
export function summary(out: readonly Outbound[]): Array<[string, string, string, string, number, number, number]> {
  return out.flatMap((o) =>
    o.kind === 'report' ? [[o.session, o.report.execType, o.report.ordStatus, o.report.clOrdId, o.report.orderQty, o.report.cumQty, o.report.leavesQty] as [string, string, string, string, number, number, number]] : [],
  );
}

/** The invariant of every report: CumQty + LeavesQty = OrderQty while live; LeavesQty = 0 when done. */
export function quantitiesHold(r: ExecutionReport): boolean {
  const done = r.ordStatus === '2' || r.ordStatus === '4' || r.ordStatus === 'C' || r.ordStatus === '8';
  return done ? r.leavesQty === 0 && r.cumQty <= r.orderQty : r.cumQty + r.leavesQty === r.orderQty;
}
