// Test helpers for the gateway: FIX messages written by our FixEncoder and read back by our
// FixDecoder (the real codec), instruments, session contexts and a fake OrderLookup.
import { parseInstruments } from '../../src/config/instrument-config';
import type { OrderLookup, OrderView } from '../../src/execution/order-view';
import { DecodeStatus, FixDecoder } from '../../src/fix/codec/decoder';
import { fix44Dictionary } from '../../src/fix/codec/dictionaries';
import { FixEncoder } from '../../src/fix/codec/encoder';
import { FixMessage } from '../../src/fix/codec/fix-message';
import { packMsgType } from '../../src/fix/codec/msg-type';
import { InstrumentTable } from '../../src/gateway/instrument-table';
import type { SessionContext } from '../../src/gateway/session-context';
import { OrdType, Side, StpMode, TimeInForce } from '../../src/matcher/types';

export const INSTRUMENTS = parseInstruments('test', {
  instruments: [
    { symbol: 'ACME', id: 1, priceDecimals: 2, tickSize: '0.05', lotSize: '10', minPrice: '0.05', maxPrice: '5000.00', referencePrice: '100.00', marketBand: '2.00' },
    { symbol: 'BTC-USD', id: 3, priceDecimals: 1, qtyDecimals: 4, tickSize: '0.5', lotSize: '0.0001', minPrice: '1000.0', maxPrice: '200000.0', referencePrice: '65000.0', marketBand: '500.0' },
    { symbol: 'HALT', id: 4, priceDecimals: 2, tickSize: '0.01', lotSize: '1', minPrice: '0.01', maxPrice: '100.00', referencePrice: '10.00', marketBand: '1.00', state: 'halted' },
    { symbol: 'SHUT', id: 5, priceDecimals: 2, tickSize: '0.01', lotSize: '1', minPrice: '0.01', maxPrice: '100.00', referencePrice: '10.00', marketBand: '1.00', state: 'closed' },
  ],
});

export const table = (): InstrumentTable => new InstrumentTable(INSTRUMENTS);

export const CTX: SessionContext = { session: 'BROKER1-OE', sessionId: 1, firm: 'BROKER1', firmId: 1, stpMode: StpMode.CancelAggressing };

const encoder = new FixEncoder('FIX.4.4');
const decoder = new FixDecoder();
let seq = 1;

/** Encodes 35=msgType with `fields` (in order) and decodes it into a fresh FixMessage. */
export function fix(msgType: string, fields: ReadonlyArray<readonly [number, string]>): FixMessage {
  encoder.begin(packMsgType(msgType)).str(49, 'BROKER1').str(56, 'FIXGATE').int(34, seq++).timestamp(52, Date.UTC(2024, 0, 2));
  for (const [tag, value] of fields) encoder.str(tag, value);
  encoder.finish();
  const bytes = Buffer.from(encoder.frame());
  const msg = new FixMessage(fix44Dictionary());
  const status = decoder.decode(bytes, 0, bytes.length, msg);
  if (status !== DecodeStatus.Ok) throw new Error(`decode status ${status}`);
  return msg;
}

export type Fields = Record<number, string | undefined>;

/** A valid limit Day NewOrderSingle for ACME, with `over` replacing (undefined: removing) fields. */
export function nos(over: Fields = {}): FixMessage {
  const base: Fields = { 11: 'C1', 1: 'ACC-1', 55: 'ACME', 54: '1', 60: '20240102-09:00:00.000', 38: '100', 40: '2', 44: '100.05', 59: '0' };
  return fix('D', entries({ ...base, ...over }));
}

export function entries(fields: Fields): Array<[number, string]> {
  return Object.entries(fields)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => [Number(k), v]);
}

export function view(over: Partial<OrderView> = {}): OrderView {
  return {
    orderId: 7,
    session: CTX.session,
    firm: CTX.firm,
    clOrdId: 'C1',
    symbolId: 1,
    side: Side.Buy,
    ordType: OrdType.Limit,
    tif: TimeInForce.Day,
    price: 10005,
    stopPx: 0,
    qty: 100,
    cumQty: 0,
    leavesQty: 100,
    done: false,
    ...over,
  };
}

/** A fake OrderLookup over a list of views; `used` adds ClOrdIDs seen today without a live chain. */
export class FakeOrders implements OrderLookup {
  constructor(
    readonly views: OrderView[] = [],
    readonly used: string[] = [],
  ) {}

  byClOrdId(session: string, clOrdId: string): OrderView | undefined {
    return this.views.find((v) => v.session === session && v.clOrdId === clOrdId);
  }

  clOrdIdUsed(session: string, clOrdId: string): boolean {
    return this.used.includes(clOrdId) || this.byClOrdId(session, clOrdId) !== undefined;
  }
}
