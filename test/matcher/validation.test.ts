// Pins docs/matcher.md's refusals: the pre-step, the fields of a Rejected event, AddSymbol,
// SetTradingState, and NewOrder checks 1–14 one by one and in their order (a command failing
// several checks gets the reason of the first).
import {
  CommandType,
  MassCancelScope,
  MAX_LEVELS,
  OrderFlag,
  OrdType,
  RejectReason,
  Side,
  StpMode,
  TimeInForce,
  TradingState,
} from '../../src/matcher/types';
import {
  accepted,
  addSymbol,
  cancel,
  endOfDay,
  expired,
  limit,
  market,
  massCancel,
  matcherTest,
  order,
  orderRejected,
  rejected,
  replace,
  setState,
  stateChanged,
  stop,
  stopLimit,
  symbolAdded,
  SYM,
  timeTick,
  trade,
} from '../support/scenario';

// ------------------------------------------------------------ the pre-step

matcherTest('pre-step: seq 0 is refused even as the first command', (t, d) => {
  t.deepEqual(d.send(addSymbol(), { seq: 0 }), [rejected(CommandType.AddSymbol, RejectReason.SequenceNotIncreasing, { symbolId: SYM })]);
  t.is(d.l3(), undefined);
});

matcherTest('pre-step: the first seq and ts are accepted whatever they are', (t, d) => {
  t.deepEqual(d.send(addSymbol(), { seq: 1_000_000, ts: 0 }), [symbolAdded(SYM)]);
  t.deepEqual(d.send(limit(1, Side.Buy, 100, 10), { seq: 1_000_001, ts: 0 }), [accepted(1)]);
});

matcherTest('pre-step: a seq not above the last accepted one is refused, and does not move lastSeq', (t, d) => {
  d.send(addSymbol(), { seq: 10 });
  t.deepEqual(d.send(limit(1, Side.Buy, 100, 10), { seq: 10 }), [orderRejected(1, RejectReason.SequenceNotIncreasing)]);
  t.deepEqual(d.send(limit(1, Side.Buy, 100, 10), { seq: 9 }), [orderRejected(1, RejectReason.SequenceNotIncreasing)]);
  t.deepEqual(d.send(limit(1, Side.Buy, 100, 10), { seq: 11 }), [accepted(1)]);
});

matcherTest('pre-step: a ts below the last accepted one is refused; an equal ts is fine; refused ts do not move lastTs', (t, d) => {
  d.send(addSymbol(), { ts: 500 });
  t.deepEqual(d.send(limit(1, Side.Buy, 100, 10), { ts: 499 }), [orderRejected(1, RejectReason.TimestampWentBack)]);
  t.deepEqual(d.send(limit(1, Side.Buy, 100, 10), { ts: 500 }), [accepted(1)]);
  t.deepEqual(d.send(limit(2, Side.Buy, 100, 10), { ts: 499 }), [orderRejected(2, RejectReason.TimestampWentBack)]);
});

matcherTest('pre-step: the seq check comes before the ts check', (t, d) => {
  d.send(addSymbol(), { seq: 5, ts: 500 });
  t.deepEqual(d.send(cancel(9), { seq: 5, ts: 400 }), [rejected(CommandType.Cancel, RejectReason.SequenceNotIncreasing, { orderId: 9 })]);
});

matcherTest('pre-step: a command refused by seq or ts does not run GTD expiry', (t, d) => {
  d.at(1_000).open();
  d.send(limit(1, Side.Buy, 100, 10, { tif: TimeInForce.GTD, expireTime: 2_000 }));
  t.deepEqual(d.send(timeTick(), { seq: 1, ts: 5_000 }), [rejected(CommandType.TimeTick, RejectReason.SequenceNotIncreasing)]);
  t.deepEqual(d.send(timeTick(), { ts: 999 }), [rejected(CommandType.TimeTick, RejectReason.TimestampWentBack)]);
  t.is(d.side(Side.Buy).length, 1);
  t.deepEqual(d.send(timeTick(), { ts: 2_000 }), [expired(1, 10)]);
});

// ------------------------------------------------------------ Rejected: orderId and symbolId

matcherTest('Rejected carries the command orderId for Cancel and Replace, and symbolId 0', (t, d) => {
  d.open();
  t.deepEqual(d.send(cancel(42)), [rejected(CommandType.Cancel, RejectReason.UnknownOrder, { orderId: 42 })]);
  t.deepEqual(d.send(replace(43, 100, 10)), [rejected(CommandType.Replace, RejectReason.UnknownOrder, { orderId: 43 })]);
});

matcherTest('Rejected carries the symbolId of AddSymbol, SetTradingState, EndOfDay and the key of MassCancel by symbol', (t, d) => {
  d.open();
  t.deepEqual(d.send(addSymbol()), [rejected(CommandType.AddSymbol, RejectReason.DuplicateSymbol, { symbolId: SYM })]);
  t.deepEqual(d.send(setState(77, TradingState.Halted)), [rejected(CommandType.SetTradingState, RejectReason.UnknownSymbol, { symbolId: 77 })]);
  t.deepEqual(d.send(endOfDay(78)), [rejected(CommandType.EndOfDay, RejectReason.UnknownSymbol, { symbolId: 78 })]);
  t.deepEqual(d.send(massCancel(MassCancelScope.Symbol, 79)), [rejected(CommandType.MassCancel, RejectReason.UnknownSymbol, { symbolId: 79 })]);
});

matcherTest('Rejected carries symbolId 0 for MassCancel by another scope and for TimeTick', (t, d) => {
  d.open();
  t.deepEqual(d.send(massCancel(7 as MassCancelScope, 5)), [rejected(CommandType.MassCancel, RejectReason.InvalidScope)]);
  t.deepEqual(d.send(timeTick(), { seq: 1 }), [rejected(CommandType.TimeTick, RejectReason.SequenceNotIncreasing)]);
  t.deepEqual(d.send(massCancel(MassCancelScope.Session, 5), { seq: 1 }), [
    rejected(CommandType.MassCancel, RejectReason.SequenceNotIncreasing),
  ]);
});

// ------------------------------------------------------------ AddSymbol

const invalidConfigs: Array<[string, Parameters<typeof addSymbol>[0]]> = [
  ['symbolId 0', { symbolId: 0 }],
  ['symbolId 65536', { symbolId: 65536 }],
  ['symbolId not an integer', { symbolId: 1.5 }],
  ['tickSize 0', { tickSize: 0 }],
  ['tickSize negative', { tickSize: -5 }],
  ['tickSize not an integer', { tickSize: 0.5 }],
  ['lotSize 0', { lotSize: 0 }],
  ['minPrice 0', { minPrice: 0, tickSize: 1 }],
  ['minPrice off the tick grid', { tickSize: 5, minPrice: 7, maxPrice: 100 }],
  ['maxPrice below minPrice', { minPrice: 100, maxPrice: 99 }],
  ['maxPrice off the tick grid', { tickSize: 5, minPrice: 5, maxPrice: 102 }],
  ['one level more than MAX_LEVELS', { tickSize: 1, minPrice: 1, maxPrice: MAX_LEVELS + 1 }],
  ['marketBand negative', { marketBand: -1 }],
  ['marketBand off the tick grid', { tickSize: 5, minPrice: 5, maxPrice: 100, marketBand: 7 }],
  ['state not a TradingState', { state: 3 as TradingState }],
  ['maxPrice not a safe integer', { maxPrice: 2 ** 53 }],
];

for (const [what, fields] of invalidConfigs) {
  matcherTest(`AddSymbol: ${what} → InvalidSymbolConfig`, (t, d) => {
    const symbolId = fields?.symbolId ?? SYM;
    t.deepEqual(d.send(addSymbol(fields)), [rejected(CommandType.AddSymbol, RejectReason.InvalidSymbolConfig, { symbolId })]);
  });
}

matcherTest('AddSymbol: exactly MAX_LEVELS levels, maxPrice == minPrice, marketBand 0 and symbolId 65535 are fine', (t, d) => {
  t.deepEqual(d.send(addSymbol({ tickSize: 2, minPrice: 2, maxPrice: 2 * MAX_LEVELS })), [symbolAdded(SYM)]);
  t.deepEqual(d.send(addSymbol({ symbolId: 65535, minPrice: 50, maxPrice: 50, marketBand: 0 })), [symbolAdded(65535)]);
});

matcherTest('AddSymbol: DuplicateSymbol, but an invalid config is reported first', (t, d) => {
  d.open();
  t.deepEqual(d.send(addSymbol({ tickSize: 0 })), [rejected(CommandType.AddSymbol, RejectReason.InvalidSymbolConfig, { symbolId: SYM })]);
  t.deepEqual(d.send(addSymbol({ tickSize: 7, minPrice: 7, maxPrice: 70, marketBand: 70 })), [
    rejected(CommandType.AddSymbol, RejectReason.DuplicateSymbol, { symbolId: SYM }),
  ]);
});

matcherTest('AddSymbol: the symbol starts in the given state, with no last trade price', (t, d) => {
  d.open({ state: TradingState.Halted });
  t.like(d.l3(), { symbolId: SYM, state: TradingState.Halted, lastTradePrice: 0, bids: [], asks: [], stops: [] });
});

// ------------------------------------------------------------ SetTradingState

matcherTest('SetTradingState: emits TradingStateChanged, also when unchanged', (t, d) => {
  d.open();
  t.deepEqual(d.send(setState(SYM, TradingState.Open)), [stateChanged(SYM, TradingState.Open)]);
  t.deepEqual(d.send(setState(SYM, TradingState.Closed)), [stateChanged(SYM, TradingState.Closed)]);
  t.is(d.l3()?.state, TradingState.Closed);
});

matcherTest('SetTradingState: unknown symbol before invalid state', (t, d) => {
  d.open();
  t.deepEqual(d.send(setState(2, 9 as TradingState)), [rejected(CommandType.SetTradingState, RejectReason.UnknownSymbol, { symbolId: 2 })]);
  t.deepEqual(d.send(setState(SYM, 9 as TradingState)), [
    rejected(CommandType.SetTradingState, RejectReason.InvalidSymbolConfig, { symbolId: SYM }),
  ]);
});

// ------------------------------------------------------------ NewOrder, check by check

/** On a symbol with tick 5, lot 10, prices 50..500: the order gets `expected` (a reason, or Accepted). */
function newOrderCase(name: string, cmd: ReturnType<typeof order>, expected: RejectReason | 'accepted'): void {
  matcherTest(`NewOrder: ${name}`, (t, d) => {
    d.open({ tickSize: 5, lotSize: 10, minPrice: 50, maxPrice: 500 });
    const { orderId, symbolId } = cmd as { orderId: number; symbolId: number };
    const events = d.send(cmd);
    // An accepted order may go on to trade or be cancelled (an IOC on an empty book): only the verdict matters here.
    if (expected === 'accepted') t.deepEqual(events[0], accepted(orderId));
    else t.deepEqual(events, [orderRejected(orderId, expected, symbolId)]);
  });
}

// 1
newOrderCase('orderId 0 → InvalidOrderId', limit(0, Side.Buy, 100, 10), RejectReason.InvalidOrderId);
newOrderCase('orderId negative → InvalidOrderId', limit(-3, Side.Buy, 100, 10), RejectReason.InvalidOrderId);
newOrderCase('orderId not an integer → InvalidOrderId', limit(1.5, Side.Buy, 100, 10), RejectReason.InvalidOrderId);
newOrderCase('orderId above 2^53-1 → InvalidOrderId', limit(2 ** 53, Side.Buy, 100, 10), RejectReason.InvalidOrderId);
newOrderCase('InvalidOrderId comes before UnknownSymbol', limit(0, Side.Buy, 100, 10, { symbolId: 9 }), RejectReason.InvalidOrderId);
// 3
newOrderCase('unknown symbol → UnknownSymbol', limit(1, Side.Buy, 100, 10, { symbolId: 9 }), RejectReason.UnknownSymbol);
newOrderCase('UnknownSymbol comes before a bad side', limit(1, 3 as Side, 100, 10, { symbolId: 9 }), RejectReason.UnknownSymbol);
// 4
newOrderCase('side 3 → InvalidOrderType', limit(1, 3 as Side, 100, 10), RejectReason.InvalidOrderType);
newOrderCase('ordType 5 → InvalidOrderType', order({ orderId: 1, side: Side.Buy, ordType: 5 as OrdType, price: 100 }), RejectReason.InvalidOrderType);
newOrderCase('tif 2 → InvalidOrderType', limit(1, Side.Buy, 100, 10, { tif: 2 as TimeInForce }), RejectReason.InvalidOrderType);
newOrderCase('stpMode 5 → InvalidOrderType', limit(1, Side.Buy, 100, 10, { stpMode: 5 as StpMode, stpId: 1 }), RejectReason.InvalidOrderType);
newOrderCase('flags with another bit → InvalidOrderType', limit(1, Side.Buy, 100, 10, { flags: 2 }), RejectReason.InvalidOrderType);
newOrderCase('flags PostOnly plus another bit → InvalidOrderType', limit(1, Side.Buy, 100, 10, { flags: 3 }), RejectReason.InvalidOrderType);
newOrderCase('InvalidOrderType comes before a bad qty', limit(1, 3 as Side, 100, 0), RejectReason.InvalidOrderType);
// 6
newOrderCase('qty 0 → InvalidQuantity', limit(1, Side.Buy, 100, 0), RejectReason.InvalidQuantity);
newOrderCase('qty negative → InvalidQuantity', limit(1, Side.Buy, 100, -10), RejectReason.InvalidQuantity);
newOrderCase('qty not an integer → InvalidQuantity', limit(1, Side.Buy, 100, 10.5), RejectReason.InvalidQuantity);
newOrderCase('qty off the lot grid → OffLotGrid', limit(1, Side.Buy, 100, 15), RejectReason.OffLotGrid);
newOrderCase('qty check comes before the price check', limit(1, Side.Buy, 0, 15), RejectReason.OffLotGrid);
// 7
newOrderCase('Limit price 0 → InvalidPrice', limit(1, Side.Buy, 0, 10), RejectReason.InvalidPrice);
newOrderCase('Limit price negative → InvalidPrice', limit(1, Side.Buy, -100, 10), RejectReason.InvalidPrice);
newOrderCase('Limit price off the tick grid → OffTickGrid', limit(1, Side.Buy, 101, 10), RejectReason.OffTickGrid);
newOrderCase('Limit price below minPrice → PriceOutOfRange', limit(1, Side.Buy, 45, 10), RejectReason.PriceOutOfRange);
newOrderCase('Limit price above maxPrice → PriceOutOfRange', limit(1, Side.Buy, 505, 10), RejectReason.PriceOutOfRange);
newOrderCase('Limit at minPrice is fine', limit(1, Side.Buy, 50, 10), 'accepted');
newOrderCase('Limit at maxPrice is fine', limit(1, Side.Sell, 500, 10), 'accepted');
newOrderCase('StopLimit price off grid → OffTickGrid', stopLimit(1, Side.Buy, 200, 101, 10), RejectReason.OffTickGrid);
newOrderCase('Market with a price → InvalidCombination', market(1, Side.Buy, 10, { price: 100 }), RejectReason.InvalidCombination);
newOrderCase('Stop with a price → InvalidCombination', stop(1, Side.Buy, 200, 10, { price: 100 }), RejectReason.InvalidCombination);
newOrderCase('price check comes before the stop price check', stopLimit(1, Side.Buy, 0, 101, 10), RejectReason.OffTickGrid);
// 8
newOrderCase('Stop stopPx 0 → InvalidPrice', stop(1, Side.Buy, 0, 10), RejectReason.InvalidPrice);
newOrderCase('Stop stopPx off grid → OffTickGrid', stop(1, Side.Buy, 201, 10), RejectReason.OffTickGrid);
newOrderCase('StopLimit stopPx above maxPrice → PriceOutOfRange', stopLimit(1, Side.Buy, 600, 100, 10), RejectReason.PriceOutOfRange);
newOrderCase('Limit with a stopPx → InvalidCombination', limit(1, Side.Buy, 100, 10, { stopPx: 100 }), RejectReason.InvalidCombination);
newOrderCase('Market with a stopPx → InvalidCombination', market(1, Side.Buy, 10, { stopPx: 100 }), RejectReason.InvalidCombination);
newOrderCase('stop price check comes before minQty', stop(1, Side.Buy, 0, 10, { minQty: -1 }), RejectReason.InvalidPrice);
// 9
newOrderCase('minQty negative → InvalidQuantity', limit(1, Side.Buy, 100, 10, { tif: TimeInForce.IOC, minQty: -10 }), RejectReason.InvalidQuantity);
newOrderCase('minQty without IOC → InvalidCombination', limit(1, Side.Buy, 100, 20, { minQty: 10 }), RejectReason.InvalidCombination);
newOrderCase('minQty with FOK → InvalidCombination', limit(1, Side.Buy, 100, 20, { tif: TimeInForce.FOK, minQty: 10 }), RejectReason.InvalidCombination);
newOrderCase('minQty above qty → InvalidQuantity', limit(1, Side.Buy, 100, 20, { tif: TimeInForce.IOC, minQty: 30 }), RejectReason.InvalidQuantity);
newOrderCase('minQty off the lot grid → OffLotGrid', limit(1, Side.Buy, 100, 20, { tif: TimeInForce.IOC, minQty: 15 }), RejectReason.OffLotGrid);
newOrderCase('minQty check comes before displayQty', limit(1, Side.Buy, 100, 20, { minQty: 10, displayQty: 30 }), RejectReason.InvalidCombination);
newOrderCase('minQty == qty with IOC is fine', limit(1, Side.Buy, 100, 20, { tif: TimeInForce.IOC, minQty: 20 }), 'accepted');
// 10
newOrderCase('displayQty negative → InvalidDisplayQty', limit(1, Side.Buy, 100, 20, { displayQty: -10 }), RejectReason.InvalidDisplayQty);
newOrderCase('displayQty on a Market → InvalidCombination', market(1, Side.Buy, 20, { displayQty: 10 }), RejectReason.InvalidCombination);
newOrderCase('displayQty on a StopLimit → InvalidCombination', stopLimit(1, Side.Buy, 200, 100, 20, { displayQty: 10 }), RejectReason.InvalidCombination);
newOrderCase('displayQty on an IOC → InvalidCombination', limit(1, Side.Buy, 100, 20, { tif: TimeInForce.IOC, displayQty: 10 }), RejectReason.InvalidCombination);
newOrderCase('displayQty on a FOK → InvalidCombination', limit(1, Side.Buy, 100, 20, { tif: TimeInForce.FOK, displayQty: 10 }), RejectReason.InvalidCombination);
newOrderCase('displayQty above qty → InvalidDisplayQty', limit(1, Side.Buy, 100, 20, { displayQty: 30 }), RejectReason.InvalidDisplayQty);
newOrderCase('displayQty off the lot grid → OffLotGrid', limit(1, Side.Buy, 100, 20, { displayQty: 5 }), RejectReason.OffLotGrid);
newOrderCase('displayQty check comes before PostOnly', market(1, Side.Buy, 20, { displayQty: -10, flags: OrderFlag.PostOnly }), RejectReason.InvalidDisplayQty);
newOrderCase('displayQty above qty comes before off the lot grid', limit(1, Side.Buy, 100, 20, { displayQty: 35 }), RejectReason.InvalidDisplayQty);
newOrderCase('minQty above qty comes before off the lot grid', limit(1, Side.Buy, 100, 20, { tif: TimeInForce.IOC, minQty: 25 }), RejectReason.InvalidQuantity);
newOrderCase('displayQty == qty is fine', limit(1, Side.Buy, 100, 20, { displayQty: 20 }), 'accepted');
// 11
newOrderCase('PostOnly on a Market → InvalidCombination', market(1, Side.Buy, 10, { tif: TimeInForce.Day, flags: OrderFlag.PostOnly }), RejectReason.InvalidCombination);
newOrderCase('PostOnly on a StopLimit → InvalidCombination', stopLimit(1, Side.Buy, 200, 100, 10, { flags: OrderFlag.PostOnly }), RejectReason.InvalidCombination);
newOrderCase('PostOnly with IOC → InvalidCombination', limit(1, Side.Buy, 100, 10, { tif: TimeInForce.IOC, flags: OrderFlag.PostOnly }), RejectReason.InvalidCombination);
newOrderCase('PostOnly with FOK → InvalidCombination', limit(1, Side.Buy, 100, 10, { tif: TimeInForce.FOK, flags: OrderFlag.PostOnly }), RejectReason.InvalidCombination);
// 12
newOrderCase('Market GTC → InvalidCombination', market(1, Side.Buy, 10, { tif: TimeInForce.GTC }), RejectReason.InvalidCombination);
newOrderCase('Market GTD → InvalidCombination', market(1, Side.Buy, 10, { tif: TimeInForce.GTD, expireTime: 5_000_000 }), RejectReason.InvalidCombination);
newOrderCase('Market Day is fine', market(1, Side.Buy, 10, { tif: TimeInForce.Day }), 'accepted');
newOrderCase('Market FOK is fine', market(1, Side.Buy, 10, { tif: TimeInForce.FOK }), 'accepted');
newOrderCase('GTD without expireTime → InvalidCombination', limit(1, Side.Buy, 100, 10, { tif: TimeInForce.GTD }), RejectReason.InvalidCombination);
newOrderCase('GTD with a negative expireTime → InvalidCombination', limit(1, Side.Buy, 100, 10, { tif: TimeInForce.GTD, expireTime: -1 }), RejectReason.InvalidCombination);
newOrderCase('Day with an expireTime → InvalidCombination', limit(1, Side.Buy, 100, 10, { tif: TimeInForce.Day, expireTime: 5_000_000 }), RejectReason.InvalidCombination);
newOrderCase('GTD expiring before ts → ExpiredOnArrival', limit(1, Side.Buy, 100, 10, { tif: TimeInForce.GTD, expireTime: 999_999 }), RejectReason.ExpiredOnArrival);
newOrderCase('GTD expiring at ts → ExpiredOnArrival', limit(1, Side.Buy, 100, 10, { tif: TimeInForce.GTD, expireTime: 1_000_000 }), RejectReason.ExpiredOnArrival);
newOrderCase('GTD expiring after ts is fine', limit(1, Side.Buy, 100, 10, { tif: TimeInForce.GTD, expireTime: 1_000_001 }), 'accepted');
newOrderCase('Stop with GTD is fine', stop(1, Side.Buy, 200, 10, { tif: TimeInForce.GTD, expireTime: 2_000_000 }), 'accepted');

matcherTest('NewOrder: DuplicateOrderId only for a live id, and before UnknownSymbol', (t, d) => {
  d.open();
  d.send(limit(1, Side.Buy, 100, 10));
  d.send(stop(2, Side.Buy, 200, 10));
  t.deepEqual(d.send(limit(1, Side.Buy, 100, 10, { symbolId: 9 })), [orderRejected(1, RejectReason.DuplicateOrderId, 9)]);
  t.deepEqual(d.send(limit(2, Side.Sell, 300, 10)), [orderRejected(2, RejectReason.DuplicateOrderId)]);
  // Once order 1 has ended its id is not live any more: the matcher only checks the live ones.
  d.send(limit(3, Side.Sell, 100, 10));
  t.deepEqual(d.send(limit(1, Side.Sell, 300, 10)), [accepted(1)]);
});

matcherTest('NewOrder: Halted → SymbolHalted, Closed → SymbolClosed, both before the qty check', (t, d) => {
  d.open();
  d.send(setState(SYM, TradingState.Halted));
  t.deepEqual(d.send(limit(1, Side.Buy, 100, 0)), [orderRejected(1, RejectReason.SymbolHalted)]);
  d.send(setState(SYM, TradingState.Closed));
  t.deepEqual(d.send(limit(1, Side.Buy, 100, 0)), [orderRejected(1, RejectReason.SymbolClosed)]);
  t.deepEqual(d.send(limit(1, 3 as Side, 100, 0)), [orderRejected(1, RejectReason.InvalidOrderType)]);
  d.send(setState(SYM, TradingState.Open));
  t.deepEqual(d.send(limit(1, Side.Buy, 100, 10)), [accepted(1)]);
});

matcherTest('NewOrder 13: with a last trade price, a stop already triggered by it → InvalidStopPrice', (t, d) => {
  d.open();
  d.send(limit(1, Side.Sell, 100, 10));
  d.send(limit(2, Side.Buy, 100, 5));
  t.is(d.l3()?.lastTradePrice, 100);
  t.deepEqual(d.send(stop(3, Side.Buy, 100, 5)), [orderRejected(3, RejectReason.InvalidStopPrice)]);
  t.deepEqual(d.send(stop(4, Side.Buy, 99, 5)), [orderRejected(4, RejectReason.InvalidStopPrice)]);
  t.deepEqual(d.send(stop(5, Side.Buy, 101, 5)), [accepted(5)]);
  t.deepEqual(d.send(stopLimit(6, Side.Sell, 100, 90, 5)), [orderRejected(6, RejectReason.InvalidStopPrice)]);
  t.deepEqual(d.send(stopLimit(7, Side.Sell, 99, 90, 5)), [accepted(7)]);
});

matcherTest('NewOrder 13: without a last trade price any stop price in range is accepted', (t, d) => {
  d.open();
  t.deepEqual(d.sendAll(stop(1, Side.Buy, 1, 5), stop(2, Side.Sell, 1000, 5)), [accepted(1), accepted(2)]);
});

matcherTest('NewOrder 14: PostOnly that would cross → PostOnlyWouldCross, whatever its STP', (t, d) => {
  d.open();
  d.send(limit(1, Side.Sell, 100, 10, { stpId: 7, stpMode: StpMode.CancelResting }));
  d.send(limit(2, Side.Buy, 90, 10));
  const postOnly = { flags: OrderFlag.PostOnly, stpId: 7, stpMode: StpMode.CancelResting };
  t.deepEqual(d.send(limit(3, Side.Buy, 100, 10, postOnly)), [orderRejected(3, RejectReason.PostOnlyWouldCross)]);
  t.deepEqual(d.send(limit(4, Side.Sell, 90, 10, { flags: OrderFlag.PostOnly })), [orderRejected(4, RejectReason.PostOnlyWouldCross)]);
  t.deepEqual(d.send(limit(5, Side.Buy, 99, 10, postOnly)), [accepted(5)]);
  t.deepEqual(d.send(limit(6, Side.Sell, 100, 10, { flags: OrderFlag.PostOnly, tif: TimeInForce.Day })), [accepted(6)]);
  t.deepEqual(d.side(Side.Buy), [
    [5, 99, 10, 10],
    [2, 90, 10, 10],
  ]);
});

matcherTest('NewOrder: ExpiredOnArrival (12) comes before InvalidStopPrice (13) and PostOnlyWouldCross (14)', (t, d) => {
  d.open();
  d.send(limit(1, Side.Sell, 100, 10));
  d.send(limit(2, Side.Buy, 100, 5));
  const past = { tif: TimeInForce.GTD, expireTime: 1 };
  t.deepEqual(d.send(stop(3, Side.Buy, 90, 5, past)), [orderRejected(3, RejectReason.ExpiredOnArrival)]);
  t.deepEqual(d.send(limit(4, Side.Buy, 100, 5, { ...past, flags: OrderFlag.PostOnly })), [orderRejected(4, RejectReason.ExpiredOnArrival)]);
});

matcherTest('NewOrder: a refused order changes nothing', (t, d) => {
  d.open();
  d.send(limit(1, Side.Sell, 100, 10));
  const before = d.l3();
  t.deepEqual(d.send(limit(2, Side.Buy, 100, 15, { tif: TimeInForce.IOC, minQty: 20 })), [orderRejected(2, RejectReason.InvalidQuantity)]);
  t.deepEqual(d.l3(), before);
  t.deepEqual(d.send(limit(2, Side.Buy, 100, 5)), [
    accepted(2),
    trade({ aggressorOrderId: 2, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 5, aggressorLeaves: 0, restingLeaves: 5 }),
  ]);
});
