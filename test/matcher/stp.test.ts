// Pins self-trade prevention (docs/matcher.md, "Aggression"): when it is active, what a self order
// is, each mode's events, and how self orders count for FOK and minQty.
import { CancelReason, Side, StpMode, TimeInForce } from '../../src/matcher/types';
import { accepted, cancelled, limit, market, matcherTest, reduced, trade } from '../support/scenario';

const stp = (stpMode: StpMode, stpId = 7) => ({ stpMode, stpId });

matcherTest('STP inactive with mode None: same stpId trades', (t, d) => {
  d.open();
  d.send(limit(1, Side.Sell, 100, 5, stp(StpMode.CancelBoth)));
  t.deepEqual(d.send(limit(2, Side.Buy, 100, 5, stp(StpMode.None))), [
    accepted(2),
    trade({ aggressorOrderId: 2, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 5, aggressorLeaves: 0, restingLeaves: 0 }),
  ]);
});

matcherTest('STP inactive with stpId 0, even against resting orders with stpId 0', (t, d) => {
  d.open();
  d.send(limit(1, Side.Sell, 100, 5, stp(StpMode.CancelBoth, 0)));
  t.deepEqual(d.send(limit(2, Side.Buy, 100, 5, stp(StpMode.CancelBoth, 0))), [
    accepted(2),
    trade({ aggressorOrderId: 2, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 5, aggressorLeaves: 0, restingLeaves: 0 }),
  ]);
});

matcherTest('STP: a different stpId is not self', (t, d) => {
  d.open();
  d.send(limit(1, Side.Sell, 100, 5, stp(StpMode.CancelBoth, 8)));
  t.deepEqual(d.send(limit(2, Side.Buy, 100, 5, stp(StpMode.CancelBoth, 7))), [
    accepted(2),
    trade({ aggressorOrderId: 2, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 5, aggressorLeaves: 0, restingLeaves: 0 }),
  ]);
});

matcherTest('STP CancelResting: the self order is cancelled and matching goes on', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Sell, 100, 5, stp(StpMode.None)), limit(3, Side.Sell, 100, 5));
  t.deepEqual(d.send(limit(2, Side.Buy, 100, 8, stp(StpMode.CancelResting))), [
    accepted(2),
    cancelled(1, CancelReason.SelfTrade, 5),
    trade({ aggressorOrderId: 2, restingOrderId: 3, aggressorSide: Side.Buy, price: 100, qty: 5, aggressorLeaves: 3, restingLeaves: 0 }),
  ]);
  t.deepEqual(d.side(Side.Buy), [[2, 100, 3, 3]]);
  t.deepEqual(d.side(Side.Sell), []);
});

matcherTest('STP CancelAggressing: trades up to the self order, then the aggressor is cancelled; the self order stays', (t, d) => {
  d.open();
  d.sendAll(limit(3, Side.Sell, 100, 5), limit(1, Side.Sell, 100, 5, stp(StpMode.CancelResting)), limit(4, Side.Sell, 100, 5));
  t.deepEqual(d.send(limit(2, Side.Buy, 100, 12, stp(StpMode.CancelAggressing))), [
    accepted(2),
    trade({ aggressorOrderId: 2, restingOrderId: 3, aggressorSide: Side.Buy, price: 100, qty: 5, aggressorLeaves: 7, restingLeaves: 0 }),
    cancelled(2, CancelReason.SelfTrade, 7),
  ]);
  t.deepEqual(d.side(Side.Sell), [
    [1, 100, 5, 5],
    [4, 100, 5, 5],
  ]);
});

matcherTest('STP CancelBoth: the self order, then the aggressor', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Sell, 100, 5, stp(StpMode.None)), limit(3, Side.Sell, 100, 5));
  t.deepEqual(d.send(limit(2, Side.Buy, 100, 8, stp(StpMode.CancelBoth))), [
    accepted(2),
    cancelled(1, CancelReason.SelfTrade, 5),
    cancelled(2, CancelReason.SelfTrade, 8),
  ]);
  t.deepEqual(d.side(Side.Sell), [[3, 100, 5, 5]]);
});

matcherTest('STP: the aggressor mode decides, not the resting order mode', (t, d) => {
  d.open();
  d.send(limit(1, Side.Sell, 100, 5, stp(StpMode.CancelAggressing)));
  t.deepEqual(d.send(limit(2, Side.Buy, 100, 5, stp(StpMode.CancelResting))), [accepted(2), cancelled(1, CancelReason.SelfTrade, 5)]);
  t.deepEqual(d.side(Side.Buy), [[2, 100, 5, 5]]);
});

matcherTest('STP Decrement, resting bigger: resting reduced in place, aggressor cancelled by its leaves', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Sell, 100, 10, stp(StpMode.None)), limit(3, Side.Sell, 100, 5));
  t.deepEqual(d.send(limit(2, Side.Buy, 100, 4, stp(StpMode.Decrement))), [
    accepted(2),
    reduced(1, 4, 6),
    cancelled(2, CancelReason.SelfTrade, 4),
  ]);
  t.deepEqual(d.side(Side.Sell), [
    [1, 100, 6, 6],
    [3, 100, 5, 5],
  ]);
});

matcherTest('STP Decrement, resting smaller: resting cancelled, aggressor reduced, matching goes on', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Sell, 100, 4, stp(StpMode.None)), limit(3, Side.Sell, 100, 10));
  t.deepEqual(d.send(limit(2, Side.Buy, 100, 10, stp(StpMode.Decrement))), [
    accepted(2),
    cancelled(1, CancelReason.SelfTrade, 4),
    reduced(2, 4, 6),
    trade({ aggressorOrderId: 2, restingOrderId: 3, aggressorSide: Side.Buy, price: 100, qty: 6, aggressorLeaves: 0, restingLeaves: 4 }),
  ]);
});

matcherTest('STP Decrement, equal: both cancelled by the common quantity', (t, d) => {
  d.open();
  d.send(limit(1, Side.Sell, 100, 5, stp(StpMode.None)));
  t.deepEqual(d.send(limit(2, Side.Buy, 100, 5, stp(StpMode.Decrement))), [
    accepted(2),
    cancelled(1, CancelReason.SelfTrade, 5),
    cancelled(2, CancelReason.SelfTrade, 5),
  ]);
  t.deepEqual(d.side(Side.Sell), []);
  t.deepEqual(d.side(Side.Buy), []);
});

matcherTest('STP Decrement, reduced rest of an aggressor rests with the smaller qty', (t, d) => {
  d.open();
  d.send(limit(1, Side.Sell, 100, 4, stp(StpMode.None)));
  t.deepEqual(d.send(limit(2, Side.Buy, 100, 10, stp(StpMode.Decrement))), [
    accepted(2),
    cancelled(1, CancelReason.SelfTrade, 4),
    reduced(2, 4, 6),
  ]);
  t.deepEqual(d.side(Side.Buy), [[2, 100, 6, 6]]);
});

matcherTest('STP Decrement on an iceberg: displayed shrinks to at most the new leaves', (t, d) => {
  d.open();
  d.send(limit(1, Side.Sell, 100, 20, { ...stp(StpMode.None), displayQty: 5 }));
  t.deepEqual(d.send(limit(2, Side.Buy, 100, 3, stp(StpMode.Decrement))), [accepted(2), reduced(1, 3, 17), cancelled(2, CancelReason.SelfTrade, 3)]);
  t.deepEqual(d.side(Side.Sell), [[1, 100, 17, 5]]);
  t.deepEqual(d.send(limit(3, Side.Buy, 100, 15, stp(StpMode.Decrement))), [accepted(3), reduced(1, 15, 2), cancelled(3, CancelReason.SelfTrade, 15)]);
  t.deepEqual(d.side(Side.Sell), [[1, 100, 2, 2]]);
});

matcherTest('STP also applies to market orders', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Buy, 100, 5, stp(StpMode.None)), limit(3, Side.Buy, 99, 5));
  t.deepEqual(d.send(market(2, Side.Sell, 8, stp(StpMode.CancelResting))), [
    accepted(2),
    cancelled(1, CancelReason.SelfTrade, 5),
    trade({ aggressorOrderId: 2, restingOrderId: 3, aggressorSide: Side.Sell, price: 99, qty: 5, aggressorLeaves: 3, restingLeaves: 0 }),
    cancelled(2, CancelReason.IocRemainder, 3),
  ]);
});

// ------------------------------------------------------------ FOK and minQty with self orders

matcherTest('FOK: a self order within L blocks it unless the mode is CancelResting', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Sell, 100, 5, stp(StpMode.None)), limit(3, Side.Sell, 100, 10));
  for (const [id, mode] of [
    [10, StpMode.CancelAggressing],
    [11, StpMode.CancelBoth],
    [12, StpMode.Decrement],
  ] as const) {
    t.deepEqual(d.send(limit(id, Side.Buy, 100, 5, { ...stp(mode), tif: TimeInForce.FOK })), [
      accepted(id),
      cancelled(id, CancelReason.FokUnfilled, 5),
    ]);
  }
  t.deepEqual(d.send(limit(13, Side.Buy, 100, 10, { ...stp(StpMode.CancelResting), tif: TimeInForce.FOK })), [
    accepted(13),
    cancelled(1, CancelReason.SelfTrade, 5),
    trade({ aggressorOrderId: 13, restingOrderId: 3, aggressorSide: Side.Buy, price: 100, qty: 10, aggressorLeaves: 0, restingLeaves: 0 }),
  ]);
});

matcherTest('FOK CancelResting: self orders do not count as executable, and are not cancelled when FOK fails', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Sell, 100, 5, stp(StpMode.None)), limit(3, Side.Sell, 100, 5));
  t.deepEqual(d.send(limit(2, Side.Buy, 100, 10, { ...stp(StpMode.CancelResting), tif: TimeInForce.FOK })), [
    accepted(2),
    cancelled(2, CancelReason.FokUnfilled, 10),
  ]);
  t.deepEqual(d.side(Side.Sell), [
    [1, 100, 5, 5],
    [3, 100, 5, 5],
  ]);
});

matcherTest('FOK: a self order beyond L does not block', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Sell, 101, 5, stp(StpMode.None)), limit(3, Side.Sell, 100, 5));
  t.deepEqual(d.send(limit(2, Side.Buy, 100, 5, { ...stp(StpMode.CancelBoth), tif: TimeInForce.FOK })), [
    accepted(2),
    trade({ aggressorOrderId: 2, restingOrderId: 3, aggressorSide: Side.Buy, price: 100, qty: 5, aggressorLeaves: 0, restingLeaves: 0 }),
  ]);
});

matcherTest('minQty: a self order within L blocks it (Decrement)', (t, d) => {
  d.open();
  d.sendAll(limit(3, Side.Sell, 100, 10), limit(1, Side.Sell, 100, 5, stp(StpMode.None)));
  t.deepEqual(d.send(limit(2, Side.Buy, 100, 10, { ...stp(StpMode.Decrement), tif: TimeInForce.IOC, minQty: 5 })), [
    accepted(2),
    cancelled(2, CancelReason.MinQtyUnmet, 10),
  ]);
  t.deepEqual(d.send(limit(4, Side.Buy, 100, 10, { ...stp(StpMode.CancelResting), tif: TimeInForce.IOC, minQty: 10 })), [
    accepted(4),
    trade({ aggressorOrderId: 4, restingOrderId: 3, aggressorSide: Side.Buy, price: 100, qty: 10, aggressorLeaves: 0, restingLeaves: 0 }),
  ]);
  t.deepEqual(d.side(Side.Sell), [[1, 100, 5, 5]]);
});
