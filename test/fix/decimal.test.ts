import test from 'ava';
import {
  DecimalStatus,
  FixDecimal,
  Ticks,
  compareDecimals,
  decimalToString,
  fromTicks,
  normalizeDecimal,
  parseDecimal,
  toTicks,
  writeDecimal,
} from '../../src/fix/codec/decimal';

function roundTrip(text: string): string {
  const bytes = Buffer.from(text, 'latin1');
  const d = new FixDecimal();
  const status = parseDecimal(bytes, 0, bytes.length, d);
  if (status !== DecimalStatus.Ok) return `status ${status}`;
  const out = Buffer.alloc(40);
  return out.toString('latin1', 0, writeDecimal(out, 0, d.mantissa, d.scale));
}

test('decimals print back exactly as they were read', (t) => {
  for (const text of [
    '100.1',
    '0.00000001',
    '0.1',
    '0',
    '1',
    '-1',
    '-0.5',
    '-100.25',
    '100.10',
    '5.00',
    '123456789.123456',
    '9007199254740991',
    '900719925474099.1',
    '-9007199254740.991',
    '0.000000000000000001',
  ]) {
    t.is(roundTrip(text), text);
  }
});

test('mantissa and scale hold the exact digits', (t) => {
  const d = FixDecimal.parse('100.1');
  t.is(d?.mantissa, 1001);
  t.is(d?.scale, 1);
  const tiny = FixDecimal.parse('0.00000001');
  t.is(tiny?.mantissa, 1);
  t.is(tiny?.scale, 8);
  const negative = FixDecimal.parse('-0.25');
  t.is(negative?.mantissa, -25);
  t.is(negative?.scale, 2);
  // 0.1 + 0.2 done on mantissas is exact, unlike binary floats
  t.is(decimalToString(1 + 2, 1), '0.3');
});

test('forms FIX allows without a leading or trailing digit', (t) => {
  t.is(roundTrip('.5'), '0.5');
  t.is(roundTrip('5.'), '5');
  t.is(roundTrip('-0'), '0');
  t.is(roundTrip('007.50'), '7.50');
});

test('not decimals: Malformed; too many digits: Overflow', (t) => {
  const d = new FixDecimal();
  for (const bad of ['', '-', '.', '1.2.3', '1e5', '+1', '1,5', ' 1', '0x10', '--1']) {
    const bytes = Buffer.from(bad, 'latin1');
    t.is(parseDecimal(bytes, 0, bytes.length, d), DecimalStatus.Malformed, JSON.stringify(bad));
  }
  for (const big of ['9007199254740993', '123456789012345678', '1.00000000000000000000001']) {
    const bytes = Buffer.from(big, 'latin1');
    t.is(parseDecimal(bytes, 0, bytes.length, d), DecimalStatus.Overflow, big);
  }
});

test('ticks: exact conversion at a scale, refusal when digits would be lost', (t) => {
  const ticks = new Ticks();
  const d = FixDecimal.parse('100.1') as FixDecimal;
  t.is(toTicks(d, 2, ticks), DecimalStatus.Ok);
  t.is(ticks.value, 10010);
  t.is(toTicks(d, 1, ticks), DecimalStatus.Ok);
  t.is(ticks.value, 1001);
  t.is(toTicks(d, 0, ticks), DecimalStatus.PrecisionLoss);
  t.is(toTicks(FixDecimal.parse('100.10') as FixDecimal, 1, ticks), DecimalStatus.Ok);
  t.is(ticks.value, 1001);
  t.is(toTicks(FixDecimal.parse('0.00000001') as FixDecimal, 8, ticks), DecimalStatus.Ok);
  t.is(ticks.value, 1);
  t.is(toTicks(FixDecimal.parse('0.00000001') as FixDecimal, 7, ticks), DecimalStatus.PrecisionLoss);
  t.is(toTicks(FixDecimal.parse('-12.5') as FixDecimal, 4, ticks), DecimalStatus.Ok);
  t.is(ticks.value, -125000);
  t.is(toTicks(FixDecimal.parse('90071992547409.91') as FixDecimal, 4, ticks), DecimalStatus.Overflow);
});

test('ticks back to decimals print the same digits', (t) => {
  const d = new FixDecimal();
  t.is(fromTicks(10010, 2, d), DecimalStatus.Ok);
  t.is(d.toString(), '100.10');
  t.is(normalizeDecimal(d).toString(), '100.1');
  t.is(fromTicks(1, 8, d), DecimalStatus.Ok);
  t.is(d.toString(), '0.00000001');
  t.is(fromTicks(-5, 0, d), DecimalStatus.Ok);
  t.is(d.toString(), '-5');
  t.is(fromTicks(2 ** 53, 2, d), DecimalStatus.Overflow);
  t.is(fromTicks(0.5, 2, d), DecimalStatus.Overflow);
});

test('every ticks value at every scale round-trips through text', (t) => {
  const ticks = new Ticks();
  const d = new FixDecimal();
  let checked = 0;
  for (let scale = 0; scale <= 10; scale++) {
    for (const value of [0, 1, -1, 7, 10, 99, 100, 1001, -123456, 2 ** 31, 2 ** 40 + 3, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER]) {
      fromTicks(value, scale, d);
      const back = FixDecimal.parse(d.toString()) as FixDecimal;
      t.is(toTicks(back, scale, ticks), DecimalStatus.Ok);
      t.is(ticks.value, value);
      checked++;
    }
  }
  t.is(checked, 11 * 13);
});

test('values compare by value, not by text', (t) => {
  const a = FixDecimal.parse('100.1') as FixDecimal;
  const b = FixDecimal.parse('100.10') as FixDecimal;
  t.is(compareDecimals(a, b), 0);
  t.true(a.equals(b));
  t.is(compareDecimals(a, FixDecimal.parse('100.09') as FixDecimal), 1);
  t.is(compareDecimals(FixDecimal.parse('-1') as FixDecimal, a), -1);
});
