// ExecIDs and reports are a function of the sequenced stream: running the same commands again (on
// the reference book, and on the native matcher when it is built) gives the same reports, ExecIDs
// included, and ExecIDs never repeat.
import test from 'ava';
import { Side, StpMode, TimeInForce } from '../../src/matcher/types';
import type { Outbound } from '../../src/execution';
import { execIdOf } from '../../src/execution';
import { availableImpls } from '../support/matchers';
import { Harness, reports } from './harness';

function script(h: Harness): Outbound[] {
  return [
    ...h.newOrder({ session: 'S1', clOrdId: 'a1', side: Side.Sell, price: 1001, qty: 10 }),
    ...h.newOrder({ session: 'S1', clOrdId: 'a2', side: Side.Sell, price: 1003, qty: 10, stpMode: StpMode.Decrement, stpId: 4 }),
    ...h.newOrder({ session: 'S2', clOrdId: 'b1', side: Side.Buy, price: 1002, qty: 4 }),
    ...h.replace('S1', 'a3', 'a1', 1002, 12),
    ...h.newOrder({ session: 'S2', clOrdId: 'b2', side: Side.Buy, price: 1003, qty: 30, tif: TimeInForce.IOC }),
    ...h.newOrder({ session: 'S1', clOrdId: 'a4', side: Side.Buy, price: 1003, qty: 3, stpMode: StpMode.Decrement, stpId: 4 }),
    ...h.cancel('S1', 'c1', 'a3'),
    ...h.endOfDay(),
  ];
}

const json = (out: Outbound[]): string => JSON.stringify(out, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

test('ExecID is <seq>-<index> in base 36', (t) => {
  t.is(execIdOf(1000, 2), 'rs-2');
  t.is(execIdOf(36, 35), '10-z');
});

test('the same commands give the same reports and ExecIDs, on every matcher implementation', (t) => {
  const first = script(new Harness());
  const ids = reports(first).map((r) => r.execId);
  t.is(new Set(ids).size, ids.length, 'ExecIDs are unique');
  t.true(ids.length > 10);
  for (const impl of availableImpls()) {
    t.is(json(script(new Harness(impl.create()))), json(first), impl.name);
  }
});
