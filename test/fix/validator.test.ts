import test from 'ava';
import { DecodeStatus, FixDecoder } from '../../src/fix/codec/decoder';
import { fix44Dictionary, fixt11Dictionary } from '../../src/fix/codec/dictionaries';
import type { FixDictionary } from '../../src/fix/codec/dictionary';
import { FixMessage } from '../../src/fix/codec/fix-message';
import { NO_REJECT, RejectDetail, SessionRejectReason as R } from '../../src/fix/codec/session-reject-reason';
import { MessageValidator, type ValidationOptions } from '../../src/fix/codec/validator';
import { Tag } from '../../src/fix/dictionary/generated';
import { frame, header } from './fix-text';

const decoder = new FixDecoder();

/** [reason, RefTagID] for a FIX.4.4 message given as its body. */
function check(body: string, options: ValidationOptions = {}, dictionary: FixDictionary = fix44Dictionary(), begin = 'FIX.4.4'): [number, number] {
  const bytes = frame(body, begin);
  const msg = new FixMessage(dictionary);
  if (decoder.decode(bytes, 0, bytes.length, msg) !== DecodeStatus.Ok) throw new Error('not decodable');
  const detail = new RejectDetail();
  const reason = new MessageValidator(dictionary, options).validate(msg, detail);
  assertAgrees(reason, detail);
  return [reason, detail.refTagId];
}

function assertAgrees(reason: number, detail: RejectDetail): void {
  if (reason !== detail.reason) throw new Error('validate() and its detail disagree');
}

const ORDER_TAIL = '55=AAPL|54=1|60=20240102-03:04:05.678|38=100|40=2|44=100.1|59=0|';
const order = (extra = '', tail = ORDER_TAIL): string => `${header('D')}11=ORD-1|${extra}${tail}`;

test('a valid NewOrderSingle with parties passes', (t) => {
  t.deepEqual(check(order('453=2|448=P1|447=D|452=1|448=P2|447=D|452=3|')), [NO_REJECT, 0]);
});

test('valid session messages pass', (t) => {
  t.deepEqual(check(`${header('A')}98=0|108=30|141=Y|`), [NO_REJECT, 0]);
  t.deepEqual(check(`${header('3')}45=7|371=44|372=D|373=5|58=bad price|`), [NO_REJECT, 0]);
  t.deepEqual(check(`${header('0')}`), [NO_REJECT, 0]);
});

test('1: required tag missing, at the top level, in the header and in a group instance', (t) => {
  t.deepEqual(check(`${header('D')}11=ORD-1|55=AAPL|60=20240102-03:04:05|40=2|`), [R.RequiredTagMissing, Tag.Side]);
  t.deepEqual(check(`35=0|49=B|56=G|52=20240102-03:04:05|`), [R.RequiredTagMissing, Tag.MsgSeqNum]);
  t.deepEqual(check(`${header('A')}98=0|`), [R.RequiredTagMissing, Tag.HeartBtInt]);
  // FIXT.1.1 Logon requires DefaultApplVerID
  t.deepEqual(check(`${header('A')}98=0|108=30|`, {}, fixt11Dictionary(), 'FIXT.1.1'), [R.RequiredTagMissing, Tag.DefaultApplVerID]);
  // every NoSides instance of a TradeCaptureReport must carry OrderID
  t.deepEqual(
    check(`${header('AE')}571=T1|487=0|570=N|55=X|32=1|31=1|75=20240102|60=20240102-03:04:05|552=1|54=1|`),
    [R.RequiredTagMissing, Tag.OrderID],
  );
});

test('2: a tag of the dictionary that this message type does not have', (t) => {
  t.deepEqual(check(order('108=30|')), [R.TagNotDefinedForMessageType, Tag.HeartBtInt]);
});

test('0: a tag no dictionary defines, unless user-defined tags are allowed', (t) => {
  t.deepEqual(check(order('9999=x|')), [R.InvalidTagNumber, 9999]);
  t.deepEqual(check(order('4999=x|')), [R.InvalidTagNumber, 4999]);
  t.deepEqual(check(order('9999=x|'), { allowUserDefinedFields: true }), [NO_REJECT, 0]);
  t.deepEqual(check(order('4999=x|'), { allowUserDefinedFields: true }), [R.InvalidTagNumber, 4999]);
});

test('4: a tag without a value', (t) => {
  t.deepEqual(check(order('1=|')), [R.TagSpecifiedWithoutValue, Tag.Account]);
});

test('5: a value outside the field enum', (t) => {
  t.deepEqual(check(order('', '55=AAPL|54=Z|60=20240102-03:04:05|38=100|40=2|')), [R.ValueIsIncorrect, Tag.Side]);
  t.deepEqual(check(order('18=6 T|')), [R.ValueIsIncorrect, Tag.ExecInst]);
  t.deepEqual(check(order('18=6 A|')), [NO_REJECT, 0]);
  t.deepEqual(check(order('453=1|448=P|447=D|452=999|')), [R.ValueIsIncorrect, Tag.PartyRole]);
});

test('6: values that are not of the field type', (t) => {
  const tail = (field: string): string => `55=AAPL|54=1|60=20240102-03:04:05|40=2|${field}|`;
  t.deepEqual(check(order('', tail('38=1O0'))), [R.IncorrectDataFormat, Tag.OrderQty]);
  t.deepEqual(check(order('', tail('44=1e5'))), [R.IncorrectDataFormat, Tag.Price]);
  t.deepEqual(check(order('', tail('126=20240230-00:00:00'))), [R.IncorrectDataFormat, Tag.ExpireTime]);
  t.deepEqual(check(order('', tail('432=2024011'))), [R.IncorrectDataFormat, Tag.ExpireDate]);
  t.deepEqual(check(`${header('A')}98=0|108=thirty|`), [R.IncorrectDataFormat, Tag.HeartBtInt]);
  t.deepEqual(check(`${header('A')}98=0|108=30|141=T|`), [R.IncorrectDataFormat, Tag.ResetSeqNumFlag]);
  t.deepEqual(check(`${header('0')}`.replace('34=1', '34=-1')), [R.IncorrectDataFormat, Tag.MsgSeqNum]);
  t.deepEqual(check(`${header('0')}`.replace('.678', '.67x')), [R.IncorrectDataFormat, Tag.SendingTime]);
});

test('6: a DATA field whose length field is missing or elsewhere', (t) => {
  t.deepEqual(check(`${header('A')}98=0|108=30|95=3|96=abc|`), [NO_REJECT, 0]);
  t.deepEqual(check(`${header('A')}98=0|96=abc|108=30|`), [R.IncorrectDataFormat, Tag.RawData]);
});

test('11: a MsgType no dictionary defines', (t) => {
  t.deepEqual(check('35=ZZ|49=B|56=G|34=1|52=20240102-03:04:05|'), [R.InvalidMsgType, Tag.MsgType]);
});

test('13: a tag that appears twice', (t) => {
  t.deepEqual(check(order('1=A|1=B|')), [R.TagAppearsMoreThanOnce, Tag.Account]);
});

test('14: 8, 9, 35 not first, and a header tag after the body', (t) => {
  t.deepEqual(check('49=B|35=0|56=G|34=1|52=20240102-03:04:05|'), [R.TagSpecifiedOutOfRequiredOrder, Tag.SenderCompID]);
  t.deepEqual(check(`${header('D')}11=ORD-1|50=SUB|${ORDER_TAIL}`), [R.TagSpecifiedOutOfRequiredOrder, Tag.SenderSubID]);
});

test('15 and 16: group instance without its delimiter first, and a wrong NumInGroup', (t) => {
  t.deepEqual(check(order('453=1|452=1|448=P1|')), [R.RepeatingGroupFieldsOutOfOrder, Tag.PartyRole]);
  t.deepEqual(check(order('453=3|448=P1|452=1|448=P2|452=3|')), [R.IncorrectNumInGroupCount, Tag.NoPartyIDs]);
  t.deepEqual(check(order('453=1|448=P1|452=1|448=P2|452=3|')), [R.IncorrectNumInGroupCount, Tag.NoPartyIDs]);
});

test('the first problem in wire order is the one reported', (t) => {
  // an empty Account comes before the duplicate Symbol and the missing Side
  t.deepEqual(check(`${header('D')}11=ORD-1|1=|55=A|55=B|60=20240102-03:04:05|40=2|`), [R.TagSpecifiedWithoutValue, Tag.Account]);
  t.deepEqual(check(`${header('D')}11=ORD-1|55=A|55=B|1=|60=20240102-03:04:05|40=2|`), [R.TagAppearsMoreThanOnce, Tag.Symbol]);
});

test('FIX 5.0SP2 application fields over FIXT.1.1', (t) => {
  const body = `${header('D')}1128=9|11=O|55=ES|54=1|60=20240102-03:04:05|38=2|40=2|44=1.5|1138=1|`;
  t.deepEqual(check(body, {}, fixt11Dictionary(), 'FIXT.1.1'), [NO_REJECT, 0]);
  t.deepEqual(check(body.replace('1128=9', '1128=Q'), {}, fixt11Dictionary(), 'FIXT.1.1'), [R.ValueIsIncorrect, Tag.ApplVerID]);
});
