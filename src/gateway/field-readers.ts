// Reading single fields of an inbound message into integer units, with the refusal each failure
// earns. Prices and quantities go FIX decimal → instrument units through toTicks, which refuses
// any digit it would have to drop: nothing passes through a binary float.
import * as decimals from '../fix/codec/decimal';
import { Tag } from '../fix/dictionary/generated';
import type { FixMessage } from '../fix/codec/fix-message';
import type { Instrument } from '../config/instrument-config';
import { RefusalCode } from './refusals';
import type { Party } from './requests';

const { DecimalStatus, FixDecimal, Ticks, toTicks } = decimals;

/** A number, or (negative) the refusal code for it: avoids an object per field on the hot path. */
export type UnitsOrRefusal = number;

/** Reused by every read: the gateway handles one message at a time. */
const scratchDecimal = new FixDecimal();
const scratchTicks = new Ticks();

/** The detail of the last failed read, for the refusal's Text. */
export const lastProblem = { detail: '', tag: 0 };

function fail(code: RefusalCode, tag: number, detail: string): number {
  lastProblem.detail = detail;
  lastProblem.tag = tag;
  return -code;
}

/**
 * Quantity field `tag` in the instrument's quantity units, on its lot grid and > 0; 0 when absent
 * and not required; -code on a refusal (details in lastProblem).
 */
export function readQty(msg: FixMessage, tag: number, ins: Instrument, required: boolean, offGrid: RefusalCode, invalid: RefusalCode): UnitsOrRefusal {
  const status = msg.getDecimal(tag, scratchDecimal);
  if (status === DecimalStatus.Absent) return required ? fail(RefusalCode.RequiredFieldMissing, tag, `tag ${tag}`) : 0;
  if (status === DecimalStatus.Overflow) return fail(invalid, tag, `tag ${tag} is too large`);
  if (status !== DecimalStatus.Ok) return fail(RefusalCode.MalformedField, tag, `tag ${tag} is not a valid decimal`);
  if (scratchDecimal.mantissa <= 0) return fail(invalid, tag, `tag ${tag} must be positive (got ${scratchDecimal.toString()})`);
  const conv = toTicks(scratchDecimal, ins.qtyDecimals, scratchTicks);
  if (conv === DecimalStatus.PrecisionLoss) return fail(offGrid, tag, `tag ${tag} ${scratchDecimal.toString()} has more than ${ins.qtyDecimals} decimals`);
  if (conv !== DecimalStatus.Ok) return fail(invalid, tag, `tag ${tag} ${scratchDecimal.toString()} is too large`);
  const units = scratchTicks.value;
  if (units % ins.lotSize !== 0) return fail(offGrid, tag, `tag ${tag} ${scratchDecimal.toString()} is not a multiple of the lot size`);
  return units;
}

/** Price field `tag` in price units, on the tick grid and within [minPrice, maxPrice]; as readQty. */
export function readPrice(msg: FixMessage, tag: number, ins: Instrument): UnitsOrRefusal {
  const status = msg.getDecimal(tag, scratchDecimal);
  if (status === DecimalStatus.Absent) return fail(RefusalCode.RequiredFieldMissing, tag, `tag ${tag}`);
  if (status === DecimalStatus.Overflow) return fail(RefusalCode.InvalidPrice, tag, `tag ${tag} is too large`);
  if (status !== DecimalStatus.Ok) return fail(RefusalCode.MalformedField, tag, `tag ${tag} is not a valid decimal`);
  const text = scratchDecimal.toString();
  if (scratchDecimal.mantissa <= 0) return fail(RefusalCode.InvalidPrice, tag, `tag ${tag} must be positive (got ${text})`);
  const conv = toTicks(scratchDecimal, ins.priceDecimals, scratchTicks);
  if (conv === DecimalStatus.PrecisionLoss) return fail(RefusalCode.OffTickGrid, tag, `tag ${tag} ${text} has more than ${ins.priceDecimals} decimals`);
  if (conv !== DecimalStatus.Ok) return fail(RefusalCode.InvalidPrice, tag, `tag ${tag} ${text} is too large`);
  const units = scratchTicks.value;
  if (units % ins.tickSize !== 0) return fail(RefusalCode.OffTickGrid, tag, `tag ${tag} ${text} is not a multiple of the tick size`);
  if (units < ins.minPrice || units > ins.maxPrice) return fail(RefusalCode.PriceOutOfRange, tag, `tag ${tag} ${text}`);
  return units;
}

/** The Parties (453) group as plain data; [] when absent. */
export function readParties(msg: FixMessage): Party[] {
  const group = msg.group(Tag.NoPartyIDs);
  if (group < 0) return [];
  const out: Party[] = [];
  for (let k = msg.firstInstance(group); k >= 0; k = msg.nextInstance(k)) {
    const id = msg.indexIn(k, Tag.PartyID);
    const source = msg.indexIn(k, Tag.PartyIDSource);
    const role = msg.indexIn(k, Tag.PartyRole);
    out.push({
      id: id < 0 ? '' : msg.stringAt(id),
      source: source < 0 ? '' : msg.stringAt(source),
      role: role < 0 ? 0 : msg.intAt(role),
    });
  }
  return out;
}
