import test from 'ava';
import { FixDecoder } from '../../src/fix/codec/decoder';
import { fix44Dictionary, fixt11Dictionary } from '../../src/fix/codec/dictionaries';
import { FixMessage } from '../../src/fix/codec/fix-message';
import { packMsgType } from '../../src/fix/codec/msg-type';
import { RejectDetail } from '../../src/fix/codec/session-reject-reason';
import { VenueRules, VenueVerdict } from '../../src/fix/codec/venue-rules';
import { MsgType, Tag } from '../../src/fix/dictionary/generated';
import { frame, header } from './fix-text';

const rules = new VenueRules();
const decoder = new FixDecoder();

function verdict(body: string, begin = 'FIX.4.4'): [VenueVerdict, number] {
  const bytes = frame(body, begin);
  const msg = new FixMessage(begin === 'FIX.4.4' ? fix44Dictionary() : fixt11Dictionary());
  decoder.decode(bytes, 0, bytes.length, msg);
  const out = new RejectDetail();
  return [rules.check(msg, out), out.refTagId];
}

const nos = (fields: string): string => `${header('D')}11=O1|55=AAPL|54=1|60=20240102-03:04:05|38=10|${fields}`;

test('the venue accepts the six order messages and no other application message', (t) => {
  for (const type of ['D', 'F', 'G', 'H', 'q', 'AF']) t.truthy(rules.rulesFor(packMsgType(type)), type);
  t.is(rules.rulesFor(MsgType.Quote), undefined);
  t.deepEqual(verdict(`${header('R')}131=Q1|146=1|55=AAPL|`), [VenueVerdict.UnsupportedMessageType, Tag.MsgType]);
  t.true(rules.isSessionMessage(MsgType.Logon));
  t.false(rules.isSessionMessage(MsgType.NewOrderSingle));
  t.true(rules.sends(MsgType.ExecutionReport));
  t.true(rules.acceptsBeginString('FIXT.1.1'));
  t.false(rules.acceptsBeginString('FIX.4.2'));
  t.true(rules.acceptsDefaultApplVerId('9'));
});

test('supported values pass: limit, market, stop, stop-limit; TIF 0 1 3 4 6; post-only', (t) => {
  for (const ordType of ['1', '2', '3', '4']) t.deepEqual(verdict(nos(`40=${ordType}|`)), [VenueVerdict.Accepted, 0]);
  for (const tif of ['0', '1', '3', '4', '6']) t.deepEqual(verdict(nos(`40=2|59=${tif}|`)), [VenueVerdict.Accepted, 0]);
  t.deepEqual(verdict(nos('40=2|18=6|')), [VenueVerdict.Accepted, 0]);
});

test('valid FIX values the venue does not support are refused with the field', (t) => {
  t.deepEqual(verdict(nos('40=P|')), [VenueVerdict.ValueNotSupported, Tag.OrdType]);
  t.deepEqual(verdict(nos('40=2|59=2|')), [VenueVerdict.ValueNotSupported, Tag.TimeInForce]);
  t.deepEqual(verdict(nos('40=2|18=6 E|')), [VenueVerdict.ValueNotSupported, Tag.ExecInst]);
  t.deepEqual(verdict(`${header('D')}11=O1|55=AAPL|54=5|60=20240102-03:04:05|38=10|40=2|`), [VenueVerdict.ValueNotSupported, Tag.Side]);
});

test('fields the venue requires beyond FIX are checked', (t) => {
  t.deepEqual(verdict(`${header('D')}11=O1|54=1|60=20240102-03:04:05|38=10|40=2|`), [VenueVerdict.RequiredFieldMissing, Tag.Symbol]);
  t.deepEqual(verdict(`${header('q')}11=M1|60=20240102-03:04:05|`), [VenueVerdict.RequiredFieldMissing, Tag.MassCancelRequestType]);
  t.deepEqual(verdict(`${header('q')}11=M1|530=7|60=20240102-03:04:05|`), [VenueVerdict.Accepted, 0]);
  t.deepEqual(verdict(`${header('q')}11=M1|530=3|60=20240102-03:04:05|`), [VenueVerdict.ValueNotSupported, Tag.MassCancelRequestType]);
});

test('the same rules hold over FIXT.1.1', (t) => {
  t.deepEqual(verdict(`${nos('40=2|')}`, 'FIXT.1.1'), [VenueVerdict.Accepted, 0]);
  t.deepEqual(verdict(`${nos('40=K|')}`, 'FIXT.1.1'), [VenueVerdict.ValueNotSupported, Tag.OrdType]);
});
