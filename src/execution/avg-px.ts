// AvgPx (6), exactly. An order keeps the sum of price × qty over its fills as an integer notional
// (a bigint: price units × quantity units overflow 2^53 quickly, e.g. 10^8 × 10^9). The average in
// price units is notional / cumQty, printed with AVG_PX_EXTRA_DECIMALS more digits than the
// instrument's prices, rounded half to even at the last printed digit. No float is involved.
//
// Example, priceDecimals 2: fills of 100 @ 10.01 (1001 units) and 200 @ 10.02 (1002 units).
//   notional = 1001 × 100 + 1002 × 200 = 300500; cumQty = 300
//   300500 × 10^4 / 300 = 10016666.66… → rounds to 10016667 → scale 2 + 4 = 6 → AvgPx "10.016667"
// A tie (remainder exactly half the divisor) goes to the even last digit: 2.5 → 2, 3.5 → 4, as
// divideHalfEven(5n, 2n, 0) = 2n and divideHalfEven(7n, 2n, 0) = 4n; biased rounding would drift a
// running average over many reports, half-even does not.

/** Digits printed beyond the instrument's priceDecimals. */
export const AVG_PX_EXTRA_DECIMALS = 4;

/** notional / qty with `decimals` digits after the point, rounded half to even; 0 when qty is 0. */
export function divideHalfEven(notional: bigint, qty: bigint, decimals: number): bigint {
  if (qty === 0n) return 0n;
  const scaled = notional * 10n ** BigInt(decimals);
  const quotient = scaled / qty;
  const remainder = scaled - quotient * qty;
  const twice = remainder * 2n;
  // Prices are positive here, so truncation toward zero is floor and the remainder is >= 0.
  if (twice > qty || (twice === qty && quotient % 2n === 1n)) return quotient + 1n;
  return quotient;
}

/**
 * The average price of `notional` (Σ price × qty in units) over `cumQty`, as an integer count of
 * 10^-AVG_PX_EXTRA_DECIMALS price units (10016666.66… → 10016667n in the example above); 0n before
 * any fill. Reports carry this; the writer prints it at priceDecimals + AVG_PX_EXTRA_DECIMALS.
 */
export function averagePrice(notional: bigint, cumQty: number): bigint {
  return cumQty === 0 ? 0n : divideHalfEven(notional, BigInt(cumQty), AVG_PX_EXTRA_DECIMALS);
}

/** Exact text of mantissa × 10^-scale: ("10016667n", 6) → "10.016667", (0n, 6) → "0.000000". */
export function bigDecimalText(mantissa: bigint, scale: number): string {
  const negative = mantissa < 0n;
  const digits = (negative ? -mantissa : mantissa).toString();
  if (scale === 0) return (negative ? '-' : '') + digits;
  const padded = digits.padStart(scale + 1, '0');
  const cut = padded.length - scale;
  return `${negative ? '-' : ''}${padded.slice(0, cut)}.${padded.slice(cut)}`;
}
