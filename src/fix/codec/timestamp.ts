// FIX UTCTimestamp (YYYYMMDD-HH:MM:SS[.fraction]) read and written straight from and to bytes, with
// no Date and no string. A timestamp is held as whole milliseconds since the epoch (a safe number
// for the next 285,000 years) plus the nanoseconds within that millisecond, which together are the
// integer nanoseconds the gateway stamps; bigint appears only in the edge helpers.
import * as ascii from './ascii';

// Imported bindings read once into locals: see the note in ascii.ts.
const { COLON, DOT, MINUS, ZERO, readFixedDigits, writePadded } = ascii;

/** Digits after the seconds that a session writes: its choice, milliseconds by default. */
export const TimestampPrecision = { Seconds: 0, Millis: 3, Micros: 6, Nanos: 9 } as const;
export type TimestampPrecision = (typeof TimestampPrecision)[keyof typeof TimestampPrecision];

export const TimestampStatus = { Ok: 0, Absent: 1, Malformed: 2 } as const;
export type TimestampStatus = (typeof TimestampStatus)[keyof typeof TimestampStatus];

const MS_PER_DAY = 86_400_000;
const NS_PER_MS = 1_000_000;

/** A reusable holder: integer milliseconds since the epoch and nanoseconds within the millisecond. */
export class FixTimestamp {
  constructor(
    public epochMs = 0,
    public nanosOfMs = 0,
  ) {}

  set(epochMs: number, nanosOfMs: number): this {
    this.epochMs = epochMs;
    this.nanosOfMs = nanosOfMs;
    return this;
  }

  /** Integer nanoseconds since the epoch. */
  toEpochNanos(): bigint {
    return BigInt(this.epochMs) * 1_000_000n + BigInt(this.nanosOfMs);
  }

  setEpochNanos(ns: bigint): this {
    const ms = ns / 1_000_000n;
    const rest = ns - ms * 1_000_000n;
    // bigint division truncates toward zero; keep nanosOfMs in 0..999999 before the epoch too
    if (rest < 0n) return this.set(Number(ms) - 1, Number(rest) + NS_PER_MS);
    return this.set(Number(ms), Number(rest));
  }
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1..12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = month > 2 ? month - 3 : month + 9; // March is month 0: leap day falls last
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Writes the date of `days` since the epoch as YYYYMMDD at `pos`. */
export function writeCivilDate(buf: Uint8Array, pos: number, days: number): number {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  writePadded(buf, pos, year, 4);
  writePadded(buf, pos + 4, month, 2);
  return writePadded(buf, pos + 6, day, 2);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Reads YYYYMMDD at `pos` as days since the epoch; NaN when it is not a real date. */
export function readCivilDate(buf: Uint8Array, pos: number): number {
  const year = readFixedDigits(buf, pos, 4);
  const month = readFixedDigits(buf, pos + 4, 2);
  const day = readFixedDigits(buf, pos + 6, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return daysFromCivil(year, month, day);
}

/**
 * Reads HH:MM:SS[.fraction] at `pos` (fraction of 1 to 12 digits; beyond nanoseconds is dropped)
 * into `out` as a time of day; `end` bounds the field. Returns false when malformed.
 */
export function parseTimeOfDay(buf: Uint8Array, pos: number, end: number, out: FixTimestamp): boolean {
  if (end - pos < 8 || buf[pos + 2] !== COLON || buf[pos + 5] !== COLON) return false;
  const hour = readFixedDigits(buf, pos, 2);
  const minute = readFixedDigits(buf, pos + 3, 2);
  const second = readFixedDigits(buf, pos + 6, 2);
  // 60 is a leap second, which FIX allows
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return false;
  let ms = 0;
  let nanos = 0;
  let p = pos + 8;
  if (p < end) {
    if (buf[p] !== DOT) return false;
    p++;
    const digits = end - p;
    if (digits < 1 || digits > 12) return false;
    let fraction = 0; // first nine digits, as nanoseconds
    for (let i = 0; i < digits; i++) {
      const d = (buf[p + i] as number) - ZERO;
      if (d < 0 || d > 9) return false;
      if (i < 9) fraction = fraction * 10 + d;
    }
    for (let i = digits; i < 9; i++) fraction *= 10;
    ms = Math.floor(fraction / NS_PER_MS);
    nanos = fraction - ms * NS_PER_MS;
  }
  out.epochMs = ((hour * 60 + minute) * 60 + second) * 1000 + ms;
  out.nanosOfMs = nanos;
  return true;
}

/** Reads a UTCTimestamp of `len` bytes at `off` into `out`. */
export function parseUtcTimestamp(buf: Uint8Array, off: number, len: number, out: FixTimestamp): TimestampStatus {
  if (len < 17 || buf[off + 8] !== MINUS) return TimestampStatus.Malformed;
  const days = readCivilDate(buf, off);
  if (Number.isNaN(days)) return TimestampStatus.Malformed;
  if (!parseTimeOfDay(buf, off + 9, off + len, out)) return TimestampStatus.Malformed;
  out.epochMs += days * MS_PER_DAY;
  return TimestampStatus.Ok;
}

/** Bytes a UTCTimestamp takes at a precision. */
export function utcTimestampLength(precision: TimestampPrecision): number {
  return precision === 0 ? 17 : 18 + precision;
}

/** Writes HH:MM:SS[.fraction] for a millisecond of the day and the nanoseconds inside it. */
export function writeTimeOfDay(buf: Uint8Array, pos: number, msOfDay: number, nanosOfMs: number, precision: TimestampPrecision): number {
  const seconds = Math.floor(msOfDay / 1000);
  const ms = msOfDay - seconds * 1000;
  const hour = Math.floor(seconds / 3600);
  const minute = Math.floor((seconds - hour * 3600) / 60);
  writePadded(buf, pos, hour, 2);
  buf[pos + 2] = COLON;
  writePadded(buf, pos + 3, minute, 2);
  buf[pos + 5] = COLON;
  let p = writePadded(buf, pos + 6, seconds - hour * 3600 - minute * 60, 2);
  if (precision === 0) return p;
  buf[p++] = DOT;
  p = writePadded(buf, p, ms, 3);
  if (precision === 3) return p;
  if (precision === 6) return writePadded(buf, p, Math.floor(nanosOfMs / 1000), 3);
  return writePadded(buf, p, nanosOfMs, 6);
}

/** Writes a UTCTimestamp at `pos`; returns the position after it. Digits beyond `precision` are truncated. */
export function writeUtcTimestamp(
  buf: Uint8Array,
  pos: number,
  epochMs: number,
  nanosOfMs: number,
  precision: TimestampPrecision,
): number {
  const days = Math.floor(epochMs / MS_PER_DAY);
  writeCivilDate(buf, pos, days);
  buf[pos + 8] = MINUS;
  return writeTimeOfDay(buf, pos + 9, epochMs - days * MS_PER_DAY, nanosOfMs, precision);
}

/**
 * Writes UTCTimestamps for one sender, remembering the date bytes of the last day it wrote: the
 * date changes once a day, so the calendar arithmetic runs once a day instead of per message.
 */
export class UtcTimestampWriter {
  private day = Number.NaN;
  private readonly date = Buffer.alloc(8);

  constructor(public precision: TimestampPrecision = TimestampPrecision.Millis) {}

  write(buf: Uint8Array, pos: number, epochMs: number, nanosOfMs: number): number {
    const days = Math.floor(epochMs / MS_PER_DAY);
    if (days !== this.day) {
      writeCivilDate(this.date, 0, days);
      this.day = days;
    }
    const date = this.date;
    for (let i = 0; i < 8; i++) buf[pos + i] = date[i] as number;
    buf[pos + 8] = MINUS;
    return writeTimeOfDay(buf, pos + 9, epochMs - days * MS_PER_DAY, nanosOfMs, this.precision);
  }
}

/** UTCDateOnly / LocalMktDate (YYYYMMDD): true when the bytes are a real date. */
export function isDateOnly(buf: Uint8Array, off: number, len: number): boolean {
  return len === 8 && !Number.isNaN(readCivilDate(buf, off));
}

const scratch = new FixTimestamp();

/** UTCTimeOnly (HH:MM:SS[.fraction]): true when well formed. */
export function isTimeOnly(buf: Uint8Array, off: number, len: number): boolean {
  return parseTimeOfDay(buf, off, off + len, scratch);
}

/** MonthYear: YYYYMM, YYYYMMDD or YYYYMMwN (week 1..5). */
export function isMonthYear(buf: Uint8Array, off: number, len: number): boolean {
  if (len !== 6 && len !== 8) return false;
  const year = readFixedDigits(buf, off, 4);
  const month = readFixedDigits(buf, off + 4, 2);
  if (year < 0 || month < 1 || month > 12) return false;
  if (len === 6) return true;
  if (buf[off + 6] === 0x77) {
    const week = (buf[off + 7] as number) - ZERO;
    return week >= 1 && week <= 5;
  }
  const day = readFixedDigits(buf, off + 6, 2);
  return day >= 1 && day <= daysInMonth(year, month);
}
