// Byte values the codec compares against. Named once so the parsing loops read as FIX, not as numbers.
//
// A note on imports, for every hot-path module of the codec: when a file runs under tsx (tests,
// benchmarks), esbuild's CommonJS interop turns each use of an imported binding into a getter call
// on the exporting module, and on the per-byte and per-field loops that cost the decoder five
// times its time (bench/codec). So those modules import the module object and copy what they use
// into local constants once, at load: `import * as ascii from './ascii'; const { SOH } = ascii;`.
export const SOH = 0x01;
export const EQUALS = 0x3d; // '='
export const ZERO = 0x30; // '0'
export const NINE = 0x39; // '9'
export const MINUS = 0x2d; // '-'
export const DOT = 0x2e; // '.'
export const COLON = 0x3a; // ':'
export const SPACE = 0x20;
export const CHAR_Y = 0x59; // 'Y'
export const CHAR_N = 0x4e; // 'N'
export const CHAR_8 = 0x38; // '8', first byte of "8=" (BeginString)
export const CHAR_9 = 0x39;
export const CHAR_1 = 0x31;

/** Number of decimal digits of a non-negative safe integer. */
export function digitCount(value: number): number {
  if (value < 10) return 1;
  if (value < 100) return 2;
  if (value < 1000) return 3;
  if (value < 10000) return 4;
  if (value < 100000) return 5;
  if (value < 1000000) return 6;
  if (value < 10000000) return 7;
  if (value < 100000000) return 8;
  if (value < 1000000000) return 9;
  let n = 10;
  for (let v = Math.floor(value / 10000000000); v > 0; v = Math.floor(v / 10)) n++;
  return n;
}

/**
 * Writes the digits of a non-negative safe integer ending just before `end` (right to left, the way
 * digits fall out of division) and returns where they start.
 */
export function writeDigitsBackwards(buf: Uint8Array, end: number, value: number): number {
  let pos = end;
  let v = value;
  // Below 2^31 the `| 0` keeps the loop on small-integer arithmetic, which V8 runs much faster.
  while (v >= 2147483648) {
    const q = Math.floor(v / 10);
    buf[--pos] = ZERO + (v - q * 10);
    v = q;
  }
  let small = v | 0;
  do {
    const q = (small / 10) | 0;
    buf[--pos] = ZERO + (small - q * 10);
    small = q;
  } while (small > 0);
  return pos;
}

/** Writes `value` zero-padded to exactly `width` digits starting at `pos`; returns the next position. */
export function writePadded(buf: Uint8Array, pos: number, value: number, width: number): number {
  let v = value;
  for (let i = pos + width - 1; i >= pos; i--) {
    const q = (v / 10) | 0;
    buf[i] = ZERO + (v - q * 10);
    v = q;
  }
  return pos + width;
}

/** Reads exactly `width` digits at `pos`; -1 when any byte is not a digit. */
export function readFixedDigits(buf: Uint8Array, pos: number, width: number): number {
  let v = 0;
  for (let i = pos; i < pos + width; i++) {
    const d = (buf[i] as number) - ZERO;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}
