import test from 'ava';
import { join } from 'node:path';
import { loadInstruments, parseInstruments, scaleDecimal } from '../../src/config/instrument-config';
import { TradingState } from '../../src/matcher/types';

const base = {
  symbol: 'ACME',
  id: 1,
  priceDecimals: 2,
  tickSize: '0.05',
  lotSize: '10',
  minPrice: '0.05',
  maxPrice: '1000.00',
  referencePrice: '100.00',
  marketBand: '1.00',
};
const parseOne = (overrides: Record<string, unknown>) => parseInstruments('x.json', { instruments: [{ ...base, ...overrides }] });

test('decimals scale exactly, without floats', (t) => {
  t.is(scaleDecimal('100.1', 2), 10010);
  t.is(scaleDecimal('0.0005', 4), 5);
  t.is(scaleDecimal('7', 3), 7000);
  t.is(scaleDecimal('1.005', 2), undefined, 'more decimals than the scale allows');
  t.is(scaleDecimal('-1', 2), undefined);
  t.is(scaleDecimal('1e3', 2), undefined);
  t.is(scaleDecimal('99999999999999999', 2), undefined, 'beyond 2^53');
});

test('an instrument is converted to integer units', (t) => {
  const [ins] = parseOne({});
  t.deepEqual(ins, {
    symbol: 'ACME',
    id: 1,
    priceDecimals: 2,
    qtyDecimals: 0,
    tickSize: 5,
    minPrice: 5,
    maxPrice: 100000,
    referencePrice: 10000,
    marketBand: 100,
    lotSize: 10,
    state: TradingState.Open,
  });
});

test('errors name the file, the instrument and the field', (t) => {
  t.throws(() => parseOne({ tickSize: '0.001' }), { message: /x\.json: instrument ACME: "tickSize" must be a positive decimal string with at most 2 decimals/ });
  t.throws(() => parseOne({ referencePrice: '100.01' }), { message: /"referencePrice" must be a multiple of tickSize 0\.05/ });
  t.throws(() => parseOne({ maxPrice: '0.00' }), { message: /"maxPrice" must be a positive decimal/ });
  t.throws(() => parseOne({ minPrice: '10.00', maxPrice: '5.00', referencePrice: '7.00' }), { message: /"maxPrice" must not be below minPrice/ });
  t.throws(() => parseOne({ tickSize: '0.01', maxPrice: '20000.00' }), { message: /"maxPrice" spans more than 1048576 ticks/ });
  t.throws(() => parseOne({ state: 'paused' }), { message: /"state" must be one of open, halted, closed/ });
  t.throws(() => parseOne({ tick: '0.05' }), { message: /"tick" is not a known field/ });
  t.throws(() => parseOne({ id: 0 }), { message: /"id" must be an integer from 1 to 65535/ });
  t.throws(() => parseInstruments('x.json', { instruments: [base, { ...base, symbol: 'OTHER' }] }), { message: /instrument OTHER repeats id 1 of ACME/ });
  t.throws(() => parseInstruments('x.json', {}), { message: /"instruments" must be a non-empty array/ });
  t.throws(() => loadInstruments('/nonexistent/instruments.json'), { message: /GW_ERR_CONFIG_UNREADABLE/ });
});

test('the demo instruments load', (t) => {
  const instruments = loadInstruments(join(__dirname, '../../sessions/demo/instruments.json'));
  t.deepEqual(instruments.map((i) => i.symbol), ['ACME', 'GLOBX', 'BTC-USD']);
  t.is(instruments[2]!.lotSize, 1, '0.0001 at 4 quantity decimals is one unit');
});
