import test from 'ava';
import { validateGatewayConfig } from '../../src/config/session-config';
import type { GatewayConfig } from '../../src/config/session-config-schema';
import { OrderEntryNormalizer } from '../../src/gateway/normalizer';
import { RefusalCode } from '../../src/gateway/refusals';
import type { NewOrderRequest, ReplaceRequest } from '../../src/gateway/requests';
import { RiskEngine } from '../../src/gateway/risk/risk-engine';
import { CTX, FakeOrders, nos, table, view, type Fields } from './support';

function config(risk: Record<string, unknown>, creditLimit = '1000000'): GatewayConfig {
  const session = { name: 'BROKER1-OE', beginString: 'FIX.4.4', senderCompId: 'FIXGATE', targetCompId: 'BROKER1', role: 'order-entry', credentials: 'none', allowedIps: ['127.0.0.1'], firm: 'BROKER1', risk };
  const other = { ...session, name: 'BROKER1-OE2', targetCompId: 'BROKER1B', risk: {} };
  const result = validateGatewayConfig({ sessions: [session, other], firms: { BROKER1: { creditLimit } } }, { file: 't', absoluteFile: '/t', baseDir: '/', defaultName: 'gw' });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.config;
}

const normalizer = new OrderEntryNormalizer(table(), new FakeOrders());
function order(over: Fields = {}): NewOrderRequest {
  const r = normalizer.normalize(nos(over), CTX);
  if (!r.ok) throw new Error(r.refusal.text);
  return r.request as NewOrderRequest;
}

const engine = (risk: Record<string, unknown> = {}, credit?: string) => new RiskEngine(config(risk, credit), table());

test('an order within every limit passes and is counted at once', (t) => {
  const risk = engine();
  t.is(risk.checkNewOrder(order()), undefined);
  t.deepEqual(risk.exposure('BROKER1-OE'), { openOrders: 1, dailyOrders: 1, firmOpenNotional: '10005' });
});

test('max order quantity and max order notional', (t) => {
  t.like(engine({ maxOrderQty: '50' }).checkNewOrder(order()), { code: RefusalCode.RiskMaxOrderQty, reason: 3 });
  t.is(engine({ maxOrderQty: '100' }).checkNewOrder(order()), undefined);
  t.like(engine({ maxOrderNotional: '10000' }).checkNewOrder(order()), { code: RefusalCode.RiskMaxOrderNotional, text: 'Order notional exceeds the session limit: 10005 above 10000' });
  // a market order is valued at the reference price: 100 × 100.00
  t.like(engine({ maxOrderNotional: '9999.99' }).checkNewOrder(order({ 40: '1', 44: undefined })), { code: RefusalCode.RiskMaxOrderNotional });
});

test('price collar around the reference price, then around the last trade', (t) => {
  const risk = engine();
  t.is(risk.checkNewOrder(order({ 11: 'A', 44: '110.00' })), undefined);
  t.like(risk.checkNewOrder(order({ 11: 'B', 44: '110.05' })), { code: RefusalCode.RiskPriceCollar, reason: 16, refTagId: 44 });
  t.like(risk.checkNewOrder(order({ 11: 'C', 44: '89.95' })), { code: RefusalCode.RiskPriceCollar });
  t.like(risk.checkNewOrder(order({ 11: 'D', 40: '3', 44: undefined, 99: '111.00' })), { code: RefusalCode.RiskPriceCollar, refTagId: 99 });
  risk.onTrade(1, 12000);
  t.is(risk.checkNewOrder(order({ 11: 'E', 44: '131.00' })), undefined);
  t.like(engine({ priceCollarPercent: '1' }).checkNewOrder(order({ 44: '101.05' })), { code: RefusalCode.RiskPriceCollar });
});

test('max open orders counts admitted orders and releases done ones', (t) => {
  const risk = engine({ maxOpenOrders: 2 });
  t.is(risk.checkNewOrder(order({ 11: 'A' })), undefined);
  t.is(risk.checkNewOrder(order({ 11: 'B' })), undefined);
  t.like(risk.checkNewOrder(order({ 11: 'C' })), { code: RefusalCode.RiskMaxOpenOrders });
  risk.onOrderUpdate(view({ orderId: 1, clOrdId: 'A' }));
  risk.onOrderUpdate(view({ orderId: 1, clOrdId: 'A', done: true, leavesQty: 0 }));
  t.is(risk.checkNewOrder(order({ 11: 'C' })), undefined);
});

test('daily order count, reset by startDay', (t) => {
  const risk = engine({ maxDailyOrders: 1 });
  t.is(risk.checkNewOrder(order({ 11: 'A' })), undefined);
  t.like(risk.checkNewOrder(order({ 11: 'B' })), { code: RefusalCode.RiskMaxDailyOrders });
  risk.startDay();
  t.is(risk.checkNewOrder(order({ 11: 'B' })), undefined);
});

test('firm credit limit on gross open notional, across sessions, kept current by fills and replaces', (t) => {
  const risk = engine({}, '25000');
  t.is(risk.checkNewOrder(order({ 11: 'A' })), undefined); // 10005
  t.is(risk.checkNewOrder({ ...order({ 11: 'B' }), session: 'BROKER1-OE2' }), undefined); // 20010
  t.like(risk.checkNewOrder(order({ 11: 'C' })), { code: RefusalCode.RiskCreditLimit, text: 'Firm credit limit exceeded: open notional would be 30015, limit 25000' });
  risk.onOrderUpdate(view({ orderId: 1, clOrdId: 'A', cumQty: 60, leavesQty: 40 })); // 4002
  t.is(risk.exposure('BROKER1-OE')!.firmOpenNotional, '14007');
  t.is(risk.checkNewOrder(order({ 11: 'C' })), undefined);
  const original = view({ orderId: 1, clOrdId: 'A', cumQty: 60, leavesQty: 40 });
  const bigger: ReplaceRequest = { ...order({ 11: 'R', 38: '200' }), kind: 3, origClOrdId: 'A', orderId: 1 };
  t.like(risk.checkReplace(bigger, original), { code: RefusalCode.RiskCreditLimit });
  const smaller: ReplaceRequest = { ...bigger, qty: 80 };
  t.is(risk.checkReplace(smaller, original), undefined);
});

test('kill switches: engaged refuses new orders and replaces, returns the working orders; disengaged allows again', (t) => {
  const risk = engine();
  t.is(risk.checkNewOrder(order({ 11: 'A' })), undefined);
  risk.onOrderUpdate(view({ orderId: 11, clOrdId: 'A' }));
  risk.onOrderUpdate(view({ orderId: 12, clOrdId: 'B' }));
  risk.onOrderUpdate(view({ orderId: 13, clOrdId: 'Z', session: 'BROKER1-OE2' }));
  risk.onOrderUpdate(view({ orderId: 12, clOrdId: 'B', done: true }));
  t.deepEqual(risk.engage('session', 'BROKER1-OE'), [11]);
  t.true(risk.isEngaged('session', 'BROKER1-OE'));
  t.like(risk.checkNewOrder(order({ 11: 'C' })), { code: RefusalCode.SessionKillSwitch, text: 'Session kill switch engaged: new orders refused: BROKER1-OE', reason: 0 });
  t.true(risk.disengage('session', 'BROKER1-OE'));
  t.is(risk.checkNewOrder(order({ 11: 'C' })), undefined);
  t.deepEqual(risk.engage('firm', 'BROKER1'), [11, 13]);
  t.like(risk.checkNewOrder(order({ 11: 'D' })), { code: RefusalCode.FirmKillSwitch });
  const replace: ReplaceRequest = { ...order({ 11: 'R' }), kind: 3, origClOrdId: 'A', orderId: 11 };
  t.like(risk.checkReplace(replace, view({ orderId: 11 })), { code: RefusalCode.FirmKillSwitch, answer: 2, reason: 2 });
  t.is(risk.engage('firm', 'NOBODY'), undefined);
  t.false(risk.disengage('session', 'NOBODY'));
});
