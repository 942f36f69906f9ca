// Order state, one record per order keyed by the matcher's orderId, with its ClOrdID chain per
// session. The gateway registers what it is about to sequence (expectNew / expectCancel /
// expectReplace / expectMassCancel) so that the matcher's events, which know only order ids and
// seqs, can be attributed to the right ClOrdIDs and answered. Records change only through the
// ExecutionEngine applying events (and the trading-day reset here).
import type { OrdType, Side, TimeInForce } from '../matcher/types';
import { OrdStatus } from './fix-values';
import type { OrderLookup, OrderView } from './order-view';

export interface NewOrderRequest {
  /** The seq the sequencer gives the NewOrder command: the matcher's orderId. */
  readonly orderId: number;
  readonly session: string;
  readonly firm: string;
  readonly clOrdId: string;
  readonly symbolId: number;
  readonly side: Side;
  readonly ordType: OrdType;
  readonly tif: TimeInForce;
  readonly price: number;
  readonly stopPx: number;
  readonly qty: number;
  readonly account?: string;
}

export interface CancelRequest {
  /** The seq of the Cancel command. */
  readonly seq: number;
  readonly orderId: number;
  readonly clOrdId: string;
  readonly origClOrdId: string;
}

/** `seq` is the Replace command's; `clOrdId` becomes the chain's current one once Replaced. */
export interface ReplaceRequest extends CancelRequest {
  readonly price: number;
  readonly stopPx: number;
  readonly qty: number;
}

/** Why a MassCancel command was sent: decides the Text of each cancel report. */
export const MassCancelOrigin = { Request: 0, KillSwitch: 1, Logout: 2 } as const;
export type MassCancelOrigin = (typeof MassCancelOrigin)[keyof typeof MassCancelOrigin];

export interface MassCancelRequest {
  readonly seq: number;
  readonly origin: MassCancelOrigin;
}

export type PendingRequest =
  | ({ readonly kind: 'cancel'; readonly session: string } & CancelRequest)
  | ({ readonly kind: 'replace'; readonly session: string } & ReplaceRequest)
  | ({ readonly kind: 'massCancel' } & MassCancelRequest);

export class OrderRecord implements OrderView {
  /** Every ClOrdID the order had, oldest first; the last is `clOrdId`. */
  readonly chain: string[];
  clOrdId: string;
  price: number;
  stopPx: number;
  qty: number;
  cumQty = 0;
  leavesQty: number;
  done = false;
  /** Set by Accepted: until then the matcher may still refuse the order. */
  accepted = false;
  ordStatus: OrdStatus = OrdStatus.New;
  /** Σ price × qty over fills, in price units × quantity units (see avg-px.ts). */
  notional = 0n;
  /** TransactTime of the last event that changed the order (status answers carry it). */
  lastTransactUs = 0;
  /** Seq of a cancel or replace sequenced but not answered yet (0 = none): a second gets 102=3. */
  pendingSeq = 0;
  readonly orderId: number;
  readonly session: string;
  readonly firm: string;
  readonly symbolId: number;
  readonly side: Side;
  readonly ordType: OrdType;
  readonly tif: TimeInForce;
  readonly account: string | undefined;

  constructor(req: NewOrderRequest) {
    this.orderId = req.orderId;
    this.session = req.session;
    this.firm = req.firm;
    this.clOrdId = req.clOrdId;
    this.chain = [req.clOrdId];
    this.symbolId = req.symbolId;
    this.side = req.side;
    this.ordType = req.ordType;
    this.tif = req.tif;
    this.price = req.price;
    this.stopPx = req.stopPx;
    this.qty = req.qty;
    this.leavesQty = req.qty;
    this.account = req.account;
  }

  /** 0 or 1 while live, by fill state. */
  liveStatus(): OrdStatus {
    return this.cumQty > 0 ? OrdStatus.PartiallyFilled : OrdStatus.New;
  }

  /** Ends the order: leaves go to 0, OrderQty stays (the cancelled part is qty - cumQty). */
  finish(status: OrdStatus): void {
    this.done = true;
    this.leavesQty = 0;
    this.ordStatus = status;
    this.pendingSeq = 0;
  }
}

export class OrderStore implements OrderLookup {
  private readonly orders = new Map<number, OrderRecord>();
  /** session → ClOrdID → orderId, for every ClOrdID of every chain. */
  private readonly chains = new Map<string, Map<string, number>>();
  /** session → every ClOrdID used this trading day (orders, cancels, replaces, refused or not). */
  private readonly used = new Map<string, Set<string>>();
  private readonly pending = new Map<number, PendingRequest>();

  get(orderId: number): OrderRecord | undefined {
    return this.orders.get(orderId);
  }

  byClOrdId(session: string, clOrdId: string): OrderRecord | undefined {
    const id = this.chains.get(session)?.get(clOrdId);
    return id === undefined ? undefined : this.orders.get(id);
  }

  clOrdIdUsed(session: string, clOrdId: string): boolean {
    return this.used.get(session)?.has(clOrdId) ?? false;
  }

  /** Records a ClOrdID as used without an order (e.g. a cancel refused before sequencing). */
  markUsed(session: string, clOrdId: string): void {
    let set = this.used.get(session);
    if (set === undefined) this.used.set(session, (set = new Set()));
    set.add(clOrdId);
  }

  expectNew(req: NewOrderRequest): OrderRecord {
    const record = new OrderRecord(req);
    this.orders.set(req.orderId, record);
    this.link(req.session, req.clOrdId, req.orderId);
    this.markUsed(req.session, req.clOrdId);
    return record;
  }

  expectCancel(req: CancelRequest): void {
    this.expectChange({ kind: 'cancel', ...req });
  }

  expectReplace(req: ReplaceRequest): void {
    this.expectChange({ kind: 'replace', ...req });
  }

  expectMassCancel(req: MassCancelRequest): void {
    this.pending.set(req.seq, { kind: 'massCancel', ...req });
  }

  /** An order we do not hold is not registered: checkChangeRequest refuses it before sequencing. */
  private expectChange(req: Omit<Extract<PendingRequest, { kind: 'cancel' | 'replace' }>, 'session'>): void {
    const order = this.orders.get(req.orderId);
    if (order === undefined) return;
    order.pendingSeq = req.seq;
    this.markUsed(order.session, req.clOrdId);
    this.pending.set(req.seq, { ...req, session: order.session } as PendingRequest);
  }

  pendingFor(seq: number): PendingRequest | undefined {
    return this.pending.get(seq);
  }

  /** Called once every event of `seq` is applied: its request is answered. */
  settle(seq: number): void {
    const req = this.pending.get(seq);
    if (req === undefined) return;
    this.pending.delete(seq);
    if (req.kind === 'massCancel') return;
    const order = this.orders.get(req.orderId);
    if (order !== undefined && order.pendingSeq === seq) order.pendingSeq = 0;
  }

  /** Adds a ClOrdID to an order's chain (an accepted replace). */
  extendChain(order: OrderRecord, clOrdId: string): void {
    order.chain.push(clOrdId);
    order.clOrdId = clOrdId;
    this.link(order.session, clOrdId, order.orderId);
  }

  /** Live orders of a session (optionally one symbol), by orderId ascending: mass status order. */
  liveOrders(session: string, symbolId = 0): OrderRecord[] {
    const out: OrderRecord[] = [];
    for (const o of this.orders.values()) {
      if (!o.done && o.accepted && o.session === session && (symbolId === 0 || o.symbolId === symbolId)) out.push(o);
    }
    return out.sort((a, b) => a.orderId - b.orderId);
  }

  /**
   * A new trading day: ClOrdIDs may be reused, finished orders are forgotten. Live (GTC/GTD)
   * orders keep their chains, which stay in use so a cancel can still name them.
   */
  newTradingDay(): void {
    this.used.clear();
    this.chains.clear();
    this.pending.clear();
    for (const [id, o] of this.orders) {
      if (o.done) {
        this.orders.delete(id);
        continue;
      }
      o.pendingSeq = 0;
      for (const c of o.chain) {
        this.link(o.session, c, id);
        this.markUsed(o.session, c);
      }
    }
  }

  private link(session: string, clOrdId: string, orderId: number): void {
    let m = this.chains.get(session);
    if (m === undefined) this.chains.set(session, (m = new Map()));
    m.set(clOrdId, orderId);
  }
}
