import test from 'ava';
import { OrderEntryNormalizer } from '../../src/gateway/normalizer';
import { AnswerKind, RefusalCode } from '../../src/gateway/refusals';
import { RequestKind, type NewOrderRequest } from '../../src/gateway/requests';
import { OrderFlag, OrdType, Side, StpMode, TimeInForce } from '../../src/matcher/types';
import { CTX, FakeOrders, fix, nos, table, type Fields } from './support';

const normalizer = new OrderEntryNormalizer(table(), new FakeOrders([], ['USED']));

function accepted(over: Fields): NewOrderRequest {
  const r = normalizer.normalize(nos(over), CTX);
  if (!r.ok) throw new Error(`refused: ${r.refusal.text}`);
  if (r.request.kind !== RequestKind.NewOrder) throw new Error('not a new order');
  return r.request;
}

test('a limit order becomes a NewOrderRequest in integer units, with the firm as STP key', (t) => {
  const r = accepted({});
  t.like(r, { clOrdId: 'C1', symbolId: 1, side: Side.Buy, ordType: OrdType.Limit, tif: TimeInForce.Day, price: 10005, stopPx: 0, qty: 100 });
  t.like(r, { flags: 0, minQty: 0, displayQty: 0, expireTimeUs: 0, account: 'ACC-1', stpMode: StpMode.CancelAggressing, stpId: CTX.firmId, sessionId: 1, firmId: 1 });
});

test('decimals convert exactly at the instrument scale (BTC-USD: 1 price decimal, 4 qty decimals)', (t) => {
  const r = accepted({ 55: 'BTC-USD', 44: '65000.50', 38: '0.0150' });
  t.is(r.price, 650005);
  t.is(r.qty, 150);
});

test('order types, time in force, post-only, iceberg, min qty, stops and GTD', (t) => {
  t.like(accepted({ 40: '1', 44: undefined, 59: '3' }), { ordType: OrdType.Market, price: 0, tif: TimeInForce.IOC });
  t.like(accepted({ 40: '3', 44: undefined, 99: '101.00' }), { ordType: OrdType.Stop, stopPx: 10100 });
  t.like(accepted({ 40: '4', 99: '101.00' }), { ordType: OrdType.StopLimit, price: 10005, stopPx: 10100 });
  t.like(accepted({ 18: '6', 59: '1' }), { flags: OrderFlag.PostOnly, tif: TimeInForce.GTC });
  t.like(accepted({ 111: '20' }), { displayQty: 20 });
  t.like(accepted({ 59: '3', 110: '50' }), { minQty: 50 });
  t.like(accepted({ 59: '4' }), { tif: TimeInForce.FOK });
  t.is(accepted({ 59: '6', 126: '20240102-16:00:00.000000001' }).expireTimeUs, Date.UTC(2024, 0, 2, 16) * 1_000 + 1, 'rounded up to the next microsecond');
  t.like(accepted({ 59: undefined }), { tif: TimeInForce.Day });
});

test('the STP mode tag 8000 overrides the session default; 0 turns STP off', (t) => {
  t.like(accepted({ 8000: '1' }), { stpMode: StpMode.CancelResting, stpId: 1 });
  t.like(accepted({ 8000: '0' }), { stpMode: StpMode.None, stpId: 0 });
});

test('Parties are passed through', (t) => {
  const r = normalizer.normalize(
    fix('D', [[11, 'P1'], [453, '2'], [448, 'TRADER-7'], [447, 'D'], [452, '11'], [448, 'CLIENT-3'], [447, 'D'], [452, '3'], [55, 'ACME'], [54, '2'], [60, '20240102-09:00:00'], [38, '10'], [40, '2'], [44, '99']]),
    CTX,
  );
  t.true(r.ok);
  if (r.ok && r.request.kind === RequestKind.NewOrder) t.deepEqual(r.request.parties, [{ id: 'TRADER-7', source: 'D', role: 11 }, { id: 'CLIENT-3', source: 'D', role: 3 }]);
});


// Each rule: the fields that break it, the refusal code, the OrdRejReason (103), a piece of Text.
const REFUSED: Array<[string, Fields, RefusalCode, number, string]> = [
  ['ClOrdID missing', { 11: undefined }, RefusalCode.RequiredFieldMissing, 99, 'tag 11'],
  ['duplicate ClOrdID', { 11: 'USED' }, RefusalCode.DuplicateClOrdId, 6, 'USED'],
  ['Symbol missing', { 55: undefined }, RefusalCode.RequiredFieldMissing, 99, 'tag 55'],
  ['Side missing', { 54: undefined }, RefusalCode.RequiredFieldMissing, 99, 'tag 54'],
  ['OrderQty missing', { 38: undefined }, RefusalCode.RequiredFieldMissing, 99, 'tag 38'],
  ['OrdType missing', { 40: undefined }, RefusalCode.RequiredFieldMissing, 99, 'tag 40'],
  ['TransactTime missing', { 60: undefined }, RefusalCode.RequiredFieldMissing, 99, 'tag 60'],
  ['Price missing on a limit', { 44: undefined }, RefusalCode.RequiredFieldMissing, 99, 'tag 44'],
  ['StopPx missing on a stop', { 40: '3', 44: undefined }, RefusalCode.RequiredFieldMissing, 99, 'tag 99'],
  ['ExpireTime missing on GTD', { 59: '6' }, RefusalCode.RequiredFieldMissing, 99, 'tag 126'],
  ['side cross (8)', { 54: '8' }, RefusalCode.UnsupportedValue, 11, 'Side (54) 8'],
  ['OrdType pegged', { 40: 'P' }, RefusalCode.UnsupportedValue, 11, 'OrdType (40) P'],
  ['TimeInForce at the opening', { 59: '2' }, RefusalCode.UnsupportedValue, 11, 'TimeInForce (59) 2'],
  ['ExecInst other than 6', { 18: '6 E' }, RefusalCode.UnsupportedValue, 11, 'ExecInst (18) E'],
  ['an unknown STP mode', { 8000: '9' }, RefusalCode.UnsupportedValue, 11, '8000'],
  ['unknown symbol', { 55: 'NOPE' }, RefusalCode.UnknownSymbol, 1, 'NOPE'],
  ['halted symbol', { 55: 'HALT', 44: '10' }, RefusalCode.SymbolHalted, 2, 'HALT'],
  ['closed symbol', { 55: 'SHUT', 44: '10' }, RefusalCode.SymbolClosed, 2, 'SHUT'],
  ['zero quantity', { 38: '0' }, RefusalCode.InvalidQuantity, 13, 'must be positive'],
  ['negative quantity', { 38: '-10' }, RefusalCode.InvalidQuantity, 13, 'must be positive'],
  ['malformed quantity', { 38: '1e3' }, RefusalCode.MalformedField, 99, 'tag 38'],
  ['quantity off the lot grid', { 38: '105' }, RefusalCode.OffLotGrid, 13, 'lot size'],
  ['quantity finer than the unit', { 38: '100.5' }, RefusalCode.OffLotGrid, 13, 'more than 0 decimals'],
  ['quantity too large', { 38: '99999999999999990' }, RefusalCode.InvalidQuantity, 13, 'too large'],
  ['zero price', { 44: '0' }, RefusalCode.InvalidPrice, 99, 'must be positive'],
  ['price off the tick grid', { 44: '100.01' }, RefusalCode.OffTickGrid, 18, 'tick size'],
  ['price finer than the unit', { 44: '100.051' }, RefusalCode.OffTickGrid, 18, 'more than 2 decimals'],
  ['price above maxPrice', { 44: '5000.05' }, RefusalCode.PriceOutOfRange, 16, '5000.05'],
  ['stop price off grid', { 40: '4', 99: '100.02' }, RefusalCode.OffTickGrid, 18, 'tag 99'],
  ['Price on a market order', { 40: '1' }, RefusalCode.InvalidCombination, 11, 'Price (44)'],
  ['StopPx on a limit order', { 99: '101' }, RefusalCode.InvalidCombination, 11, 'StopPx (99)'],
  ['MinQty without IOC', { 110: '10' }, RefusalCode.InvalidCombination, 11, 'MinQty (110)'],
  ['MinQty above OrderQty', { 59: '3', 110: '110' }, RefusalCode.InvalidMinQty, 13, 'above OrderQty'],
  ['MinQty off the lot grid', { 59: '3', 110: '15' }, RefusalCode.OffLotGrid, 13, 'tag 110'],
  ['MaxFloor on a stop-limit', { 40: '4', 99: '101', 111: '10' }, RefusalCode.InvalidCombination, 11, 'MaxFloor (111)'],
  ['MaxFloor with IOC', { 59: '3', 111: '10' }, RefusalCode.InvalidCombination, 11, 'MaxFloor (111)'],
  ['MaxFloor above OrderQty', { 111: '200' }, RefusalCode.InvalidDisplayQty, 13, 'above OrderQty'],
  ['post-only on a market order', { 40: '1', 44: undefined, 18: '6' }, RefusalCode.InvalidCombination, 11, 'post-only'],
  ['post-only with IOC', { 18: '6', 59: '3' }, RefusalCode.InvalidCombination, 11, 'post-only'],
  ['market GTC', { 40: '1', 44: undefined, 59: '1' }, RefusalCode.InvalidCombination, 11, 'market order'],
  ['ExpireTime without GTD', { 126: '20240102-16:00:00' }, RefusalCode.InvalidCombination, 11, 'ExpireTime (126)'],
  ['malformed ExpireTime', { 59: '6', 126: 'tomorrow' }, RefusalCode.MalformedField, 99, 'ExpireTime'],
  ['malformed TransactTime', { 60: 'now' }, RefusalCode.MalformedField, 99, 'TransactTime'],
];

for (const [what, over, code, ordRejReason, text] of REFUSED) {
  test(`D refused: ${what}`, (t) => {
    const r = normalizer.normalize(nos(over), CTX);
    if (r.ok) return t.fail('accepted');
    t.is(r.refusal.code, code);
    t.is(r.refusal.answer, AnswerKind.ExecutionReportReject);
    t.is(r.refusal.reason, ordRejReason);
    t.is(r.refusal.refMsgType, 'D');
    t.true(r.refusal.text.includes(text), r.refusal.text);
  });
}
