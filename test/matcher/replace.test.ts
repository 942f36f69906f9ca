// Pins Replace (docs/matcher.md, "Replace"): its checks in order, when priority is kept or lost for
// resting orders and for untriggered stops, and that a replace losing priority aggresses and runs
// the trigger cascade.
import { CancelReason, CommandType, OrderFlag, RejectReason, Side, StpMode, TimeInForce, TradingState } from '../../src/matcher/types';
import {
  accepted,
  cancelled,
  limit,
  matcherTest,
  rejected,
  replace,
  replaced,
  setState,
  stop,
  stopLimit,
  SYM,
  trade,
  triggered,
} from '../support/scenario';

const refused = (orderId: number, reason: RejectReason) => [rejected(CommandType.Replace, reason, { orderId })];

// ------------------------------------------------------------ checks

matcherTest('Replace: not live → UnknownOrder (never seen, or ended), before the state check', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Buy, 100, 10), limit(2, Side.Sell, 100, 10));
  d.send(setState(SYM, TradingState.Halted));
  t.deepEqual(d.send(replace(1, 100, 5)), refused(1, RejectReason.UnknownOrder));
  t.deepEqual(d.send(replace(7, 100, 5)), refused(7, RejectReason.UnknownOrder));
});

matcherTest('Replace: Halted → SymbolHalted before the qty check; Closed → SymbolClosed', (t, d) => {
  d.open();
  d.send(limit(1, Side.Buy, 100, 10));
  d.send(setState(SYM, TradingState.Halted));
  t.deepEqual(d.send(replace(1, 100, 0)), refused(1, RejectReason.SymbolHalted));
  d.send(setState(SYM, TradingState.Closed));
  t.deepEqual(d.send(replace(1, 100, 0)), refused(1, RejectReason.SymbolClosed));
});

matcherTest('Replace: qty, then price, then stop price checks, each as for NewOrder', (t, d) => {
  d.open({ tickSize: 5, lotSize: 10, minPrice: 50, maxPrice: 500 });
  d.sendAll(limit(1, Side.Buy, 100, 20), stop(2, Side.Buy, 200, 20), stopLimit(3, Side.Sell, 60, 55, 20));
  t.deepEqual(d.send(replace(1, 101, 0)), refused(1, RejectReason.InvalidQuantity));
  t.deepEqual(d.send(replace(1, 101, -10)), refused(1, RejectReason.InvalidQuantity));
  t.deepEqual(d.send(replace(1, 101, 15)), refused(1, RejectReason.OffLotGrid));
  t.deepEqual(d.send(replace(1, 0, 20)), refused(1, RejectReason.InvalidPrice));
  t.deepEqual(d.send(replace(1, 101, 20)), refused(1, RejectReason.OffTickGrid));
  t.deepEqual(d.send(replace(1, 505, 20)), refused(1, RejectReason.PriceOutOfRange));
  t.deepEqual(d.send(replace(1, 100, 20, 100)), refused(1, RejectReason.InvalidCombination));
  t.deepEqual(d.send(replace(2, 100, 20, 200)), refused(2, RejectReason.InvalidCombination));
  t.deepEqual(d.send(replace(2, 0, 20, 0)), refused(2, RejectReason.InvalidPrice));
  t.deepEqual(d.send(replace(2, 0, 20, 201)), refused(2, RejectReason.OffTickGrid));
  t.deepEqual(d.send(replace(3, 50, 20, 45)), refused(3, RejectReason.PriceOutOfRange));
  t.deepEqual(d.send(replace(3, 51, 20, 45)), refused(3, RejectReason.OffTickGrid));
});

matcherTest('Replace: an untriggered stop must stay beyond the last trade price → InvalidStopPrice', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Sell, 100, 10), limit(2, Side.Buy, 100, 5), stop(3, Side.Buy, 110, 5), stopLimit(4, Side.Sell, 90, 89, 5));
  t.deepEqual(d.send(replace(3, 0, 5, 100)), refused(3, RejectReason.InvalidStopPrice));
  t.deepEqual(d.send(replace(4, 89, 5, 100)), refused(4, RejectReason.InvalidStopPrice));
  t.deepEqual(d.send(replace(3, 0, 5, 101)), [replaced({ orderId: 3, price: 0, stopPx: 101, qty: 5, leaves: 5, priorityLost: true })]);
});

matcherTest('Replace: a triggered stop-limit resting in the book is a resting order: stopPx must be 0', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Sell, 100, 1), stopLimit(10, Side.Buy, 100, 99, 5), limit(2, Side.Buy, 100, 1));
  t.deepEqual(d.side(Side.Buy), [[10, 99, 5, 5]]);
  t.deepEqual(d.send(replace(10, 99, 4, 100)), refused(10, RejectReason.InvalidCombination));
  t.deepEqual(d.send(replace(10, 99, 4)), [replaced({ orderId: 10, price: 99, stopPx: 0, qty: 4, leaves: 4, priorityLost: false })]);
});

matcherTest('Replace: qty not above what is filled → ReplaceBelowFilled', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Buy, 100, 10), limit(2, Side.Sell, 100, 4));
  t.deepEqual(d.send(replace(1, 100, 4)), refused(1, RejectReason.ReplaceBelowFilled));
  t.deepEqual(d.send(replace(1, 100, 3)), refused(1, RejectReason.ReplaceBelowFilled));
  t.deepEqual(d.send(replace(1, 100, 5)), [replaced({ orderId: 1, price: 100, stopPx: 0, qty: 5, leaves: 1, priorityLost: false })]);
});

matcherTest('Replace: a post-only order whose new price would cross → PostOnlyWouldCross, unchanged', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Sell, 100, 10), limit(2, Side.Buy, 98, 10, { flags: OrderFlag.PostOnly }));
  t.deepEqual(d.send(replace(2, 100, 10)), refused(2, RejectReason.PostOnlyWouldCross));
  t.deepEqual(d.side(Side.Buy), [[2, 98, 10, 10]]);
  t.deepEqual(d.send(replace(2, 99, 10)), [replaced({ orderId: 2, price: 99, stopPx: 0, qty: 10, leaves: 10, priorityLost: true })]);
});

// ------------------------------------------------------------ resting orders

matcherTest('Replace resting: qty down at the same price keeps its place', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Buy, 100, 10), limit(2, Side.Buy, 100, 10));
  t.deepEqual(d.send(replace(1, 100, 6)), [replaced({ orderId: 1, price: 100, stopPx: 0, qty: 6, leaves: 6, priorityLost: false })]);
  t.deepEqual(d.side(Side.Buy), [
    [1, 100, 6, 6],
    [2, 100, 10, 10],
  ]);
});

matcherTest('Replace resting: nothing changed → accepted, priority kept', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Buy, 100, 10), limit(2, Side.Buy, 100, 10));
  t.deepEqual(d.send(replace(1, 100, 10)), [replaced({ orderId: 1, price: 100, stopPx: 0, qty: 10, leaves: 10, priorityLost: false })]);
  t.deepEqual(d.side(Side.Buy).map(([id]) => id), [1, 2]);
});

matcherTest('Replace resting: qty up loses priority, to the back of the level', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Buy, 100, 10), limit(2, Side.Buy, 100, 10));
  t.deepEqual(d.send(replace(1, 100, 11)), [replaced({ orderId: 1, price: 100, stopPx: 0, qty: 11, leaves: 11, priorityLost: true })]);
  t.deepEqual(d.side(Side.Buy), [
    [2, 100, 10, 10],
    [1, 100, 11, 11],
  ]);
});

matcherTest('Replace resting: a partly filled order keeps cumQty; leaves = qty - cumQty', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Buy, 100, 10), limit(2, Side.Sell, 100, 4));
  t.deepEqual(d.send(replace(1, 99, 12)), [replaced({ orderId: 1, price: 99, stopPx: 0, qty: 12, leaves: 8, priorityLost: true })]);
  t.deepEqual(d.side(Side.Buy), [[1, 99, 8, 8]]);
});

matcherTest('Replace resting: a new price that crosses aggresses; the rest rests at the new level', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Buy, 99, 10), limit(2, Side.Sell, 100, 4), limit(3, Side.Buy, 100, 1, { tif: TimeInForce.Day }));
  t.deepEqual(d.side(Side.Sell), [[2, 100, 3, 3]]);
  d.send(limit(4, Side.Buy, 99, 5));
  t.deepEqual(d.send(replace(1, 100, 10)), [
    replaced({ orderId: 1, price: 100, stopPx: 0, qty: 10, leaves: 10, priorityLost: true }),
    trade({ aggressorOrderId: 1, restingOrderId: 2, aggressorSide: Side.Buy, price: 100, qty: 3, aggressorLeaves: 7, restingLeaves: 0 }),
  ]);
  t.deepEqual(d.side(Side.Buy), [
    [1, 100, 7, 7],
    [4, 99, 5, 5],
  ]);
});

matcherTest('Replace resting: the aggression that follows a lost priority applies STP', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Buy, 99, 10, { stpId: 7, stpMode: StpMode.CancelAggressing }), limit(2, Side.Sell, 100, 4, { stpId: 7 }));
  t.deepEqual(d.send(replace(1, 100, 10)), [
    replaced({ orderId: 1, price: 100, stopPx: 0, qty: 10, leaves: 10, priorityLost: true }),
    cancelled(1, CancelReason.SelfTrade, 10),
  ]);
  t.deepEqual(d.side(Side.Buy), []);
  t.deepEqual(d.send(replace(1, 100, 10)), refused(1, RejectReason.UnknownOrder));
});

matcherTest('Replace resting: the aggression that follows a lost priority runs the trigger cascade', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Buy, 99, 10), limit(2, Side.Sell, 100, 4), limit(3, Side.Sell, 101, 4), stop(10, Side.Buy, 100, 2));
  t.deepEqual(d.send(replace(1, 100, 10)), [
    replaced({ orderId: 1, price: 100, stopPx: 0, qty: 10, leaves: 10, priorityLost: true }),
    trade({ aggressorOrderId: 1, restingOrderId: 2, aggressorSide: Side.Buy, price: 100, qty: 4, aggressorLeaves: 6, restingLeaves: 0 }),
    triggered(10),
    trade({ aggressorOrderId: 10, restingOrderId: 3, aggressorSide: Side.Buy, price: 101, qty: 2, aggressorLeaves: 0, restingLeaves: 2 }),
  ]);
});

// ------------------------------------------------------------ untriggered stops

matcherTest('Replace stop: qty down keeps entry order; stopPx change, price change or qty up moves it last', (t, d) => {
  d.open();
  d.sendAll(stop(1, Side.Buy, 110, 10), stopLimit(2, Side.Buy, 110, 111, 10), stop(3, Side.Buy, 110, 10));
  t.deepEqual(d.send(replace(1, 0, 5, 110)), [replaced({ orderId: 1, price: 0, stopPx: 110, qty: 5, leaves: 5, priorityLost: false })]);
  t.deepEqual(d.stops(), [1, 2, 3]);
  t.deepEqual(d.send(replace(1, 0, 5, 112)), [replaced({ orderId: 1, price: 0, stopPx: 112, qty: 5, leaves: 5, priorityLost: true })]);
  t.deepEqual(d.stops(), [2, 3, 1]);
  t.deepEqual(d.send(replace(2, 112, 10, 110)), [replaced({ orderId: 2, price: 112, stopPx: 110, qty: 10, leaves: 10, priorityLost: true })]);
  t.deepEqual(d.stops(), [3, 1, 2]);
  t.deepEqual(d.send(replace(3, 0, 11, 110)), [replaced({ orderId: 3, price: 0, stopPx: 110, qty: 11, leaves: 11, priorityLost: true })]);
  t.deepEqual(d.stops(), [1, 2, 3]);
});

matcherTest('Replace stop: the new entry order decides the trigger order', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Sell, 100, 1), limit(2, Side.Sell, 105, 10), stop(10, Side.Buy, 100, 1), stop(11, Side.Buy, 100, 2));
  t.deepEqual(d.send(replace(10, 0, 1, 99)), [replaced({ orderId: 10, price: 0, stopPx: 99, qty: 1, leaves: 1, priorityLost: true })]);
  t.deepEqual(d.send(limit(12, Side.Buy, 100, 1)), [
    accepted(12),
    trade({ aggressorOrderId: 12, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 1, aggressorLeaves: 0, restingLeaves: 0 }),
    triggered(11),
    triggered(10),
    trade({ aggressorOrderId: 11, restingOrderId: 2, aggressorSide: Side.Buy, price: 105, qty: 2, aggressorLeaves: 0, restingLeaves: 8 }),
    trade({ aggressorOrderId: 10, restingOrderId: 2, aggressorSide: Side.Buy, price: 105, qty: 1, aggressorLeaves: 0, restingLeaves: 7 }),
  ]);
});

matcherTest('Replace stop: stays an untriggered stop even when its new limit price crosses the book', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Sell, 100, 5), stopLimit(10, Side.Buy, 120, 120, 5));
  t.deepEqual(d.send(replace(10, 100, 5, 120)), [replaced({ orderId: 10, price: 100, stopPx: 120, qty: 5, leaves: 5, priorityLost: true })]);
  t.deepEqual(d.stops(), [10]);
  t.deepEqual(d.side(Side.Sell), [[1, 100, 5, 5]]);
});
