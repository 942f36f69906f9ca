// The invariants of docs/matcher.md, checked after every command on any Matcher from the outside:
// the command, the events it caused, and the book as l3()/l2() show it afterwards.
//
// The checker keeps its own ledger of every accepted order (qty as adjusted by replaces and
// reductions, filled, cancelled/expired) built from the events alone, then compares it with the
// book. It knows nothing of how matching decides; it only checks that whatever happened is
// self-consistent: nothing crossed, quantities add up, every order ends once, FIFO holds.
import {
  CancelReason,
  CommandType,
  EventType,
  OrdType,
  RejectReason,
  Side,
  type Command,
  type L2Level,
  type L3Order,
  type L3Snapshot,
  type Matcher,
  type MatcherEvent,
  type TradingState,
} from '../../src/matcher/types';

interface SymbolGrid {
  readonly tickSize: number;
  readonly minPrice: number;
  readonly maxPrice: number;
  state: TradingState;
  lastTradePrice: number;
}

interface TrackedOrder {
  readonly orderId: number;
  readonly symbolId: number;
  readonly side: Side;
  readonly ordType: OrdType;
  readonly displayQty: number;
  price: number;
  stopPx: number;
  /** Accepted qty, then as replaced and reduced. */
  qty: number;
  filled: number;
  /** Cancelled or expired quantity (set once, when the order ends). */
  closed: number;
  /** Still an untriggered stop. */
  untriggered: boolean;
  entrySeq: number;
  ended: boolean;
}

/** What a command may have done to FIFO positions. */
interface Moves {
  /** Accepted (maybe under an id that rested before) or replaced with loss of priority: at the back if resting. */
  readonly rejoined: Set<number>;
  /** Icebergs that traded as resting orders and kept leaves. */
  readonly mayHaveMoved: Set<number>;
}

export class InvariantViolation extends Error {
  override readonly name = 'InvariantViolation';
}

export class InvariantChecker {
  private readonly symbols = new Map<number, SymbolGrid>();
  private readonly orders = new Map<number, TrackedOrder>();
  /** Ids of accepted orders that have not ended: after each command, exactly the book's orders. */
  private readonly liveIds = new Set<number>();
  /** FIFO of each level after the previous command, keyed `symbol:side:price`. */
  private previousLevels = new Map<string, number[]>();

  /** Checks one command; returns every violation found (empty when all invariants hold). */
  check(command: Command, events: readonly MatcherEvent[], matcher: Matcher): string[] {
    const problems: string[] = [];
    const moves = this.applyEvents(command, events, problems);
    this.checkBooks(matcher, moves, problems);
    return problems.map((p) => `after seq ${command.seq} (${CommandTypeName[command.type] ?? command.type}): ${p}`);
  }

  /** Like check(), but throws an InvariantViolation listing the violations. */
  assert(command: Command, events: readonly MatcherEvent[], matcher: Matcher): void {
    const problems = this.check(command, events, matcher);
    if (problems.length > 0) throw new InvariantViolation(problems.join('\n'));
  }

  // ------------------------------------------------------------ the ledger, from the events

  /** Returns which orders this command may have moved within or into a level. */
  private applyEvents(command: Command, events: readonly MatcherEvent[], problems: string[]): Moves {
    const moves: Moves = { rejoined: new Set(), mayHaveMoved: new Set() };
    const live = (orderId: number, what: string): TrackedOrder | undefined => {
      const o = this.orders.get(orderId);
      if (o === undefined) problems.push(`${what} names order ${orderId}, never accepted`);
      else if (o.ended) problems.push(`${what} names order ${orderId} after its end`);
      else return o;
      return undefined;
    };
    const end = (o: TrackedOrder, what: string): void => {
      o.ended = true;
      this.liveIds.delete(o.orderId);
      if (o.qty !== o.filled + o.closed)
        problems.push(`${what}: order ${o.orderId} ends with qty ${o.qty} != filled ${o.filled} + cancelled/expired ${o.closed}`);
    };

    const rejected = events.filter((e) => e.type === EventType.Rejected);
    if (rejected.length > 1) problems.push(`${rejected.length} Rejected events for one command`);

    for (const e of events) {
      if (e.seq !== command.seq) problems.push(`event ${EventTypeName[e.type]} carries seq ${e.seq}`);
      switch (e.type) {
        case EventType.SymbolAdded: {
          if (command.type !== CommandType.AddSymbol || command.symbolId !== e.symbolId) {
            problems.push(`SymbolAdded(${e.symbolId}) not caused by its AddSymbol`);
            break;
          }
          if (this.symbols.has(e.symbolId)) problems.push(`SymbolAdded for existing symbol ${e.symbolId}`);
          this.symbols.set(e.symbolId, {
            tickSize: command.tickSize,
            minPrice: command.minPrice,
            maxPrice: command.maxPrice,
            state: command.state,
            lastTradePrice: 0,
          });
          break;
        }
        case EventType.TradingStateChanged: {
          const sym = this.symbols.get(e.symbolId);
          if (sym === undefined) problems.push(`TradingStateChanged for unknown symbol ${e.symbolId}`);
          else sym.state = e.state;
          break;
        }
        case EventType.Accepted: {
          if (command.type !== CommandType.NewOrder || command.orderId !== e.orderId || command.symbolId !== e.symbolId) {
            problems.push(`Accepted(${e.orderId}) not caused by its NewOrder`);
            break;
          }
          const existing = this.orders.get(e.orderId);
          if (existing !== undefined && !existing.ended) problems.push(`order ${e.orderId} accepted while live`);
          if (rejected.length > 0) problems.push(`order ${e.orderId} both accepted and rejected`);
          const isStop = command.ordType === OrdType.Stop || command.ordType === OrdType.StopLimit;
          // An id may come back once its order has ended ("the matcher only checks the live ones").
          this.orders.set(e.orderId, {
            orderId: e.orderId,
            symbolId: e.symbolId,
            side: command.side,
            ordType: command.ordType,
            displayQty: command.displayQty,
            price: command.price,
            stopPx: command.stopPx,
            qty: command.qty,
            filled: 0,
            closed: 0,
            untriggered: isStop,
            entrySeq: command.seq,
            ended: false,
          });
          this.liveIds.add(e.orderId);
          moves.rejoined.add(e.orderId);
          break;
        }
        case EventType.Rejected: {
          if (e.commandType !== command.type) problems.push(`Rejected carries commandType ${e.commandType}`);
          if (
            (e.reason === RejectReason.SequenceNotIncreasing || e.reason === RejectReason.TimestampWentBack) &&
            events.length !== 1
          )
            problems.push(`a command refused by the pre-step caused ${events.length} events`);
          const o = this.orders.get(e.orderId);
          const isLive = o !== undefined && !o.ended;
          if (e.reason === RejectReason.DuplicateOrderId && !isLive) problems.push(`DuplicateOrderId for order ${e.orderId}, not live`);
          if (e.reason === RejectReason.UnknownOrder && isLive) problems.push(`UnknownOrder for live order ${e.orderId}`);
          break;
        }
        case EventType.Trade: {
          const a = live(e.aggressorOrderId, 'Trade (aggressor)');
          const r = live(e.restingOrderId, 'Trade (resting)');
          if (a === undefined || r === undefined) break;
          if (a.symbolId !== e.symbolId || r.symbolId !== e.symbolId) problems.push(`Trade on symbol ${e.symbolId} between orders of other symbols`);
          if (a.side !== e.aggressorSide || r.side === a.side) problems.push(`Trade ${a.orderId}/${r.orderId}: sides wrong`);
          if (a.untriggered || r.untriggered) problems.push(`Trade ${a.orderId}/${r.orderId} involves an untriggered stop`);
          if (e.price !== r.price) problems.push(`Trade at ${e.price}, resting order ${r.orderId} is at ${r.price}`);
          if (e.qty <= 0) problems.push(`Trade of qty ${e.qty}`);
          if ((a.ordType === OrdType.Limit || a.ordType === OrdType.StopLimit) && !withinLimit(a.side, a.price, e.price))
            problems.push(`Trade at ${e.price} beyond the aggressor ${a.orderId}'s limit ${a.price}`);
          a.filled += e.qty;
          r.filled += e.qty;
          if (e.aggressorLeaves !== a.qty - a.filled)
            problems.push(`Trade: aggressor ${a.orderId} leaves ${e.aggressorLeaves} != qty ${a.qty} - filled ${a.filled}`);
          if (e.restingLeaves !== r.qty - r.filled)
            problems.push(`Trade: resting ${r.orderId} leaves ${e.restingLeaves} != qty ${r.qty} - filled ${r.filled}`);
          const sym = this.symbols.get(e.symbolId);
          if (sym !== undefined) sym.lastTradePrice = e.price;
          // An iceberg whose slice was used up reloads at the back; from the events alone we cannot tell whether it was.
          if (r.displayQty > 0 && e.restingLeaves > 0) moves.mayHaveMoved.add(r.orderId);
          if (e.restingLeaves === 0) end(r, 'Trade');
          if (e.aggressorLeaves === 0) end(a, 'Trade');
          break;
        }
        case EventType.Cancelled:
        case EventType.Expired: {
          const name = EventTypeName[e.type];
          const o = live(e.orderId, name);
          if (o === undefined) break;
          const qty = e.type === EventType.Cancelled ? e.cancelledQty : e.expiredQty;
          if (o.symbolId !== e.symbolId) problems.push(`${name}(${o.orderId}) carries symbol ${e.symbolId}`);
          if (qty !== o.qty - o.filled || qty <= 0)
            problems.push(`${name}(${o.orderId}) of ${qty}, its leaves are ${o.qty - o.filled}`);
          o.closed = qty;
          end(o, name);
          break;
        }
        case EventType.Reduced: {
          const o = live(e.orderId, 'Reduced');
          if (o === undefined) break;
          if (e.reducedBy <= 0) problems.push(`Reduced(${o.orderId}) by ${e.reducedBy}`);
          o.qty -= e.reducedBy;
          if (e.leaves !== o.qty - o.filled || e.leaves <= 0)
            problems.push(`Reduced(${o.orderId}) leaves ${e.leaves}, expected qty ${o.qty} - filled ${o.filled} > 0`);
          break;
        }
        case EventType.Replaced: {
          const o = live(e.orderId, 'Replaced');
          if (o === undefined) break;
          if (command.type !== CommandType.Replace || command.orderId !== e.orderId) {
            problems.push(`Replaced(${e.orderId}) not caused by its Replace`);
            break;
          }
          const expectLost = e.price !== o.price || e.qty > o.qty || (o.untriggered && e.stopPx !== o.stopPx);
          if (e.priorityLost !== expectLost) problems.push(`Replaced(${o.orderId}) priorityLost ${e.priorityLost}, expected ${expectLost}`);
          if (!o.untriggered && e.stopPx !== 0) problems.push(`Replaced(${o.orderId}) of a resting order carries stopPx ${e.stopPx}`);
          o.qty = e.qty;
          o.price = e.price;
          if (o.untriggered) {
            o.stopPx = e.stopPx;
            if (e.priorityLost) o.entrySeq = command.seq;
          }
          if (e.leaves !== o.qty - o.filled || e.leaves <= 0)
            problems.push(`Replaced(${o.orderId}) leaves ${e.leaves}, expected qty ${o.qty} - filled ${o.filled} > 0`);
          if (e.priorityLost) moves.rejoined.add(o.orderId);
          break;
        }
        case EventType.Triggered: {
          const o = live(e.orderId, 'Triggered');
          if (o === undefined) break;
          if (!o.untriggered) problems.push(`Triggered(${o.orderId}) is not an untriggered stop`);
          o.untriggered = false;
          break;
        }
        case EventType.MassCancelDone: {
          const count = events.filter((x) => x.type === EventType.Cancelled && x.reason === CancelReason.MassCancel).length;
          if (e.count !== count) problems.push(`MassCancelDone count ${e.count}, ${count} orders were mass-cancelled`);
          break;
        }
      }
    }
    return moves;
  }

  // ------------------------------------------------------------ the book, against the ledger

  private checkBooks(matcher: Matcher, moves: Moves, problems: string[]): void {
    const seen = new Set<number>();
    const levels = new Map<string, number[]>();
    for (const [symbolId, sym] of this.symbols) {
      const l3 = matcher.l3(symbolId);
      if (l3 === undefined) {
        problems.push(`l3(${symbolId}) is undefined for an added symbol`);
        continue;
      }
      if (l3.state !== sym.state) problems.push(`symbol ${symbolId} state ${l3.state}, events say ${sym.state}`);
      if (l3.lastTradePrice !== sym.lastTradePrice)
        problems.push(`symbol ${symbolId} last trade price ${l3.lastTradePrice}, trades say ${sym.lastTradePrice}`);
      for (const [side, orders] of [
        [Side.Buy, l3.bids],
        [Side.Sell, l3.asks],
      ] as const) {
        for (let i = 0; i < orders.length; i++) {
          const o = orders[i]!;
          this.checkResting(symbolId, sym, side, o, seen, problems);
          const previous = orders[i - 1];
          if (previous !== undefined && (side === Side.Buy ? o.price > previous.price : o.price < previous.price))
            problems.push(`symbol ${symbolId} ${side === Side.Buy ? 'bids' : 'asks'} out of price order at order ${o.orderId}`);
          const key = `${symbolId}:${side}:${o.price}`;
          const level = levels.get(key);
          if (level === undefined) levels.set(key, [o.orderId]);
          else level.push(o.orderId);
        }
      }
      const bestBid = l3.bids[0];
      const bestAsk = l3.asks[0];
      if (bestBid !== undefined && bestAsk !== undefined && bestBid.price >= bestAsk.price)
        problems.push(`symbol ${symbolId} crossed: best bid ${bestBid.price} >= best ask ${bestAsk.price}`);
      this.checkStops(l3, seen, problems);
      this.checkL2(matcher, l3, problems);
    }
    for (const id of this.liveIds) if (!seen.has(id)) problems.push(`order ${id} has not ended but is not in the book`);
    this.checkFifo(levels, moves, problems);
    this.previousLevels = levels;
  }

  private checkResting(symbolId: number, sym: SymbolGrid, side: Side, view: L3Order, seen: Set<number>, problems: string[]): void {
    const id = view.orderId;
    if (seen.has(id)) problems.push(`order ${id} appears twice in the books`);
    seen.add(id);
    const o = this.orders.get(id);
    if (o === undefined || o.ended) {
      problems.push(`order ${id} rests in symbol ${symbolId} but ${o === undefined ? 'was never accepted' : 'has ended'}`);
      return;
    }
    if (o.symbolId !== symbolId || o.side !== side || view.side !== side) problems.push(`order ${id} rests on the wrong symbol or side`);
    if (o.untriggered) problems.push(`order ${id} rests but was never triggered`);
    if (view.price !== o.price) problems.push(`order ${id} rests at ${view.price}, events say ${o.price}`);
    if (view.leaves !== o.qty - o.filled) problems.push(`order ${id} leaves ${view.leaves} != qty ${o.qty} - filled ${o.filled}`);
    if (!(view.displayed > 0 && view.displayed <= view.leaves)) problems.push(`order ${id} displayed ${view.displayed}, leaves ${view.leaves}`);
    if (o.displayQty > 0 ? view.displayed > o.displayQty : view.displayed !== view.leaves)
      problems.push(`order ${id} displayed ${view.displayed}, displayQty ${o.displayQty}, leaves ${view.leaves}`);
    if (view.price % sym.tickSize !== 0 || view.price < sym.minPrice || view.price > sym.maxPrice)
      problems.push(`order ${id} rests at ${view.price}, off grid or out of range`);
  }

  private checkStops(l3: L3Snapshot, seen: Set<number>, problems: string[]): void {
    let previousEntry = -Infinity;
    for (const s of l3.stops) {
      if (seen.has(s.orderId)) problems.push(`order ${s.orderId} appears twice in the books`);
      seen.add(s.orderId);
      const o = this.orders.get(s.orderId);
      if (o === undefined || o.ended || !o.untriggered) {
        problems.push(`stop ${s.orderId} is listed but is not a live untriggered stop`);
        continue;
      }
      if (o.symbolId !== l3.symbolId || o.side !== s.side || o.ordType !== s.ordType) problems.push(`stop ${s.orderId} listed with wrong symbol, side or type`);
      if (s.stopPx !== o.stopPx || s.price !== o.price) problems.push(`stop ${s.orderId} at ${s.stopPx}/${s.price}, events say ${o.stopPx}/${o.price}`);
      if (s.leaves !== o.qty - o.filled) problems.push(`stop ${s.orderId} leaves ${s.leaves} != qty ${o.qty} - filled ${o.filled}`);
      if (o.entrySeq <= previousEntry) problems.push(`stops out of entry order at ${s.orderId}`);
      previousEntry = o.entrySeq;
    }
  }

  /** l2 must be l3 summed per level (displayed quantities). */
  private checkL2(matcher: Matcher, l3: L3Snapshot, problems: string[]): void {
    const aggregate = (orders: readonly L3Order[]): L2Level[] => {
      const out: L2Level[] = [];
      for (const o of orders) {
        const last = out[out.length - 1];
        if (last !== undefined && last.price === o.price) {
          last.qty += o.displayed;
          last.orders += 1;
        } else out.push({ price: o.price, qty: o.displayed, orders: 1 });
      }
      return out;
    };
    const bids = aggregate(l3.bids);
    const asks = aggregate(l3.asks);
    const l2 = matcher.l2(l3.symbolId, Math.max(bids.length, asks.length) + 1);
    if (l2 === undefined) {
      problems.push(`l2(${l3.symbolId}) is undefined`);
      return;
    }
    if (JSON.stringify([l2.symbolId, l2.bids, l2.asks]) !== JSON.stringify([l3.symbolId, bids, asks]))
      problems.push(`l2(${l3.symbolId}) ${JSON.stringify(l2)} disagrees with l3 (${JSON.stringify({ bids, asks })})`);
  }

  /**
   * Within a level, the orders that were there after the previous command keep their relative
   * order and stay ahead of every newcomer (whatever joins a level joins at the back; a replace that
   * loses priority rejoins). Icebergs that traded are left out: they may have reloaded to the back.
   */
  private checkFifo(levels: ReadonlyMap<string, number[]>, moves: Moves, problems: string[]): void {
    for (const [key, ids] of levels) {
      const before = this.previousLevels.get(key);
      if (before === undefined) continue;
      const rankBefore = new Map(before.map((id, i) => [id, i]));
      let lastRank = -1;
      let newcomerSeen: number | undefined;
      for (const id of ids) {
        if (moves.mayHaveMoved.has(id)) continue;
        const rank = rankBefore.get(id);
        if (rank === undefined || moves.rejoined.has(id)) {
          newcomerSeen ??= id;
          continue;
        }
        if (rank < lastRank) problems.push(`level ${key}: order ${id} jumped ahead of an order that was before it`);
        if (newcomerSeen !== undefined) problems.push(`level ${key}: order ${newcomerSeen} joined ahead of order ${id}`);
        lastRank = rank;
      }
    }
  }
}

/** Is `price` within an order's limit on `side` (Buy: at or below, Sell: at or above)? */
function withinLimit(side: Side, limit: number, price: number): boolean {
  return side === Side.Buy ? price <= limit : price >= limit;
}

const EventTypeName: Record<number, string> = Object.fromEntries(Object.entries(EventType).map(([k, v]) => [v, k]));
const CommandTypeName: Record<number, string> = Object.fromEntries(Object.entries(CommandType).map(([k, v]) => [v, k]));
