import test from 'ava';
import { OrderEntryNormalizer } from '../../src/gateway/normalizer';
import { AnswerKind, CxlRejResponseTo, RefusalCode } from '../../src/gateway/refusals';
import { RequestKind } from '../../src/gateway/requests';
import { MassCancelScope, OrdType, TimeInForce } from '../../src/matcher/types';
import { CTX, entries, FakeOrders, fix, table, view, type Fields } from './support';

const orders = new FakeOrders([view(), view({ orderId: 8, clOrdId: 'DONE', done: true }), view({ orderId: 9, clOrdId: 'PART', cumQty: 60, leavesQty: 40 })], ['USED']);
const normalizer = new OrderEntryNormalizer(table(), orders);

const cancel = (over: Fields = {}) => fix('F', entries({ 41: 'C1', 11: 'X1', 55: 'ACME', 54: '1', 60: '20240102-09:00:01', ...over }));
const replace = (over: Fields = {}) => fix('G', entries({ 41: 'C1', 11: 'R1', 55: 'ACME', 54: '1', 60: '20240102-09:00:01', 38: '200', 40: '2', 44: '100.10', ...over }));

test('F becomes a CancelRequest for the original order', (t) => {
  const r = normalizer.normalize(cancel(), CTX);
  t.true(r.ok);
  if (r.ok) t.like(r.request, { kind: RequestKind.Cancel, orderId: 7, clOrdId: 'X1', origClOrdId: 'C1', symbolId: 1 });
});

test('G becomes a ReplaceRequest with the new price and quantity in units', (t) => {
  const r = normalizer.normalize(replace(), CTX);
  t.true(r.ok);
  if (r.ok) t.like(r.request, { kind: RequestKind.Replace, orderId: 7, price: 10010, qty: 200, ordType: OrdType.Limit, tif: TimeInForce.Day });
});

const REFUSED: Array<[string, () => ReturnType<typeof fix>, RefusalCode, number, number]> = [
  ['F unknown OrigClOrdID', () => cancel({ 41: 'NOPE' }), RefusalCode.UnknownOrder, 1, CxlRejResponseTo.Cancel],
  ['F order already done', () => cancel({ 41: 'DONE' }), RefusalCode.TooLateToCancel, 0, CxlRejResponseTo.Cancel],
  ['F duplicate ClOrdID', () => cancel({ 11: 'USED' }), RefusalCode.DuplicateClOrdId, 6, CxlRejResponseTo.Cancel],
  ['F OrigClOrdID missing', () => cancel({ 41: undefined }), RefusalCode.RequiredFieldMissing, 99, CxlRejResponseTo.Cancel],
  ['F other side', () => cancel({ 54: '2' }), RefusalCode.ReplaceMismatch, 99, CxlRejResponseTo.Cancel],
  ['F other symbol', () => cancel({ 55: 'BTC-USD' }), RefusalCode.ReplaceMismatch, 99, CxlRejResponseTo.Cancel],
  ['G unknown OrigClOrdID', () => replace({ 41: 'NOPE' }), RefusalCode.UnknownOrder, 1, CxlRejResponseTo.Replace],
  ['G order already done', () => replace({ 41: 'DONE' }), RefusalCode.TooLateToCancel, 0, CxlRejResponseTo.Replace],
  ['G duplicate ClOrdID', () => replace({ 11: 'USED' }), RefusalCode.DuplicateClOrdId, 6, CxlRejResponseTo.Replace],
  ['G new price off the tick grid', () => replace({ 44: '100.11' }), RefusalCode.OffTickGrid, 18, CxlRejResponseTo.Replace],
  ['G new qty off the lot grid', () => replace({ 38: '205' }), RefusalCode.OffLotGrid, 99, CxlRejResponseTo.Replace],
  ['G other side', () => replace({ 54: '2' }), RefusalCode.ReplaceMismatch, 99, CxlRejResponseTo.Replace],
  ['G other symbol', () => replace({ 55: 'BTC-USD', 44: '65000' }), RefusalCode.ReplaceMismatch, 99, CxlRejResponseTo.Replace],
  ['G other order type', () => replace({ 40: '4', 99: '101' }), RefusalCode.ReplaceMismatch, 99, CxlRejResponseTo.Replace],
  ['G other time in force', () => replace({ 59: '1' }), RefusalCode.ReplaceMismatch, 99, CxlRejResponseTo.Replace],
  ['G qty below the filled qty', () => replace({ 41: 'PART', 38: '50' }), RefusalCode.ReplaceBelowFilled, 99, CxlRejResponseTo.Replace],
  ['G qty equal to the filled qty', () => replace({ 41: 'PART', 38: '60' }), RefusalCode.ReplaceBelowFilled, 99, CxlRejResponseTo.Replace],
];

for (const [what, message, code, cxlRejReason, responseTo] of REFUSED) {
  test(`refused with an OrderCancelReject: ${what}`, (t) => {
    const r = normalizer.normalize(message(), CTX);
    if (r.ok) return t.fail('accepted');
    t.like(r.refusal, { code, answer: AnswerKind.OrderCancelReject, reason: cxlRejReason, cxlRejResponseTo: responseTo });
  });
}

test('H finds the order of this session; an unknown ClOrdID gives orderId 0', (t) => {
  const known = normalizer.normalize(fix('H', [[11, 'C1'], [55, 'ACME'], [54, '1'], [790, 'S1']]), CTX);
  t.like(known, { ok: true, request: { kind: RequestKind.OrderStatus, orderId: 7, statusReqId: 'S1' } });
  t.like(normalizer.normalize(fix('H', [[11, 'ZZ'], [55, 'ACME'], [54, '1']]), CTX), { ok: true, request: { orderId: 0 } });
  t.like(normalizer.normalize(fix('H', [[11, 'C1'], [55, 'NOPE'], [54, '1']]), CTX), {
    ok: false,
    refusal: { code: RefusalCode.UnknownSymbol, answer: AnswerKind.BusinessMessageReject, reason: 2 },
  });
});

test('q cancels within the session firm: by symbol (530=1) or all (530=7); unknown symbol answers r with 532=1', (t) => {
  const all = normalizer.normalize(fix('q', [[11, 'M1'], [530, '7'], [60, '20240102-09:00:00']]), CTX);
  t.like(all, { ok: true, request: { kind: RequestKind.MassCancel, requestType: 7, symbolId: 0, scope: MassCancelScope.Firm, key: CTX.firmId } });
  const bySymbol = normalizer.normalize(fix('q', [[11, 'M2'], [530, '1'], [55, 'ACME'], [60, '20240102-09:00:00']]), CTX);
  t.like(bySymbol, { ok: true, request: { requestType: 1, symbolId: 1, symbol: 'ACME' } });
  t.like(normalizer.normalize(fix('q', [[11, 'M3'], [530, '1'], [55, 'NOPE'], [60, '20240102-09:00:00']]), CTX), {
    ok: false,
    refusal: { code: RefusalCode.UnknownSymbol, answer: AnswerKind.MassCancelReject, reason: 1 },
  });
  t.like(normalizer.normalize(fix('q', [[11, 'M4'], [530, '1'], [60, '20240102-09:00:00']]), CTX), { ok: false, refusal: { code: RefusalCode.RequiredFieldMissing, refTagId: 55 } });
  t.like(normalizer.normalize(fix('q', [[11, 'M5'], [530, '3'], [60, '20240102-09:00:00']]), CTX), { ok: false, refusal: { code: RefusalCode.UnsupportedValue, reason: 0 } });
});

test('AF by symbol or all; an unsupported message type answers j 380=3', (t) => {
  t.like(normalizer.normalize(fix('AF', [[584, 'S1'], [585, '7']]), CTX), { ok: true, request: { kind: RequestKind.MassStatus, massStatusReqId: 'S1', symbolId: 0 } });
  t.like(normalizer.normalize(fix('AF', [[584, 'S2'], [585, '1'], [55, 'BTC-USD']]), CTX), { ok: true, request: { requestType: 1, symbolId: 3 } });
  t.like(normalizer.normalize(fix('AF', [[584, 'S3'], [585, '1']]), CTX), { ok: false, refusal: { code: RefusalCode.RequiredFieldMissing, answer: AnswerKind.BusinessMessageReject, reason: 5, refId: 'S3' } });
  t.like(normalizer.normalize(fix('E', [[66, 'L1']]), CTX), { ok: false, refusal: { code: RefusalCode.UnsupportedMessage, reason: 3, refMsgType: 'E' } });
});
