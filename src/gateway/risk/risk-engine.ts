// Pre-trade risk: per-session limits (order size, order notional, price collar, open orders,
// daily orders), the per-firm credit limit on gross open notional, and the session and firm kill
// switches. Pure state with an explicit update API, owned by the gateway's single thread:
//
//   checkNewOrder(req)     → refusal, or undefined and the order is *admitted*: counted in the
//                            session's daily and open orders and the firm's open notional
//                            straight away, so orders of one event-loop turn cannot together pass a
//                            limit each passes alone;
//   checkReplace(req, o)   → refusal or undefined (the firm's notional is checked with the change);
//   onOrderUpdate(view)    → the execution layer reports each change of an order of an
//                            order-entry session (accepted, filled, replaced, reduced, done); the
//                            first report of an admitted order settles its admission;
//   onTrade(symbol, price) → the last trade price the collar centres on;
//   engage / disengage     → kill switches; engage returns the working orders to cancel.
//
// Checks never throw: they return a refusal from the catalogue.
import type { GatewayConfig } from '../../config/session-config-schema';
import type { OrderView } from '../../execution/order-view';
import { OrdType } from '../../matcher/types';
import type { InstrumentTable } from '../instrument-table';
import { RefusalCode, refuse, type Refusal, type RefusalSubject } from '../refusals';
import type { NewOrderRequest, ReplaceRequest } from '../requests';
import { amountOf, formatAmount, notionalOf, unitsToAmount } from './amounts';
import { FirmRisk, SessionRisk, type TrackedOrder } from './risk-state';

const TAG_ORDER_QTY = 38;
const TAG_PRICE = 44;
const TAG_STOP_PX = 99;

export type KillSwitchScope = 'session' | 'firm';

export class RiskEngine {
  private readonly sessions = new Map<string, SessionRisk>();
  private readonly firms = new Map<string, FirmRisk>();
  private readonly lastTrade = new Map<number, number>();
  /** By the matcher's orderId, in the order the engine learnt of them (deterministic). */
  private readonly orders = new Map<number, TrackedOrder>();
  /** Admitted new orders not yet reported, by session + "\0" + ClOrdID. */
  private readonly admitted = new Map<string, TrackedOrder>();

  constructor(
    config: GatewayConfig,
    private readonly instruments: InstrumentTable,
  ) {
    for (const [name, limits] of Object.entries(config.firms)) this.firms.set(name, new FirmRisk(name, amountOf(limits.creditLimit)));
    for (const s of config.sessions) {
      if (s.role !== 'order-entry') continue;
      this.sessions.set(s.name, new SessionRisk(s.name, s.firm, s.risk));
    }
  }

  // ---------------------------------------------------------------- checks

  checkNewOrder(req: NewOrderRequest): Refusal | undefined {
    const subject: RefusalSubject = { msgType: 'D', clOrdId: req.clOrdId };
    const session = this.sessions.get(req.session);
    const firm = this.firms.get(req.firm);
    if (session === undefined || firm === undefined) return refuse(RefusalCode.SessionKillSwitch, subject, `no risk limits for session ${req.session}`);
    if (firm.killSwitch) return refuse(RefusalCode.FirmKillSwitch, subject, firm.name);
    if (session.killSwitch) return refuse(RefusalCode.SessionKillSwitch, subject, session.name);
    if (session.dailyOrders >= session.maxDailyOrders) return refuse(RefusalCode.RiskMaxDailyOrders, subject, `${session.maxDailyOrders} orders`);
    if (session.openOrders >= session.maxOpenOrders) return refuse(RefusalCode.RiskMaxOpenOrders, subject, `${session.maxOpenOrders} open orders`);
    const terms = this.checkTerms(req, session, subject);
    if (typeof terms !== 'bigint') return terms;
    if (firm.openNotional + terms > firm.creditLimit) {
      return refuse(RefusalCode.RiskCreditLimit, subject, `open notional would be ${formatAmount(firm.openNotional + terms)}, limit ${formatAmount(firm.creditLimit)}`);
    }
    session.dailyOrders++;
    session.openOrders++;
    firm.openNotional += terms;
    this.admitted.set(`${req.session}\u0000${req.clOrdId}`, { session, firm, exposure: terms });
    return undefined;
  }

  checkReplace(req: ReplaceRequest, original: OrderView): Refusal | undefined {
    const subject: RefusalSubject = { msgType: 'G', clOrdId: req.clOrdId, origClOrdId: req.origClOrdId, orderId: req.orderId };
    const session = this.sessions.get(req.session);
    const firm = this.firms.get(req.firm);
    if (session === undefined || firm === undefined) return refuse(RefusalCode.SessionKillSwitch, subject, `no risk limits for session ${req.session}`);
    if (firm.killSwitch) return refuse(RefusalCode.FirmKillSwitch, subject, firm.name);
    if (session.killSwitch) return refuse(RefusalCode.SessionKillSwitch, subject, session.name);
    const terms = this.checkTerms(req, session, subject);
    if (typeof terms !== 'bigint') return terms;
    // Only the leaves stay open: the new exposure is the new price on (new qty - filled).
    const ins = this.instruments.id(req.symbolId);
    const leaves = req.qty - original.cumQty;
    const next = ins === undefined ? 0n : notionalOf(this.exposurePrice(req.symbolId, req.ordType, req.price, req.stopPx), ins.priceDecimals, leaves, ins.qtyDecimals);
    const current = this.orders.get(original.orderId)?.exposure ?? 0n;
    if (next > current && firm.openNotional - current + next > firm.creditLimit) {
      return refuse(RefusalCode.RiskCreditLimit, subject, `open notional would be ${formatAmount(firm.openNotional - current + next)}, limit ${formatAmount(firm.creditLimit)}`);
    }
    return undefined;
  }

  /** Size, collar and notional of one order's terms: the order's notional, or a refusal. */
  private checkTerms(req: NewOrderRequest | ReplaceRequest, session: SessionRisk, subject: RefusalSubject): bigint | Refusal {
    const ins = this.instruments.id(req.symbolId);
    if (ins === undefined) return refuse(RefusalCode.UnknownSymbol, subject, String(req.symbolId));
    if (unitsToAmount(req.qty, ins.qtyDecimals) > session.maxOrderQty) {
      return refuse(RefusalCode.RiskMaxOrderQty, subject, `limit ${formatAmount(session.maxOrderQty)}`, TAG_ORDER_QTY);
    }
    const reference = this.referencePrice(req.symbolId);
    const band = Number((BigInt(reference) * BigInt(session.collarBasisPoints)) / 10_000n);
    for (const [value, tag] of [
      [req.price, TAG_PRICE],
      [req.stopPx, TAG_STOP_PX],
    ] as const) {
      if (value !== 0 && (value < reference - band || value > reference + band)) {
        return refuse(RefusalCode.RiskPriceCollar, subject, `tag ${tag} must be within ${reference - band}..${reference + band} price units`, tag);
      }
    }
    const notional = notionalOf(this.exposurePrice(req.symbolId, req.ordType, req.price, req.stopPx), ins.priceDecimals, req.qty, ins.qtyDecimals);
    if (notional > session.maxOrderNotional) {
      return refuse(RefusalCode.RiskMaxOrderNotional, subject, `${formatAmount(notional)} above ${formatAmount(session.maxOrderNotional)}`, TAG_ORDER_QTY);
    }
    return notional;
  }

  /** The last trade price, or the instrument's reference price before the first trade. */
  referencePrice(symbolId: number): number {
    return this.lastTrade.get(symbolId) ?? this.instruments.id(symbolId)?.referencePrice ?? 0;
  }

  /** The price an order's exposure is valued at: its limit, its stop, or the reference for market orders. */
  private exposurePrice(symbolId: number, ordType: OrdType, price: number, stopPx: number): number {
    if (ordType === OrdType.Limit || ordType === OrdType.StopLimit) return price;
    if (ordType === OrdType.Stop) return stopPx;
    return this.referencePrice(symbolId);
  }

  // ---------------------------------------------------------------- updates

  onTrade(symbolId: number, price: number): void {
    this.lastTrade.set(symbolId, price);
  }

  onOrderUpdate(view: OrderView): void {
    let tracked = this.orders.get(view.orderId);
    if (tracked === undefined) {
      const key = `${view.session}\u0000${view.clOrdId}`;
      tracked = this.admitted.get(key);
      this.admitted.delete(key);
      if (tracked === undefined) {
        const session = this.sessions.get(view.session);
        const firm = this.firms.get(view.firm);
        if (session === undefined || firm === undefined) return;
        session.openOrders++;
        tracked = { session, firm, exposure: 0n };
      }
      this.orders.set(view.orderId, tracked);
    }
    const ins = this.instruments.id(view.symbolId);
    const exposure =
      view.done || ins === undefined
        ? 0n
        : notionalOf(this.exposurePrice(view.symbolId, view.ordType, view.price, view.stopPx), ins.priceDecimals, view.leavesQty, ins.qtyDecimals);
    tracked.firm.openNotional += exposure - tracked.exposure;
    tracked.exposure = exposure;
    if (view.done) {
      tracked.session.openOrders--;
      this.orders.delete(view.orderId);
    }
  }

  /** A new trading day: daily order counts start again. */
  startDay(): void {
    for (const s of this.sessions.values()) s.dailyOrders = 0;
  }

  // ---------------------------------------------------------------- kill switches

  /**
   * Engages a kill switch: new orders (and replaces) of the session or firm are refused until
   * disengaged. Returns the working orders to cancel, in the order they were accepted; the caller
   * sends MassCancel(Session or Firm) for them. Undefined for an unknown name.
   */
  engage(scope: KillSwitchScope, name: string): number[] | undefined {
    const target = scope === 'session' ? this.sessions.get(name) : this.firms.get(name);
    if (target === undefined) return undefined;
    target.killSwitch = true;
    return this.workingOrders(scope, name);
  }

  /** Returns false for an unknown name. */
  disengage(scope: KillSwitchScope, name: string): boolean {
    const target = scope === 'session' ? this.sessions.get(name) : this.firms.get(name);
    if (target === undefined) return false;
    target.killSwitch = false;
    return true;
  }

  isEngaged(scope: KillSwitchScope, name: string): boolean {
    return (scope === 'session' ? this.sessions.get(name) : this.firms.get(name))?.killSwitch ?? false;
  }

  workingOrders(scope: KillSwitchScope, name: string): number[] {
    const out: number[] = [];
    for (const [orderId, o] of this.orders) if ((scope === 'session' ? o.session.name : o.firm.name) === name) out.push(orderId);
    return out;
  }

  /** For the CLI and tests: a session's counters and its firm's open notional. */
  exposure(session: string): { openOrders: number; dailyOrders: number; firmOpenNotional: string } | undefined {
    const s = this.sessions.get(session);
    const f = s === undefined ? undefined : this.firms.get(s.firm);
    if (s === undefined || f === undefined) return undefined;
    return { openOrders: s.openOrders, dailyOrders: s.dailyOrders, firmOpenNotional: formatAmount(f.openNotional) };
  }
}
