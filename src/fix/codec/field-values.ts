// Readers for single field values, straight from the bytes: no string unless one is asked for.
// Each takes (buffer, offset, length) as the decoder records them.
import * as ascii from './ascii';

// Imported bindings read once into locals: see the note in ascii.ts.
const { CHAR_N, CHAR_Y, MINUS, SOH, SPACE, ZERO } = ascii;

/** An integer value (INT, LENGTH, SEQNUM, NUMINGROUP, ...); NaN when malformed or not a safe integer. */
export function readInt(buf: Uint8Array, off: number, len: number): number {
  let pos = off;
  const end = off + len;
  let negative = false;
  if (pos < end && buf[pos] === MINUS) {
    negative = true;
    pos++;
  }
  if (pos === end) return NaN;
  let value = 0;
  for (; pos < end; pos++) {
    const d = (buf[pos] as number) - ZERO;
    if (d < 0 || d > 9) return NaN;
    value = value * 10 + d;
  }
  if (value > Number.MAX_SAFE_INTEGER) return NaN;
  return negative ? -value : value;
}

/** A non-negative integer (LENGTH, NUMINGROUP, SEQNUM): -1 when malformed, signed or too large. */
export function readUnsigned(buf: Uint8Array, off: number, len: number): number {
  if (len === 0 || len > 15) return -1;
  let value = 0;
  for (let pos = off; pos < off + len; pos++) {
    const d = (buf[pos] as number) - ZERO;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** A CHAR value as its byte; -1 unless the value is exactly one byte. */
export function readChar(buf: Uint8Array, off: number, len: number): number {
  return len === 1 ? (buf[off] as number) : -1;
}

/** A BOOLEAN value: true for Y, false for N, undefined for anything else. */
export function readBoolean(buf: Uint8Array, off: number, len: number): boolean | undefined {
  if (len !== 1) return undefined;
  const c = buf[off];
  return c === CHAR_Y ? true : c === CHAR_N ? false : undefined;
}

/** True when the value's bytes equal `expected` (pre-encoded once by the caller). */
export function bytesEqual(buf: Uint8Array, off: number, len: number, expected: Uint8Array): boolean {
  if (len !== expected.length) return false;
  for (let i = 0; i < len; i++) if (buf[off + i] !== expected[i]) return false;
  return true;
}

/** True when the value's bytes spell `text` (ASCII). For cold paths; hot paths pre-encode and use bytesEqual. */
export function textEqual(buf: Uint8Array, off: number, len: number, text: string): boolean {
  if (len !== text.length) return false;
  for (let i = 0; i < len; i++) if (buf[off + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** True when the value holds an SOH: only DATA fields may. */
export function containsSoh(buf: Uint8Array, off: number, len: number): boolean {
  for (let i = off; i < off + len; i++) if (buf[i] === SOH) return true;
  return false;
}

/**
 * End of the space-separated item starting at `pos` in a multiple-value field (MULTIPLECHARVALUE,
 * MULTIPLEVALUESTRING): the index of the next space, or `end`. Walk the items with
 * `for (let p = off; p <= end; p = itemEnd(...) + 1)`, no closure or array needed.
 */
export function itemEnd(buf: Uint8Array, pos: number, end: number): number {
  let p = pos;
  while (p < end && buf[p] !== SPACE) p++;
  return p;
}
