// The order path of order-entry sessions, both ways:
//
//   inbound  (ApplicationHandler): normalize → risk → register the expectation with the OrderStore
//            → submit to the Sequencer; refusals and status questions are answered here.
//   outbound (onBatch): the batch's events → ExecutionEngine (synchronously, while the event
//            flyweight is valid) → after the batch is durable, reports and cancel rejects to their
//            sessions, copies to the firm's drop-copy sessions, mass-cancel answers.
//
// "Durable before visible": every answer — including a refusal that sequenced nothing — goes out
// behind the batches sequenced before it, so a broker never sees the answer to a later message
// before the (durable) answer to an earlier one.
import type { Instrument } from '../config/instrument-config';
import { ErrorCode, GatewayError } from '../errors';
import { Tag, type FixEncoder, type FixMessage } from '../fix/codec';
import { BusinessRejectReason, writeBusinessMessageReject } from '../fix/session/admin-messages';
import type { ApplicationHandler, SessionHandle } from '../fix/session/session-ports';
import {
  CxlRejResponseTo,
  ExecType,
  MassCancelOrigin,
  OrdStatus,
  checkChangeRequest,
  dropCopies,
  writeExecutionReport,
  writeOrderCancelReject,
  type ExecutionEngine,
  type ExecutionReport,
  type InstrumentUnits,
  type OrderCancelReject,
  type OrdRejReason,
  type CxlRejReason,
  type OrderStore,
  type Outbound,
  type StatusReporter,
  type NewOrderRequest as StoreNewOrder,
} from '../execution';
import type { InstrumentTable } from '../gateway/instrument-table';
import type { OrderEntryNormalizer } from '../gateway/normalizer';
import { AnswerKind, type Refusal } from '../gateway/refusals';
import {
  MassCancelRequestType,
  RequestKind,
  type CancelRequest,
  type MassCancelRequest,
  type NewOrderRequest,
  type ReplaceRequest,
} from '../gateway/requests';
import type { RiskEngine } from '../gateway/risk/risk-engine';
import type { SessionContext } from '../gateway/session-context';
import type { Logger } from '../log';
import { EventType, MassCancelScope, type MatcherEvent, type Side } from '../matcher/types';
import type { SequencedBatch, Sequencer } from '../sequencer/sequencer';
import { cancelAnnotation, massCancelAnnotation, newOrderAnnotation, replaceAnnotation } from './order-annotation';

/** MassCancelResponse (531) 0: the request was rejected. */
const MASS_CANCEL_REJECTED = '0';
const NONE = 'NONE';

export interface OrderEntryOptions {
  readonly sequencer: Pick<Sequencer, 'lastSeq' | 'newOrder' | 'cancel' | 'replace' | 'massCancel'>;
  readonly normalizer: OrderEntryNormalizer;
  readonly risk: RiskEngine;
  readonly store: OrderStore;
  readonly engine: ExecutionEngine;
  readonly status: StatusReporter;
  readonly instruments: InstrumentTable;
  /** By session name. */
  readonly contexts: ReadonlyMap<string, SessionContext>;
  /** A configured session by name, logged on or not (it stores what it cannot send yet). */
  readonly sessionNamed: (name: string) => SessionHandle | undefined;
  /** The drop-copy sessions of a firm. */
  readonly dropSessionsOf: (firm: string) => readonly string[];
  /** True while commands are written but their batch has not been flushed (this turn's). */
  readonly hasUnflushed: () => boolean;
  /** The timestamp (µs) the sequencer gave command `seq` of the batch being consumed. */
  readonly timestampOf: (seq: number) => number;
  /** A batch could not be made durable: nothing it caused may be released; the gateway must stop. */
  readonly onFatal: (err: unknown) => void;
  readonly log: Logger;
}

/** A mass cancel waiting for its batch: answered with r and the number of orders it cancelled. */
interface PendingMassCancel {
  readonly session: string;
  readonly clOrdId: string;
  readonly requestType: MassCancelRequestType;
  readonly symbol: string;
  /** The MassCancel command's seq (type 7), or the seqs of the Cancels it became (type 1). */
  readonly seqs: ReadonlySet<number>;
  count: number;
}

type Send = () => void;

export class OrderEntryApplication implements ApplicationHandler {
  /** Answers given while this turn's batch is unflushed: released with that batch. */
  private deferred: Send[] = [];
  /** The release of everything given so far; each release waits for the one before. */
  private tail: Promise<void> = Promise.resolve();
  private readonly massCancels = new Map<number, PendingMassCancel>();
  /** Counter of gateway-side refusal ExecIDs since the last sequenced seq (see refusalExecId). */
  private refusalSeq = -1;
  private refusalK = 0;
  private failed = false;

  constructor(private readonly o: OrderEntryOptions) {}

  /** Resolves when everything released so far has been handed to the sessions. */
  get released(): Promise<void> {
    return this.tail;
  }

  // ------------------------------------------------------------------ inbound

  onApplicationMessage(session: SessionHandle, msg: FixMessage): void {
    const ctx = this.o.contexts.get(session.name);
    const refSeqNum = msg.getInt(Tag.MsgSeqNum);
    if (ctx === undefined) {
      // Only order-entry sessions of the file are routed here; a context is always there.
      this.o.log.error({ session: session.name }, 'no session context: message dropped');
      return;
    }
    if (this.failed) {
      // The sequencer stopped on a WAL failure: nothing is sequenced any more, but every message
      // still gets an answer until the gateway is down.
      const refMsgType = msg.getString(Tag.MsgType) ?? '';
      const refId = msg.getString(Tag.ClOrdID);
      const reason = BusinessRejectReason.ApplicationNotAvailable;
      this.answer(() => session.sendApplication('j', (enc) => writeBusinessMessageReject(enc, { refSeqNum, refMsgType, businessRejectRefId: refId, reason, text: 'Application not available' })));
      return;
    }
    try {
      this.handle(session, msg, ctx);
    } catch (err) {
      // A submit after a WAL failure throws GW_ERR_SEQUENCER_STOPPED: the message is answered as
      // "not available" and every later one too (see above).
      if (!(err instanceof GatewayError && err.code === ErrorCode.SequencerStopped)) throw err;
      this.failed = true;
      this.onApplicationMessage(session, msg);
    }
  }

  private handle(session: SessionHandle, msg: FixMessage, ctx: SessionContext): void {
    const normalized = this.o.normalizer.normalize(msg, ctx);
    if (!normalized.ok) return this.refuse(session, msg, normalized.refusal);
    const req = normalized.request;
    switch (req.kind) {
      case RequestKind.NewOrder:
        return this.newOrder(session, msg, req);
      case RequestKind.Cancel:
        return this.cancel(session, req);
      case RequestKind.Replace:
        return this.replace(session, msg, req);
      case RequestKind.OrderStatus: {
        const report = this.o.status.orderStatus({
          session: req.session,
          clOrdId: req.clOrdId,
          side: req.side,
          symbolId: req.symbolId,
          ...(req.statusReqId === '' ? {} : { ordStatusReqId: req.statusReqId }),
        });
        return this.answer(this.reportTo(session, report));
      }
      case RequestKind.MassStatus: {
        const sends = this.o.status.massStatus(req.session, req.massStatusReqId, req.symbolId).map((r) => this.reportTo(session, r));
        return this.answer(() => sends.forEach((s) => s()));
      }
      case RequestKind.MassCancel:
        return this.massCancel(session, req);
    }
  }

  private newOrder(session: SessionHandle, msg: FixMessage, req: NewOrderRequest): void {
    const refusal = this.o.risk.checkNewOrder(req);
    if (refusal !== undefined) return this.refuse(session, msg, refusal);
    // Registered under the seq the submit is about to take: a submit that fills the batch flushes
    // it synchronously, and its events must already find the order.
    const orderId = this.o.sequencer.lastSeq + 1;
    const expected: StoreNewOrder = {
      orderId,
      session: req.session,
      firm: req.firm,
      clOrdId: req.clOrdId,
      symbolId: req.symbolId,
      side: req.side,
      ordType: req.ordType,
      tif: req.tif,
      price: req.price,
      stopPx: req.stopPx,
      qty: req.qty,
      ...(req.account === '' ? {} : { account: req.account }),
    };
    this.o.store.expectNew(expected);
    // The expectation is logged with the command (order-annotation.ts): a restart rebuilds it.
    const seq = this.o.sequencer.newOrder(
      req.symbolId, req.side, req.ordType, req.tif, req.flags, req.stpMode, req.price, req.stopPx, req.qty, req.minQty,
      req.displayQty, req.expireTimeUs, req.sessionId, req.firmId, req.stpId, newOrderAnnotation(expected),
    );
    this.expectSeq(orderId, seq);
  }

  private cancel(session: SessionHandle, req: CancelRequest): void {
    const check = checkChangeRequest(this.o.store, { session: req.session, clOrdId: req.clOrdId, origClOrdId: req.origClOrdId, responseTo: CxlRejResponseTo.Cancel });
    if (!check.ok) return this.answer(this.cancelRejectTo(session, check.reject));
    const seq = this.o.sequencer.lastSeq + 1;
    const expected = { seq, orderId: req.orderId, clOrdId: req.clOrdId, origClOrdId: req.origClOrdId };
    this.o.store.expectCancel(expected);
    this.expectSeq(seq, this.o.sequencer.cancel(req.orderId, cancelAnnotation(expected)));
  }

  private replace(session: SessionHandle, msg: FixMessage, req: ReplaceRequest): void {
    const check = checkChangeRequest(this.o.store, { session: req.session, clOrdId: req.clOrdId, origClOrdId: req.origClOrdId, responseTo: CxlRejResponseTo.Replace });
    if (!check.ok) return this.answer(this.cancelRejectTo(session, check.reject));
    const refusal = this.o.risk.checkReplace(req, check.order);
    if (refusal !== undefined) return this.refuse(session, msg, refusal);
    const seq = this.o.sequencer.lastSeq + 1;
    const expected = { seq, orderId: req.orderId, clOrdId: req.clOrdId, origClOrdId: req.origClOrdId, price: req.price, stopPx: req.stopPx, qty: req.qty };
    this.o.store.expectReplace(expected);
    this.expectSeq(seq, this.o.sequencer.replace(req.orderId, req.price, req.stopPx, req.qty, replaceAnnotation(expected)));
  }

  /**
   * Type 7: one MassCancel on the firm. Type 1: the matcher has no firm-and-symbol scope, so one
   * Cancel per working order of the firm in the symbol (docs/order-entry.md).
   */
  private massCancel(session: SessionHandle, req: MassCancelRequest): void {
    const seqs = new Set<number>();
    if (req.requestType === MassCancelRequestType.All) {
      const seq = this.o.sequencer.lastSeq + 1;
      this.o.store.expectMassCancel({ seq, origin: MassCancelOrigin.Request });
      this.expectSeq(seq, this.o.sequencer.massCancel(MassCancelScope.Firm, req.key, massCancelAnnotation(MassCancelOrigin.Request)));
      seqs.add(seq);
    } else {
      for (const [name, ctx] of this.o.contexts) {
        if (ctx.firm !== req.firm) continue;
        for (const order of this.o.store.liveOrders(name, req.symbolId)) {
          if (order.pendingSeq !== 0) continue;
          const seq = this.o.sequencer.lastSeq + 1;
          this.o.store.expectMassCancel({ seq, origin: MassCancelOrigin.Request });
          this.expectSeq(seq, this.o.sequencer.cancel(order.orderId, massCancelAnnotation(MassCancelOrigin.Request)));
          seqs.add(seq);
        }
      }
    }
    const pending: PendingMassCancel = { session: session.name, clOrdId: req.clOrdId, requestType: req.requestType, symbol: req.symbol, seqs, count: 0 };
    if (seqs.size === 0) return this.answer(() => this.sendMassCancelReport(pending, NONE));
    for (const seq of seqs) this.massCancels.set(seq, pending);
  }

  private expectSeq(expected: number, actual: number): void {
    if (expected !== actual) throw new RangeError(`the sequencer gave seq ${actual} where ${expected} was registered`);
  }

  // ------------------------------------------------------------------ refusals

  private refuse(session: SessionHandle, msg: FixMessage, refusal: Refusal): void {
    // FIX asks every ClOrdID to be unique: a refused one is used up too.
    if (refusal.clOrdId !== '' && refusal.refMsgType !== 'H' && refusal.refMsgType !== 'q') {
      this.o.store.markUsed(session.name, refusal.clOrdId);
    }
    switch (refusal.answer) {
      case AnswerKind.ExecutionReportReject: {
        const symbol = msg.getString(Tag.Symbol);
        const ins = symbol === undefined ? undefined : this.o.instruments.symbol(symbol);
        const side = msg.getInt(Tag.Side);
        const report: ExecutionReport = {
          orderId: 0,
          clOrdId: orNone(refusal.clOrdId),
          execId: this.refusalExecId(),
          execType: ExecType.Rejected,
          ordStatus: OrdStatus.Rejected,
          symbolId: ins?.id ?? 0,
          // Side is required on an ER: echoed when it was a digit, else Buy (the refusal says why).
          side: (Number.isInteger(side) && side >= 1 && side <= 9 ? side : 1) as Side,
          price: 0,
          stopPx: 0,
          orderQty: 0,
          cumQty: 0,
          leavesQty: 0,
          avgPx: 0n,
          ordRejReason: refusal.reason as OrdRejReason,
          text: refusal.text,
          transactTimeUs: 0,
        };
        const units: InstrumentUnits = ins ?? { symbol: symbol === undefined || symbol === '' ? NONE : symbol, priceDecimals: 0, qtyDecimals: 0 };
        return this.answer(() => session.sendApplication('8', (enc) => writeExecutionReport(enc, report, units)));
      }
      case AnswerKind.OrderCancelReject: {
        const order = refusal.orderId === 0 ? undefined : this.o.store.get(refusal.orderId);
        const reject: OrderCancelReject = {
          orderId: order?.orderId,
          clOrdId: orNone(refusal.clOrdId),
          origClOrdId: orNone(refusal.origClOrdId),
          ordStatus: order === undefined ? OrdStatus.Rejected : order.done ? order.ordStatus : order.liveStatus(),
          cxlRejResponseTo: refusal.cxlRejResponseTo === 2 ? CxlRejResponseTo.Replace : CxlRejResponseTo.Cancel,
          cxlRejReason: refusal.reason as CxlRejReason,
          text: refusal.text,
          ...(order?.account === undefined ? {} : { account: order.account }),
        };
        return this.answer(this.cancelRejectTo(session, reject));
      }
      case AnswerKind.MassCancelReject: {
        const requestType = msg.getString(Tag.MassCancelRequestType) ?? '';
        return this.answer(() =>
          session.sendApplication('r', (enc) => {
            enc.str(Tag.ClOrdID, orNone(refusal.clOrdId)).str(Tag.OrderID, NONE);
            if (requestType !== '') enc.str(Tag.MassCancelRequestType, requestType);
            enc.str(Tag.MassCancelResponse, MASS_CANCEL_REJECTED).int(Tag.MassCancelRejectReason, refusal.reason).str(Tag.Text, refusal.text);
          }),
        );
      }
      default: {
        const refSeqNum = msg.getInt(Tag.MsgSeqNum);
        const fields = { refSeqNum, refMsgType: refusal.refMsgType, businessRejectRefId: refusal.refId === '' ? undefined : refusal.refId, reason: refusal.reason as BusinessRejectReason, text: refusal.text };
        return this.answer(() => session.sendApplication('j', (enc) => writeBusinessMessageReject(enc, fields)));
      }
    }
  }

  /**
   * ExecID of an ER 150=8 for a refusal that sequenced nothing: "<last seq>:<k>" in base 36. The
   * ':' keeps it apart from event ExecIDs ('-') and status ExecIDs ('.') of exec-id.ts.
   */
  private refusalExecId(): string {
    const seq = this.o.sequencer.lastSeq;
    if (seq !== this.refusalSeq) {
      this.refusalSeq = seq;
      this.refusalK = 0;
    }
    return `${seq.toString(36)}:${(this.refusalK++).toString(36)}`;
  }

  // ------------------------------------------------------------------ outbound

  /** The batch consumer's part: runs inside the sequencer's flush, while `batch.events` is valid. */
  onBatch(batch: SequencedBatch, events: readonly MatcherEvent[]): void {
    const outs = this.o.engine.apply(events, this.o.timestampOf);
    const answered: PendingMassCancel[] = [];
    for (const e of events) {
      if (e.type === EventType.Trade) this.o.risk.onTrade(e.symbolId, e.price);
      const pending = e.type === EventType.MassCancelDone || e.type === EventType.Cancelled ? this.massCancels.get(e.seq) : undefined;
      if (pending === undefined) continue;
      if (e.type === EventType.MassCancelDone) pending.count += e.count;
      else if (pending.requestType === MassCancelRequestType.Symbol) pending.count += 1;
    }
    for (let seq = batch.firstSeq; seq <= batch.lastSeq; seq++) {
      const pending = this.massCancels.get(seq);
      if (pending === undefined) continue;
      this.massCancels.delete(seq);
      if ([...pending.seqs].every((s) => !this.massCancels.has(s))) answered.push(pending);
    }
    // Risk follows order state now, not at release: the next message's checks must see it.
    const touched = new Set<number>();
    for (const out of outs) {
      if (out.kind !== 'report' || touched.has(out.report.orderId)) continue;
      touched.add(out.report.orderId);
      const order = this.o.store.get(out.report.orderId);
      if (order !== undefined) this.o.risk.onOrderUpdate(order);
    }
    const copies = dropCopies(outs, this.o.dropSessionsOf);
    const sends = outs.map((out) => this.outboundSend(out));
    for (const copy of copies) {
      const session = this.o.sessionNamed(copy.session);
      if (session !== undefined) sends.push(this.reportTo(session, copy.report));
    }
    for (const pending of answered) sends.push(() => this.sendMassCancelReport(pending, String(Math.min(...pending.seqs))));
    sends.push(...this.deferred);
    this.deferred = [];
    const durable = batch.durable;
    this.chain(() => durable.then(() => sends.forEach((send) => send())));
    durable.catch((err: unknown) => {
      if (this.failed) return;
      this.failed = true;
      this.o.onFatal(err);
    });
  }

  private outboundSend(out: Outbound): Send {
    const session = this.o.sessionNamed(out.session);
    if (session === undefined) {
      this.o.log.error({ session: out.session }, 'report for an unknown session: dropped');
      return () => undefined;
    }
    return out.kind === 'report' ? this.reportTo(session, out.report) : this.cancelRejectTo(session, out.reject);
  }

  private reportTo(session: SessionHandle, report: ExecutionReport): Send {
    const ins = this.units(report.symbolId);
    return () => session.sendApplication('8', (enc) => writeExecutionReport(enc, report, ins));
  }

  private cancelRejectTo(session: SessionHandle, reject: OrderCancelReject): Send {
    return () => session.sendApplication('9', (enc) => writeOrderCancelReject(enc, reject));
  }

  private sendMassCancelReport(pending: PendingMassCancel, orderId: string): void {
    const session = this.o.sessionNamed(pending.session);
    if (session === undefined) return;
    session.sendApplication('r', (enc: FixEncoder) => {
      enc.str(Tag.ClOrdID, pending.clOrdId).str(Tag.OrderID, orderId);
      enc.int(Tag.MassCancelRequestType, pending.requestType).int(Tag.MassCancelResponse, pending.requestType);
      if (pending.symbol !== '') enc.str(Tag.Symbol, pending.symbol);
      enc.int(Tag.TotalAffectedOrders, pending.count);
    });
  }

  private units(symbolId: number): InstrumentUnits {
    const ins: Instrument | undefined = this.o.instruments.id(symbolId);
    return ins ?? { symbol: NONE, priceDecimals: 0, qtyDecimals: 0 };
  }

  /** Sends now when nothing sequenced is waiting to be released, else right after it. */
  private answer(send: Send): void {
    if (this.o.hasUnflushed()) {
      this.deferred.push(send);
      return;
    }
    this.chain(send);
  }

  /**
   * Appends to the release chain. Once a batch's durable rejects the chain stays rejected, so
   * nothing after it is ever released; each link is marked handled so that is no crash.
   */
  private chain(step: () => unknown): void {
    this.tail = this.tail.then(step).then(() => undefined);
    this.tail.catch(() => undefined);
  }
}

/** A refused message may lack an id the answer must carry: FIX forbids empty values, so "NONE". */
function orNone(id: string): string {
  return id === '' ? NONE : id;
}
