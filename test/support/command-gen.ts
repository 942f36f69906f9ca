// fast-check arbitraries for realistic matcher command streams, for the differential test and the
// invariant property.
//
// A stream is drawn in two layers. fast-check draws abstract *steps* (plain records of small
// numbers and choices: "a new order, side Sell, 2 ticks above mid, 3 lots, GTD expiring soon, STP
// group 1 …", "cancel the k-th live order"); a deterministic StreamBuilder then turns them into
// concrete commands, stamping seq/ts. Shrinking works on the steps, so a shrunk stream is still a
// coherent stream (ids and seqs are reassigned, not left dangling).
//
// Which orders are live depends on the matching itself, so the builder feeds each command to a
// matcher (the reference book) and follows its events, like bench/support/exchange-mix.ts: cancels
// and replaces then aim at orders that really are live, except when a step asks for an ended or
// unknown id. Only the aim depends on that matcher; the stream is valid input whatever it says.
import fc from 'fast-check';
import {
  CommandType,
  EventType,
  MassCancelScope,
  OrderFlag,
  OrdType,
  Side,
  StpMode,
  TimeInForce,
  TradingState,
  MAX_LEVELS,
  type Command,
  type Matcher,
  type NewOrderCommand,
} from '../../src/matcher/types';
import { ReferenceMatcher } from './reference-book';

// ------------------------------------------------------------ symbols

/** A symbol of a generated stream: its AddSymbol fields and the mid price orders cluster around. */
export interface GenSymbol {
  readonly symbolId: number;
  readonly tickSize: number;
  readonly lotSize: number;
  readonly minPrice: number;
  readonly maxPrice: number;
  readonly marketBand: number;
  readonly state: TradingState;
  readonly mid: number;
}

/** `fc.constantFrom` with weights: [weight, value] pairs. */
function weighted<T>(...choices: Array<[number, T]>): fc.Arbitrary<T> {
  return fc.oneof(...choices.map(([weight, value]) => ({ weight, arbitrary: fc.constant(value) })));
}

const symbolArb: fc.Arbitrary<GenSymbol> = fc
  .record({
    symbolId: fc.constantFrom(1, 2, 3, 7, 300, 65535),
    tickSize: fc.constantFrom(1, 5, 25),
    lotSize: fc.constantFrom(1, 10, 100),
    bandTicks: fc.constantFrom(0, 1, 3, 20),
    midTicks: fc.integer({ min: 50, max: 400 }),
    halfSpanTicks: fc.integer({ min: 8, max: 40 }),
    state: weighted<TradingState>([38, TradingState.Open], [1, TradingState.Halted], [1, TradingState.Closed]),
  })
  .map((s) => ({
    symbolId: s.symbolId,
    tickSize: s.tickSize,
    lotSize: s.lotSize,
    minPrice: (s.midTicks - s.halfSpanTicks) * s.tickSize,
    maxPrice: (s.midTicks + s.halfSpanTicks) * s.tickSize,
    marketBand: s.bandTicks * s.tickSize,
    state: s.state,
    mid: s.midTicks * s.tickSize,
  }));

/** 1–3 symbols with distinct ids, added in the drawn order (not sorted: book order is by id). */
export const symbolsArb: fc.Arbitrary<GenSymbol[]> = fc.uniqueArray(symbolArb, {
  minLength: 1,
  maxLength: 3,
  selector: (s) => s.symbolId,
});

// ------------------------------------------------------------ steps

/** How the step's command is stamped: ts advance, and sometimes a seq or ts the matcher must refuse. */
interface Clock {
  readonly advance: number;
  readonly anomaly: 'none' | 'staleSeq' | 'tsBack';
}

const clockArb: fc.Arbitrary<Clock> = fc.record({
  advance: fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 8, arbitrary: fc.integer({ min: 1, max: 1_000 }) }),
  anomaly: weighted<Clock['anomaly']>([96, 'none'], [2, 'staleSeq'], [2, 'tsBack']),
});

/** Invalid values a NewOrder can be given (each makes one field wrong). */
const ORDER_CORRUPTIONS = [
  'orderIdZero',
  'orderIdNegative',
  'orderIdFraction',
  'orderIdUnsafe',
  'unknownSymbol',
  'badSide',
  'badOrdType',
  'badTif',
  'badStpMode',
  'badFlags',
  'qtyZero',
  'qtyNegative',
  'qtyOffLot',
  'qtyFraction',
  'qtyUnsafe',
  'priceOffTick',
  'priceAboveMax',
  'priceBelowMin',
  'priceZero',
  'priceOnMarket',
  'stopPxOnLimit',
  'stopPxOffTick',
  'stopPxOutOfRange',
  'minQtyWithoutIoc',
  'minQtyAboveQty',
  'minQtyOffLot',
  'displayOnIoc',
  'displayAboveQty',
  'displayAboveQtyOffLot',
  'displayNegative',
  'displayOnStopLimit',
  'postOnlyOnMarket',
  'postOnlyIoc',
  'marketGtc',
  'gtdWithoutExpiry',
  'expiryWithoutGtd',
] as const;
type OrderCorruption = (typeof ORDER_CORRUPTIONS)[number];

const REPLACE_CORRUPTIONS = ['qtyZero', 'qtyOffLot', 'priceOffTick', 'priceOutOfRange', 'priceOnStop', 'stopPxOnLimit'] as const;
type ReplaceCorruption = (typeof REPLACE_CORRUPTIONS)[number];

interface NewOrderStep {
  readonly kind: 'new';
  readonly sym: number;
  readonly side: Side;
  readonly ordType: OrdType;
  /** Index into the tifs that make sense for the ordType. */
  readonly tifPick: number;
  /** Ticks from mid (skewed by side so that buys and sells overlap). */
  readonly priceTicks: number;
  /** Ticks beyond mid for stops (buy stops above, sell stops below). */
  readonly stopTicks: number;
  readonly qtyLots: number;
  /** > 0: iceberg, where the ordType and tif allow one. */
  readonly displayLots: number;
  /** > 0: minimum quantity, where the tif is IOC. */
  readonly minQtyLots: number;
  readonly postOnly: boolean;
  readonly expiry: 'past' | 'now' | 'soon' | 'later';
  readonly expiryJitter: number;
  readonly stpId: number;
  readonly stpMode: StpMode;
  readonly sessionId: number;
  readonly firmId: number;
  /** Usually a fresh id; sometimes one the builder thinks live (DuplicateOrderId) or ended (reuse). */
  readonly idSource: 'fresh' | 'live' | 'ended';
  readonly idPick: number;
  /** Usually none; sometimes one field made wrong, sometimes two (which exercises the order of the checks). */
  readonly corruptions: readonly OrderCorruption[];
}

type Target = 'live' | 'ended' | 'unknown';

interface CancelStep {
  readonly kind: 'cancel';
  readonly target: Target;
  readonly pick: number;
}

interface ReplaceStep {
  readonly kind: 'replace';
  readonly target: Target;
  readonly pick: number;
  readonly qtyChange: 'same' | 'down' | 'up' | 'oneLot';
  readonly priceTicks: number;
  readonly stopTicks: number;
  /** Send a wrong stop price: 0 to a waiting stop, a non-zero one to a triggered stop-limit. */
  readonly stopPxZero: boolean;
  readonly corruption: ReplaceCorruption | null;
}

interface MassCancelStep {
  readonly kind: 'massCancel';
  readonly scope: number;
  readonly keyPick: number;
  /** An unknown or odd key (symbol scope: a symbol never added; session, firm: an odd number). */
  readonly oddKey: boolean;
}

interface TradingStateStep {
  readonly kind: 'tradingState';
  readonly sym: number;
  readonly state: number;
  readonly unknownSymbol: boolean;
}

interface EndOfDayStep {
  readonly kind: 'endOfDay';
  readonly which: 'one' | 'all' | 'unknown';
  readonly sym: number;
}

interface TimeTickStep {
  readonly kind: 'timeTick';
  readonly jump: number;
}

interface AddSymbolStep {
  readonly kind: 'addSymbol';
  readonly variant: 'duplicate' | 'invalid' | 'fresh';
  readonly sym: number;
  readonly fresh: GenSymbol;
}

type Action = NewOrderStep | CancelStep | ReplaceStep | MassCancelStep | TradingStateStep | EndOfDayStep | TimeTickStep | AddSymbolStep;

interface Step {
  readonly clock: Clock;
  readonly action: Action;
}

const newOrderArb: fc.Arbitrary<NewOrderStep> = fc.record({
  kind: fc.constant('new' as const),
  sym: fc.nat(),
  side: fc.constantFrom<Side>(Side.Buy, Side.Sell),
  ordType: weighted<OrdType>([60, OrdType.Limit], [12, OrdType.Market], [14, OrdType.Stop], [14, OrdType.StopLimit]),
  tifPick: fc.nat(),
  priceTicks: fc.integer({ min: -5, max: 5 }),
  stopTicks: fc.integer({ min: 0, max: 6 }),
  qtyLots: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 10 }) }, { weight: 2, arbitrary: fc.integer({ min: 11, max: 60 }) }),
  displayLots: fc.oneof({ weight: 8, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 5 }) }),
  minQtyLots: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: fc.integer({ min: 1, max: 12 }) }),
  postOnly: weighted([9, false], [1, true]),
  expiry: weighted<NewOrderStep['expiry']>([1, 'past'], [1, 'now'], [4, 'soon'], [4, 'later']),
  expiryJitter: fc.integer({ min: 0, max: 2_999 }),
  stpId: weighted([4, 0], [3, 1], [2, 2], [1, 3]),
  stpMode: fc.constantFrom<StpMode>(StpMode.None, StpMode.CancelResting, StpMode.CancelAggressing, StpMode.CancelBoth, StpMode.Decrement),
  sessionId: fc.integer({ min: 1, max: 3 }),
  firmId: fc.integer({ min: 1, max: 2 }),
  idSource: weighted<NewOrderStep['idSource']>([96, 'fresh'], [3, 'live'], [1, 'ended']),
  idPick: fc.nat(),
  corruptions: fc.oneof(
    { weight: 88, arbitrary: fc.constant([]) },
    { weight: 12, arbitrary: fc.array(fc.constantFrom<OrderCorruption>(...ORDER_CORRUPTIONS), { minLength: 1, maxLength: 2 }) },
  ),
});

const targetArb = weighted<Target>([85, 'live'], [8, 'ended'], [7, 'unknown']);

const cancelArb: fc.Arbitrary<CancelStep> = fc.record({ kind: fc.constant('cancel' as const), target: targetArb, pick: fc.nat() });

const replaceArb: fc.Arbitrary<ReplaceStep> = fc.record({
  kind: fc.constant('replace' as const),
  target: targetArb,
  pick: fc.nat(),
  qtyChange: weighted<ReplaceStep['qtyChange']>([2, 'same'], [4, 'down'], [3, 'up'], [1, 'oneLot']),
  priceTicks: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }) }),
  stopTicks: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -2, max: 2 }) }),
  stopPxZero: weighted([7, false], [1, true]),
  corruption: fc.oneof(
    { weight: 92, arbitrary: fc.constant(null) },
    { weight: 8, arbitrary: fc.constantFrom<ReplaceCorruption>(...REPLACE_CORRUPTIONS) },
  ),
});

const massCancelArb: fc.Arbitrary<MassCancelStep> = fc.record({
  kind: fc.constant('massCancel' as const),
  scope: weighted([1, MassCancelScope.All], [3, MassCancelScope.Symbol], [3, MassCancelScope.Session], [3, MassCancelScope.Firm], [1, 4], [1, -1]),
  keyPick: fc.nat(),
  oddKey: weighted([9, false], [1, true]),
});

const tradingStateArb: fc.Arbitrary<TradingStateStep> = fc.record({
  kind: fc.constant('tradingState' as const),
  sym: fc.nat(),
  // Mostly Open: a symbol stays halted until an Open step comes, so the share of time halted is about
  // the share of non-Open states drawn.
  state: weighted([30, TradingState.Open], [1, TradingState.Halted], [1, TradingState.Closed], [1, 3]),
  unknownSymbol: weighted([19, false], [1, true]),
});

const endOfDayArb: fc.Arbitrary<EndOfDayStep> = fc.record({
  kind: fc.constant('endOfDay' as const),
  which: weighted<EndOfDayStep['which']>([6, 'one'], [3, 'all'], [1, 'unknown']),
  sym: fc.nat(),
});

const timeTickArb: fc.Arbitrary<TimeTickStep> = fc.record({
  kind: fc.constant('timeTick' as const),
  jump: fc.integer({ min: 0, max: 5_000 }),
});

const addSymbolArb: fc.Arbitrary<AddSymbolStep> = fc.record({
  kind: fc.constant('addSymbol' as const),
  variant: weighted<AddSymbolStep['variant']>([2, 'duplicate'], [2, 'invalid'], [1, 'fresh']),
  sym: fc.nat(),
  fresh: symbolArb,
});

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 58, arbitrary: newOrderArb },
  { weight: 13, arbitrary: cancelArb },
  { weight: 13, arbitrary: replaceArb },
  { weight: 2, arbitrary: massCancelArb },
  { weight: 3, arbitrary: tradingStateArb },
  { weight: 1, arbitrary: endOfDayArb },
  { weight: 6, arbitrary: timeTickArb },
  { weight: 1, arbitrary: addSymbolArb },
);

const stepArb: fc.Arbitrary<Step> = fc.record({ clock: clockArb, action: actionArb });

// ------------------------------------------------------------ from steps to commands

/** A live order, as the followed matcher's events describe it. */
interface LiveOrder {
  readonly orderId: number;
  readonly symbol: GenSymbol;
  readonly ordType: OrdType;
  price: number;
  stopPx: number;
  qty: number;
  filled: number;
  triggered: boolean;
}

const TIFS_BY_TYPE: Record<OrdType, readonly TimeInForce[]> = {
  [OrdType.Limit]: [TimeInForce.GTC, TimeInForce.Day, TimeInForce.GTD, TimeInForce.IOC, TimeInForce.FOK],
  [OrdType.Market]: [TimeInForce.IOC, TimeInForce.Day, TimeInForce.FOK],
  [OrdType.Stop]: [TimeInForce.Day, TimeInForce.GTC, TimeInForce.GTD, TimeInForce.IOC, TimeInForce.FOK],
  [OrdType.StopLimit]: [TimeInForce.GTC, TimeInForce.Day, TimeInForce.GTD, TimeInForce.IOC, TimeInForce.FOK],
};

/** Symbol ids no stream adds: plain, and odd ones a Rejected event must still echo exactly. */
const UNKNOWN_SYMBOLS = [999, 999, 999, 0, -1, 1.5, 70_000, 2 ** 32 + 1] as const;
const unknownSymbol = (pick: number): number => UNKNOWN_SYMBOLS[pick % UNKNOWN_SYMBOLS.length]!;
/** Order ids never used: plain (from this base), and odd ones (not positive safe integers). */
const UNKNOWN_ORDER_BASE = 9_000_000;
const ODD_ORDER_IDS = [0, -1, 1.5, 2 ** 53] as const;

/** AddSymbol configs the matcher must refuse with InvalidSymbolConfig, each wrong in one way. */
const INVALID_CONFIGS: ReadonlyArray<(s: GenSymbol) => Partial<GenSymbol>> = [
  () => ({ tickSize: 0 }),
  () => ({ lotSize: 0 }),
  () => ({ lotSize: -10 }),
  () => ({ symbolId: 0 }),
  () => ({ symbolId: 65_536 }),
  () => ({ symbolId: 1.5 }),
  (s) => ({ minPrice: s.tickSize > 1 ? s.minPrice + 1 : 0 }),
  (s) => ({ maxPrice: s.minPrice - s.tickSize }),
  (s) => ({ maxPrice: s.minPrice + MAX_LEVELS * s.tickSize }),
  (s) => ({ marketBand: -s.tickSize }),
  (s) => ({ marketBand: s.tickSize > 1 ? s.tickSize + 1 : 0.5 }),
  () => ({ state: 3 as TradingState }),
  () => ({ tickSize: 2 ** 53 }),
];

class StreamBuilder {
  readonly commands: Command[] = [];
  private seq = 0;
  private ts = 1_000_000_000;
  private nextOrderId = 1;
  private readonly symbols: GenSymbol[];
  /** Live orders in acceptance order (an array, so that a drawn index picks one deterministically). */
  private readonly live: LiveOrder[] = [];
  /** Ids that were used and are not live: rejected, filled, cancelled, expired. */
  private readonly ended: number[] = [];

  constructor(
    symbols: readonly GenSymbol[],
    private readonly follow: Matcher,
  ) {
    this.symbols = [...symbols];
    for (const s of symbols) this.addSymbol(s, { advance: 0, anomaly: 'none' });
  }

  /** The seq and ts of the next command (an anomaly gives values the matcher must refuse). */
  private stamp(clock: Clock): { seq: number; ts: number } {
    if (clock.anomaly === 'staleSeq') return { seq: Math.max(0, this.seq - (clock.advance % 2)), ts: this.ts + clock.advance };
    if (clock.anomaly === 'tsBack') return { seq: ++this.seq, ts: this.ts - 1 - (clock.advance % 1_000) };
    this.seq += 1;
    this.ts += clock.advance;
    return { seq: this.seq, ts: this.ts };
  }

  add(step: Step): void {
    const a = step.action;
    switch (a.kind) {
      case 'new':
        return this.newOrder(a, step.clock);
      case 'cancel':
        return this.push({ type: CommandType.Cancel, ...this.stamp(step.clock), orderId: this.target(a.target, a.pick).orderId });
      case 'replace':
        return this.replace(a, step.clock);
      case 'massCancel':
        return this.massCancel(a, step.clock);
      case 'tradingState': {
        const symbolId = a.unknownSymbol ? unknownSymbol(a.sym) : this.pickSymbol(a.sym).symbolId;
        return this.push({ type: CommandType.SetTradingState, ...this.stamp(step.clock), symbolId, state: a.state as TradingState });
      }
      case 'endOfDay': {
        const symbolId = a.which === 'all' ? 0 : a.which === 'unknown' ? unknownSymbol(a.sym) : this.pickSymbol(a.sym).symbolId;
        return this.push({ type: CommandType.EndOfDay, ...this.stamp(step.clock), symbolId });
      }
      case 'timeTick':
        return this.push({ type: CommandType.TimeTick, ...this.stamp({ ...step.clock, advance: step.clock.advance + a.jump }) });
      case 'addSymbol':
        return this.addSymbolStep(a, step.clock);
    }
  }

  /** Appends the command and follows what it did to the live orders. */
  private push(c: Command, sent?: LiveOrder): void {
    this.commands.push(c);
    for (const e of this.follow.process([c])) {
      switch (e.type) {
        case EventType.Accepted:
          if (sent !== undefined) this.live.push(sent);
          break;
        case EventType.Rejected:
          // A refused NewOrder's id joins the ended ones, unless it is the id of a live order (DuplicateOrderId).
          if (c.type === CommandType.NewOrder && Number.isSafeInteger(c.orderId) && c.orderId > 0 && this.find(c.orderId) === undefined)
            this.ended.push(c.orderId);
          break;
        case EventType.Trade:
          this.fill(e.aggressorOrderId, e.qty, e.aggressorLeaves);
          this.fill(e.restingOrderId, e.qty, e.restingLeaves);
          break;
        case EventType.Cancelled:
        case EventType.Expired:
          this.end(e.orderId);
          break;
        case EventType.Reduced: {
          const o = this.find(e.orderId);
          if (o !== undefined) o.qty -= e.reducedBy;
          break;
        }
        case EventType.Replaced: {
          const o = this.find(e.orderId);
          if (o !== undefined) Object.assign(o, { price: e.price, stopPx: e.stopPx, qty: e.qty });
          break;
        }
        case EventType.Triggered: {
          const o = this.find(e.orderId);
          if (o !== undefined) o.triggered = true;
          break;
        }
        default:
          break;
      }
    }
  }

  private find(orderId: number): LiveOrder | undefined {
    return this.live.find((o) => o.orderId === orderId);
  }

  private fill(orderId: number, qty: number, leaves: number): void {
    const o = this.find(orderId);
    if (o === undefined) return;
    o.filled += qty;
    if (leaves === 0) this.end(orderId);
  }

  private end(orderId: number): void {
    const i = this.live.findIndex((o) => o.orderId === orderId);
    if (i >= 0) this.live.splice(i, 1);
    this.ended.push(orderId);
  }

  private addSymbol(s: GenSymbol, clock: Clock): void {
    const { symbolId, tickSize, lotSize, minPrice, maxPrice, marketBand, state } = s;
    this.push({ type: CommandType.AddSymbol, ...this.stamp(clock), symbolId, tickSize, lotSize, minPrice, maxPrice, marketBand, state });
  }

  private addSymbolStep(a: AddSymbolStep, clock: Clock): void {
    const existing = this.symbols[a.sym % this.symbols.length]!;
    if (a.variant === 'duplicate') return this.addSymbol(existing, clock);
    if (a.variant === 'invalid') return this.addSymbol({ ...a.fresh, ...INVALID_CONFIGS[a.sym % INVALID_CONFIGS.length]!(a.fresh) }, clock);
    if (!this.symbols.some((s) => s.symbolId === a.fresh.symbolId)) this.symbols.push(a.fresh);
    this.addSymbol(a.fresh, clock);
  }

  private pickSymbol(i: number): GenSymbol {
    return this.symbols[i % this.symbols.length]!;
  }

  private newOrder(a: NewOrderStep, clock: Clock): void {
    const sym = this.pickSymbol(a.sym);
    const { seq, ts } = this.stamp(clock);
    const tifs = TIFS_BY_TYPE[a.ordType];
    const tif = tifs[a.tifPick % tifs.length]!;
    const tick = sym.tickSize;
    const lot = sym.lotSize;
    const hasPrice = a.ordType === OrdType.Limit || a.ordType === OrdType.StopLimit;
    const isStop = a.ordType === OrdType.Stop || a.ordType === OrdType.StopLimit;
    const skew = a.side === Side.Buy ? -1 : 1;
    const stopPx = isStop ? sym.mid + (a.side === Side.Buy ? 1 : -1) * a.stopTicks * tick : 0;
    // A stop-limit's limit sits a little beyond its stop price, so a triggered one usually trades.
    const price = !hasPrice
      ? 0
      : isStop
        ? stopPx + (a.side === Side.Buy ? 1 : -1) * (Math.abs(a.priceTicks) % 3) * tick
        : sym.mid + (a.priceTicks + skew) * tick;
    const qty = a.qtyLots * lot;
    const restingTif = tif === TimeInForce.Day || tif === TimeInForce.GTC || tif === TimeInForce.GTD;
    const displayQty = a.displayLots > 0 && a.ordType === OrdType.Limit && restingTif ? Math.min(a.displayLots, a.qtyLots) * lot : 0;
    const minQty = a.minQtyLots > 0 && tif === TimeInForce.IOC ? Math.min(a.minQtyLots, a.qtyLots) * lot : 0;
    const postOnly = a.postOnly && a.ordType === OrdType.Limit && restingTif;
    const expireTime =
      tif !== TimeInForce.GTD
        ? 0
        : a.expiry === 'past'
          ? ts - 1 - a.expiryJitter
          : a.expiry === 'now'
            ? ts
            : a.expiry === 'soon'
              ? ts + 1 + a.expiryJitter
              : ts + 10_000_000 + a.expiryJitter;

    let orderId: number;
    if (a.idSource === 'live' && this.live.length > 0) orderId = this.live[a.idPick % this.live.length]!.orderId;
    else if (a.idSource === 'ended' && this.ended.length > 0) orderId = this.ended[a.idPick % this.ended.length]!;
    else orderId = this.nextOrderId++;

    const cmd: NewOrderCommand = {
      type: CommandType.NewOrder,
      seq,
      ts,
      orderId,
      symbolId: sym.symbolId,
      side: a.side,
      ordType: a.ordType,
      tif,
      flags: postOnly ? OrderFlag.PostOnly : 0,
      stpMode: a.stpMode,
      price,
      stopPx,
      qty,
      minQty,
      displayQty,
      expireTime,
      sessionId: a.sessionId,
      firmId: a.firmId,
      stpId: a.stpId,
    };
    for (const c of a.corruptions) corruptOrder(cmd, c, sym, a.idPick);
    this.push(cmd, {
      orderId,
      symbol: sym,
      ordType: cmd.ordType,
      price: cmd.price,
      stopPx: cmd.stopPx,
      qty: cmd.qty,
      filled: 0,
      triggered: false,
    });
  }

  /** The order a cancel or replace aims at: a live one, an ended one, or an id never used. */
  private target(target: Target, pick: number): { orderId: number; order?: LiveOrder } {
    if (target === 'live' && this.live.length > 0) {
      const order = this.live[pick % this.live.length]!;
      return { orderId: order.orderId, order };
    }
    if (target !== 'unknown' && this.ended.length > 0) return { orderId: this.ended[pick % this.ended.length]! };
    if (pick % 4 === 0) return { orderId: ODD_ORDER_IDS[(pick >> 2) % ODD_ORDER_IDS.length]! };
    return { orderId: UNKNOWN_ORDER_BASE + (pick % 1_000) };
  }

  private replace(a: ReplaceStep, clock: Clock): void {
    const { orderId, order } = this.target(a.target, a.pick);
    const stamp = this.stamp(clock);
    if (order === undefined) {
      this.push({ type: CommandType.Replace, ...stamp, orderId, price: 0, stopPx: 0, qty: 1 });
      return;
    }
    const { tickSize: tick, lotSize: lot } = order.symbol;
    const hasPrice = order.ordType === OrdType.Limit || order.ordType === OrdType.StopLimit;
    const untriggeredStop = (order.ordType === OrdType.Stop || order.ordType === OrdType.StopLimit) && !order.triggered;
    let price = hasPrice ? order.price + a.priceTicks * tick : 0;
    // stopPxZero sends the wrong stop price on purpose: 0 to a waiting stop, the old one to a triggered stop-limit.
    const stopPxRight = untriggeredStop ? order.stopPx + a.stopTicks * tick : 0;
    const stopPxWrong = untriggeredStop ? 0 : order.ordType === OrdType.StopLimit ? order.symbol.mid : 0;
    let stopPx = a.stopPxZero ? stopPxWrong : stopPxRight;
    let qty =
      a.qtyChange === 'same'
        ? order.qty
        : a.qtyChange === 'down'
          ? Math.max(order.filled + lot, order.qty - lot * (1 + (a.pick % 3)))
          : a.qtyChange === 'up'
            ? order.qty + lot * (1 + (a.pick % 3))
            : lot;
    switch (a.corruption) {
      case null:
        break;
      case 'qtyZero':
        qty = 0;
        break;
      case 'qtyOffLot':
        qty = lot > 1 ? qty + 1 : qty + 0.5;
        break;
      case 'priceOffTick':
        price = tick > 1 ? price + 1 : price + 0.5;
        break;
      case 'priceOutOfRange':
        price = order.symbol.maxPrice + tick;
        break;
      case 'priceOnStop':
        price = order.ordType === OrdType.Stop ? order.symbol.mid : price;
        break;
      case 'stopPxOnLimit':
        stopPx = order.ordType === OrdType.Limit ? order.symbol.mid : stopPx;
        break;
    }
    this.push({ type: CommandType.Replace, ...stamp, orderId, price, stopPx, qty });
  }

  private massCancel(a: MassCancelStep, clock: Clock): void {
    const scope = a.scope as MassCancelScope;
    // Keys: the known symbols, sessions 1–3 and firms 1–2, sometimes an odd one; for All, 0 and sometimes not.
    let key = a.keyPick % 5 === 0 ? unknownSymbol(a.keyPick >> 3) : 0;
    if (scope === MassCancelScope.Symbol) key = a.oddKey ? unknownSymbol(a.keyPick) : this.pickSymbol(a.keyPick).symbolId;
    else if (scope === MassCancelScope.Session && !a.oddKey) key = 1 + (a.keyPick % 3);
    else if (scope === MassCancelScope.Firm && !a.oddKey) key = 1 + (a.keyPick % 2);
    this.push({ type: CommandType.MassCancel, ...this.stamp(clock), scope, key });
  }
}

/** Makes one field of a NewOrder wrong in the way `c` names (`pick` chooses among odd values). */
function corruptOrder(cmd: NewOrderCommand, c: OrderCorruption, sym: GenSymbol, pick: number): void {
  const tick = sym.tickSize;
  const lot = sym.lotSize;
  const w = cmd as { -readonly [K in keyof NewOrderCommand]: number };
  switch (c) {
    case 'orderIdZero':
      w.orderId = 0;
      break;
    case 'orderIdNegative':
      w.orderId = -cmd.orderId;
      break;
    case 'orderIdFraction':
      w.orderId = cmd.orderId + 0.5;
      break;
    case 'orderIdUnsafe':
      w.orderId = 2 ** 53 + 2;
      break;
    case 'unknownSymbol':
      w.symbolId = unknownSymbol(pick);
      break;
    case 'badSide':
      w.side = 3;
      break;
    case 'badOrdType':
      w.ordType = 5;
      break;
    case 'badTif':
      w.tif = 2;
      break;
    case 'badStpMode':
      w.stpMode = 5;
      break;
    case 'badFlags':
      w.flags = 2;
      break;
    case 'qtyZero':
      w.qty = 0;
      break;
    case 'qtyNegative':
      w.qty = -lot;
      break;
    case 'qtyOffLot':
      w.qty = lot > 1 ? cmd.qty + 1 : cmd.qty + 0.5;
      break;
    case 'qtyFraction':
      w.qty = cmd.qty + 0.25;
      break;
    case 'qtyUnsafe':
      w.qty = 2 ** 53;
      break;
    case 'priceOffTick':
      w.price = tick > 1 ? cmd.price + 1 : cmd.price + 0.5;
      break;
    case 'priceAboveMax':
      w.price = sym.maxPrice + tick;
      break;
    case 'priceBelowMin':
      w.price = sym.minPrice - tick;
      break;
    case 'priceZero':
      w.price = 0;
      break;
    case 'priceOnMarket':
      w.ordType = OrdType.Market;
      w.tif = TimeInForce.IOC;
      w.price = sym.mid;
      w.stopPx = 0;
      w.displayQty = 0;
      w.flags = 0;
      w.expireTime = 0;
      break;
    case 'stopPxOnLimit':
      w.stopPx = sym.mid;
      break;
    case 'stopPxOffTick':
      w.stopPx = tick > 1 ? sym.mid + 1 : sym.mid + 0.5;
      break;
    case 'stopPxOutOfRange':
      w.stopPx = sym.maxPrice + tick;
      break;
    case 'minQtyWithoutIoc':
      w.tif = TimeInForce.GTC;
      w.expireTime = 0;
      w.minQty = lot;
      break;
    case 'minQtyAboveQty':
      w.tif = TimeInForce.IOC;
      w.expireTime = 0;
      w.displayQty = 0;
      w.flags = 0;
      w.minQty = cmd.qty + lot;
      break;
    case 'minQtyOffLot':
      w.tif = TimeInForce.IOC;
      w.expireTime = 0;
      w.displayQty = 0;
      w.flags = 0;
      w.minQty = lot > 1 ? lot + 1 : 0.5;
      break;
    case 'displayOnIoc':
      w.tif = TimeInForce.IOC;
      w.expireTime = 0;
      w.displayQty = lot;
      break;
    case 'displayAboveQty':
      w.displayQty = cmd.qty + lot;
      break;
    case 'displayAboveQtyOffLot':
      w.displayQty = lot > 1 ? cmd.qty + lot + 1 : cmd.qty + 1.5;
      break;
    case 'displayNegative':
      w.displayQty = -lot;
      break;
    case 'displayOnStopLimit':
      w.ordType = OrdType.StopLimit;
      w.stopPx = sym.mid;
      w.displayQty = lot;
      break;
    case 'postOnlyOnMarket':
      w.ordType = OrdType.Market;
      w.tif = TimeInForce.Day;
      w.price = 0;
      w.stopPx = 0;
      w.expireTime = 0;
      w.flags = OrderFlag.PostOnly;
      break;
    case 'postOnlyIoc':
      w.tif = TimeInForce.IOC;
      w.expireTime = 0;
      w.flags = OrderFlag.PostOnly;
      break;
    case 'marketGtc':
      w.ordType = OrdType.Market;
      w.tif = TimeInForce.GTC;
      w.price = 0;
      w.stopPx = 0;
      w.expireTime = 0;
      w.displayQty = 0;
      w.flags = 0;
      break;
    case 'gtdWithoutExpiry':
      w.tif = TimeInForce.GTD;
      w.expireTime = 0;
      break;
    case 'expiryWithoutGtd':
      w.tif = TimeInForce.Day;
      w.expireTime = cmd.ts + 1_000;
      break;
  }
}

// ------------------------------------------------------------ the arbitrary

export interface StreamOptions {
  /** Commands after the AddSymbols. */
  readonly minCommands: number;
  readonly maxCommands: number;
}

/** Turns drawn symbols and steps into the command stream (deterministic). */
export function buildStream(symbols: readonly GenSymbol[], steps: readonly Step[]): Command[] {
  const builder = new StreamBuilder(symbols, new ReferenceMatcher());
  for (const step of steps) builder.add(step);
  return builder.commands;
}

/** A realistic command stream: AddSymbol for 1–3 symbols, then a mix of every command kind. */
export function commandStream(options: StreamOptions): fc.Arbitrary<Command[]> {
  return fc
    .tuple(symbolsArb, fc.array(stepArb, { minLength: options.minCommands, maxLength: options.maxCommands, size: 'max' }))
    .map(([symbols, steps]) => buildStream(symbols, steps));
}
