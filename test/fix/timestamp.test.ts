import test from 'ava';
import {
  FixTimestamp,
  TimestampPrecision,
  TimestampStatus,
  UtcTimestampWriter,
  daysFromCivil,
  isDateOnly,
  isMonthYear,
  isTimeOnly,
  parseUtcTimestamp,
  utcTimestampLength,
  writeUtcTimestamp,
} from '../../src/fix/codec/timestamp';

function parse(text: string): FixTimestamp | number {
  const out = new FixTimestamp();
  const status = parseUtcTimestamp(Buffer.from(text, 'latin1'), 0, text.length, out);
  return status === TimestampStatus.Ok ? out : status;
}

function write(epochMs: number, nanosOfMs: number, precision: TimestampPrecision): string {
  const buf = Buffer.alloc(40);
  const end = writeUtcTimestamp(buf, 0, epochMs, nanosOfMs, precision);
  assertLength(end, precision);
  return buf.toString('latin1', 0, end);
}

function assertLength(end: number, precision: TimestampPrecision): void {
  if (end !== utcTimestampLength(precision)) throw new Error(`wrote ${end} bytes at precision ${precision}`);
}

const ms = Date.UTC(2024, 1, 29, 23, 59, 58, 123); // a leap day

test('writes seconds, milliseconds, microseconds and nanoseconds', (t) => {
  t.is(write(ms, 456789, TimestampPrecision.Seconds), '20240229-23:59:58');
  t.is(write(ms, 456789, TimestampPrecision.Millis), '20240229-23:59:58.123');
  t.is(write(ms, 456789, TimestampPrecision.Micros), '20240229-23:59:58.123456');
  t.is(write(ms, 456789, TimestampPrecision.Nanos), '20240229-23:59:58.123456789');
  t.is(write(0, 0, TimestampPrecision.Millis), '19700101-00:00:00.000');
  t.is(write(Date.UTC(1969, 11, 31, 23, 59, 59, 999), 1, TimestampPrecision.Nanos), '19691231-23:59:59.999000001');
});

test('reads every precision into milliseconds plus nanoseconds', (t) => {
  t.deepEqual(parse('20240229-23:59:58'), new FixTimestamp(ms - 123, 0));
  t.deepEqual(parse('20240229-23:59:58.123'), new FixTimestamp(ms, 0));
  t.deepEqual(parse('20240229-23:59:58.123456'), new FixTimestamp(ms, 456000));
  t.deepEqual(parse('20240229-23:59:58.123456789'), new FixTimestamp(ms, 456789));
  // picoseconds are allowed by FIX 5.0 and truncated to nanoseconds
  t.deepEqual(parse('20240229-23:59:58.123456789999'), new FixTimestamp(ms, 456789));
  t.deepEqual(parse('20240229-23:59:58.5'), new FixTimestamp(ms - 123 + 500, 0));
});

test('write then read is the identity at each precision', (t) => {
  const samples = [0, 1, 86_399_999, ms, Date.UTC(2038, 0, 19, 3, 14, 8, 1), Date.UTC(2100, 2, 1), Date.UTC(1999, 11, 31, 23, 59, 59, 999)];
  for (const sample of samples) {
    for (const precision of [TimestampPrecision.Millis, TimestampPrecision.Micros, TimestampPrecision.Nanos]) {
      const nanos = precision === TimestampPrecision.Nanos ? 987654 : precision === TimestampPrecision.Micros ? 987000 : 0;
      t.deepEqual(parse(write(sample, nanos, precision)), new FixTimestamp(sample, nanos));
    }
  }
});

test('the civil calendar matches Date for every day across four centuries', (t) => {
  let mismatches = 0;
  for (let day = -146097; day < 146097 * 2; day += 1) {
    const d = new Date(day * 86_400_000);
    if (daysFromCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) !== day) mismatches++;
  }
  t.is(mismatches, 0);
});

test('the day-caching writer gives the same text as the plain writer across midnight', (t) => {
  const writer = new UtcTimestampWriter(TimestampPrecision.Micros);
  const buf = Buffer.alloc(40);
  const midnight = Date.UTC(2024, 11, 31, 23, 59, 59, 999);
  for (const at of [midnight, midnight + 1, midnight + 86_400_000, midnight]) {
    const end = writer.write(buf, 0, at, 123000);
    t.is(buf.toString('latin1', 0, end), write(at, 123000, TimestampPrecision.Micros));
  }
});

test('malformed timestamps are Malformed', (t) => {
  for (const bad of [
    '',
    '20240229',
    '20240229 23:59:58',
    '20230229-23:59:58',
    '20241301-00:00:00',
    '20240100-00:00:00',
    '20240101-24:00:00',
    '20240101-23:60:00',
    '20240101-23:59:61',
    '20240101-23:59:58.',
    '20240101-23:59:58.1234567890123',
    '20240101-23:59:58,123',
    '2024O101-23:59:58',
  ]) {
    t.is(parse(bad), TimestampStatus.Malformed, bad);
  }
  t.true(parse('20161231-23:59:60') instanceof FixTimestamp);
});

test('integer nanoseconds at the edges through bigint', (t) => {
  const ts = new FixTimestamp(ms, 456789);
  const ns = ts.toEpochNanos();
  t.is(ns, BigInt(ms) * 1_000_000n + 456789n);
  t.deepEqual(new FixTimestamp().setEpochNanos(ns), ts);
  t.deepEqual(new FixTimestamp().setEpochNanos(-1n), new FixTimestamp(-1, 999_999));
});

test('date-only, time-only and month-year formats', (t) => {
  const b = (s: string): [Buffer, number, number] => [Buffer.from(s, 'latin1'), 0, s.length];
  t.true(isDateOnly(...b('20240229')));
  t.false(isDateOnly(...b('20230229')));
  t.true(isTimeOnly(...b('23:59:58.123')));
  t.false(isTimeOnly(...b('23:59')));
  t.true(isMonthYear(...b('202403')));
  t.true(isMonthYear(...b('20240315')));
  t.true(isMonthYear(...b('202403w2')));
  t.false(isMonthYear(...b('202413')));
  t.false(isMonthYear(...b('202403w9')));
});
