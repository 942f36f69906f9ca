// Order lifecycles driven through the reference matcher: every ExecType/OrdStatus transition,
// with the quantity invariant checked on every report.
import test from 'ava';
import { MassCancelScope, OrdType, Side, StpMode, TimeInForce } from '../../src/matcher/types';
import { CxlRejReason, CxlRejResponseTo, ExecRestatementReason, MassCancelOrigin, OrdRejReason } from '../../src/execution';
import { CANCEL_TEXTS, EXPIRED_DAY_TEXT, EXPIRED_GTD_TEXT, KILL_SWITCH_TEXT, STP_DECREMENT_TEXT } from '../../src/execution/reason-catalogue';
import { Harness, quantitiesHold, rejects, reports, summary } from './harness';

const { Buy, Sell } = Side;

function allHold(t: { true: (v: boolean, m?: string) => void }, out: ReturnType<Harness['newOrder']>): void {
  for (const r of reports(out)) t.true(quantitiesHold(r), `quantities of report ${r.execId}`);
}

test('new → partial fill → fill, across two sessions, each side to its own session', (t) => {
  const h = new Harness();
  t.deepEqual(summary(h.newOrder({ session: 'S1', clOrdId: 'a1', side: Sell, price: 1001, qty: 10 })), [['S1', '0', '0', 'a1', 10, 0, 10]]);
  const out1 = h.newOrder({ session: 'S2', clOrdId: 'b1', side: Buy, price: 1001, qty: 4 });
  t.deepEqual(summary(out1), [
    ['S2', '0', '0', 'b1', 4, 0, 4],
    ['S2', 'F', '2', 'b1', 4, 4, 0],
    ['S1', 'F', '1', 'a1', 10, 4, 6],
  ]);
  const fill = reports(out1)[2]!;
  t.is(fill.lastPx, 1001);
  t.is(fill.lastQty, 4);
  t.is(fill.orderId, 2);
  const out2 = h.newOrder({ session: 'S2', clOrdId: 'b2', side: Buy, price: 1005, qty: 6 });
  t.deepEqual(summary(out2).slice(1), [
    ['S2', 'F', '2', 'b2', 6, 6, 0],
    ['S1', 'F', '2', 'a1', 10, 10, 0],
  ]);
  // The resting order's price sets LastPx; AvgPx in 10^-4 price units: 1001.0000.
  t.is(reports(out2)[2]!.lastPx, 1001);
  t.is(reports(out2)[2]!.avgPx, 10010000n);
  allHold(t, [...out1, ...out2]);
  t.true(h.store.byClOrdId('S1', 'a1')!.done);
});

test('IOC partially filled: its remainder is cancelled with 39=4 and CumQty > 0', (t) => {
  const h = new Harness();
  h.newOrder({ session: 'S1', clOrdId: 'a1', side: Sell, price: 1000, qty: 3 });
  const out = h.newOrder({ session: 'S2', clOrdId: 'b1', side: Buy, price: 1000, qty: 10, tif: TimeInForce.IOC });
  t.deepEqual(summary(out), [
    ['S2', '0', '0', 'b1', 10, 0, 10],
    ['S2', 'F', '1', 'b1', 10, 3, 7],
    ['S1', 'F', '2', 'a1', 3, 3, 0],
    ['S2', '4', '4', 'b1', 10, 3, 0],
  ]);
  t.is(reports(out)[3]!.text, CANCEL_TEXTS[2]);
  allHold(t, out);
});

test('FOK that cannot fill in full: cancelled unfilled, nothing trades', (t) => {
  const h = new Harness();
  h.newOrder({ session: 'S1', clOrdId: 'a1', side: Sell, price: 1000, qty: 3 });
  const out = h.newOrder({ session: 'S2', clOrdId: 'b1', side: Buy, price: 1000, qty: 10, tif: TimeInForce.FOK });
  t.deepEqual(summary(out), [
    ['S2', '0', '0', 'b1', 10, 0, 10],
    ['S2', '4', '4', 'b1', 10, 0, 0],
  ]);
  t.is(reports(out)[1]!.text, CANCEL_TEXTS[5]);
});

test('rejected order: 150=8 39=8 with OrdRejReason and Text from the catalogue; its ClOrdID stays used', (t) => {
  const h = new Harness();
  const out = h.newOrder({ session: 'S1', clOrdId: 'a1', side: Buy, price: 1000, qty: 0 });
  t.deepEqual(summary(out), [['S1', '8', '8', 'a1', 0, 0, 0]]);
  t.is(reports(out)[0]!.ordRejReason, OrdRejReason.IncorrectQuantity);
  t.is(reports(out)[0]!.text, 'Invalid quantity');
  t.true(h.store.clOrdIdUsed('S1', 'a1'));
  t.false(h.store.clOrdIdUsed('S2', 'a1'));
});

test('user cancel: 150=4 with the cancel ClOrdID and OrigClOrdID; cancel of a filled order → 9 too late', (t) => {
  const h = new Harness();
  h.newOrder({ session: 'S1', clOrdId: 'a1', side: Sell, price: 1000, qty: 5 });
  h.newOrder({ session: 'S1', clOrdId: 'a2', side: Sell, price: 1001, qty: 5 });
  h.newOrder({ session: 'S2', clOrdId: 'b1', side: Buy, price: 1000, qty: 2 });
  const out = h.cancel('S1', 'c1', 'a1');
  t.deepEqual(summary(out), [['S1', '4', '4', 'c1', 5, 2, 0]]);
  t.is(reports(out)[0]!.origClOrdId, 'a1');
  t.is(reports(out)[0]!.text, CANCEL_TEXTS[1]);
  // Found by any ClOrdID of its chain.
  t.is(h.store.byClOrdId('S1', 'a1')?.orderId, 2);
  t.is(h.store.byClOrdId('S1', 'c1')?.orderId, 2);
  // Another session cannot name it.
  t.is(h.store.byClOrdId('S2', 'a1'), undefined);

  h.newOrder({ session: 'S2', clOrdId: 'b2', side: Buy, price: 1001, qty: 5 });
  const late = rejects(h.cancel('S1', 'c2', 'a2'));
  t.is(late.length, 1);
  t.like(late[0], { orderId: 3, clOrdId: 'c2', origClOrdId: 'a2', ordStatus: '2', cxlRejResponseTo: CxlRejResponseTo.Cancel, cxlRejReason: CxlRejReason.TooLateToCancel });
});

test('cancel refusals before sequencing: unknown order, duplicate ClOrdID, already pending', (t) => {
  const h = new Harness();
  h.newOrder({ session: 'S1', clOrdId: 'a1', side: Sell, price: 1000, qty: 5 });
  t.like(rejects(h.cancel('S1', 'c1', 'nope'))[0], { orderId: undefined, ordStatus: '8', cxlRejReason: CxlRejReason.UnknownOrder });
  t.like(rejects(h.cancel('S1', 'a1', 'a1'))[0], { cxlRejReason: CxlRejReason.DuplicateClOrdId, ordStatus: '0' });
  // A request registered (sequenced) but not yet answered: a second one gets 102=3.
  h.store.expectCancel({ seq: 1000, orderId: 2, clOrdId: 'c2', origClOrdId: 'a1' });
  t.like(rejects(h.cancel('S1', 'c3', 'a1'))[0], { cxlRejReason: CxlRejReason.AlreadyPending, cxlRejResponseTo: '1' });
});

test('a cancel the matcher refuses because the order ended becomes 102=0 too late, with the order\'s status', (t) => {
  const h = new Harness();
  h.newOrder({ session: 'S1', clOrdId: 'a1', side: Sell, price: 1000, qty: 5 });
  h.newOrder({ session: 'S2', clOrdId: 'b1', side: Buy, price: 1000, qty: 5 });
  t.like(rejects(h.cancelById(2, 'c1', 'a1'))[0], { orderId: 2, ordStatus: '2', cxlRejReason: CxlRejReason.TooLateToCancel });
});

test('replace keeping priority (qty down), then losing it (price change) and trading; AvgPx exact over three prices', (t) => {
  const h = new Harness();
  h.newOrder({ session: 'S1', clOrdId: 'a1', side: Sell, price: 1001, qty: 100 });
  h.newOrder({ session: 'S3', clOrdId: 'x1', side: Sell, price: 1001, qty: 100 });
  h.newOrder({ session: 'S3', clOrdId: 'x2', side: Sell, price: 1002, qty: 200 });
  h.newOrder({ session: 'S3', clOrdId: 'x3', side: Sell, price: 1004, qty: 50 });
  h.newOrder({ session: 'S2', clOrdId: 'b1', side: Buy, price: 990, qty: 50 });
  const keep = h.replace('S2', 'b2', 'b1', 990, 40);
  t.deepEqual(summary(keep), [['S2', '5', '0', 'b2', 40, 0, 40]]);
  t.is(reports(keep)[0]!.origClOrdId, 'b1');
  // Price up through the book and qty up: loses priority, takes 100 @ 10.01 (S1), 100 @ 10.01 (S3), 200 @ 10.02.
  const lose = h.replace('S2', 'b3', 'b2', 1004, 400);
  const r = reports(lose);
  t.deepEqual(summary(lose)[0], ['S2', '5', '0', 'b3', 400, 0, 400]);
  const mine = r.filter((x) => x.clOrdId === 'b3' && x.execType === 'F');
  t.deepEqual(mine.map((x) => [x.lastPx, x.lastQty, x.cumQty]), [[1001, 100, 100], [1001, 100, 200], [1002, 200, 400]]);
  // (1001×200 + 1002×200) / 400 = 1001.5 units → 10015000 in 10^-4 units.
  t.is(mine[2]!.avgPx, 10015000n);
  t.is(mine[2]!.ordStatus, '2');
  allHold(t, lose);
  const h2 = new Harness();
  h2.newOrder({ session: 'S1', clOrdId: 'a', side: Sell, price: 1001, qty: 1 });
  h2.newOrder({ session: 'S1', clOrdId: 'b', side: Sell, price: 1004, qty: 3 });
  h2.newOrder({ session: 'S2', clOrdId: 'c', side: Buy, price: 1000, qty: 6 });
  const up = reports(h2.replace('S2', 'd', 'c', 1004, 6)).filter((x) => x.clOrdId === 'd' && x.execType === 'F');
  // 1 @ 10.01, then 3 @ 10.04: (1001 + 3×1004) / 4 = 1003.25 units.
  t.deepEqual(up.map((x) => x.avgPx), [10010000n, 10032500n]);
});

test('AvgPx of a repeating quotient is rounded at its last extra decimal', (t) => {
  const h = new Harness();
  h.newOrder({ session: 'S1', clOrdId: 'a', side: Sell, price: 1001, qty: 1 });
  h.newOrder({ session: 'S1', clOrdId: 'b', side: Sell, price: 1002, qty: 2 });
  const fills = reports(h.newOrder({ session: 'S2', clOrdId: 'c', side: Buy, price: 1002, qty: 3 })).filter((x) => x.clOrdId === 'c' && x.execType === 'F');
  // (1001 + 2004) / 3 = 1001.66666… → 1001.6667
  t.is(fills[1]!.avgPx, 10016667n);
});

test('replace refused by the matcher (halted): OrderCancelReject 434=2 with the catalogue reason', (t) => {
  const h = new Harness();
  h.newOrder({ session: 'S1', clOrdId: 'a1', side: Buy, price: 1000, qty: 5 });
  h.halt();
  const rej = rejects(h.replace('S1', 'a2', 'a1', 1001, 5));
  t.like(rej[0], { orderId: 2, clOrdId: 'a2', origClOrdId: 'a1', ordStatus: '0', cxlRejResponseTo: CxlRejResponseTo.Replace, cxlRejReason: CxlRejReason.BrokerOption, text: 'Trading halted' });
  // The refused replace's ClOrdID is not in the chain.
  t.is(h.store.byClOrdId('S1', 'a2'), undefined);
  t.is(h.store.byClOrdId('S1', 'a1')?.clOrdId, 'a1');
});

test('STP decrement: the resting order gets a 150=D restatement (378=5) shrinking OrderQty and LeavesQty', (t) => {
  const h = new Harness();
  h.newOrder({ session: 'S1', clOrdId: 'a1', side: Sell, price: 1000, qty: 10, stpMode: StpMode.Decrement, stpId: 7 });
  const out = h.newOrder({ session: 'S1', clOrdId: 'a2', side: Buy, price: 1000, qty: 4, stpMode: StpMode.Decrement, stpId: 7 });
  t.deepEqual(summary(out), [
    ['S1', '0', '0', 'a2', 4, 0, 4],
    ['S1', 'D', '0', 'a1', 6, 0, 6],
    ['S1', '4', '4', 'a2', 4, 0, 0],
  ]);
  const restated = reports(out)[1]!;
  t.is(restated.execRestatementReason, ExecRestatementReason.PartialDeclineOfOrderQty);
  t.is(restated.text, STP_DECREMENT_TEXT);
  t.is(reports(out)[2]!.text, CANCEL_TEXTS[3]);
  allHold(t, out);
});

test('stop order: accepted, triggered (150=L) by a trade, then filled', (t) => {
  const h = new Harness();
  h.newOrder({ session: 'S1', clOrdId: 's1', side: Buy, ordType: OrdType.Stop, stopPx: 1005, qty: 5, tif: TimeInForce.Day });
  h.newOrder({ session: 'S2', clOrdId: 'r1', side: Sell, price: 1005, qty: 1 });
  h.newOrder({ session: 'S2', clOrdId: 'r2', side: Sell, price: 1006, qty: 10 });
  const out = h.newOrder({ session: 'S3', clOrdId: 't1', side: Buy, price: 1005, qty: 1 });
  const s = summary(out).filter((x) => x[3] === 's1');
  t.deepEqual(s, [
    ['S1', 'L', '0', 's1', 5, 0, 5],
    ['S1', 'F', '2', 's1', 5, 5, 0],
  ]);
  t.is(reports(out).find((x) => x.clOrdId === 's1' && x.execType === 'F')!.lastPx, 1006);
});

test('Day orders expire at end of day (150=C 39=C); GTD at its ExpireTime', (t) => {
  const h = new Harness();
  h.newOrder({ session: 'S1', clOrdId: 'd1', side: Buy, price: 1000, qty: 5 });
  h.newOrder({ session: 'S2', clOrdId: 'x', side: Sell, price: 1000, qty: 2 });
  const out = h.endOfDay();
  t.deepEqual(summary(out), [['S1', 'C', 'C', 'd1', 5, 2, 0]]);
  t.is(reports(out)[0]!.text, EXPIRED_DAY_TEXT);

  const g = new Harness();
  const expireTime = 2_000_000_000_000; // microseconds
  g.newOrder({ session: 'S1', clOrdId: 'g1', side: Buy, price: 1000, qty: 5, tif: TimeInForce.GTD, expireTime });
  const gout = g.timeTick(expireTime);
  t.deepEqual(summary(gout), [['S1', 'C', 'C', 'g1', 5, 0, 0]]);
  t.is(reports(gout)[0]!.text, EXPIRED_GTD_TEXT);
});

test('mass cancel and kill switch: every live order of the scope cancelled, Text says why', (t) => {
  const h = new Harness();
  h.newOrder({ session: 'S1', clOrdId: 'a1', side: Buy, price: 1000, qty: 5 });
  h.newOrder({ session: 'S1', clOrdId: 'a2', side: Sell, price: 1010, qty: 5 });
  h.newOrder({ session: 'S2', clOrdId: 'b1', side: Buy, price: 999, qty: 5 });
  const out = h.massCancel(MassCancelScope.Session, h.matcherSessionId('S1'));
  t.deepEqual(summary(out), [
    ['S1', '4', '4', 'a1', 5, 0, 0],
    ['S1', '4', '4', 'a2', 5, 0, 0],
  ]);
  t.true(reports(out).every((r) => r.text === CANCEL_TEXTS[4]));
  const kill = h.massCancel(MassCancelScope.All, 0, MassCancelOrigin.KillSwitch);
  t.deepEqual(summary(kill), [['S2', '4', '4', 'b1', 5, 0, 0]]);
  t.is(reports(kill)[0]!.text, KILL_SWITCH_TEXT);
});

test('status request answers from order state (150=I); unknown ClOrdID → 39=8 103=5', (t) => {
  const h = new Harness();
  h.newOrder({ session: 'S1', clOrdId: 'a1', side: Sell, price: 1000, qty: 5, account: 'ACC' });
  h.newOrder({ session: 'S2', clOrdId: 'b1', side: Buy, price: 1000, qty: 2 });
  const st = h.status.orderStatus({ session: 'S1', clOrdId: 'a1', side: Sell, symbolId: 1, ordStatusReqId: 'q1' });
  t.like(st, { execType: 'I', ordStatus: '1', orderId: 2, cumQty: 2, leavesQty: 3, avgPx: 10000000n, account: 'ACC', ordStatusReqId: 'q1', execId: '3.0' });
  t.like(h.status.orderStatus({ session: 'S1', clOrdId: 'zz', side: Buy, symbolId: 1 }), { execType: 'I', ordStatus: '8', orderId: 0, ordRejReason: 5, execId: '3.1' });
  h.newOrder({ session: 'S1', clOrdId: 'a2', side: Buy, price: 900, qty: 1 });
  const mass = h.status.massStatus('S1', 'm1');
  t.deepEqual(mass.map((r) => [r.clOrdId, r.ordStatus, r.totNumReports, r.lastRptRequested, r.massStatusReqId]), [
    ['a1', '1', 2, false, 'm1'],
    ['a2', '0', 2, true, 'm1'],
  ]);
  t.deepEqual(h.status.massStatus('S2', 'm2'), []);
});

test('trading-day reset: ClOrdIDs reusable, done orders forgotten, live orders still found by their chain', (t) => {
  const h = new Harness();
  h.newOrder({ session: 'S1', clOrdId: 'a1', side: Buy, price: 1000, qty: 5, tif: TimeInForce.GTC });
  h.replace('S1', 'a2', 'a1', 1000, 4);
  h.newOrder({ session: 'S1', clOrdId: 'd1', side: Buy, price: 1000, qty: 5 });
  h.endOfDay();
  h.store.newTradingDay();
  t.false(h.store.clOrdIdUsed('S1', 'd1'));
  t.is(h.store.byClOrdId('S1', 'd1'), undefined);
  t.true(h.store.clOrdIdUsed('S1', 'a1'));
  t.is(h.store.byClOrdId('S1', 'a1')?.clOrdId, 'a2');
  t.is(h.store.byClOrdId('S1', 'a2')?.leavesQty, 4);
});
