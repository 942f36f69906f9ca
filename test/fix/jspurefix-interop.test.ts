// Our bytes against jspurefix's: what our encoder writes, jspurefix's parser reads without error and
// with the same values; what jspurefix's encoder writes, our framer, decoder and validator accept
// with the same values.
import test from 'ava';
import { JspurefixCodec } from '../../bench/support/jspurefix-codec';
import { DecodeStatus, FixDecoder } from '../../src/fix/codec/decoder';
import { FixDecimal } from '../../src/fix/codec/decimal';
import { fix44Dictionary } from '../../src/fix/codec/dictionaries';
import { FixEncoder } from '../../src/fix/codec/encoder';
import { FixMessage } from '../../src/fix/codec/fix-message';
import { FrameReader } from '../../src/fix/codec/frame-reader';
import { FrameStatus } from '../../src/fix/codec/framer';
import { NO_REJECT, RejectDetail } from '../../src/fix/codec/session-reject-reason';
import { FixTimestamp } from '../../src/fix/codec/timestamp';
import { MessageValidator } from '../../src/fix/codec/validator';
import { MsgType, Tag } from '../../src/fix/dictionary/generated';

const at = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678));
let jspurefix: JspurefixCodec;

test.before(async () => {
  jspurefix = await JspurefixCodec.create({ dictionary: 'qf44', beginString: 'FIX.4.4', senderCompId: 'BROKER', targetCompId: 'FIXGATE' });
  jspurefix.sendingTime = at;
});

function ourOrder(enc: FixEncoder): Buffer {
  enc
    .begin(MsgType.NewOrderSingle)
    .str(Tag.SenderCompID, 'BROKER')
    .str(Tag.TargetCompID, 'FIXGATE')
    .int(Tag.MsgSeqNum, 12)
    .timestamp(Tag.SendingTime, at.getTime())
    .str(Tag.ClOrdID, 'ORD-12')
    .str(Tag.Account, 'ACC-1')
    .int(Tag.NoPartyIDs, 2)
    .str(Tag.PartyID, 'TRADER-7')
    .char(Tag.PartyIDSource, 0x44)
    .int(Tag.PartyRole, 11)
    .int(Tag.NoPartySubIDs, 1)
    .str(Tag.PartySubID, 'DESK-A')
    .int(Tag.PartySubIDType, 4)
    .str(Tag.PartyID, 'CLIENT-3')
    .char(Tag.PartyIDSource, 0x44)
    .int(Tag.PartyRole, 3)
    .str(Tag.Symbol, 'AAPL')
    .char(Tag.Side, 0x31)
    .timestamp(Tag.TransactTime, at.getTime())
    .decimal(Tag.OrderQty, 1500, 0)
    .char(Tag.OrdType, 0x32)
    .decimal(Tag.Price, 1001, 1)
    .char(Tag.TimeInForce, 0x30);
  enc.finish();
  return Buffer.from(enc.frame());
}

test('jspurefix parses what our encoder writes, with the same values', (t) => {
  const parsed = jspurefix.parseAll(ourOrder(new FixEncoder('FIX.4.4')));
  t.is(parsed.length, 1);
  const [first] = parsed;
  t.is(first?.msgType, 'D');
  const o = first?.view.toObject() as Record<string, any>;
  t.is(o.StandardHeader.MsgSeqNum, 12);
  t.is(o.StandardHeader.SendingTime.getTime(), at.getTime());
  t.is(o.ClOrdID, 'ORD-12');
  t.is(o.Account, 'ACC-1');
  t.is(o.Instrument.Symbol, 'AAPL');
  t.is(o.Side, '1');
  t.is(o.OrdType, '2');
  t.is(o.Price, 100.1);
  t.is(o.OrderQtyData.OrderQty, 1500);
  t.is(o.TransactTime.getTime(), at.getTime());
  t.deepEqual(
    o.Parties.NoPartyIDs.map((p: any) => [p.PartyID, p.PartyIDSource, p.PartyRole]),
    [
      ['TRADER-7', 'D', 11],
      ['CLIENT-3', 'D', 3],
    ],
  );
  t.is(o.Parties.NoPartyIDs[0].PtysSubGrp.NoPartySubIDs[0].PartySubID, 'DESK-A');
  // jspurefix computes the checksum of what it read; it must match the one we wrote
  t.is(first?.view.checksum(), Number(o.StandardTrailer.CheckSum));
});

test('jspurefix parses our ExecutionReport with fills', (t) => {
  const enc = new FixEncoder('FIX.4.4');
  enc
    .begin(MsgType.ExecutionReport)
    .str(Tag.SenderCompID, 'FIXGATE')
    .str(Tag.TargetCompID, 'BROKER')
    .int(Tag.MsgSeqNum, 99)
    .timestamp(Tag.SendingTime, at.getTime())
    .str(Tag.OrderID, '1000001')
    .str(Tag.ClOrdID, 'ORD-12')
    .str(Tag.ExecID, 'E-77')
    .char(Tag.ExecType, 0x46)
    .char(Tag.OrdStatus, 0x31)
    .str(Tag.Symbol, 'AAPL')
    .char(Tag.Side, 0x31)
    .decimal(Tag.LastQty, 500, 0)
    .decimal(Tag.LastPx, 100005, 3)
    .decimal(Tag.LeavesQty, 1000, 0)
    .decimal(Tag.CumQty, 500, 0)
    .decimal(Tag.AvgPx, 100005, 3)
    .timestamp(Tag.TransactTime, at.getTime());
  enc.finish();
  const [first] = jspurefix.parseAll(Buffer.from(enc.frame()));
  const o = first?.view.toObject() as Record<string, any>;
  t.is(first?.msgType, '8');
  t.is(o.ExecID, 'E-77');
  t.is(o.LastPx, 100.005);
  t.is(o.LeavesQty, 1000);
  t.is(o.AvgPx, 100.005);
});

const jspurefixOrder = {
  ClOrdID: 'ORD-99',
  Account: 'ACC-2',
  Parties: {
    NoPartyIDs: [
      { PartyID: 'TRADER-1', PartyIDSource: 'D', PartyRole: 11 },
      { PartyID: 'CLIENT-9', PartyIDSource: 'D', PartyRole: 3 },
    ],
  },
  Instrument: { Symbol: 'MSFT' },
  Side: '2',
  TransactTime: at,
  OrderQtyData: { OrderQty: 250 },
  OrdType: '2',
  Price: 412.35,
  TimeInForce: '1',
};

test('our decoder reads what jspurefix encodes, with the same values, and finds nothing to reject', (t) => {
  jspurefix.msgSeqNum = 5;
  const bytes = Buffer.concat([jspurefix.encode('D', jspurefixOrder), jspurefix.encode('0', {})]);
  const reader = new FrameReader();
  reader.push(bytes);
  t.is(reader.next(), FrameStatus.Complete);
  const msg = new FixMessage(fix44Dictionary());
  t.is(new FixDecoder().decode(reader.buffer, reader.framer.frameStart, reader.framer.frameEnd, msg), DecodeStatus.Ok);
  const detail = new RejectDetail();
  t.is(new MessageValidator(fix44Dictionary()).validate(msg, detail), NO_REJECT);

  t.is(msg.msgType, MsgType.NewOrderSingle);
  t.is(msg.getInt(Tag.MsgSeqNum), 5);
  t.is(msg.getString(Tag.SenderCompID), 'BROKER');
  t.is(msg.getString(Tag.ClOrdID), 'ORD-99');
  t.is(msg.getString(Tag.Account), 'ACC-2');
  t.is(msg.getString(Tag.Symbol), 'MSFT');
  t.is(msg.getChar(Tag.Side), '2'.charCodeAt(0));
  t.is(msg.getChar(Tag.TimeInForce), '1'.charCodeAt(0));
  const d = new FixDecimal();
  msg.getDecimal(Tag.Price, d);
  t.is(d.toString(), '412.35');
  msg.getDecimal(Tag.OrderQty, d);
  t.is(d.toString(), '250');
  const ts = new FixTimestamp();
  msg.getTimestamp(Tag.TransactTime, ts);
  t.is(ts.epochMs, at.getTime());
  msg.getTimestamp(Tag.SendingTime, ts);
  t.is(ts.epochMs, at.getTime());
  const g = msg.group(Tag.NoPartyIDs);
  const parties: [string, string, number][] = [];
  for (let k = msg.firstInstance(g); k >= 0; k = msg.nextInstance(k)) {
    parties.push([msg.stringAt(msg.indexIn(k, Tag.PartyID)), msg.stringAt(msg.indexIn(k, Tag.PartyIDSource)), msg.intAt(msg.indexIn(k, Tag.PartyRole))]);
  }
  t.deepEqual(
    parties,
    jspurefixOrder.Parties.NoPartyIDs.map((p) => [p.PartyID, p.PartyIDSource, p.PartyRole]),
  );

  t.is(reader.next(), FrameStatus.Complete);
  t.is(new FixDecoder().decode(reader.buffer, reader.framer.frameStart, reader.framer.frameEnd, msg), DecodeStatus.Ok);
  t.is(msg.msgType, MsgType.Heartbeat);
  t.is(msg.getInt(Tag.MsgSeqNum), 6);
  t.is(reader.next(), FrameStatus.Incomplete);
});

test('field for field, our decode of jspurefix bytes equals jspurefix’s own parse', (t) => {
  const bytes = jspurefix.encode('D', jspurefixOrder);
  const [theirs] = jspurefix.parseAll(bytes);
  const msg = new FixMessage(fix44Dictionary());
  t.is(new FixDecoder().decode(bytes, 0, bytes.length, msg), DecodeStatus.Ok);
  let compared = 0;
  for (let i = 0; i < msg.fieldCount; i++) {
    if (msg.owners[i] !== -1) continue;
    t.is(theirs?.view.getString(msg.tagAt(i)), msg.stringAt(i), `tag ${msg.tagAt(i)}`);
    compared++;
  }
  t.true(compared >= 15);
});
