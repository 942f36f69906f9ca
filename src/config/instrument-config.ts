// Instruments the venue lists: loaded from a JSON file, validated with errors that name the file,
// the instrument and the field, and turned into the integer units the matcher works in.
//
// Prices are written as decimal strings ("0.01") and scaled by 10^priceDecimals into integer
// price units; quantities likewise by 10^qtyDecimals. Nothing passes through a float.
import { readFileSync } from 'node:fs';
import { ErrorCode, GatewayError } from '../errors';
import { DecimalStatus, FixDecimal, Ticks, toTicks } from '../fix/codec/decimal';
import { MAX_LEVELS, MAX_SYMBOL_ID, TradingState } from '../matcher/types';

export interface Instrument {
  symbol: string;
  id: number;
  priceDecimals: number;
  qtyDecimals: number;
  /** All in integer price units (10^-priceDecimals). */
  tickSize: number;
  minPrice: number;
  maxPrice: number;
  referencePrice: number;
  marketBand: number;
  /** In integer quantity units (10^-qtyDecimals). */
  lotSize: number;
  state: TradingState;
}

const STATES: Record<string, TradingState> = {
  open: TradingState.Open,
  halted: TradingState.Halted,
  closed: TradingState.Closed,
};
const KNOWN_KEYS = new Set([
  'symbol',
  'id',
  'priceDecimals',
  'qtyDecimals',
  'tickSize',
  'lotSize',
  'minPrice',
  'maxPrice',
  'referencePrice',
  'marketBand',
  'state',
]);
/** "12.5" with 2 decimals → 1250; undefined for a negative, malformed or unsafe value, or one with more decimals than `decimals`. */
export function scaleDecimal(text: string, decimals: number): number | undefined {
  const parsed = FixDecimal.parse(text);
  const ticks = new Ticks();
  if (parsed === null || parsed.mantissa < 0 || toTicks(parsed, decimals, ticks) !== DecimalStatus.Ok) return undefined;
  return ticks.value;
}

class InstrumentReader {
  constructor(
    private readonly file: string,
    private readonly where: string,
    private readonly raw: Record<string, unknown>,
  ) {}

  fail(field: string, problem: string): never {
    throw new GatewayError(ErrorCode.ConfigInvalid, `${this.file}: ${this.where}: "${field}" ${problem}`);
  }

  integer(field: string, min: number, max: number, fallback?: number): number {
    const v = this.raw[field] ?? fallback;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      this.fail(field, `must be an integer from ${min} to ${max} (got ${JSON.stringify(v)})`);
    }
    return v;
  }

  scaled(field: string, decimals: number, allowZero = false): number {
    const v = this.raw[field];
    const scaled = typeof v === 'string' ? scaleDecimal(v, decimals) : undefined;
    if (scaled === undefined || (!allowZero && scaled === 0)) {
      this.fail(
        field,
        `must be a ${allowZero ? 'non-negative' : 'positive'} decimal string with at most ${decimals} decimals (got ${JSON.stringify(v)})`,
      );
    }
    return scaled;
  }
}

function readInstrument(file: string, index: number, raw: unknown): Instrument {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new GatewayError(ErrorCode.ConfigInvalid, `${file}: instruments[${index}] must be an object`);
  }
  const fields = raw as Record<string, unknown>;
  const name = typeof fields.symbol === 'string' ? fields.symbol : `instruments[${index}]`;
  const r: InstrumentReader = new InstrumentReader(file, `instrument ${name}`, fields);
  for (const key of Object.keys(fields)) {
    if (!KNOWN_KEYS.has(key)) r.fail(key, `is not a known field (known: ${[...KNOWN_KEYS].join(', ')})`);
  }
  if (typeof fields.symbol !== 'string' || !/^[A-Za-z0-9._\-/]{1,32}$/.test(fields.symbol)) {
    r.fail('symbol', 'must be 1-32 characters of letters, digits, . _ - /');
  }
  const id = r.integer('id', 1, MAX_SYMBOL_ID);
  const priceDecimals = r.integer('priceDecimals', 0, 9);
  const qtyDecimals = r.integer('qtyDecimals', 0, 9, 0);
  const tickSize = r.scaled('tickSize', priceDecimals);
  const lotSize = r.scaled('lotSize', qtyDecimals);
  const minPrice = r.scaled('minPrice', priceDecimals);
  const maxPrice = r.scaled('maxPrice', priceDecimals);
  const referencePrice = r.scaled('referencePrice', priceDecimals);
  const marketBand = r.scaled('marketBand', priceDecimals, true);
  for (const [field, value] of [
    ['minPrice', minPrice],
    ['maxPrice', maxPrice],
    ['referencePrice', referencePrice],
    ['marketBand', marketBand],
  ] as const) {
    if (value % tickSize !== 0) r.fail(field, `must be a multiple of tickSize ${String(fields.tickSize)}`);
  }
  if (maxPrice < minPrice) r.fail('maxPrice', 'must not be below minPrice');
  if ((maxPrice - minPrice) / tickSize + 1 > MAX_LEVELS) {
    r.fail('maxPrice', `spans more than ${MAX_LEVELS} ticks from minPrice; narrow the range or raise tickSize`);
  }
  if (referencePrice < minPrice || referencePrice > maxPrice) r.fail('referencePrice', 'must lie within [minPrice, maxPrice]');
  const stateName = fields.state ?? 'open';
  const state = typeof stateName === 'string' ? STATES[stateName] : undefined;
  if (state === undefined) r.fail('state', `must be one of ${Object.keys(STATES).join(', ')}`);
  return { symbol: fields.symbol, id, priceDecimals, qtyDecimals, tickSize, minPrice, maxPrice, referencePrice, marketBand, lotSize, state };
}

export function parseInstruments(file: string, json: unknown): Instrument[] {
  const list = (json as { instruments?: unknown } | null)?.instruments;
  if (!Array.isArray(list) || list.length === 0) {
    throw new GatewayError(ErrorCode.ConfigInvalid, `${file}: "instruments" must be a non-empty array`);
  }
  const instruments = list.map((raw, i) => readInstrument(file, i, raw));
  const seen = new Map<string | number, string>();
  for (const ins of instruments) {
    for (const key of [ins.id, ins.symbol]) {
      const other = seen.get(key);
      if (other !== undefined) {
        throw new GatewayError(ErrorCode.ConfigInvalid, `${file}: instrument ${ins.symbol} repeats ${typeof key === 'number' ? 'id' : 'symbol'} ${key} of ${other}`);
      }
      seen.set(key, ins.symbol);
    }
  }
  return instruments;
}

export function loadInstruments(file: string): Instrument[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new GatewayError(ErrorCode.ConfigUnreadable, `${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return parseInstruments(file, json);
}
