// Exact FIX decimals (PRICE, QTY, AMT, FLOAT, ...): an integer mantissa and a count of digits after
// the point, so "100.1" is 1001 × 10^-1 and prints back as "100.1". Nothing goes through a binary
// float. The mantissa is a safe integer (|m| <= 2^53 - 1, 15 to 16 significant digits), which covers
// prices and quantities on the order path; a value with more digits is refused with a status rather
// than rounded. Inside the box prices are integer ticks at a per-instrument scale; toTicks and
// fromTicks convert, refusing anything that would drop a digit.
import * as ascii from './ascii';

// Imported bindings read once into locals: see the note in ascii.ts.
const { DOT, MINUS, ZERO, digitCount, writeDigitsBackwards } = ascii;

export const DecimalStatus = {
  Ok: 0,
  /** The field is not in the message. */
  Absent: 1,
  /** Not a FIX decimal: empty, a stray character, two points, an exponent, a '+'. */
  Malformed: 2,
  /** More significant digits than a safe integer holds, or a scale beyond MAX_DECIMAL_SCALE. */
  Overflow: 3,
  /** Converting to ticks would drop non-zero digits. */
  PrecisionLoss: 4,
} as const;
export type DecimalStatus = (typeof DecimalStatus)[keyof typeof DecimalStatus];

/** Digits after the point we accept; 10^20 is still an exact double, so scaling stays exact. */
export const MAX_DECIMAL_SCALE = 20;

const POW10: readonly number[] = Array.from({ length: MAX_DECIMAL_SCALE + 1 }, (_, i) => 10 ** i);

/** A reusable holder: parse into it, read `mantissa` and `scale`, print it back unchanged. */
export class FixDecimal {
  constructor(
    public mantissa = 0,
    public scale = 0,
  ) {}

  set(mantissa: number, scale: number): this {
    this.mantissa = mantissa;
    this.scale = scale;
    return this;
  }

  /** Exact text, the same digits that were parsed (e.g. "100.10" keeps its zero). */
  toString(): string {
    return decimalToString(this.mantissa, this.scale);
  }

  /** The nearest binary double: for display and statistics only, never for the order path. */
  toNumber(): number {
    return this.mantissa / (POW10[this.scale] as number);
  }

  equals(other: FixDecimal): boolean {
    return compareDecimals(this, other) === 0;
  }

  /** Parses text (tests, configuration); null when it is not an exact FIX decimal. */
  static parse(text: string): FixDecimal | null {
    const out = new FixDecimal();
    return parseDecimal(Buffer.from(text, 'latin1'), 0, text.length, out) === DecimalStatus.Ok ? out : null;
  }
}

/** Reads `len` bytes at `off` as a FIX decimal into `out`. */
export function parseDecimal(buf: Uint8Array, off: number, len: number, out: FixDecimal): DecimalStatus {
  const end = off + len;
  let pos = off;
  let negative = false;
  if (pos < end && buf[pos] === MINUS) {
    negative = true;
    pos++;
  }
  let mantissa = 0;
  let digits = 0;
  let scale = -1;
  for (; pos < end; pos++) {
    const c = buf[pos] as number;
    const d = c - ZERO;
    if (d >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      digits++;
      if (scale >= 0) scale++;
    } else if (c === DOT && scale < 0) {
      scale = 0;
    } else {
      return DecimalStatus.Malformed;
    }
  }
  if (digits === 0) return DecimalStatus.Malformed;
  // Once the true value passes 2^53 - 1 the computed one cannot come back below it (rounding is
  // monotonic), so one comparison at the end catches every overflow.
  if (mantissa > Number.MAX_SAFE_INTEGER) return DecimalStatus.Overflow;
  if (scale > MAX_DECIMAL_SCALE) return DecimalStatus.Overflow;
  out.mantissa = negative && mantissa !== 0 ? -mantissa : mantissa;
  out.scale = scale < 0 ? 0 : scale;
  return DecimalStatus.Ok;
}

/** Bytes writeDecimal will use for this value. */
export function decimalLength(mantissa: number, scale: number): number {
  const abs = mantissa < 0 ? -mantissa : mantissa;
  const digits = digitCount(abs);
  const sign = mantissa < 0 ? 1 : 0;
  if (scale === 0) return sign + digits;
  // "0." and leading zeros when the value is below one
  return sign + (digits > scale ? digits : scale + 1) + 1;
}

/** Writes mantissa × 10^-scale at `pos` and returns the position after it. */
export function writeDecimal(buf: Uint8Array, pos: number, mantissa: number, scale: number): number {
  const end = pos + decimalLength(mantissa, scale);
  let abs = mantissa;
  let at = pos;
  if (mantissa < 0) {
    buf[at++] = MINUS;
    abs = -mantissa;
  }
  if (scale === 0) {
    writeDigitsBackwards(buf, end, abs);
    return end;
  }
  const unit = POW10[scale] as number;
  // % and the division of an exact multiple are exact on doubles; abs / unit rounded first could
  // carry a .9 into the next integer for mantissas near 2^53.
  const fraction = abs % unit;
  const whole = (abs - fraction) / unit;
  // fraction digits, zero-padded to `scale`
  let p = end;
  let f = fraction;
  for (let i = 0; i < scale; i++) {
    const q = Math.floor(f / 10);
    buf[--p] = ZERO + (f - q * 10);
    f = q;
  }
  buf[--p] = DOT;
  writeDigitsBackwards(buf, p, whole);
  return end;
}

export function decimalToString(mantissa: number, scale: number): string {
  const bytes = Buffer.allocUnsafe(decimalLength(mantissa, scale));
  writeDecimal(bytes, 0, mantissa, scale);
  return bytes.toString('latin1');
}

/** Drops trailing zeros after the point: 100.10 becomes 100.1, 5.00 becomes 5. */
export function normalizeDecimal(d: FixDecimal): FixDecimal {
  while (d.scale > 0 && d.mantissa % 10 === 0) {
    d.mantissa /= 10;
    d.scale--;
  }
  if (Object.is(d.mantissa, -0)) d.mantissa = 0;
  return d;
}

/** Compares the values (not the texts): 100.1 equals 100.10. */
export function compareDecimals(a: FixDecimal, b: FixDecimal): number {
  if (a.scale === b.scale) return Math.sign(a.mantissa - b.mantissa);
  const scale = a.scale > b.scale ? a.scale : b.scale;
  const am = a.mantissa * (POW10[scale - a.scale] as number);
  const bm = b.mantissa * (POW10[scale - b.scale] as number);
  if (Number.isSafeInteger(am) && Number.isSafeInteger(bm)) return Math.sign(am - bm);
  return Math.sign(a.toNumber() - b.toNumber());
}

/** Holder for the result of toTicks. */
export class Ticks {
  value = 0;
}

/**
 * The value as an integer count of 10^-tickScale units (price 100.1 at tickScale 2 is 10010
 * ticks). Refuses (PrecisionLoss) a value with non-zero digits beyond tickScale, and (Overflow) a
 * result that is not a safe integer.
 */
export function toTicks(d: FixDecimal, tickScale: number, out: Ticks): DecimalStatus {
  if (tickScale < 0 || tickScale > MAX_DECIMAL_SCALE) return DecimalStatus.Overflow;
  if (tickScale >= d.scale) {
    const ticks = d.mantissa * (POW10[tickScale - d.scale] as number);
    if (!Number.isSafeInteger(ticks)) return DecimalStatus.Overflow;
    out.value = ticks === 0 ? 0 : ticks;
    return DecimalStatus.Ok;
  }
  const divisor = POW10[d.scale - tickScale] as number;
  if (d.mantissa % divisor !== 0) return DecimalStatus.PrecisionLoss;
  const ticks = d.mantissa / divisor;
  out.value = ticks === 0 ? 0 : ticks;
  return DecimalStatus.Ok;
}

/** ticks × 10^-tickScale into `out`; Overflow when ticks is not a safe integer. */
export function fromTicks(ticks: number, tickScale: number, out: FixDecimal): DecimalStatus {
  if (!Number.isSafeInteger(ticks) || tickScale < 0 || tickScale > MAX_DECIMAL_SCALE) return DecimalStatus.Overflow;
  out.mantissa = ticks === 0 ? 0 : ticks;
  out.scale = tickScale;
  return DecimalStatus.Ok;
}
