import test from 'ava';
import { AVG_PX_EXTRA_DECIMALS, averagePrice, bigDecimalText, divideHalfEven } from '../../src/execution/avg-px';

test('half-even division: ties go to the even digit, others to the nearest', (t) => {
  t.is(divideHalfEven(5n, 2n, 0), 2n);
  t.is(divideHalfEven(7n, 2n, 0), 4n);
  t.is(divideHalfEven(2n, 3n, 0), 1n);
  t.is(divideHalfEven(1n, 3n, 0), 0n);
  t.is(divideHalfEven(1n, 8n, 2), 12n); // 0.125 → 0.12
  t.is(divideHalfEven(3n, 8n, 2), 38n); // 0.375 → 0.38
  t.is(divideHalfEven(9n, 0n, 2), 0n);
});

test('the documented example: 100 @ 10.01 and 200 @ 10.02 average 10.016667', (t) => {
  t.is(AVG_PX_EXTRA_DECIMALS, 4);
  const avg = averagePrice(1001n * 100n + 1002n * 200n, 300);
  t.is(avg, 10016667n);
  t.is(bigDecimalText(avg, 2 + AVG_PX_EXTRA_DECIMALS), '10.016667');
  t.is(bigDecimalText(averagePrice(0n, 0), 6), '0.000000');
});

test('notionals beyond 2^53 stay exact', (t) => {
  // 10^9 lots at 99,999,999.99 (priceDecimals 2) and 1 lot at 0.01
  const notional = 9_999_999_999n * 1_000_000_000n + 1n;
  const avg = averagePrice(notional, 1_000_000_001);
  t.is(bigDecimalText(avg, 6), '99999999.890000');
});
