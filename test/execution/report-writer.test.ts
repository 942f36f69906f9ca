// Encoded reports decode with our FixDecoder, over FIX 4.4 and FIXT.1.1/FIX 5.0SP2, and carry the
// content's fields exactly (decimals at the instrument's scales, TransactTime at the session's
// precision); drop copies carry 797=Y and nothing else new.
import test from 'ava';
import { DecodeStatus, FixDecoder } from '../../src/fix/codec/decoder';
import { FixDecimal } from '../../src/fix/codec/decimal';
import { fix44Dictionary, fixt11Dictionary } from '../../src/fix/codec/dictionaries';
import { FixMessage } from '../../src/fix/codec/fix-message';
import { NO_REJECT } from '../../src/fix/codec/session-reject-reason';
import { TimestampPrecision } from '../../src/fix/codec/timestamp';
import { MsgType, Tag } from '../../src/fix/dictionary/generated';
import { HeaderWriter } from '../../src/fix/session/admin-messages';
import { Side, TimeInForce } from '../../src/matcher/types';
import { dropCopies, writeExecutionReport, writeOrderCancelReject, type ExecutionReport } from '../../src/execution';
import { Harness, INSTRUMENT, rejects, reports } from './harness';

const VERSIONS = [
  { begin: 'FIX.4.4', dictionary: fix44Dictionary, precision: TimestampPrecision.Millis, time: '19700112-13:46:40.000' },
  { begin: 'FIXT.1.1', dictionary: fixt11Dictionary, precision: TimestampPrecision.Micros, time: '19700112-13:46:40.000127' },
] as const;

function decode(frame: Buffer, dictionary: () => ReturnType<typeof fix44Dictionary>): FixMessage {
  const msg = new FixMessage(dictionary());
  const status = new FixDecoder().decode(frame, 0, frame.length, msg);
  if (status !== DecodeStatus.Ok) throw new Error(`decode status ${status}`);
  return msg;
}

function encodeReport(v: (typeof VERSIONS)[number], r: ExecutionReport): FixMessage {
  const header = new HeaderWriter(v.begin, 'FIXGATE', 'BROKER', v.precision);
  writeExecutionReport(header.begin(MsgType.ExecutionReport, 9, 86_400_000), r, INSTRUMENT);
  return decode(header.finishCopy()!, v.dictionary);
}

function dec(msg: FixMessage, tag: number): string | undefined {
  const d = new FixDecimal();
  return msg.getDecimal(tag, d) === 0 ? d.toString() : undefined;
}

function partialFill(): { h: Harness; fill: ExecutionReport } {
  const h = new Harness();
  h.newOrder({ session: 'S1', clOrdId: 'a1', side: Side.Sell, price: 1001, qty: 1 });
  h.newOrder({ session: 'S1', clOrdId: 'a2', side: Side.Sell, price: 1002, qty: 2 });
  const out = h.newOrder({ session: 'S2', clOrdId: 'b1', side: Side.Buy, price: 1002, qty: 5, tif: TimeInForce.GTC, account: 'ACC-1' });
  return { h, fill: reports(out).filter((r) => r.clOrdId === 'b1' && r.execType === 'F')[1]! };
}

for (const v of VERSIONS) {
  test(`${v.begin}: a partial fill decodes with every field exact`, (t) => {
    const { fill } = partialFill();
    const msg = encodeReport(v, fill);
    t.is(msg.msgType, MsgType.ExecutionReport);
    t.is(msg.issue, NO_REJECT);
    t.is(msg.getString(Tag.OrderID), '4');
    t.is(msg.getString(Tag.ClOrdID), 'b1');
    t.is(msg.getString(Tag.ExecID), fill.execId);
    t.is(msg.getString(Tag.ExecType), 'F');
    t.is(msg.getString(Tag.OrdStatus), '1');
    t.is(msg.getString(Tag.Account), 'ACC-1');
    t.is(msg.getString(Tag.Symbol), 'ACME');
    t.is(msg.getString(Tag.Side), '1');
    t.is(msg.getString(Tag.OrdType), '2');
    t.is(msg.getString(Tag.TimeInForce), '1');
    t.is(dec(msg, Tag.Price), '10.02');
    t.is(dec(msg, Tag.OrderQty), '5');
    t.is(dec(msg, Tag.LastPx), '10.02');
    t.is(dec(msg, Tag.LastQty), '2');
    t.is(dec(msg, Tag.CumQty), '3');
    t.is(dec(msg, Tag.LeavesQty), '2');
    // (1001 + 2×1002) / 3 = 1001.6667 units → 10.016667
    t.is(dec(msg, Tag.AvgPx), '10.016667');
    t.is(msg.getString(Tag.TransactTime), v.time);
    t.false(msg.has(Tag.CopyMsgIndicator));
    t.false(msg.has(Tag.PossResend));
  });

  test(`${v.begin}: restatement, rejection and cancel reject carry their reasons`, (t) => {
    const h = new Harness();
    const rej = reports(h.newOrder({ session: 'S1', clOrdId: 'z', side: Side.Buy, price: 1000, qty: 0 }))[0]!;
    const m1 = encodeReport(v, rej);
    t.is(m1.getString(Tag.ExecType), '8');
    t.is(m1.getInt(Tag.OrdRejReason), 13);
    t.is(m1.getString(Tag.Text), 'Invalid quantity');
    t.false(m1.has(Tag.LastPx));

    const restated = { ...rej, execType: 'D', ordStatus: '0', execRestatementReason: 5 } as ExecutionReport;
    t.is(encodeReport(v, restated).getInt(Tag.ExecRestatementReason), 5);

    h.newOrder({ session: 'S1', clOrdId: 'a1', side: Side.Buy, price: 1000, qty: 1 });
    const cxl = rejects(h.cancel('S1', 'c1', 'nope'))[0]!;
    const header = new HeaderWriter(v.begin, 'FIXGATE', 'BROKER', v.precision);
    writeOrderCancelReject(header.begin(MsgType.OrderCancelReject, 3, 86_400_000), cxl);
    const m2 = decode(header.finishCopy()!, v.dictionary);
    t.is(m2.msgType, MsgType.OrderCancelReject);
    t.is(m2.issue, NO_REJECT);
    t.is(m2.getString(Tag.OrderID), 'NONE');
    t.is(m2.getString(Tag.OrigClOrdID), 'nope');
    t.is(m2.getString(Tag.OrdStatus), '8');
    t.is(m2.getString(Tag.CxlRejResponseTo), '1');
    t.is(m2.getInt(Tag.CxlRejReason), 1);
  });

  test(`${v.begin}: a drop copy is the same report with 797=Y, for each drop session of the firm`, (t) => {
    const h = new Harness().session('S1', 'F1').session('S2', 'F2');
    h.newOrder({ session: 'S1', clOrdId: 'a1', side: Side.Sell, price: 1001, qty: 1 });
    const out = h.newOrder({ session: 'S2', clOrdId: 'b1', side: Side.Buy, price: 1001, qty: 1 });
    const copies = dropCopies(out, (firm) => (firm === 'F1' ? ['DC1', 'DC2'] : []));
    t.deepEqual(copies.map((c) => [c.session, c.report.clOrdId, c.report.execType]), [
      ['DC1', 'a1', 'F'],
      ['DC2', 'a1', 'F'],
    ]);
    const original = reports(out).find((r) => r.clOrdId === 'a1')!;
    t.deepEqual({ ...copies[0]!.report, copy: undefined }, { ...original, copy: undefined });
    const m = encodeReport(v, copies[0]!.report);
    t.is(m.getString(Tag.CopyMsgIndicator), 'Y');
    t.is(m.getString(Tag.ExecID), original.execId);
    t.false(m.has(Tag.PossResend));
  });
}
