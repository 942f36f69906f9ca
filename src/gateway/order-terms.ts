// The order terms NewOrderSingle (D) and OrderCancelReplaceRequest (G) share: read, converted to
// integer units and checked against the venue rules, the instrument and the combinations the
// matcher accepts (docs/matcher.md, NewOrder steps 4-12), in the order docs/order-entry.md lists.
// Checking here means a broker learns the precise reason at once instead of a generic matcher reject.
import type { FixMessage } from '../fix/codec/fix-message';
import * as timestamps from '../fix/codec/timestamp';
import { Tag } from '../fix/dictionary/generated';
import { OrderFlag, OrdType, Side, TimeInForce, TradingState } from '../matcher/types';
import { lastProblem, readParties, readPrice, readQty } from './field-readers';
import type { InstrumentTable } from './instrument-table';
import { RefusalCode, refuse, type Refusal, type RefusalSubject } from './refusals';
import type { OrderTerms } from './requests';

const { FixTimestamp, TimestampStatus } = timestamps;

const CHAR_0 = 0x30;
const SIDES: Record<number, Side> = { 0x31: Side.Buy, 0x32: Side.Sell };
const ORD_TYPES: Record<number, OrdType> = { 0x31: OrdType.Market, 0x32: OrdType.Limit, 0x33: OrdType.Stop, 0x34: OrdType.StopLimit };
const TIFS: Record<number, TimeInForce> = {
  0x30: TimeInForce.Day,
  0x31: TimeInForce.GTC,
  0x33: TimeInForce.IOC,
  0x34: TimeInForce.FOK,
  0x36: TimeInForce.GTD,
};
/** ExecInst (18) value '6': Participate don't initiate, i.e. post-only. */
const EXEC_INST_POST_ONLY = '6';
/** Fields a message must have for its terms, besides ClOrdID (checked by the caller). */
const REQUIRED = [Tag.Symbol, Tag.Side, Tag.OrderQty, Tag.OrdType, Tag.TransactTime] as const;

const scratchTime = new FixTimestamp();

export type TermsResult = { readonly ok: true; readonly terms: OrderTerms } | { readonly ok: false; readonly refusal: Refusal };

function no(code: RefusalCode, subject: RefusalSubject, detail: string, tag: number): TermsResult {
  return { ok: false, refusal: refuse(code, subject, detail, tag) };
}

function fromReader(subject: RefusalSubject, negative: number): TermsResult {
  return no(-negative as RefusalCode, subject, lastProblem.detail, lastProblem.tag);
}

export function readOrderTerms(msg: FixMessage, clOrdId: string, instruments: InstrumentTable, subject: RefusalSubject): TermsResult {
  for (const tag of REQUIRED) if (!msg.has(tag)) return no(RefusalCode.RequiredFieldMissing, subject, `tag ${tag}`, tag);

  const side = SIDES[msg.getChar(Tag.Side)];
  if (side === undefined) return no(RefusalCode.UnsupportedValue, subject, `Side (54) ${msg.getString(Tag.Side) ?? ''}`, Tag.Side);
  const ordType = ORD_TYPES[msg.getChar(Tag.OrdType)];
  if (ordType === undefined) return no(RefusalCode.UnsupportedValue, subject, `OrdType (40) ${msg.getString(Tag.OrdType) ?? ''}`, Tag.OrdType);
  const tifChar = msg.has(Tag.TimeInForce) ? msg.getChar(Tag.TimeInForce) : CHAR_0;
  const tif = TIFS[tifChar];
  if (tif === undefined) return no(RefusalCode.UnsupportedValue, subject, `TimeInForce (59) ${msg.getString(Tag.TimeInForce) ?? ''}`, Tag.TimeInForce);
  let flags = 0;
  const execInst = msg.getString(Tag.ExecInst);
  if (execInst !== undefined) {
    for (const value of execInst.split(' ')) {
      if (value !== EXEC_INST_POST_ONLY) return no(RefusalCode.UnsupportedValue, subject, `ExecInst (18) ${value}`, Tag.ExecInst);
    }
    flags |= OrderFlag.PostOnly;
  }

  const symbol = msg.getString(Tag.Symbol) as string;
  const ins = instruments.symbol(symbol);
  if (ins === undefined) return no(RefusalCode.UnknownSymbol, subject, symbol, Tag.Symbol);
  const state = instruments.state(ins.id);
  if (state === TradingState.Halted) return no(RefusalCode.SymbolHalted, subject, symbol, Tag.Symbol);
  if (state === TradingState.Closed) return no(RefusalCode.SymbolClosed, subject, symbol, Tag.Symbol);

  const qty = readQty(msg, Tag.OrderQty, ins, true, RefusalCode.OffLotGrid, RefusalCode.InvalidQuantity);
  if (qty < 0) return fromReader(subject, qty);

  const priced = ordType === OrdType.Limit || ordType === OrdType.StopLimit;
  let price = 0;
  if (priced) {
    price = readPrice(msg, Tag.Price, ins);
    if (price < 0) return fromReader(subject, price);
  } else if (msg.has(Tag.Price)) {
    return no(RefusalCode.InvalidCombination, subject, 'Price (44) on a market or stop order', Tag.Price);
  }
  const stopped = ordType === OrdType.Stop || ordType === OrdType.StopLimit;
  let stopPx = 0;
  if (stopped) {
    stopPx = readPrice(msg, Tag.StopPx, ins);
    if (stopPx < 0) return fromReader(subject, stopPx);
  } else if (msg.has(Tag.StopPx)) {
    return no(RefusalCode.InvalidCombination, subject, 'StopPx (99) on a limit or market order', Tag.StopPx);
  }

  let minQty = 0;
  if (msg.has(Tag.MinQty)) {
    if (tif !== TimeInForce.IOC) return no(RefusalCode.InvalidCombination, subject, 'MinQty (110) needs TimeInForce IOC', Tag.MinQty);
    minQty = readQty(msg, Tag.MinQty, ins, false, RefusalCode.OffLotGrid, RefusalCode.InvalidMinQty);
    if (minQty < 0) return fromReader(subject, minQty);
    if (minQty > qty) return no(RefusalCode.InvalidMinQty, subject, 'MinQty (110) above OrderQty', Tag.MinQty);
  }
  let displayQty = 0;
  if (msg.has(Tag.MaxFloor)) {
    if (ordType !== OrdType.Limit || tif === TimeInForce.IOC || tif === TimeInForce.FOK) {
      return no(RefusalCode.InvalidCombination, subject, 'MaxFloor (111) needs a limit order resting Day, GTC or GTD', Tag.MaxFloor);
    }
    displayQty = readQty(msg, Tag.MaxFloor, ins, false, RefusalCode.OffLotGrid, RefusalCode.InvalidDisplayQty);
    if (displayQty < 0) return fromReader(subject, displayQty);
    if (displayQty > qty) return no(RefusalCode.InvalidDisplayQty, subject, 'MaxFloor (111) above OrderQty', Tag.MaxFloor);
  }
  if (flags !== 0 && (ordType !== OrdType.Limit || tif === TimeInForce.IOC || tif === TimeInForce.FOK)) {
    return no(RefusalCode.InvalidCombination, subject, 'post-only (18=6) needs a limit order resting Day, GTC or GTD', Tag.ExecInst);
  }
  if (ordType === OrdType.Market && (tif === TimeInForce.GTC || tif === TimeInForce.GTD)) {
    return no(RefusalCode.InvalidCombination, subject, 'a market order is Day, IOC or FOK', Tag.TimeInForce);
  }

  let expireTimeUs = 0;
  if (tif === TimeInForce.GTD) {
    const status = msg.getTimestamp(Tag.ExpireTime, scratchTime);
    if (status === TimestampStatus.Absent) return no(RefusalCode.RequiredFieldMissing, subject, `tag ${Tag.ExpireTime} (GTD)`, Tag.ExpireTime);
    if (status !== TimestampStatus.Ok) return no(RefusalCode.MalformedField, subject, 'ExpireTime (126)', Tag.ExpireTime);
    expireTimeUs = Number((scratchTime.toEpochNanos() + 999n) / 1000n);
  } else if (msg.has(Tag.ExpireTime)) {
    return no(RefusalCode.InvalidCombination, subject, 'ExpireTime (126) needs TimeInForce GTD', Tag.ExpireTime);
  }
  if (msg.getTimestamp(Tag.TransactTime, scratchTime) !== TimestampStatus.Ok) {
    return no(RefusalCode.MalformedField, subject, 'TransactTime (60)', Tag.TransactTime);
  }

  return {
    ok: true,
    terms: {
      clOrdId,
      symbol,
      symbolId: ins.id,
      side,
      ordType,
      tif,
      flags,
      price,
      stopPx,
      qty,
      minQty,
      displayQty,
      expireTimeUs,
      account: msg.getString(Tag.Account) ?? '',
      parties: readParties(msg),
    },
  };
}
