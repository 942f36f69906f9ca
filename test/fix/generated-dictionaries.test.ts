import test from 'ava';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_DIR, generateDictionaryFiles } from '../../scripts/generate-dictionaries';
import { parseXml } from '../../scripts/dictionary/xml-reader';
import { fix44Dictionary, fixt11Dictionary } from '../../src/fix/codec/dictionaries';
import { FieldType } from '../../src/fix/codec/field-type';
import { packMsgType } from '../../src/fix/codec/msg-type';
import { FIX44, FIX50SP2, FIXT11, MsgType, Tag, VENUE_RULES } from '../../src/fix/dictionary/generated';

const generated = generateDictionaryFiles();

test('regenerating gives byte-identical files (run npm run gen:dictionaries when this fails)', (t) => {
  for (const [name, content] of generated) {
    t.is(readFileSync(join(GENERATED_DIR, name), 'utf8'), content, `${name} is stale`);
  }
  t.deepEqual(readdirSync(GENERATED_DIR).sort(), [...generated.keys()].sort(), 'a generated file is missing or left over');
});

test('every generated file is marked generated', (t) => {
  for (const content of generated.values()) t.true(content.startsWith('// GENERATED — do not edit; run npm run gen:dictionaries'));
});

test('the tables carry what the FIX specification says', (t) => {
  t.is(FIX44.version, 'FIX.4.4');
  t.is(FIXT11.version, 'FIXT.1.1');
  t.is(FIX50SP2.version, 'FIX.5.0SP2');
  t.is(FIX50SP2.header.length, 0);
  t.true(FIX50SP2.messages.every((m) => m[2] === 'app'));
  t.true(FIXT11.messages.every((m) => m[2] === 'admin'));
  t.is(Tag.ClOrdID, 11);
  t.is(Tag.NoPartyIDs, 453);
  t.is(Tag.DefaultApplVerID, 1137);
  t.is(packMsgType('D'), MsgType.NewOrderSingle as number);
  t.is(packMsgType('AF'), MsgType.OrderMassStatusRequest as number);
});

test('NewOrderSingle has the parties group with PartyID as delimiter and nested sub-IDs', (t) => {
  for (const dictionary of [fix44Dictionary(), fixt11Dictionary()]) {
    const nos = dictionary.message(MsgType.NewOrderSingle);
    const parties = nos?.body.groups.get(Tag.NoPartyIDs);
    t.is(parties?.delimiterTag, Tag.PartyID, dictionary.beginString);
    t.true(parties?.members.has.has(Tag.PartyRole));
    t.is(parties?.members.groups.get(Tag.NoPartySubIDs)?.delimiterTag, Tag.PartySubID);
    t.deepEqual(nos?.body.required.slice(0, 2), [Tag.ClOrdID, Tag.Side]);
  }
});

test('DATA fields are paired with their LENGTH fields', (t) => {
  const d = fix44Dictionary();
  t.is(d.typeOf(Tag.RawData), FieldType.Data);
  t.is(d.field(Tag.RawData)?.lengthTag, Tag.RawDataLength);
  t.is(d.field(Tag.XmlData)?.lengthTag, Tag.XmlDataLen);
  t.is(d.field(Tag.Signature)?.lengthTag, Tag.SignatureLength);
  t.is(d.field(Tag.SecureData)?.lengthTag, Tag.SecureDataLen);
  const unpaired = [FIX44, FIXT11, FIX50SP2].flatMap((s) => s.fields.filter((f) => (f[2] === 'DATA' || f[2] === 'XMLDATA') && f[4] === 0));
  t.deepEqual(unpaired, []);
});

test('the FIXT.1.1 dictionary takes its header from the transport and its messages from both', (t) => {
  const d = fixt11Dictionary();
  t.is(d.beginString, 'FIXT.1.1');
  t.true(d.header.has.has(Tag.ApplVerID));
  t.true(d.message(MsgType.Logon)?.isAdmin);
  t.false(d.message(MsgType.ExecutionReport)?.isAdmin);
  t.deepEqual(d.message(MsgType.Logon)?.body.required, [Tag.EncryptMethod, Tag.HeartBtInt, Tag.DefaultApplVerID]);
});

test('venue rules name tags, all resolved against the dictionaries', (t) => {
  const d = VENUE_RULES.inbound.find((m) => m[0] === 'D');
  t.deepEqual(d?.[2], [Tag.ClOrdID, Tag.Symbol, Tag.Side, Tag.TransactTime, Tag.OrderQty, Tag.OrdType]);
  t.deepEqual(new Map(VENUE_RULES.values).get(Tag.OrdType), ['1', '2', '3', '4']);
  t.deepEqual(new Map(VENUE_RULES.values).get(Tag.TimeInForce), ['0', '1', '3', '4', '6']);
  t.deepEqual(new Map(VENUE_RULES.values).get(Tag.ExecInst), ['6']);
});

test('the XML reader handles the QuickFIX subset and reports what it cannot read', (t) => {
  const root = parseXml(`<?xml version="1.0"?>\n<!-- c -->\n<fix a='1' b="x &amp; y"><f n='2'/><g>text</g></fix>`, 'inline');
  t.is(root.name, 'fix');
  t.is(root.attributes.get('b'), 'x & y');
  t.deepEqual(root.children.map((c) => c.name), ['f', 'g']);
  t.is(root.children[1]?.line, 3);
  t.throws(() => parseXml('<a><b></a>', 'bad'), { message: /does not close/ });
  t.throws(() => parseXml('<a>', 'open'), { message: /never closed/ });
  t.throws(() => parseXml("<a x='1' x='2'/>", 'dup'), { message: /repeated/ });
});
