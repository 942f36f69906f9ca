// Pins stop and stop-limit orders (docs/matcher.md, "NewOrder" step 13 and "Trigger cascade"):
// untriggered stops wait aside, a trade at or through the stop price triggers them, all stops found
// by one check are triggered in entry order and queued, each then aggresses with its own settings,
// and every aggression is followed by another check.
import { CancelReason, Side, StpMode, TimeInForce } from '../../src/matcher/types';
import { accepted, cancelled, limit, matcherTest, stop, stopLimit, trade, triggered } from '../support/scenario';

matcherTest('stop: accepted and set aside; it neither trades nor can be traded against', (t, d) => {
  d.open();
  d.send(limit(1, Side.Sell, 100, 5));
  t.deepEqual(d.send(stop(10, Side.Buy, 105, 5)), [accepted(10)]);
  t.deepEqual(d.send(stopLimit(11, Side.Buy, 200, 150, 5)), [accepted(11)]);
  t.deepEqual(d.send(limit(2, Side.Sell, 140, 5)), [accepted(2)]);
  t.deepEqual(d.stops(), [10, 11]);
  t.deepEqual(d.side(Side.Buy), []);
});

matcherTest('stop: a trade at its stop price triggers a buy stop, which then trades as a market order', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Sell, 100, 5), limit(2, Side.Sell, 101, 5), limit(3, Side.Sell, 102, 5), stop(10, Side.Buy, 101, 5));
  t.deepEqual(d.send(limit(11, Side.Buy, 100, 5)), [
    accepted(11),
    trade({ aggressorOrderId: 11, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 5, aggressorLeaves: 0, restingLeaves: 0 }),
  ]);
  t.deepEqual(d.stops(), [10]);
  t.deepEqual(d.send(limit(12, Side.Buy, 101, 5)), [
    accepted(12),
    trade({ aggressorOrderId: 12, restingOrderId: 2, aggressorSide: Side.Buy, price: 101, qty: 5, aggressorLeaves: 0, restingLeaves: 0 }),
    triggered(10),
    trade({ aggressorOrderId: 10, restingOrderId: 3, aggressorSide: Side.Buy, price: 102, qty: 5, aggressorLeaves: 0, restingLeaves: 0 }),
  ]);
  t.deepEqual(d.stops(), []);
  t.is(d.l3()?.lastTradePrice, 102);
});

matcherTest('stop: a sell stop triggers when the last price falls to it; with nothing to hit, IocRemainder', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Buy, 100, 5), limit(2, Side.Buy, 99, 5), stop(10, Side.Sell, 99, 3));
  t.deepEqual(d.send(limit(11, Side.Sell, 100, 5)), [
    accepted(11),
    trade({ aggressorOrderId: 11, restingOrderId: 1, aggressorSide: Side.Sell, price: 100, qty: 5, aggressorLeaves: 0, restingLeaves: 0 }),
  ]);
  t.deepEqual(d.send(limit(12, Side.Sell, 99, 5)), [
    accepted(12),
    trade({ aggressorOrderId: 12, restingOrderId: 2, aggressorSide: Side.Sell, price: 99, qty: 5, aggressorLeaves: 0, restingLeaves: 0 }),
    triggered(10),
    cancelled(10, CancelReason.IocRemainder, 3),
  ]);
});

matcherTest('cascade: one check triggers in entry order, then each aggresses in turn; later checks append', (t, d) => {
  d.open();
  d.sendAll(
    limit(1, Side.Sell, 100, 1),
    limit(2, Side.Sell, 105, 10),
    stopLimit(10, Side.Buy, 100, 105, 2),
    stop(11, Side.Buy, 99, 3),
    stop(12, Side.Buy, 101, 4),
  );
  t.deepEqual(d.send(limit(13, Side.Buy, 100, 1)), [
    accepted(13),
    trade({ aggressorOrderId: 13, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 1, aggressorLeaves: 0, restingLeaves: 0 }),
    triggered(10),
    triggered(11),
    trade({ aggressorOrderId: 10, restingOrderId: 2, aggressorSide: Side.Buy, price: 105, qty: 2, aggressorLeaves: 0, restingLeaves: 8 }),
    triggered(12),
    trade({ aggressorOrderId: 11, restingOrderId: 2, aggressorSide: Side.Buy, price: 105, qty: 3, aggressorLeaves: 0, restingLeaves: 5 }),
    trade({ aggressorOrderId: 12, restingOrderId: 2, aggressorSide: Side.Buy, price: 105, qty: 4, aggressorLeaves: 0, restingLeaves: 1 }),
  ]);
});

matcherTest('cascade: triggered in entry order, whatever the stop prices', (t, d) => {
  d.open();
  d.sendAll(
    limit(1, Side.Sell, 100, 1),
    limit(2, Side.Sell, 105, 20),
    stop(10, Side.Buy, 99, 1),
    stop(11, Side.Buy, 100, 2),
    stop(12, Side.Buy, 98, 3),
  );
  t.deepEqual(d.send(limit(13, Side.Buy, 100, 1)), [
    accepted(13),
    trade({ aggressorOrderId: 13, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 1, aggressorLeaves: 0, restingLeaves: 0 }),
    triggered(10),
    triggered(11),
    triggered(12),
    trade({ aggressorOrderId: 10, restingOrderId: 2, aggressorSide: Side.Buy, price: 105, qty: 1, aggressorLeaves: 0, restingLeaves: 19 }),
    trade({ aggressorOrderId: 11, restingOrderId: 2, aggressorSide: Side.Buy, price: 105, qty: 2, aggressorLeaves: 0, restingLeaves: 17 }),
    trade({ aggressorOrderId: 12, restingOrderId: 2, aggressorSide: Side.Buy, price: 105, qty: 3, aggressorLeaves: 0, restingLeaves: 14 }),
  ]);
});

matcherTest('cascade: a triggered stop\'s own trades can trigger more stops (sell side)', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Buy, 100, 1), limit(2, Side.Buy, 90, 10), stop(10, Side.Sell, 95, 2), stop(11, Side.Sell, 100, 3));
  t.deepEqual(d.send(limit(12, Side.Sell, 100, 1)), [
    accepted(12),
    trade({ aggressorOrderId: 12, restingOrderId: 1, aggressorSide: Side.Sell, price: 100, qty: 1, aggressorLeaves: 0, restingLeaves: 0 }),
    triggered(11),
    trade({ aggressorOrderId: 11, restingOrderId: 2, aggressorSide: Side.Sell, price: 90, qty: 3, aggressorLeaves: 0, restingLeaves: 7 }),
    triggered(10),
    trade({ aggressorOrderId: 10, restingOrderId: 2, aggressorSide: Side.Sell, price: 90, qty: 2, aggressorLeaves: 0, restingLeaves: 5 }),
  ]);
});

matcherTest('stop-limit: once triggered it is a limit order; what it cannot fill rests at its price', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Sell, 100, 5), limit(2, Side.Sell, 101, 5), stopLimit(10, Side.Buy, 100, 100, 8));
  t.deepEqual(d.send(limit(11, Side.Buy, 100, 2)), [
    accepted(11),
    trade({ aggressorOrderId: 11, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 2, aggressorLeaves: 0, restingLeaves: 3 }),
    triggered(10),
    trade({ aggressorOrderId: 10, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 3, aggressorLeaves: 5, restingLeaves: 0 }),
  ]);
  t.deepEqual(d.stops(), []);
  t.deepEqual(d.side(Side.Buy), [[10, 100, 5, 5]]);
  t.deepEqual(d.side(Side.Sell), [[2, 101, 5, 5]]);
});

matcherTest('stop: the market limit is computed at trigger time from the best opposite ± band', (t, d) => {
  d.open({ marketBand: 1 });
  d.sendAll(limit(1, Side.Sell, 100, 1), limit(2, Side.Sell, 101, 2), limit(3, Side.Sell, 104, 5), stop(10, Side.Buy, 100, 5));
  t.deepEqual(d.send(limit(11, Side.Buy, 100, 1)), [
    accepted(11),
    trade({ aggressorOrderId: 11, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 1, aggressorLeaves: 0, restingLeaves: 0 }),
    triggered(10),
    trade({ aggressorOrderId: 10, restingOrderId: 2, aggressorSide: Side.Buy, price: 101, qty: 2, aggressorLeaves: 3, restingLeaves: 0 }),
    cancelled(10, CancelReason.ProtectionBand, 3),
  ]);
});

matcherTest('stop: when triggered it keeps its own minQty', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Sell, 100, 1), limit(2, Side.Sell, 101, 5), stop(10, Side.Buy, 100, 10, { tif: TimeInForce.IOC, minQty: 10 }));
  t.deepEqual(d.send(limit(11, Side.Buy, 100, 1)), [
    accepted(11),
    trade({ aggressorOrderId: 11, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 1, aggressorLeaves: 0, restingLeaves: 0 }),
    triggered(10),
    cancelled(10, CancelReason.MinQtyUnmet, 10),
  ]);
});

matcherTest('stop: when triggered it keeps its own FOK', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Sell, 100, 1), limit(2, Side.Sell, 101, 5), stopLimit(10, Side.Buy, 100, 101, 6, { tif: TimeInForce.FOK }));
  t.deepEqual(d.send(limit(11, Side.Buy, 100, 1)), [
    accepted(11),
    trade({ aggressorOrderId: 11, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 1, aggressorLeaves: 0, restingLeaves: 0 }),
    triggered(10),
    cancelled(10, CancelReason.FokUnfilled, 6),
  ]);
});

matcherTest('stop: when triggered it keeps its own STP settings', (t, d) => {
  d.open();
  d.sendAll(
    limit(1, Side.Sell, 100, 1),
    limit(2, Side.Sell, 101, 5, { stpId: 7 }),
    stop(10, Side.Buy, 100, 3, { stpId: 7, stpMode: StpMode.CancelAggressing }),
  );
  t.deepEqual(d.send(limit(11, Side.Buy, 100, 1, { stpId: 7, stpMode: StpMode.CancelAggressing })), [
    accepted(11),
    trade({ aggressorOrderId: 11, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 1, aggressorLeaves: 0, restingLeaves: 0 }),
    triggered(10),
    cancelled(10, CancelReason.SelfTrade, 3),
  ]);
});

matcherTest('stop: a Stop with GTC is market-like once triggered: its remainder is cancelled, not rested', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Sell, 100, 1), stop(10, Side.Buy, 100, 4, { tif: TimeInForce.GTC }));
  t.deepEqual(d.send(limit(11, Side.Buy, 100, 1)), [
    accepted(11),
    trade({ aggressorOrderId: 11, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 1, aggressorLeaves: 0, restingLeaves: 0 }),
    triggered(10),
    cancelled(10, CancelReason.IocRemainder, 4),
  ]);
});

matcherTest('stop: trades in another symbol do not trigger it', (t, d) => {
  d.open().open({ symbolId: 2 });
  d.sendAll(stop(10, Side.Buy, 100, 4), limit(1, Side.Sell, 100, 1, { symbolId: 2 }));
  t.deepEqual(d.send(limit(2, Side.Buy, 100, 1, { symbolId: 2 })), [
    accepted(2, 2),
    trade({ aggressorOrderId: 2, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 1, aggressorLeaves: 0, restingLeaves: 0, symbolId: 2 }),
  ]);
  t.deepEqual(d.stops(), [10]);
  t.is(d.l3()?.lastTradePrice, 0);
});
