import test from 'ava';
import { DecimalStatus, FixDecimal } from '../../src/fix/codec/decimal';
import { DecodeStatus, FixDecoder } from '../../src/fix/codec/decoder';
import { fix44Dictionary, fixt11Dictionary } from '../../src/fix/codec/dictionaries';
import { FixMessage } from '../../src/fix/codec/fix-message';
import { packMsgType, unpackMsgType } from '../../src/fix/codec/msg-type';
import { NO_REJECT, SessionRejectReason } from '../../src/fix/codec/session-reject-reason';
import { FixTimestamp, TimestampStatus } from '../../src/fix/codec/timestamp';
import { MsgType, Tag } from '../../src/fix/dictionary/generated';
import { frame, header, pipes } from './fix-text';

const decoder = new FixDecoder();

function decode(bytes: Buffer, message = new FixMessage(fix44Dictionary())): FixMessage {
  const status = decoder.decode(bytes, 0, bytes.length, message);
  if (status !== DecodeStatus.Ok) throw new Error(`decode status ${status}`);
  return message;
}

const parties =
  '453=3|448=BROKER-1|447=D|452=1|' + '448=TRADER-7|447=D|452=11|802=2|523=DESK-A|803=4|523=+44 20|803=9|' + '448=CLIENT-3|447=D|452=3|';

const nos = frame(
  `${header('D', 42)}11=ORD-1|1=ACC-9|${parties}55=AAPL|54=1|60=20240102-03:04:05.123456|38=1500|40=2|44=100.1|59=0|18=6|`,
);

test('MsgType is a packed integer and selects the dictionary message', (t) => {
  const msg = decode(nos);
  t.is(msg.msgType, packMsgType('D'));
  t.is(msg.msgType, MsgType.NewOrderSingle);
  t.is(unpackMsgType(msg.msgType), 'D');
  t.is(msg.spec?.name, 'NewOrderSingle');
  t.is(packMsgType('AE'), 0x41 + 0x45 * 256);
  t.is(msg.issue, NO_REJECT);
});

test('top-level fields read as ints, strings, chars, decimals and timestamps', (t) => {
  const msg = decode(nos);
  t.is(msg.getInt(Tag.MsgSeqNum), 42);
  t.is(msg.getInt(Tag.BodyLength), nos.length - '8=FIX.4.4|9=NNN|'.length - '10=NNN|'.length);
  t.is(msg.getString(Tag.ClOrdID), 'ORD-1');
  t.is(msg.getString(Tag.Symbol), 'AAPL');
  t.is(msg.getChar(Tag.Side), 0x31);
  t.is(msg.getChar(Tag.OrdType), 0x32);
  const price = new FixDecimal();
  t.is(msg.getDecimal(Tag.Price, price), DecimalStatus.Ok);
  t.is(price.mantissa, 1001);
  t.is(price.scale, 1);
  t.is(price.toString(), '100.1');
  const qty = new FixDecimal();
  t.is(msg.getDecimal(Tag.OrderQty, qty), DecimalStatus.Ok);
  t.is(qty.toString(), '1500');
  const ts = new FixTimestamp();
  t.is(msg.getTimestamp(Tag.TransactTime, ts), TimestampStatus.Ok);
  t.is(ts.epochMs, Date.UTC(2024, 0, 2, 3, 4, 5, 123));
  t.is(ts.nanosOfMs, 456000);
  t.true(msg.valueIs(Tag.ExecInst, '6'));
  t.is(msg.getString(Tag.Text), undefined);
  t.true(Number.isNaN(msg.getInt(Tag.Text)));
  t.is(msg.getDecimal(Tag.StopPx, price), DecimalStatus.Absent);
});

test('NoPartyIDs instances and a nested NoPartySubIDs group are navigable', (t) => {
  const msg = decode(nos);
  const g = msg.group(Tag.NoPartyIDs);
  t.true(g >= 0);
  t.is(msg.instancesIn(g), 3);
  const ids: string[] = [];
  const roles: number[] = [];
  for (let k = msg.firstInstance(g); k >= 0; k = msg.nextInstance(k)) {
    ids.push(msg.stringAt(msg.indexIn(k, Tag.PartyID)));
    roles.push(msg.intAt(msg.indexIn(k, Tag.PartyRole)));
  }
  t.deepEqual(ids, ['BROKER-1', 'TRADER-7', 'CLIENT-3']);
  t.deepEqual(roles, [1, 11, 3]);

  const trader = msg.instance(g, 1);
  const subs = msg.nestedGroup(trader, Tag.NoPartySubIDs);
  t.is(msg.instancesIn(subs), 2);
  const second = msg.instance(subs, 1);
  t.is(msg.stringAt(msg.indexIn(second, Tag.PartySubID)), '+44 20');
  t.is(msg.intAt(msg.indexIn(second, Tag.PartySubIDType)), 9);
  // PartySubID belongs to the nested instance, not to the party instance
  t.is(msg.indexIn(trader, Tag.PartySubID), -1);
  t.is(msg.nestedGroup(msg.instance(g, 0), Tag.NoPartySubIDs), -1);
  t.is(msg.instance(g, 3), -1);
});

test('fields after a group are top level again', (t) => {
  const msg = decode(nos);
  const symbol = msg.indexOf(Tag.Symbol);
  t.is(msg.owners[symbol], -1);
  // PartyID is not a top-level field
  t.is(msg.indexOf(Tag.PartyID), -1);
});

test('three levels of nesting: NoAllocs > NoNestedPartyIDs > NoNestedPartySubIDs', (t) => {
  const body =
    `${header('D')}11=ORD-2|` +
    '78=2|79=ALLOC-A|80=100|539=2|524=NP-1|525=D|538=1|804=1|545=SUB-1|805=2|524=NP-2|525=D|538=3|' +
    '79=ALLOC-B|80=200|' +
    '55=MSFT|54=2|60=20240102-03:04:05.000|38=300|40=1|';
  const msg = decode(frame(body));
  t.is(msg.issue, NO_REJECT);
  const allocs = msg.group(Tag.NoAllocs);
  t.is(msg.instancesIn(allocs), 2);
  const first = msg.firstInstance(allocs);
  t.is(msg.stringAt(msg.indexIn(first, Tag.AllocAccount)), 'ALLOC-A');
  const nested = msg.nestedGroup(first, Tag.NoNestedPartyIDs);
  t.is(msg.instancesIn(nested), 2);
  const np1 = msg.firstInstance(nested);
  const subs = msg.nestedGroup(np1, Tag.NoNestedPartySubIDs);
  t.is(msg.instancesIn(subs), 1);
  t.is(msg.stringAt(msg.indexIn(msg.firstInstance(subs), Tag.NestedPartySubID)), 'SUB-1');
  t.is(msg.stringAt(msg.indexIn(msg.nextInstance(np1), Tag.NestedPartyID)), 'NP-2');
  const second = msg.nextInstance(first);
  t.is(msg.stringAt(msg.indexIn(second, Tag.AllocAccount)), 'ALLOC-B');
  t.is(msg.intAt(msg.indexIn(second, Tag.AllocQty)), 200);
  t.is(msg.nestedGroup(second, Tag.NoNestedPartyIDs), -1);
  t.is(msg.getString(Tag.Symbol), 'MSFT');
});

test('a NumInGroup count that does not match the instances is recorded as 16', (t) => {
  const tooMany = decode(frame(`${header('D')}11=A|453=3|448=P1|452=1|448=P2|452=3|55=X|54=1|60=20240102-03:04:05|38=1|40=1|`));
  t.is(tooMany.issue, SessionRejectReason.IncorrectNumInGroupCount);
  t.is(tooMany.issueTag, Tag.NoPartyIDs);
  t.is(tooMany.tags[tooMany.issueField], Tag.NoPartyIDs);
  const tooFew = decode(frame(`${header('D')}11=A|453=1|448=P1|452=1|448=P2|452=3|55=X|54=1|60=20240102-03:04:05|38=1|40=1|`));
  t.is(tooFew.issue, SessionRejectReason.IncorrectNumInGroupCount);
  t.is(tooFew.instancesIn(tooFew.group(Tag.NoPartyIDs)), 2);
});

test('a group instance that does not start with its delimiter is recorded as 15', (t) => {
  const msg = decode(frame(`${header('D')}11=A|453=1|452=1|448=P1|55=X|54=1|60=20240102-03:04:05|38=1|40=1|`));
  t.is(msg.issue, SessionRejectReason.RepeatingGroupFieldsOutOfOrder);
  t.is(msg.issueTag, Tag.PartyRole);
  t.is(msg.instancesIn(msg.group(Tag.NoPartyIDs)), 1);
  const two = decode(frame(`${header('D')}11=A|453=2|452=1|448=P1|448=P2|452=3|55=X|`));
  t.is(two.issue, SessionRejectReason.RepeatingGroupFieldsOutOfOrder);
  const g = two.group(Tag.NoPartyIDs);
  t.is(two.instancesIn(g), 2);
  t.is(two.stringAt(two.indexIn(two.instance(g, 0), Tag.PartyID)), 'P1');
  t.is(two.stringAt(two.indexIn(two.instance(g, 1), Tag.PartyID)), 'P2');
});

test('a repeated top-level tag is recorded as 13 and the first value is kept', (t) => {
  const msg = decode(frame(`${header('D')}11=A|55=X|55=Y|54=1|60=20240102-03:04:05|38=1|40=1|`));
  t.is(msg.issue, SessionRejectReason.TagAppearsMoreThanOnce);
  t.is(msg.issueTag, Tag.Symbol);
  t.is(msg.getString(Tag.Symbol), 'X');
});

test('8, 9, 35 out of place is recorded as 14', (t) => {
  const bytes = frame('49=BROKER|35=0|56=FIXGATE|34=1|52=20240102-03:04:05|');
  const msg = decode(bytes);
  t.is(msg.issue, SessionRejectReason.TagSpecifiedOutOfRequiredOrder);
  t.is(msg.issueField, 2);
  t.is(msg.msgType, MsgType.Heartbeat);
});

test('RawData with embedded SOH and = is read by RawDataLength', (t) => {
  const raw = 'a\x01b=c\x01\x01';
  const body = `${header('A')}98=0|108=30|95=${raw.length}|96=${raw}|141=Y|`;
  const msg = decode(frame(body));
  t.is(msg.issue, NO_REJECT);
  const at = msg.indexOf(Tag.RawData);
  t.is(msg.lengths[at], raw.length);
  t.deepEqual(msg.bytesAt(at), Buffer.from(raw, 'latin1'));
  t.is(msg.getBool(Tag.ResetSeqNumFlag), true);
  t.is(msg.getInt(Tag.HeartBtInt), 30);
});

test('XmlData in the header and Signature in the trailer are read by their lengths', (t) => {
  const xml = '<a x="1">\x01</a>';
  const sig = '\x01\x01SIG=\x01';
  const body = `35=0|49=B|56=G|34=5|52=20240102-03:04:05|212=${xml.length}|213=${xml}|112=T1|93=${sig.length}|89=${sig}|`;
  const msg = decode(frame(body));
  t.is(msg.getString(Tag.XmlData), xml);
  t.is(msg.getString(Tag.TestReqID), 'T1');
  t.is(msg.getString(Tag.Signature), sig);
  t.is(msg.getString(Tag.CheckSum)?.length, 3);
});

test('a message decoded into a reused FixMessage forgets the previous one', (t) => {
  const msg = new FixMessage(fix44Dictionary());
  decode(nos, msg);
  decode(frame(`${header('0', 9)}`), msg);
  t.is(msg.msgType, MsgType.Heartbeat);
  t.is(msg.indexOf(Tag.ClOrdID), -1);
  t.is(msg.group(Tag.NoPartyIDs), -1);
  t.is(msg.getInt(Tag.MsgSeqNum), 9);
  t.is(msg.issue, NO_REJECT);
});

test('a message type the dictionary lacks decodes flat, without a spec', (t) => {
  const msg = decode(frame(`35=ZZ|49=B|56=G|34=1|52=20240102-03:04:05|453=1|448=P|`));
  t.is(msg.spec, undefined);
  t.is(msg.group(Tag.NoPartyIDs), -1);
  t.is(msg.getString(Tag.PartyID), 'P');
});

test('tags beyond the slot table are still found and checked for repeats', (t) => {
  const msg = decode(frame(`${header('0')}50001=A|50001=B|`));
  t.is(msg.getString(50001), 'A');
  t.is(msg.issue, SessionRejectReason.TagAppearsMoreThanOnce);
});

test('bytes that are not tag=value are Malformed, not an exception', (t) => {
  const message = new FixMessage(fix44Dictionary());
  for (const text of ['8=FIX.4.4|9=5|3x=0|10=000|', '8=FIX.4.4|9=5|=0|10=000|', '8=FIX.4.4|9=5|35=0', '8=FIX.4.4|9=5|0=1|']) {
    const bytes = Buffer.from(text.replace(/\|/g, '\x01'), 'latin1');
    t.is(decoder.decode(bytes, 0, bytes.length, message), DecodeStatus.Malformed, text);
  }
});

test('a frame inside a larger buffer decodes at its offsets', (t) => {
  const padded = Buffer.concat([Buffer.from('xxxx'), nos, Buffer.from('yy')]);
  const msg = new FixMessage(fix44Dictionary());
  t.is(decoder.decode(padded, 4, 4 + nos.length, msg), DecodeStatus.Ok);
  t.is(msg.getString(Tag.ClOrdID), 'ORD-1');
  t.is(pipes(padded.subarray(msg.start, msg.end)), pipes(nos));
});

test('many fields grow the preallocated arrays', (t) => {
  const many = Array.from({ length: 40 }, (_, i) => `448=P${i}|452=1|`).join('');
  const msg = new FixMessage(fix44Dictionary(), 8, 1);
  decode(frame(`${header('D')}11=A|453=40|${many}55=X|`), msg);
  t.is(msg.instancesIn(msg.group(Tag.NoPartyIDs)), 40);
  t.is(msg.stringAt(msg.indexIn(msg.instance(msg.group(Tag.NoPartyIDs), 39), Tag.PartyID)), 'P39');
  t.is(msg.getString(Tag.Symbol), 'X');
});

test('FIXT.1.1 with FIX 5.0SP2 application messages', (t) => {
  const body = `35=D|49=B|56=G|34=3|52=20240102-03:04:05.000000001|1128=9|11=O|453=1|448=P|447=D|452=3|55=ES|54=2|60=20240102-03:04:05|38=2|40=2|44=-0.25|`;
  const msg = decode(frame(body, 'FIXT.1.1'), new FixMessage(fixt11Dictionary()));
  t.is(msg.spec?.name, 'NewOrderSingle');
  t.is(msg.instancesIn(msg.group(Tag.NoPartyIDs)), 1);
  t.is(msg.getString(Tag.ApplVerID), '9');
  const ts = new FixTimestamp();
  t.is(msg.getTimestamp(Tag.SendingTime, ts), TimestampStatus.Ok);
  t.is(ts.nanosOfMs, 1);
  const px = new FixDecimal();
  t.is(msg.getDecimal(Tag.Price, px), DecimalStatus.Ok);
  t.is(px.toString(), '-0.25');
});

test('a frame ending inside a tag does not read the bytes after it', (t) => {
  const bytes = Buffer.from('8=FIX.4.4\x019=5\x0135=0\x0112=5\x01', 'latin1');
  const message = new FixMessage(fix44Dictionary());
  // the frame is declared to end after "35=0<SOH>1": the "2=5" beyond it must not be read
  t.is(decoder.decode(bytes, 0, bytes.length - 4, message), DecodeStatus.Malformed);
  t.is(message.fieldCount, 3);
});

test('a member repeated inside one group instance (a new instance without its delimiter) is recorded as 15', (t) => {
  const ledByMember = decode(frame(`${header('D')}11=A|453=2|448=P1|447=D|452=1|447=D|448=P2|452=3|55=X|`));
  t.is(ledByMember.issue, SessionRejectReason.RepeatingGroupFieldsOutOfOrder);
  t.is(ledByMember.issueTag, Tag.PartyIDSource);
  const repeatedRole = decode(frame(`${header('D')}11=A|453=2|448=P1|447=D|452=1|452=3|448=P2|447=D|55=X|`));
  t.is(repeatedRole.issue, SessionRejectReason.RepeatingGroupFieldsOutOfOrder);
  t.is(repeatedRole.issueTag, Tag.PartyRole);
  const wellFormed = decode(frame(`${header('D')}11=A|453=2|448=P1|447=D|452=1|448=P2|447=D|452=3|55=X|`));
  t.is(wellFormed.issue, NO_REJECT);
});
