// The reference matcher: docs/matcher.md transcribed step by step, for the differential test and
// as the benchmark's baseline. It is written to be read next to the doc, so every section of the
// doc has one method here, checks run in the doc's order, and the data structures are the plainest
// that are not quadratic on a book of ~1,000 orders: per side a sorted array of price levels, each
// a FIFO array of orders; the untriggered stops as an array in entry order; the live GTD orders as
// an array sorted by (expireTime, orderId).
import {
  CancelReason,
  CommandType,
  EventType,
  MassCancelScope,
  MAX_LEVELS,
  MAX_SYMBOL_ID,
  OrderFlag,
  OrdType,
  RejectReason,
  Side,
  StpMode,
  TimeInForce,
  TradingState,
  type AddSymbolCommand,
  type CancelCommand,
  type Command,
  type EndOfDayCommand,
  type L2Level,
  type L2Snapshot,
  type L3Order,
  type L3Snapshot,
  type MassCancelCommand,
  type Matcher,
  type MatcherEvent,
  type NewOrderCommand,
  type ReplaceCommand,
  type SetTradingStateCommand,
} from '../../src/matcher/types';

/** Where an order is: resting in the book, waiting as an untriggered stop, taking liquidity, or ended. */
type Place = 'book' | 'stop' | 'aggressing' | 'done';

interface RefOrder {
  readonly orderId: number;
  readonly symbolId: number;
  readonly side: Side;
  readonly ordType: OrdType;
  readonly tif: TimeInForce;
  readonly postOnly: boolean;
  readonly stpMode: StpMode;
  readonly stpId: number;
  readonly sessionId: number;
  readonly firmId: number;
  readonly minQty: number;
  readonly displayQty: number;
  readonly expireTime: number;
  price: number;
  stopPx: number;
  /** Total order qty; shrinks with STP Decrement, set by Replace. */
  qty: number;
  cumQty: number;
  displayed: number;
  /** Untriggered stops only: trigger priority. */
  entrySeq: number;
  place: Place;
}

interface Level {
  readonly price: number;
  /** FIFO: the front trades first. */
  readonly orders: RefOrder[];
}

interface RefSymbol {
  readonly symbolId: number;
  readonly tickSize: number;
  readonly lotSize: number;
  readonly minPrice: number;
  readonly maxPrice: number;
  readonly marketBand: number;
  state: TradingState;
  lastTradePrice: number;
  /** Best (highest) price first. */
  readonly bids: Level[];
  /** Best (lowest) price first. */
  readonly asks: Level[];
  /** Untriggered stops by entry sequence ascending (an entry seq is always the newest seq, so appending keeps the order). */
  readonly stops: RefOrder[];
}

const isSafe = (x: number): boolean => Number.isSafeInteger(x);
const isPositiveSafe = (x: number): boolean => Number.isSafeInteger(x) && x > 0;

const SIDES: ReadonlySet<number> = new Set(Object.values(Side));
const ORD_TYPES: ReadonlySet<number> = new Set(Object.values(OrdType));
const TIFS: ReadonlySet<number> = new Set(Object.values(TimeInForce));
const STP_MODES: ReadonlySet<number> = new Set(Object.values(StpMode));
const TRADING_STATES: ReadonlySet<number> = new Set(Object.values(TradingState));
const SCOPES: ReadonlySet<number> = new Set(Object.values(MassCancelScope));

function leaves(o: RefOrder): number {
  return o.qty - o.cumQty;
}

/**
 * Where the level at `price` is, or would be inserted, in `levels` (best first for `side`): the
 * first index whose price is not strictly better than `price`. Binary search over the sorted array.
 */
function levelIndex(levels: readonly Level[], side: Side, price: number): number {
  let lo = 0;
  let hi = levels.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const p = levels[mid]!.price;
    const strictlyBetter = side === Side.Buy ? p > price : p < price;
    if (strictlyBetter) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class ReferenceMatcher implements Matcher {
  private lastSeq = 0;
  private lastTs = 0;
  private readonly symbols = new Map<number, RefSymbol>();
  /** Live orders (resting or untriggered stop) by id. */
  private readonly live = new Map<number, RefOrder>();
  /** Live GTD orders sorted by (expireTime, orderId): the expiry order of the pre-step. */
  private readonly gtd: RefOrder[] = [];
  /** Where the events of the current process() call go, and the seq of the command being processed (stamped on each). */
  private events: MatcherEvent[] = [];
  private seq = 0;

  process(commands: readonly Command[]): MatcherEvent[] {
    const events: MatcherEvent[] = [];
    this.events = events;
    for (const command of commands) {
      this.seq = command.seq;
      this.processOne(command);
    }
    this.events = [];
    return events;
  }

  // ------------------------------------------------------------ the pre-step

  private processOne(c: Command): void {
    if (c.seq <= this.lastSeq) return this.reject(c, RejectReason.SequenceNotIncreasing);
    if (c.ts < this.lastTs) return this.reject(c, RejectReason.TimestampWentBack);
    this.lastSeq = c.seq;
    this.lastTs = c.ts;
    this.expireGtd(c.ts);
    switch (c.type) {
      case CommandType.AddSymbol:
        return this.addSymbol(c);
      case CommandType.SetTradingState:
        return this.setTradingState(c);
      case CommandType.NewOrder:
        return this.newOrder(c);
      case CommandType.Cancel:
        return this.cancel(c);
      case CommandType.Replace:
        return this.replace(c);
      case CommandType.MassCancel:
        return this.massCancel(c);
      case CommandType.EndOfDay:
        return this.endOfDay(c);
      case CommandType.TimeTick:
        return; // only the pre-step
      default:
        // Not in the doc: a command type outside CommandType is refused after the pre-step.
        return this.reject(c, RejectReason.UnknownCommand);
    }
  }

  private expireGtd(ts: number): void {
    // `gtd` holds exactly the live GTD orders in (expireTime, orderId) order, so the due ones are a prefix.
    while (this.gtd.length > 0 && this.gtd[0]!.expireTime <= ts) {
      const o = this.gtd[0]!;
      this.emitExpired(o);
      this.detach(o);
    }
  }

  // ------------------------------------------------------------ AddSymbol, SetTradingState

  private addSymbol(c: AddSymbolCommand): void {
    const valid =
      isSafe(c.symbolId) &&
      c.symbolId >= 1 &&
      c.symbolId <= MAX_SYMBOL_ID &&
      isPositiveSafe(c.tickSize) &&
      isPositiveSafe(c.lotSize) &&
      isPositiveSafe(c.minPrice) &&
      c.minPrice % c.tickSize === 0 &&
      isSafe(c.maxPrice) &&
      c.maxPrice >= c.minPrice &&
      c.maxPrice % c.tickSize === 0 &&
      (c.maxPrice - c.minPrice) / c.tickSize + 1 <= MAX_LEVELS &&
      isSafe(c.marketBand) &&
      c.marketBand >= 0 &&
      c.marketBand % c.tickSize === 0 &&
      TRADING_STATES.has(c.state);
    if (!valid) return this.reject(c, RejectReason.InvalidSymbolConfig);
    if (this.symbols.has(c.symbolId)) return this.reject(c, RejectReason.DuplicateSymbol);
    this.symbols.set(c.symbolId, {
      symbolId: c.symbolId,
      tickSize: c.tickSize,
      lotSize: c.lotSize,
      minPrice: c.minPrice,
      maxPrice: c.maxPrice,
      marketBand: c.marketBand,
      state: c.state,
      lastTradePrice: 0,
      bids: [],
      asks: [],
      stops: [],
    });
    this.events.push({ type: EventType.SymbolAdded, seq: this.seq, symbolId: c.symbolId });
  }

  private setTradingState(c: SetTradingStateCommand): void {
    const sym = this.symbols.get(c.symbolId);
    if (sym === undefined) return this.reject(c, RejectReason.UnknownSymbol);
    if (!TRADING_STATES.has(c.state)) return this.reject(c, RejectReason.InvalidSymbolConfig);
    sym.state = c.state;
    this.events.push({ type: EventType.TradingStateChanged, seq: this.seq, symbolId: c.symbolId, state: c.state });
  }

  // ------------------------------------------------------------ NewOrder

  private newOrder(c: NewOrderCommand): void {
    const reason = this.newOrderCheck(c);
    if (reason !== undefined) return this.reject(c, reason);
    const sym = this.symbols.get(c.symbolId)!;
    this.events.push({ type: EventType.Accepted, seq: this.seq, orderId: c.orderId, symbolId: c.symbolId });
    const o: RefOrder = {
      orderId: c.orderId,
      symbolId: c.symbolId,
      side: c.side,
      ordType: c.ordType,
      tif: c.tif,
      postOnly: c.flags === OrderFlag.PostOnly,
      stpMode: c.stpMode,
      stpId: c.stpId,
      sessionId: c.sessionId,
      firmId: c.firmId,
      minQty: c.minQty,
      displayQty: c.displayQty,
      expireTime: c.expireTime,
      price: c.price,
      stopPx: c.stopPx,
      qty: c.qty,
      cumQty: 0,
      displayed: 0,
      entrySeq: 0,
      place: 'aggressing',
    };
    if (c.ordType === OrdType.Stop || c.ordType === OrdType.StopLimit) {
      o.entrySeq = this.seq;
      o.place = 'stop';
      sym.stops.push(o);
      this.list(o);
      return;
    }
    this.aggress(sym, o);
    this.triggerCascade(sym);
  }

  /** NewOrder checks 1–14 in the doc's order; the first failure is the reason. */
  private newOrderCheck(c: NewOrderCommand): RejectReason | undefined {
    if (!isPositiveSafe(c.orderId)) return RejectReason.InvalidOrderId; // 1
    if (this.live.has(c.orderId)) return RejectReason.DuplicateOrderId; // 2
    const sym = this.symbols.get(c.symbolId);
    if (sym === undefined) return RejectReason.UnknownSymbol; // 3
    if (
      !SIDES.has(c.side) ||
      !ORD_TYPES.has(c.ordType) ||
      !TIFS.has(c.tif) ||
      !STP_MODES.has(c.stpMode) ||
      (c.flags !== 0 && c.flags !== OrderFlag.PostOnly) // "a bit other than PostOnly"
    )
      return RejectReason.InvalidOrderType; // 4
    const stateReason = this.stateCheck(sym); // 5
    if (stateReason !== undefined) return stateReason;
    const qtyReason = this.qtyCheck(sym, c.qty); // 6
    if (qtyReason !== undefined) return qtyReason;
    const hasPrice = c.ordType === OrdType.Limit || c.ordType === OrdType.StopLimit;
    if (hasPrice) {
      const r = this.priceCheck(sym, c.price); // 7
      if (r !== undefined) return r;
    } else if (c.price !== 0) return RejectReason.InvalidCombination;
    const isStop = c.ordType === OrdType.Stop || c.ordType === OrdType.StopLimit;
    if (isStop) {
      const r = this.priceCheck(sym, c.stopPx); // 8
      if (r !== undefined) return r;
    } else if (c.stopPx !== 0) return RejectReason.InvalidCombination;
    // 9
    if (!isSafe(c.minQty) || c.minQty < 0) return RejectReason.InvalidQuantity;
    if (c.minQty > 0) {
      if (c.tif !== TimeInForce.IOC) return RejectReason.InvalidCombination;
      if (c.minQty > c.qty) return RejectReason.InvalidQuantity;
      if (c.minQty % sym.lotSize !== 0) return RejectReason.OffLotGrid;
    }
    // 10
    if (!isSafe(c.displayQty) || c.displayQty < 0) return RejectReason.InvalidDisplayQty;
    if (c.displayQty > 0) {
      if (c.ordType !== OrdType.Limit || c.tif === TimeInForce.IOC || c.tif === TimeInForce.FOK)
        return RejectReason.InvalidCombination;
      if (c.displayQty > c.qty) return RejectReason.InvalidDisplayQty;
      if (c.displayQty % sym.lotSize !== 0) return RejectReason.OffLotGrid;
    }
    // 11
    const postOnly = c.flags === OrderFlag.PostOnly;
    if (postOnly && (c.ordType !== OrdType.Limit || !restingTif(c.tif))) return RejectReason.InvalidCombination;
    // 12
    if (c.ordType === OrdType.Market && (c.tif === TimeInForce.GTC || c.tif === TimeInForce.GTD))
      return RejectReason.InvalidCombination;
    if (c.tif === TimeInForce.GTD && !isPositiveSafe(c.expireTime)) return RejectReason.InvalidCombination;
    if (c.tif !== TimeInForce.GTD && c.expireTime !== 0) return RejectReason.InvalidCombination;
    if (c.tif === TimeInForce.GTD && c.expireTime <= c.ts) return RejectReason.ExpiredOnArrival;
    // 13
    if (isStop && !this.stopPxBeyondLast(sym, c.side, c.stopPx)) return RejectReason.InvalidStopPrice;
    // 14
    if (postOnly && this.wouldCross(sym, c.side, c.price)) return RejectReason.PostOnlyWouldCross;
    return undefined;
  }

  private stateCheck(sym: RefSymbol): RejectReason | undefined {
    if (sym.state === TradingState.Halted) return RejectReason.SymbolHalted;
    if (sym.state === TradingState.Closed) return RejectReason.SymbolClosed;
    return undefined;
  }

  private qtyCheck(sym: RefSymbol, qty: number): RejectReason | undefined {
    if (!isPositiveSafe(qty)) return RejectReason.InvalidQuantity;
    if (qty % sym.lotSize !== 0) return RejectReason.OffLotGrid;
    return undefined;
  }

  /** NewOrder step 7 (and 8, which is the same test on the stop price). */
  private priceCheck(sym: RefSymbol, price: number): RejectReason | undefined {
    if (!isPositiveSafe(price)) return RejectReason.InvalidPrice;
    if (price % sym.tickSize !== 0) return RejectReason.OffTickGrid;
    if (price < sym.minPrice || price > sym.maxPrice) return RejectReason.PriceOutOfRange;
    return undefined;
  }

  /** NewOrder step 13: with a last trade price, a stop must not be already triggered by it. */
  private stopPxBeyondLast(sym: RefSymbol, side: Side, stopPx: number): boolean {
    const last = sym.lastTradePrice;
    if (last <= 0) return true;
    return side === Side.Buy ? stopPx > last : stopPx < last;
  }

  /** Step 14: Buy with price >= best ask, Sell with price <= best bid. */
  private wouldCross(sym: RefSymbol, side: Side, price: number): boolean {
    const opposite = side === Side.Buy ? sym.asks : sym.bids;
    if (opposite.length === 0) return false;
    return side === Side.Buy ? price >= opposite[0]!.price : price <= opposite[0]!.price;
  }

  // ------------------------------------------------------------ aggression

  /** Runs `o` (not in the book, not live) against the opposite side; ends with `o` resting or done. */
  private aggress(sym: RefSymbol, o: RefOrder): void {
    o.place = 'aggressing';
    const opposite = o.side === Side.Buy ? sym.asks : sym.bids;

    // The limit L, computed once at the start.
    let limit: number | undefined;
    if (o.ordType === OrdType.Limit || o.ordType === OrdType.StopLimit) limit = o.price;
    else if (opposite.length > 0) {
      const best = opposite[0]!.price;
      limit = o.side === Side.Buy ? best + sym.marketBand : best - sym.marketBand;
    }
    const withinL = (price: number): boolean =>
      limit !== undefined && (o.side === Side.Buy ? price <= limit : price >= limit);

    const stpActive = o.stpMode !== StpMode.None && o.stpId !== 0;
    const isSelf = (r: RefOrder): boolean => stpActive && r.stpId === o.stpId;

    // FOK and minimum quantity: checked before any matching, without side effects.
    if (o.tif === TimeInForce.FOK || o.minQty > 0) {
      let executable = 0;
      let blocked = false;
      for (const level of opposite) {
        if (!withinL(level.price)) break;
        for (const r of level.orders) {
          if (isSelf(r)) {
            if (o.stpMode !== StpMode.CancelResting) blocked = true;
          } else executable += leaves(r);
        }
      }
      if (o.tif === TimeInForce.FOK && (blocked || executable < leaves(o))) {
        this.emitCancelled(o, CancelReason.FokUnfilled, leaves(o));
        o.place = 'done';
        return;
      }
      if (o.minQty > 0 && (blocked || executable < o.minQty)) {
        this.emitCancelled(o, CancelReason.MinQtyUnmet, leaves(o));
        o.place = 'done';
        return;
      }
    }

    // The matching loop.
    let done = false;
    while (!done && leaves(o) > 0 && opposite.length > 0 && withinL(opposite[0]!.price)) {
      const level = opposite[0]!;
      const r = level.orders[0]!;
      if (isSelf(r)) {
        switch (o.stpMode) {
          case StpMode.CancelResting:
            this.emitCancelled(r, CancelReason.SelfTrade, leaves(r));
            this.detach(r);
            break;
          case StpMode.CancelAggressing:
            this.emitCancelled(o, CancelReason.SelfTrade, leaves(o));
            done = true;
            break;
          case StpMode.CancelBoth:
            this.emitCancelled(r, CancelReason.SelfTrade, leaves(r));
            this.detach(r);
            this.emitCancelled(o, CancelReason.SelfTrade, leaves(o));
            done = true;
            break;
          case StpMode.Decrement: {
            const q = Math.min(leaves(o), leaves(r));
            if (leaves(r) > q) {
              r.qty -= q;
              r.displayed = Math.min(r.displayed, leaves(r));
              this.emitReduced(r, q);
              this.emitCancelled(o, CancelReason.SelfTrade, q);
              done = true;
            } else if (leaves(r) < leaves(o)) {
              this.emitCancelled(r, CancelReason.SelfTrade, leaves(r));
              this.detach(r);
              o.qty -= q;
              this.emitReduced(o, q);
            } else {
              this.emitCancelled(r, CancelReason.SelfTrade, q);
              this.detach(r);
              this.emitCancelled(o, CancelReason.SelfTrade, q);
              done = true;
            }
            break;
          }
        }
        continue;
      }
      const q = Math.min(leaves(o), r.displayed);
      o.cumQty += q;
      r.cumQty += q;
      r.displayed -= q;
      this.events.push({
        type: EventType.Trade,
        seq: this.seq,
        symbolId: sym.symbolId,
        aggressorOrderId: o.orderId,
        restingOrderId: r.orderId,
        aggressorSide: o.side,
        price: r.price,
        qty: q,
        aggressorLeaves: leaves(o),
        restingLeaves: leaves(r),
      });
      sym.lastTradePrice = r.price;
      if (leaves(r) === 0) {
        this.detach(r);
      } else if (r.displayed === 0) {
        // Iceberg slice used up: reload and go to the back of the level.
        r.displayed = Math.min(r.displayQty, leaves(r));
        level.orders.shift();
        level.orders.push(r);
      }
    }
    if (done || leaves(o) === 0) {
      o.place = 'done';
      return;
    }

    // After the loop, with leaves > 0.
    const marketLike = o.ordType === OrdType.Market || o.ordType === OrdType.Stop;
    if (o.tif === TimeInForce.IOC || o.tif === TimeInForce.FOK || marketLike) {
      const reason = marketLike && opposite.length > 0 ? CancelReason.ProtectionBand : CancelReason.IocRemainder;
      this.emitCancelled(o, reason, leaves(o));
      o.place = 'done';
      return;
    }
    o.displayed = o.displayQty > 0 ? Math.min(o.displayQty, leaves(o)) : leaves(o);
    this.rest(sym, o);
  }

  // ------------------------------------------------------------ trigger cascade

  private triggerCascade(sym: RefSymbol): void {
    const pending: RefOrder[] = [];
    this.triggerCheck(sym, pending);
    while (pending.length > 0) {
      const s = pending.shift()!;
      this.aggress(sym, s);
      this.triggerCheck(sym, pending);
    }
  }

  private triggerCheck(sym: RefSymbol, pending: RefOrder[]): void {
    const last = sym.lastTradePrice;
    if (last === 0) return;
    const triggered = sym.stops
      .filter((s) => (s.side === Side.Buy ? s.stopPx <= last : s.stopPx >= last))
      .sort((a, b) => a.entrySeq - b.entrySeq);
    for (const s of triggered) {
      this.detach(s);
      s.place = 'aggressing';
      this.events.push({ type: EventType.Triggered, seq: this.seq, orderId: s.orderId, symbolId: s.symbolId });
      pending.push(s);
    }
  }

  // ------------------------------------------------------------ Cancel, Replace

  private cancel(c: CancelCommand): void {
    const o = this.live.get(c.orderId);
    if (o === undefined) return this.reject(c, RejectReason.UnknownOrder);
    this.emitCancelled(o, CancelReason.User, leaves(o));
    this.detach(o);
  }

  private replace(c: ReplaceCommand): void {
    const o = this.live.get(c.orderId);
    if (o === undefined) return this.reject(c, RejectReason.UnknownOrder); // 1
    const sym = this.symbols.get(o.symbolId)!;
    const reason = this.replaceCheck(sym, o, c);
    if (reason !== undefined) return this.reject(c, reason);

    const newLeaves = c.qty - o.cumQty;
    if (o.place === 'stop') {
      const priorityLost = c.stopPx !== o.stopPx || c.price !== o.price || c.qty > o.qty;
      o.price = c.price;
      o.stopPx = c.stopPx;
      o.qty = c.qty;
      if (priorityLost) {
        o.entrySeq = this.seq;
        sym.stops.splice(sym.stops.indexOf(o), 1);
        sym.stops.push(o);
      }
      this.emitReplaced(o, c, newLeaves, priorityLost);
      return;
    }
    const priorityLost = c.price !== o.price || c.qty > o.qty;
    this.emitReplaced(o, { price: c.price, stopPx: 0, qty: c.qty }, newLeaves, priorityLost);
    if (!priorityLost) {
      o.qty = c.qty;
      o.displayed = Math.min(o.displayed, leaves(o));
      return;
    }
    this.detach(o);
    o.price = c.price;
    o.qty = c.qty;
    o.displayed = 0; // set again when it rests
    this.aggress(sym, o);
    this.triggerCascade(sym);
  }

  /** Replace checks 2–7 in the doc's order (1, liveness, is done by the caller). */
  private replaceCheck(sym: RefSymbol, o: RefOrder, c: ReplaceCommand): RejectReason | undefined {
    const stateReason = this.stateCheck(sym); // 2
    if (stateReason !== undefined) return stateReason;
    const qtyReason = this.qtyCheck(sym, c.qty); // 3
    if (qtyReason !== undefined) return qtyReason;
    // 4
    if (o.ordType === OrdType.Limit || o.ordType === OrdType.StopLimit) {
      const r = this.priceCheck(sym, c.price);
      if (r !== undefined) return r;
    } else if (c.price !== 0) return RejectReason.InvalidCombination;
    // 5
    if (o.place === 'stop') {
      const r = this.priceCheck(sym, c.stopPx);
      if (r !== undefined) return r;
      if (!this.stopPxBeyondLast(sym, o.side, c.stopPx)) return RejectReason.InvalidStopPrice;
    } else if (c.stopPx !== 0) return RejectReason.InvalidCombination;
    if (c.qty <= o.cumQty) return RejectReason.ReplaceBelowFilled; // 6
    if (o.postOnly && this.wouldCross(sym, o.side, c.price)) return RejectReason.PostOnlyWouldCross; // 7
    return undefined;
  }

  // ------------------------------------------------------------ MassCancel, EndOfDay

  private massCancel(c: MassCancelCommand): void {
    if (!SCOPES.has(c.scope)) return this.reject(c, RejectReason.InvalidScope);
    if (c.scope === MassCancelScope.Symbol && !this.symbols.has(c.key)) return this.reject(c, RejectReason.UnknownSymbol);
    const inScope = (o: RefOrder): boolean => {
      switch (c.scope) {
        case MassCancelScope.All:
          return true;
        case MassCancelScope.Symbol:
          return o.symbolId === c.key;
        case MassCancelScope.Session:
          return o.sessionId === c.key;
        case MassCancelScope.Firm:
          return o.firmId === c.key;
      }
    };
    const victims = this.liveInBookOrder().filter(inScope);
    for (const o of victims) {
      this.emitCancelled(o, CancelReason.MassCancel, leaves(o));
      this.detach(o);
    }
    this.events.push({ type: EventType.MassCancelDone, seq: this.seq, scope: c.scope, key: c.key, count: victims.length });
  }

  private endOfDay(c: EndOfDayCommand): void {
    if (c.symbolId !== 0 && !this.symbols.has(c.symbolId)) return this.reject(c, RejectReason.UnknownSymbol);
    const victims = this.liveInBookOrder().filter(
      (o) => o.tif === TimeInForce.Day && (c.symbolId === 0 || o.symbolId === c.symbolId),
    );
    for (const o of victims) {
      this.emitExpired(o);
      this.detach(o);
    }
  }

  /** Book order: symbols by id; bids best first, FIFO; asks likewise; untriggered stops by entry seq. */
  private liveInBookOrder(): RefOrder[] {
    const out: RefOrder[] = [];
    for (const id of [...this.symbols.keys()].sort((a, b) => a - b)) {
      const sym = this.symbols.get(id)!;
      for (const level of sym.bids) out.push(...level.orders);
      for (const level of sym.asks) out.push(...level.orders);
      out.push(...sym.stops);
    }
    return out;
  }

  // ------------------------------------------------------------ queries

  l2(symbolId: number, depth: number): L2Snapshot | undefined {
    const sym = this.symbols.get(symbolId);
    if (sym === undefined) return undefined;
    const view = (levels: Level[]): L2Level[] =>
      levels.slice(0, Math.max(0, depth)).map((level) => ({
        price: level.price,
        qty: level.orders.reduce((sum, o) => sum + o.displayed, 0),
        orders: level.orders.length,
      }));
    return { symbolId, bids: view(sym.bids), asks: view(sym.asks) };
  }

  l3(symbolId: number): L3Snapshot | undefined {
    const sym = this.symbols.get(symbolId);
    if (sym === undefined) return undefined;
    const view = (levels: Level[]): L3Order[] =>
      levels.flatMap((level) =>
        level.orders.map((o) => ({ orderId: o.orderId, side: o.side, price: o.price, leaves: leaves(o), displayed: o.displayed })),
      );
    return {
      symbolId,
      state: sym.state,
      lastTradePrice: sym.lastTradePrice,
      bids: view(sym.bids),
      asks: view(sym.asks),
      stops: sym.stops.map((s) => ({
        orderId: s.orderId,
        side: s.side,
        ordType: s.ordType,
        stopPx: s.stopPx,
        price: s.price,
        leaves: leaves(s),
      })),
    };
  }

  // ------------------------------------------------------------ containers

  /** Puts `o` at the back of the level at its price, creating the level in sorted position if needed. */
  private rest(sym: RefSymbol, o: RefOrder): void {
    const levels = o.side === Side.Buy ? sym.bids : sym.asks;
    const i = levelIndex(levels, o.side, o.price);
    if (i < levels.length && levels[i]!.price === o.price) levels[i]!.orders.push(o);
    else levels.splice(i, 0, { price: o.price, orders: [o] });
    o.place = 'book';
    this.list(o);
  }

  /** Registers a resting order or untriggered stop as live (and in the expiry list when GTD). */
  private list(o: RefOrder): void {
    this.live.set(o.orderId, o);
    if (o.tif === TimeInForce.GTD) {
      let i = this.gtd.length;
      while (i > 0 && compareExpiry(this.gtd[i - 1]!, o) > 0) i--;
      this.gtd.splice(i, 0, o);
    }
  }

  /** Takes a live order out of the book or the stops, and out of the live and expiry lists. */
  private detach(o: RefOrder): void {
    const sym = this.symbols.get(o.symbolId)!;
    if (o.place === 'book') {
      const levels = o.side === Side.Buy ? sym.bids : sym.asks;
      const li = levelIndex(levels, o.side, o.price);
      const level = levels[li]!;
      level.orders.splice(level.orders.indexOf(o), 1);
      if (level.orders.length === 0) levels.splice(li, 1);
    } else if (o.place === 'stop') {
      sym.stops.splice(sym.stops.indexOf(o), 1);
    } else {
      throw new Error(`reference book: detach of order ${o.orderId} in place ${o.place}`);
    }
    this.live.delete(o.orderId);
    if (o.tif === TimeInForce.GTD) this.gtd.splice(this.gtd.indexOf(o), 1);
    o.place = 'done';
  }

  // ------------------------------------------------------------ events

  private reject(c: Command, reason: RejectReason): void {
    this.events.push({
      type: EventType.Rejected,
      seq: this.seq,
      commandType: c.type,
      orderId: rejectedOrderId(c),
      symbolId: rejectedSymbolId(c),
      reason,
    });
  }

  private emitCancelled(o: RefOrder, reason: CancelReason, cancelledQty: number): void {
    this.events.push({ type: EventType.Cancelled, seq: this.seq, orderId: o.orderId, symbolId: o.symbolId, reason, cancelledQty });
  }

  private emitExpired(o: RefOrder): void {
    this.events.push({ type: EventType.Expired, seq: this.seq, orderId: o.orderId, symbolId: o.symbolId, expiredQty: leaves(o) });
  }

  private emitReduced(o: RefOrder, reducedBy: number): void {
    this.events.push({ type: EventType.Reduced, seq: this.seq, orderId: o.orderId, symbolId: o.symbolId, reducedBy, leaves: leaves(o) });
  }

  private emitReplaced(
    o: RefOrder,
    values: { price: number; stopPx: number; qty: number },
    newLeaves: number,
    priorityLost: boolean,
  ): void {
    this.events.push({
      type: EventType.Replaced,
      seq: this.seq,
      orderId: o.orderId,
      symbolId: o.symbolId,
      price: values.price,
      stopPx: values.stopPx,
      qty: values.qty,
      leaves: newLeaves,
      priorityLost,
    });
  }
}

function restingTif(tif: TimeInForce): boolean {
  return tif === TimeInForce.Day || tif === TimeInForce.GTC || tif === TimeInForce.GTD;
}

function compareExpiry(a: RefOrder, b: RefOrder): number {
  return a.expireTime !== b.expireTime ? a.expireTime - b.expireTime : a.orderId - b.orderId;
}

/** A Rejected event's orderId: the command's for NewOrder/Cancel/Replace, else 0. */
function rejectedOrderId(c: Command): number {
  switch (c.type) {
    case CommandType.NewOrder:
    case CommandType.Cancel:
    case CommandType.Replace:
      return c.orderId;
    default:
      return 0;
  }
}

/** A Rejected event's symbolId: the command's where it has one, the key of a MassCancel by symbol, else 0. */
function rejectedSymbolId(c: Command): number {
  switch (c.type) {
    case CommandType.AddSymbol:
    case CommandType.SetTradingState:
    case CommandType.NewOrder:
    case CommandType.EndOfDay:
      return c.symbolId;
    case CommandType.MassCancel:
      return c.scope === MassCancelScope.Symbol ? c.key : 0;
    default:
      return 0;
  }
}
