// The matcher's command and event vocabulary: the one contract shared by the native matcher
// (through src/matcher/native-matcher.ts), the TypeScript reference book used in tests, the
// sequencer and the execution layer. Semantics are written down in docs/matcher.md; the
// numeric values below are also the values written into the JS⇄C++ shared buffers, so they
// never change once released (add new values at the end).
//
// All prices, quantities and timestamps are integers. Prices are in the instrument's price
// units (the gateway scales FIX decimals into them), quantities in base units; both must be
// safe integers (|x| <= 2^53 - 1). Timestamps are MICROSECONDS since the epoch: nanoseconds since
// 1970 (~1.7e18) are past 2^53 and would be rounded, microseconds stay exact until the year 2255.
// A session at nanosecond precision therefore prints TransactTime with the last three digits 0. Order ids are chosen by the caller and are unique for the
// life of the matcher.

export const Side = { Buy: 1, Sell: 2 } as const;
export type Side = (typeof Side)[keyof typeof Side];

export const OrdType = { Limit: 1, Market: 2, Stop: 3, StopLimit: 4 } as const;
export type OrdType = (typeof OrdType)[keyof typeof OrdType];

/** FIX TimeInForce (59) values. */
export const TimeInForce = { Day: 0, GTC: 1, IOC: 3, FOK: 4, GTD: 6 } as const;
export type TimeInForce = (typeof TimeInForce)[keyof typeof TimeInForce];

export const StpMode = {
  None: 0,
  CancelResting: 1,
  CancelAggressing: 2,
  CancelBoth: 3,
  Decrement: 4,
} as const;
export type StpMode = (typeof StpMode)[keyof typeof StpMode];

export const TradingState = { Open: 0, Halted: 1, Closed: 2 } as const;
export type TradingState = (typeof TradingState)[keyof typeof TradingState];

export const MassCancelScope = { All: 0, Symbol: 1, Session: 2, Firm: 3 } as const;
export type MassCancelScope = (typeof MassCancelScope)[keyof typeof MassCancelScope];

/** Bit flags of NewOrder.flags. */
export const OrderFlag = { PostOnly: 1 } as const;

export const CommandType = {
  AddSymbol: 1,
  SetTradingState: 2,
  NewOrder: 3,
  Cancel: 4,
  Replace: 5,
  MassCancel: 6,
  EndOfDay: 7,
  TimeTick: 8,
} as const;
export type CommandType = (typeof CommandType)[keyof typeof CommandType];

/** Why a command was refused. Stable numeric codes, mapped to FIX reasons by the gateway. */
export const RejectReason = {
  UnknownSymbol: 1,
  InvalidQuantity: 2, // zero, negative, or not a safe integer
  OffTickGrid: 3, // price or stop price not a multiple of tickSize
  OffLotGrid: 4, // qty, minQty or displayQty not a multiple of lotSize
  PriceOutOfRange: 5, // outside [minPrice, maxPrice]
  UnknownOrder: 6, // cancel/replace of an id the matcher does not hold (never seen, or done)
  DuplicateOrderId: 7,
  SymbolHalted: 8,
  SymbolClosed: 9,
  PostOnlyWouldCross: 10,
  InvalidOrderType: 11, // unknown ordType / side / tif / stpMode value
  InvalidCombination: 12, // e.g. post-only on market, minQty without IOC, iceberg on stop
  InvalidStopPrice: 13, // stop already triggered by the last trade price
  ExpiredOnArrival: 14, // GTD with expireTime <= command timestamp
  ReplaceBelowFilled: 15, // new qty <= cumulative filled qty
  DuplicateSymbol: 16,
  InvalidSymbolConfig: 17,
  SequenceNotIncreasing: 18, // command seq <= previous seq
  TimestampWentBack: 19, // command ts < previous ts
  InvalidDisplayQty: 20, // displayQty > qty, or negative
  UnknownCommand: 21,
  InvalidPrice: 22, // price missing (<= 0 where required) or not a safe integer
  InvalidOrderId: 23, // orderId not a positive safe integer
  InvalidScope: 24, // mass cancel scope unknown
} as const;
export type RejectReason = (typeof RejectReason)[keyof typeof RejectReason];

export const CancelReason = {
  User: 1,
  IocRemainder: 2, // unfilled rest of an IOC, or of a market order whose book ran dry
  SelfTrade: 3,
  MassCancel: 4,
  FokUnfilled: 5,
  MinQtyUnmet: 6,
  ProtectionBand: 7, // market order stopped by its protection band with liquidity beyond it
} as const;
export type CancelReason = (typeof CancelReason)[keyof typeof CancelReason];

export const EventType = {
  SymbolAdded: 1,
  TradingStateChanged: 2,
  Accepted: 3,
  Rejected: 4,
  Trade: 5,
  Cancelled: 6,
  Reduced: 7,
  Replaced: 8,
  Triggered: 9,
  Expired: 10,
  MassCancelDone: 11,
} as const;
export type EventType = (typeof EventType)[keyof typeof EventType];

// ---------------------------------------------------------------- commands

interface CommandBase {
  /** Sequence number stamped by the sequencer; strictly increasing. */
  seq: number;
  /** Microseconds since the epoch, stamped by the sequencer; never decreasing. */
  ts: number;
}

export interface AddSymbolCommand extends CommandBase {
  type: typeof CommandType.AddSymbol;
  symbolId: number; // 1..65535
  tickSize: number; // > 0
  lotSize: number; // > 0
  minPrice: number; // > 0, multiple of tickSize
  maxPrice: number; // >= minPrice, multiple of tickSize; (max-min)/tick + 1 <= MAX_LEVELS
  /** Market orders never trade further than this many price units from the best opposite price at arrival. */
  marketBand: number; // >= 0, multiple of tickSize
  state: TradingState;
}

export interface SetTradingStateCommand extends CommandBase {
  type: typeof CommandType.SetTradingState;
  symbolId: number;
  state: TradingState;
}

export interface NewOrderCommand extends CommandBase {
  type: typeof CommandType.NewOrder;
  orderId: number;
  symbolId: number;
  side: Side;
  ordType: OrdType;
  tif: TimeInForce;
  flags: number; // OrderFlag bits
  stpMode: StpMode;
  price: number; // Limit, StopLimit; 0 otherwise
  stopPx: number; // Stop, StopLimit; 0 otherwise
  qty: number;
  minQty: number; // 0 = none; only with IOC
  displayQty: number; // 0 = fully displayed; > 0 = iceberg (Limit only)
  expireTime: number; // GTD only, microseconds since the epoch; 0 otherwise
  sessionId: number;
  firmId: number;
  stpId: number; // 0 = no self-trade prevention
}

export interface CancelCommand extends CommandBase {
  type: typeof CommandType.Cancel;
  orderId: number;
}

export interface ReplaceCommand extends CommandBase {
  type: typeof CommandType.Replace;
  orderId: number;
  price: number; // new limit price (Limit, StopLimit); ignored (pass 0) for Stop
  stopPx: number; // new stop price (untriggered Stop, StopLimit); ignored (pass 0) otherwise
  qty: number; // new total order qty (includes what is already filled)
}

export interface MassCancelCommand extends CommandBase {
  type: typeof CommandType.MassCancel;
  scope: MassCancelScope;
  /** symbolId, sessionId or firmId according to scope; 0 for All. */
  key: number;
}

export interface EndOfDayCommand extends CommandBase {
  type: typeof CommandType.EndOfDay;
  /** 0 = every symbol. */
  symbolId: number;
}

/** Carries only a timestamp: lets GTD orders expire when no other command arrives. */
export interface TimeTickCommand extends CommandBase {
  type: typeof CommandType.TimeTick;
}

export type Command =
  | AddSymbolCommand
  | SetTradingStateCommand
  | NewOrderCommand
  | CancelCommand
  | ReplaceCommand
  | MassCancelCommand
  | EndOfDayCommand
  | TimeTickCommand;

// ---------------------------------------------------------------- events
// Every event carries the seq of the command that caused it.

export interface SymbolAddedEvent {
  type: typeof EventType.SymbolAdded;
  seq: number;
  symbolId: number;
}

export interface TradingStateChangedEvent {
  type: typeof EventType.TradingStateChanged;
  seq: number;
  symbolId: number;
  state: TradingState;
}

export interface AcceptedEvent {
  type: typeof EventType.Accepted;
  seq: number;
  orderId: number;
  symbolId: number;
}

export interface RejectedEvent {
  type: typeof EventType.Rejected;
  seq: number;
  commandType: CommandType;
  /** The command's orderId (NewOrder, Cancel, Replace), else 0. */
  orderId: number;
  /** The command's symbolId where it has one (AddSymbol, SetTradingState, NewOrder, EndOfDay, MassCancel by symbol), else 0. */
  symbolId: number;
  reason: RejectReason;
}

export interface TradeEvent {
  type: typeof EventType.Trade;
  seq: number;
  symbolId: number;
  aggressorOrderId: number;
  restingOrderId: number;
  aggressorSide: Side;
  price: number; // always the resting order's price
  qty: number;
  aggressorLeaves: number; // after this trade
  restingLeaves: number; // after this trade
}

export interface CancelledEvent {
  type: typeof EventType.Cancelled;
  seq: number;
  orderId: number;
  symbolId: number;
  reason: CancelReason;
  /** Leaves quantity at the moment of cancellation. */
  cancelledQty: number;
}

/** Self-trade prevention in Decrement mode: an order's qty and leaves shrink without a trade. */
export interface ReducedEvent {
  type: typeof EventType.Reduced;
  seq: number;
  orderId: number;
  symbolId: number;
  reducedBy: number;
  leaves: number; // after the reduction
}

export interface ReplacedEvent {
  type: typeof EventType.Replaced;
  seq: number;
  orderId: number;
  symbolId: number;
  price: number;
  stopPx: number;
  qty: number; // new total order qty
  leaves: number; // new leaves = qty - cumQty
  priorityLost: boolean;
}

export interface TriggeredEvent {
  type: typeof EventType.Triggered;
  seq: number;
  orderId: number;
  symbolId: number;
}

export interface ExpiredEvent {
  type: typeof EventType.Expired;
  seq: number;
  orderId: number;
  symbolId: number;
  expiredQty: number; // leaves at expiry
}

export interface MassCancelDoneEvent {
  type: typeof EventType.MassCancelDone;
  seq: number;
  scope: MassCancelScope;
  key: number;
  count: number; // orders cancelled
}

export type MatcherEvent =
  | SymbolAddedEvent
  | TradingStateChangedEvent
  | AcceptedEvent
  | RejectedEvent
  | TradeEvent
  | CancelledEvent
  | ReducedEvent
  | ReplacedEvent
  | TriggeredEvent
  | ExpiredEvent
  | MassCancelDoneEvent;

// ---------------------------------------------------------------- book views (queries, not commands)

export interface L2Level {
  price: number;
  qty: number; // sum of displayed quantities
  orders: number;
}

export interface L2Snapshot {
  symbolId: number;
  bids: L2Level[]; // best first
  asks: L2Level[]; // best first
}

export interface L3Order {
  orderId: number;
  side: Side;
  price: number;
  leaves: number;
  displayed: number; // visible part (== leaves unless iceberg)
}

export interface L3Snapshot {
  symbolId: number;
  state: TradingState;
  lastTradePrice: number; // 0 = no trade yet
  bids: L3Order[]; // best price first, FIFO within a price
  asks: L3Order[];
  /** Untriggered stop orders, in trigger-priority order (see docs/matcher.md). */
  stops: Array<{ orderId: number; side: Side; ordType: OrdType; stopPx: number; price: number; leaves: number }>;
}

/** What both the native matcher and the reference book offer. */
export interface Matcher {
  /** Processes commands in order; returns every event they caused, in order. */
  process(commands: readonly Command[]): MatcherEvent[];
  l2(symbolId: number, depth: number): L2Snapshot | undefined;
  l3(symbolId: number): L3Snapshot | undefined;
}

/** Largest number of price levels (per side) a symbol may span: (maxPrice-minPrice)/tickSize + 1. */
export const MAX_LEVELS = 1 << 20;
export const MAX_SYMBOL_ID = 65535;
