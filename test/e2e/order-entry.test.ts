// The order path end to end: the real gateway process (fixgate start), brokers on FIX 4.4 and
// FIXT 1.1 through our raw test client. Orders go through normalization, risk, the sequencer and
// its write-ahead log, the native matcher and the execution layer, and come back as
// ExecutionReports and OrderCancelRejects on the owners' sessions (and copies on the drop copy).
// The tests run in order on one gateway: later ones build on the books earlier ones leave.
import test from 'ava';
import { FixTestClient, type FieldList, type ReceivedMessage } from '../support/fix-test-client';
import { startGateway, type GatewayUnderTest, type TestSession } from '../support/gateway-fixture';

let gateway: GatewayUnderTest;
let b1: FixTestClient;
let b2: FixTestClient;
let dc: FixTestClient;

function session(name: string): TestSession {
  const s = gateway.sessions.find((x) => x.name === name);
  if (s === undefined) throw new Error(`no session ${name} in the demo file`);
  return s;
}

/** Connects and logs on; `nextSeq` continues a session's numbering after a restart. */
async function logOn(name: string, nextSeq = 1): Promise<FixTestClient> {
  const s = session(name);
  const client = await FixTestClient.connect({ port: gateway.port, beginString: s.beginString, senderCompId: s.peerCompId, targetCompId: s.ourCompId });
  client.nextSeq = nextSeq;
  const fields: FieldList = [[98, 0], [108, 30], [553, s.username], [554, s.password]];
  client.logon(s.beginString === 'FIXT.1.1' ? [...fields, [1137, '9']] : fields);
  await client.next('A');
  return client;
}

function transactTime(): string {
  return new Date().toISOString().replace(/-/g, '').replace('T', '-').replace('Z', '');
}

function order(client: FixTestClient, clOrdId: string, side: 1 | 2, qty: string, price: string, symbol = 'ACME'): void {
  client.send('D', [[11, clOrdId], [55, symbol], [54, side], [38, qty], [40, '2'], [44, price], [59, '0'], [60, transactTime()]]);
}

/** The next ExecutionReport for `clOrdId` and ExecType; the reports read past it are dropped. */
async function reportFor(client: FixTestClient, clOrdId: string, execType: string): Promise<ReceivedMessage> {
  for (;;) {
    const m = await client.next('8');
    if (m.get(11) === clOrdId && m.get(150) === execType) return m;
  }
}

/** Every ExecID an order-entry session received (copies on the drop copy repeat them on purpose). */
const execIds: string[] = [];
function collectExecIds(client: FixTestClient): void {
  for (const m of client.received) if (m.msgType === '8') execIds.push(m.get(17) as string);
}

test.before(async () => {
  gateway = await startGateway();
  b1 = await logOn('BROKER1-OE');
  b2 = await logOn('BROKER2-OE');
  dc = await logOn('BROKER1-DC');
});

test.after.always(async () => {
  for (const c of [b1, b2, dc]) c?.destroy();
  await gateway?.stop();
});

test.serial('a limit buy rests: ER 150=0 39=0 with OrderID, ExecID, CumQty 0 and LeavesQty = OrderQty', async (t) => {
  order(b1, 'A-BUY-1', 1, '100', '99.00');
  const ack = await reportFor(b1, 'A-BUY-1', '0');
  t.is(ack.get(39), '0');
  t.regex(ack.get(37) ?? '', /^\d+$/);
  t.truthy(ack.get(17));
  t.is(ack.get(55), 'ACME');
  t.is(ack.get(54), '1');
  t.is(ack.get(38), '100');
  t.is(ack.get(14), '0');
  t.is(ack.get(151), '100');
  t.is(ack.get(44), '99.00');
  // TransactTime is the sequencer's stamp (µs), printed at the session's precision: it is now.
  const stamp = /^(\d{4})(\d{2})(\d{2})-(\d{2}:\d{2}:\d{2}\.\d{3})$/.exec(ack.get(60) ?? '');
  t.truthy(stamp, ack.text);
  const at = Date.parse(`${stamp?.[1]}-${stamp?.[2]}-${stamp?.[3]}T${stamp?.[4]}Z`);
  t.true(Math.abs(at - Date.now()) < 60_000, ack.text);
  // The drop copy of BROKER1 gets the same report, marked as a copy.
  const copy = await reportFor(dc, 'A-BUY-1', '0');
  t.is(copy.get(797), 'Y');
  t.is(copy.get(17), ack.get(17));
});

test.serial('a crossing order from another session fills both sides, each on its own session, at exact prices', async (t) => {
  // BROKER2 rests two asks; BROKER1 sweeps both: 30 @ 100.00 + 70 @ 100.01 → AvgPx 100.007.
  order(b2, 'B-SELL-1', 2, '30', '100.00');
  order(b2, 'B-SELL-2', 2, '70', '100.01');
  await reportFor(b2, 'B-SELL-1', '0');
  await reportFor(b2, 'B-SELL-2', '0');
  order(b1, 'B-BUY-1', 1, '100', '100.01');
  const first = await reportFor(b1, 'B-BUY-1', 'F');
  t.is(first.get(39), '1');
  t.is(first.get(31), '100.00');
  t.is(first.get(32), '30');
  t.is(first.get(14), '30');
  t.is(first.get(151), '70');
  t.is(Number(first.get(6)), 100);
  const last = await reportFor(b1, 'B-BUY-1', 'F');
  t.is(last.get(39), '2');
  t.is(last.get(31), '100.01');
  t.is(last.get(32), '70');
  t.is(last.get(14), '100');
  t.is(last.get(151), '0');
  t.regex(last.get(6) ?? '', /^100\.0070*$/);
  const sell1 = await reportFor(b2, 'B-SELL-1', 'F');
  t.is(sell1.get(39), '2');
  t.is(sell1.get(31), '100.00');
  t.is(sell1.get(32), '30');
  t.regex(sell1.get(6) ?? '', /^100\.000*$/);
  const sell2 = await reportFor(b2, 'B-SELL-2', 'F');
  t.is(sell2.get(39), '2');
  t.is(sell2.get(31), '100.01');
  t.is(sell2.get(32), '70');
  t.regex(sell2.get(6) ?? '', /^100\.010*$/);
  // Each side's reports went to its own session only.
  t.false(b1.received.some((m) => m.msgType === '8' && (m.get(11) ?? '').startsWith('B-SELL')));
  t.false(b2.received.some((m) => m.msgType === '8' && m.get(11) === 'B-BUY-1'));
  t.is(first.get(37), last.get(37));
  t.not(first.get(17), last.get(17));
});

test.serial('a cancel is answered 150=4; a cancel of a filled order gets 9 with 102=0 (too late)', async (t) => {
  order(b1, 'C-BUY-1', 1, '10', '95.00');
  const ack = await reportFor(b1, 'C-BUY-1', '0');
  b1.send('F', [[41, 'C-BUY-1'], [11, 'C-CXL-1'], [55, 'ACME'], [54, 1], [60, transactTime()]]);
  const cancelled = await reportFor(b1, 'C-CXL-1', '4');
  t.is(cancelled.get(39), '4');
  t.is(cancelled.get(41), 'C-BUY-1');
  t.is(cancelled.get(37), ack.get(37));
  t.is(cancelled.get(151), '0');
  b1.send('F', [[41, 'B-BUY-1'], [11, 'C-CXL-2'], [55, 'ACME'], [54, 1], [60, transactTime()]]);
  const reject = await b1.next('9');
  t.is(reject.get(11), 'C-CXL-2');
  t.is(reject.get(41), 'B-BUY-1');
  t.is(reject.get(102), '0');
  t.is(reject.get(434), '1');
  t.is(reject.get(39), '2');
});

test.serial('an order off the tick grid is rejected: 150=8 39=8 with OrdRejReason and Text', async (t) => {
  order(b1, 'D-BUY-1', 1, '10', '99.005');
  const rejected = await reportFor(b1, 'D-BUY-1', '8');
  t.is(rejected.get(39), '8');
  t.is(rejected.get(103), '18');
  t.regex(rejected.get(58) ?? '', /tick/);
  t.truthy(rejected.get(17));
  // Nothing reached the book: a sell at that level does not trade with it.
  t.false(b1.received.some((m) => m.get(11) === 'D-BUY-1' && m.get(150) === '0'));
});

test.serial('replace (150=5), status (150=I) and a mass cancel of the firm (150=4 each, then r with the count)', async (t) => {
  b1.send('G', [[41, 'A-BUY-1'], [11, 'F-RPL-1'], [55, 'ACME'], [54, 1], [38, '60'], [40, '2'], [44, '99.00'], [59, '0'], [60, transactTime()]]);
  const replaced = await reportFor(b1, 'F-RPL-1', '5');
  t.is(replaced.get(41), 'A-BUY-1');
  t.is(replaced.get(39), '0');
  t.is(replaced.get(38), '60');
  t.is(replaced.get(151), '60');
  b1.send('H', [[11, 'F-RPL-1'], [55, 'ACME'], [54, 1], [790, 'F-STATUS-1']]);
  const status = await reportFor(b1, 'F-RPL-1', 'I');
  t.is(status.get(39), '0');
  t.is(status.get(790), 'F-STATUS-1');
  t.is(status.get(37), replaced.get(37));
  order(b1, 'F-BUY-2', 1, '100', '42.0000', 'GLOBX');
  await reportFor(b1, 'F-BUY-2', '0');
  b1.send('q', [[11, 'F-MASS-1'], [530, '7'], [60, transactTime()]]);
  const cancelled = [await b1.next('8'), await b1.next('8')];
  t.deepEqual(cancelled.map((m) => [m.get(11), m.get(150), m.get(39)]).sort(), [
    ['F-BUY-2', '4', '4'],
    ['F-RPL-1', '4', '4'],
  ]);
  const report = await b1.next('r');
  t.is(report.get(11), 'F-MASS-1');
  t.is(report.get(530), '7');
  t.is(report.get(531), '7');
  t.is(report.get(533), '2');
});

test.serial('after a restart the order state is rebuilt from the log: fills, cancels, ClOrdID uniqueness, ExecIDs', async (t) => {
  // Before: an ask partly filled (4 of 10 @ 101.00) and a second ask resting untouched.
  order(b2, 'E-SELL-1', 2, '10', '101.00');
  const rested = await reportFor(b2, 'E-SELL-1', '0');
  order(b1, 'E-BUY-0', 1, '4', '101.00');
  t.is((await reportFor(b1, 'E-BUY-0', 'F')).get(39), '2');
  const partial = await reportFor(b2, 'E-SELL-1', 'F');
  t.is(partial.get(14), '4');
  order(b2, 'E-SELL-2', 2, '3', '105.00');
  await reportFor(b2, 'E-SELL-2', '0');
  collectExecIds(b1);
  collectExecIds(b2);
  const next1 = b1.nextSeq;
  const next2 = b2.nextSeq;
  for (const c of [b1, b2, dc]) c.destroy();
  gateway = await gateway.restart();
  const replayed = JSON.parse(await gateway.waitForLog(/"msg":"write-ahead log replayed"/)) as { commands: number; annotations: number };
  t.true(replayed.commands > 0);
  t.true(replayed.annotations > 0);
  b1 = await logOn('BROKER1-OE', next1);
  b2 = await logOn('BROKER2-OE', next2);
  dc = await logOn('BROKER1-DC', 2);

  // (1) The resting side of a fill against a pre-restart order is reported, with its whole history.
  order(b1, 'E-BUY-1', 1, '5', '101.00');
  const fill = await reportFor(b1, 'E-BUY-1', 'F');
  t.is(fill.get(39), '2');
  t.is(fill.get(31), '101.00');
  t.is(fill.get(32), '5');
  t.true(Number(fill.get(37)) > Number(rested.get(37)));
  const resting = await reportFor(b2, 'E-SELL-1', 'F');
  t.is(resting.get(37), rested.get(37));
  t.is(resting.get(39), '1');
  t.is(resting.get(32), '5');
  t.is(resting.get(14), '9');
  t.is(resting.get(151), '1');
  t.is(Number(resting.get(6)), 101);

  // (2) A pre-restart order is cancelled by its ClOrdID.
  b2.send('F', [[41, 'E-SELL-2'], [11, 'E-CXL-2'], [55, 'ACME'], [54, 2], [60, transactTime()]]);
  const cancelled = await reportFor(b2, 'E-CXL-2', '4');
  t.is(cancelled.get(39), '4');
  t.is(cancelled.get(41), 'E-SELL-2');

  // (3) A ClOrdID used before the restart is still used.
  order(b2, 'E-SELL-1', 2, '1', '110.00');
  const duplicate = await reportFor(b2, 'E-SELL-1', '8');
  t.is(duplicate.get(103), '6');

  // (4) No ExecID repeats across the restart.
  collectExecIds(b1);
  collectExecIds(b2);
  t.is(new Set(execIds).size, execIds.length, `repeated ExecIDs in ${execIds.join(' ')}`);
});
