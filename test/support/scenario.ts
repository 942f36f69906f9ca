// What the hand-written rule tests are written with: command builders (without seq/ts), event
// builders (without seq), a Driver that stamps seq/ts, checks the invariants after every command
// and returns the events, and matcherTest(), which registers one test per available Matcher
// implementation (reference, and native when built).
import test, { type ExecutionContext } from 'ava';
import {
  CommandType,
  EventType,
  OrdType,
  Side,
  StpMode,
  TimeInForce,
  TradingState,
  type MassCancelScope,
  type AddSymbolCommand,
  type CancelReason,
  type Command,
  type L2Snapshot,
  type L3Snapshot,
  type Matcher,
  type MatcherEvent,
  type NewOrderCommand,
  type RejectReason,
  type TradeEvent,
  type ReplacedEvent,
} from '../../src/matcher/types';
import { InvariantChecker } from './invariants';
import { availableImpls, nativeStatus } from './matchers';

type Unstamped<T> = T extends unknown ? Omit<T, 'seq' | 'ts'> : never;
/** A command before the Driver stamps it with seq and ts. */
export type Cmd = Unstamped<Command>;
/** An event with its seq taken off (the Driver checks it is the command's). */
export type Ev = Unstamped<MatcherEvent>;

/** The symbol most scenarios trade. */
export const SYM = 1;

// ------------------------------------------------------------ commands

type AddSymbolFields = Omit<AddSymbolCommand, 'type' | 'seq' | 'ts'>;

/** Tick 1, lot 1, prices 1..1000, market band 100, Open, unless overridden. */
export function addSymbol(fields: Partial<AddSymbolFields> = {}): Cmd {
  return {
    type: CommandType.AddSymbol,
    symbolId: SYM,
    tickSize: 1,
    lotSize: 1,
    minPrice: 1,
    maxPrice: 1000,
    marketBand: 100,
    state: TradingState.Open,
    ...fields,
  };
}

type OrderFields = Omit<NewOrderCommand, 'type' | 'seq' | 'ts'>;

/** A GTC limit order of 10 on SYM, no flags, no STP, session 1, firm 1, unless overridden. */
export function order(fields: Partial<OrderFields> & Pick<OrderFields, 'orderId' | 'side'>): Cmd {
  return {
    type: CommandType.NewOrder,
    symbolId: SYM,
    ordType: OrdType.Limit,
    tif: TimeInForce.GTC,
    flags: 0,
    stpMode: StpMode.None,
    price: 0,
    stopPx: 0,
    qty: 10,
    minQty: 0,
    displayQty: 0,
    expireTime: 0,
    sessionId: 1,
    firmId: 1,
    stpId: 0,
    ...fields,
  };
}

export function limit(orderId: number, side: Side, price: number, qty: number, fields: Partial<OrderFields> = {}): Cmd {
  return order({ orderId, side, price, qty, ...fields });
}

/** A market order, IOC unless overridden. */
export function market(orderId: number, side: Side, qty: number, fields: Partial<OrderFields> = {}): Cmd {
  return order({ orderId, side, ordType: OrdType.Market, tif: TimeInForce.IOC, qty, ...fields });
}

/** A stop (market once triggered), Day unless overridden. */
export function stop(orderId: number, side: Side, stopPx: number, qty: number, fields: Partial<OrderFields> = {}): Cmd {
  return order({ orderId, side, ordType: OrdType.Stop, tif: TimeInForce.Day, stopPx, qty, ...fields });
}

/** A stop-limit, GTC unless overridden. */
export function stopLimit(
  orderId: number,
  side: Side,
  stopPx: number,
  price: number,
  qty: number,
  fields: Partial<OrderFields> = {},
): Cmd {
  return order({ orderId, side, ordType: OrdType.StopLimit, stopPx, price, qty, ...fields });
}

export function cancel(orderId: number): Cmd {
  return { type: CommandType.Cancel, orderId };
}

export function replace(orderId: number, price: number, qty: number, stopPx = 0): Cmd {
  return { type: CommandType.Replace, orderId, price, stopPx, qty };
}

export function massCancel(scope: MassCancelScope, key: number): Cmd {
  return { type: CommandType.MassCancel, scope, key };
}

export function endOfDay(symbolId: number): Cmd {
  return { type: CommandType.EndOfDay, symbolId };
}

export function timeTick(): Cmd {
  return { type: CommandType.TimeTick };
}

export function setState(symbolId: number, state: TradingState): Cmd {
  return { type: CommandType.SetTradingState, symbolId, state };
}

// ------------------------------------------------------------ events

export function symbolAdded(symbolId: number): Ev {
  return { type: EventType.SymbolAdded, symbolId };
}

export function stateChanged(symbolId: number, state: TradingState): Ev {
  return { type: EventType.TradingStateChanged, symbolId, state };
}

export function accepted(orderId: number, symbolId = SYM): Ev {
  return { type: EventType.Accepted, orderId, symbolId };
}

export function rejected(commandType: CommandType, reason: RejectReason, ids: { orderId?: number; symbolId?: number } = {}): Ev {
  return { type: EventType.Rejected, commandType, orderId: ids.orderId ?? 0, symbolId: ids.symbolId ?? 0, reason };
}

/** Rejected NewOrder: orderId and symbolId are the command's. */
export function orderRejected(orderId: number, reason: RejectReason, symbolId = SYM): Ev {
  return rejected(CommandType.NewOrder, reason, { orderId, symbolId });
}

type TradeFields = Omit<TradeEvent, 'type' | 'seq' | 'symbolId'> & { symbolId?: number };

export function trade(fields: TradeFields): Ev {
  const { symbolId = SYM, ...rest } = fields;
  return {
    type: EventType.Trade,
    symbolId,
    aggressorOrderId: rest.aggressorOrderId,
    restingOrderId: rest.restingOrderId,
    aggressorSide: rest.aggressorSide,
    price: rest.price,
    qty: rest.qty,
    aggressorLeaves: rest.aggressorLeaves,
    restingLeaves: rest.restingLeaves,
  };
}

export function cancelled(orderId: number, reason: CancelReason, cancelledQty: number, symbolId = SYM): Ev {
  return { type: EventType.Cancelled, orderId, symbolId, reason, cancelledQty };
}

export function expired(orderId: number, expiredQty: number, symbolId = SYM): Ev {
  return { type: EventType.Expired, orderId, symbolId, expiredQty };
}

export function reduced(orderId: number, reducedBy: number, leaves: number, symbolId = SYM): Ev {
  return { type: EventType.Reduced, orderId, symbolId, reducedBy, leaves };
}

type ReplacedFields = Omit<ReplacedEvent, 'type' | 'seq' | 'symbolId'> & { symbolId?: number };

export function replaced(fields: ReplacedFields): Ev {
  const { symbolId = SYM, ...rest } = fields;
  return {
    type: EventType.Replaced,
    orderId: rest.orderId,
    symbolId,
    price: rest.price,
    stopPx: rest.stopPx,
    qty: rest.qty,
    leaves: rest.leaves,
    priorityLost: rest.priorityLost,
  };
}

export function triggered(orderId: number, symbolId = SYM): Ev {
  return { type: EventType.Triggered, orderId, symbolId };
}

export function massCancelDone(scope: MassCancelScope, key: number, count: number): Ev {
  return { type: EventType.MassCancelDone, scope, key, count };
}

// ------------------------------------------------------------ the driver

/** Stamps commands (seq 1, 2, …; ts as set by at()), runs them one by one, checks invariants. */
export class Driver {
  private nextSeq = 1;
  private ts = 1_000_000;
  private readonly checker = new InvariantChecker();

  constructor(readonly matcher: Matcher) {}

  /** Timestamp of the following commands. */
  at(ts: number): this {
    this.ts = ts;
    return this;
  }

  /** Sends one command; `stamp` overrides its seq or ts (for pre-step tests). Returns its events without seq. */
  send(cmd: Cmd, stamp: { seq?: number; ts?: number } = {}): Ev[] {
    const seq = stamp.seq ?? this.nextSeq;
    this.nextSeq = Math.max(this.nextSeq, seq + 1);
    const command = { ...cmd, seq, ts: stamp.ts ?? this.ts } as Command;
    const events = this.matcher.process([command]);
    this.checker.assert(command, events, this.matcher);
    return events.map((e) => {
      if (e.seq !== seq) throw new Error(`event ${JSON.stringify(e)} does not carry its command's seq ${seq}`);
      const copy: Record<string, unknown> = { ...e };
      delete copy['seq'];
      return copy as Ev;
    });
  }

  /** Sends each command; returns all their events. */
  sendAll(...cmds: Cmd[]): Ev[] {
    return cmds.flatMap((c) => this.send(c));
  }

  /** Adds SYM (or the given symbol) and fails loudly unless it was added. */
  open(fields: Partial<AddSymbolFields> = {}): this {
    const events = this.send(addSymbol(fields));
    const symbolId = fields.symbolId ?? SYM;
    if (JSON.stringify(events) !== JSON.stringify([symbolAdded(symbolId)]))
      throw new Error(`adding symbol ${symbolId} gave ${JSON.stringify(events)}`);
    return this;
  }

  l3(symbolId = SYM): L3Snapshot | undefined {
    return this.matcher.l3(symbolId);
  }

  l2(symbolId = SYM, depth = 10): L2Snapshot | undefined {
    return this.matcher.l2(symbolId, depth);
  }

  /** The resting orders of a side as [orderId, price, leaves, displayed] tuples, book order. */
  side(side: Side, symbolId = SYM): Array<[number, number, number, number]> {
    const l3 = this.matcher.l3(symbolId);
    if (l3 === undefined) throw new Error(`l3(${symbolId}) is undefined`);
    return (side === Side.Buy ? l3.bids : l3.asks).map((o) => [o.orderId, o.price, o.leaves, o.displayed]);
  }

  /** The untriggered stops' ids, in entry order. */
  stops(symbolId = SYM): number[] {
    const l3 = this.matcher.l3(symbolId);
    if (l3 === undefined) throw new Error(`l3(${symbolId}) is undefined`);
    return l3.stops.map((s) => s.orderId);
  }
}

// ------------------------------------------------------------ one test per implementation

let nativeFailureRegistered = false;

/**
 * Registers `body` once per available implementation, each with a fresh Driver. When the native
 * addon is built but its facade does not load, a failing test says so (once per file).
 */
export function matcherTest(title: string, body: (t: ExecutionContext, d: Driver) => void): void {
  const native = nativeStatus();
  if (native.kind === 'broken' && !nativeFailureRegistered) {
    nativeFailureRegistered = true;
    test('native matcher loads (addon built, facade must load)', (t) => {
      t.fail(`native matcher failed to load: ${native.error instanceof Error ? native.error.stack : String(native.error)}`);
    });
  }
  for (const impl of availableImpls()) {
    test(`${title} [${impl.name}]`, (t) => body(t, new Driver(impl.create())));
  }
}
