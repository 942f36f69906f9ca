// Pins icebergs (displayQty > 0): what is displayed, a trade takes at most the displayed slice, a
// used-up slice reloads and goes to the back of its level, hidden quantity counts for FOK, and how
// replace treats displayed.
import { CancelReason, Side, TimeInForce } from '../../src/matcher/types';
import { accepted, cancelled, limit, matcherTest, replace, replaced, trade } from '../support/scenario';

matcherTest('iceberg: rests showing displayQty; l2 shows the displayed part, l3 the leaves', (t, d) => {
  d.open();
  t.deepEqual(d.send(limit(1, Side.Sell, 100, 20, { displayQty: 5 })), [accepted(1)]);
  t.deepEqual(d.side(Side.Sell), [[1, 100, 20, 5]]);
  t.deepEqual(d.l2()?.asks, [{ price: 100, qty: 5, orders: 1 }]);
});

matcherTest('iceberg: a trade takes at most the slice; a used-up slice reloads and goes to the back', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Sell, 100, 20, { displayQty: 5 }), limit(2, Side.Sell, 100, 5));
  t.deepEqual(d.send(limit(3, Side.Buy, 100, 8)), [
    accepted(3),
    trade({ aggressorOrderId: 3, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 5, aggressorLeaves: 3, restingLeaves: 15 }),
    trade({ aggressorOrderId: 3, restingOrderId: 2, aggressorSide: Side.Buy, price: 100, qty: 3, aggressorLeaves: 0, restingLeaves: 2 }),
  ]);
  t.deepEqual(d.side(Side.Sell), [
    [2, 100, 2, 2],
    [1, 100, 15, 5],
  ]);
});

matcherTest('iceberg: a partly taken slice keeps its place; the rest of the slice trades first next time', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Sell, 100, 20, { displayQty: 5 }), limit(2, Side.Sell, 100, 5));
  t.deepEqual(d.send(limit(3, Side.Buy, 100, 3)), [
    accepted(3),
    trade({ aggressorOrderId: 3, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 3, aggressorLeaves: 0, restingLeaves: 17 }),
  ]);
  t.deepEqual(d.side(Side.Sell), [
    [1, 100, 17, 2],
    [2, 100, 5, 5],
  ]);
  t.deepEqual(d.send(limit(4, Side.Buy, 100, 4)), [
    accepted(4),
    trade({ aggressorOrderId: 4, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 2, aggressorLeaves: 2, restingLeaves: 15 }),
    trade({ aggressorOrderId: 4, restingOrderId: 2, aggressorSide: Side.Buy, price: 100, qty: 2, aggressorLeaves: 0, restingLeaves: 3 }),
  ]);
  t.deepEqual(d.side(Side.Sell), [
    [2, 100, 3, 3],
    [1, 100, 15, 5],
  ]);
});

matcherTest('iceberg: alone on its level it trades slice after slice in one aggression; the last slice is what is left', (t, d) => {
  d.open();
  d.send(limit(1, Side.Sell, 100, 12, { displayQty: 5 }));
  t.deepEqual(d.send(limit(2, Side.Buy, 100, 20)), [
    accepted(2),
    trade({ aggressorOrderId: 2, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 5, aggressorLeaves: 15, restingLeaves: 7 }),
    trade({ aggressorOrderId: 2, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 5, aggressorLeaves: 10, restingLeaves: 2 }),
    trade({ aggressorOrderId: 2, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 2, aggressorLeaves: 8, restingLeaves: 0 }),
  ]);
  t.deepEqual(d.side(Side.Sell), []);
  t.deepEqual(d.side(Side.Buy), [[2, 100, 8, 8]]);
});

matcherTest('iceberg: FOK counts its hidden quantity', (t, d) => {
  d.open();
  d.send(limit(1, Side.Sell, 100, 10, { displayQty: 5 }));
  t.deepEqual(d.send(limit(2, Side.Buy, 100, 11, { tif: TimeInForce.FOK })), [accepted(2), cancelled(2, CancelReason.FokUnfilled, 11)]);
  t.deepEqual(d.send(limit(3, Side.Buy, 100, 10, { tif: TimeInForce.FOK })), [
    accepted(3),
    trade({ aggressorOrderId: 3, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 5, aggressorLeaves: 5, restingLeaves: 5 }),
    trade({ aggressorOrderId: 3, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 5, aggressorLeaves: 0, restingLeaves: 0 }),
  ]);
});

matcherTest('iceberg as aggressor: takes liquidity beyond its displayQty, then rests showing a slice', (t, d) => {
  d.open();
  d.send(limit(1, Side.Sell, 100, 12));
  t.deepEqual(d.send(limit(2, Side.Buy, 100, 20, { displayQty: 5 })), [
    accepted(2),
    trade({ aggressorOrderId: 2, restingOrderId: 1, aggressorSide: Side.Buy, price: 100, qty: 12, aggressorLeaves: 8, restingLeaves: 0 }),
  ]);
  t.deepEqual(d.side(Side.Buy), [[2, 100, 8, 5]]);
});

matcherTest('iceberg: replace down keeps its place, displayed = min(displayed, leaves)', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Sell, 100, 20, { displayQty: 5 }), limit(2, Side.Sell, 100, 5), limit(3, Side.Buy, 100, 3));
  t.deepEqual(d.side(Side.Sell)[0], [1, 100, 17, 2]);
  t.deepEqual(d.send(replace(1, 100, 4)), [replaced({ orderId: 1, price: 100, stopPx: 0, qty: 4, leaves: 1, priorityLost: false })]);
  t.deepEqual(d.side(Side.Sell), [
    [1, 100, 1, 1],
    [2, 100, 5, 5],
  ]);
});

matcherTest('iceberg: replace up loses priority; displayed is reset to min(displayQty, leaves)', (t, d) => {
  d.open();
  d.sendAll(limit(1, Side.Sell, 100, 20, { displayQty: 5 }), limit(2, Side.Sell, 100, 5), limit(3, Side.Buy, 100, 3));
  t.deepEqual(d.send(replace(1, 100, 30)), [replaced({ orderId: 1, price: 100, stopPx: 0, qty: 30, leaves: 27, priorityLost: true })]);
  t.deepEqual(d.side(Side.Sell), [
    [2, 100, 5, 5],
    [1, 100, 27, 5],
  ]);
});
