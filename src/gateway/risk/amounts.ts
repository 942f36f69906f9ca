// Exact amounts for risk limits. Quantities and notionals of different instruments have different
// scales (10^-qtyDecimals, 10^-(priceDecimals + qtyDecimals)); to compare them with one limit they
// are brought to one scale, 10^-18 (the largest priceDecimals + qtyDecimals, 9 + 9), as bigints:
// price units × quantity units overflow 2^53 long before a realistic notional limit does, and a
// rounded notional would let an order slip through a limit it exceeds.
import { DecimalStatus, FixDecimal, Ticks, toTicks } from '../../fix/codec/decimal';

export const AMOUNT_SCALE = 18;
const POW10: readonly bigint[] = Array.from({ length: AMOUNT_SCALE + 1 }, (_, i) => 10n ** BigInt(i));

/** A validated config decimal string ("250000", "0.5") at scale 18. */
export function amountOf(text: string): bigint {
  const d = FixDecimal.parse(text);
  if (d === null || d.mantissa < 0 || d.scale > AMOUNT_SCALE) throw new RangeError(`not an amount: ${text}`);
  return BigInt(d.mantissa) * (POW10[AMOUNT_SCALE - d.scale] as bigint);
}

/** Integer units at 10^-decimals, at scale 18. */
export function unitsToAmount(units: number, decimals: number): bigint {
  return BigInt(units) * (POW10[AMOUNT_SCALE - decimals] as bigint);
}

/** price units × quantity units at scale 18. */
export function notionalOf(price: number, priceDecimals: number, qty: number, qtyDecimals: number): bigint {
  return BigInt(price) * BigInt(qty) * (POW10[AMOUNT_SCALE - priceDecimals - qtyDecimals] as bigint);
}

/** A percentage string with at most 2 decimals ("10", "2.5") in basis points (1000, 250). */
export function basisPointsOf(percent: string): number {
  const d = FixDecimal.parse(percent);
  const out = new Ticks();
  if (d === null || toTicks(d, 2, out) !== DecimalStatus.Ok) throw new RangeError(`not a percentage: ${percent}`);
  return out.value;
}

/** For Text (58): an amount at scale 18 as a plain decimal. */
export function formatAmount(amount: bigint): string {
  const unit = POW10[AMOUNT_SCALE] as bigint;
  const whole = amount / unit;
  const fraction = (amount % unit).toString().padStart(AMOUNT_SCALE, '0').replace(/0+$/, '');
  return fraction === '' ? whole.toString() : `${whole}.${fraction}`;
}
