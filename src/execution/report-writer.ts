// Encodes report content (reports.ts) as FIX body fields into a FixEncoder whose header the session
// layer has already begun (HeaderWriter.begin / AcceptorSession.sendApplication): the same tags
// serve FIX 4.4 and FIX 5.0SP2 over FIXT.1.1. TransactTime is written at the encoder's precision,
// i.e. the session's (ms, us or ns): the encoder truncates the sequencer's microseconds.
//
// Prices print at the instrument's priceDecimals, quantities at its qtyDecimals, AvgPx at
// priceDecimals + AVG_PX_EXTRA_DECIMALS (see avg-px.ts): exact, no float.
import * as generated from '../fix/dictionary/generated';
import type { FixEncoder } from '../fix/codec/encoder';
import { OrdType } from '../matcher/types';
import { AVG_PX_EXTRA_DECIMALS, bigDecimalText } from './avg-px';
import type { ExecutionReport, OrderCancelReject } from './reports';

// Imported bindings read once into locals: see the note in src/fix/codec/ascii.ts.
const { Tag } = generated;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const US_PER_MS = 1_000;
const NS_PER_US = 1_000;
const CHAR_ZERO = 0x30;
const CHAR_Y = 0x59;
const NONE = 'NONE';

/** What the writer needs of an instrument (a subset of src/config/instrument-config.ts's Instrument). */
export interface InstrumentUnits {
  readonly symbol: string;
  readonly priceDecimals: number;
  readonly qtyDecimals: number;
}

/** FIX OrdType (40) characters; the matcher numbers them differently (Limit 1, Market 2). */
const ORD_TYPE_CHAR: Readonly<Record<OrdType, number>> = {
  [OrdType.Market]: 0x31,
  [OrdType.Limit]: 0x32,
  [OrdType.Stop]: 0x33,
  [OrdType.StopLimit]: 0x34,
};

/** Writes the body of an ExecutionReport (8) after the header. */
export function writeExecutionReport(enc: FixEncoder, r: ExecutionReport, ins: InstrumentUnits): FixEncoder {
  const pd = ins.priceDecimals;
  const qd = ins.qtyDecimals;
  if (r.orderId === 0) enc.str(Tag.OrderID, NONE);
  else enc.int(Tag.OrderID, r.orderId);
  enc.str(Tag.ClOrdID, r.clOrdId);
  if (r.origClOrdId !== undefined) enc.str(Tag.OrigClOrdID, r.origClOrdId);
  enc.str(Tag.ExecID, r.execId).char(Tag.ExecType, r.execType.charCodeAt(0)).char(Tag.OrdStatus, r.ordStatus.charCodeAt(0));
  if (r.ordRejReason !== undefined) enc.int(Tag.OrdRejReason, r.ordRejReason);
  if (r.execRestatementReason !== undefined) enc.int(Tag.ExecRestatementReason, r.execRestatementReason);
  if (r.account !== undefined) enc.str(Tag.Account, r.account);
  enc.str(Tag.Symbol, ins.symbol).char(Tag.Side, CHAR_ZERO + r.side);
  if (r.ordType !== undefined) enc.char(Tag.OrdType, ORD_TYPE_CHAR[r.ordType]);
  if (r.price > 0) enc.decimal(Tag.Price, r.price, pd);
  if (r.stopPx > 0) enc.decimal(Tag.StopPx, r.stopPx, pd);
  // TimeInForce values are FIX's own digits (types.ts).
  if (r.tif !== undefined) enc.char(Tag.TimeInForce, CHAR_ZERO + r.tif);
  enc.decimal(Tag.OrderQty, r.orderQty, qd);
  if (r.lastQty !== undefined && r.lastPx !== undefined) enc.decimal(Tag.LastQty, r.lastQty, qd).decimal(Tag.LastPx, r.lastPx, pd);
  enc.decimal(Tag.LeavesQty, r.leavesQty, qd).decimal(Tag.CumQty, r.cumQty, qd);
  const avgScale = pd + AVG_PX_EXTRA_DECIMALS;
  if (r.avgPx <= MAX_SAFE) enc.decimal(Tag.AvgPx, Number(r.avgPx), avgScale);
  else enc.str(Tag.AvgPx, bigDecimalText(r.avgPx, avgScale));
  if (r.transactTimeUs > 0) writeTransactTime(enc, r.transactTimeUs);
  if (r.text !== undefined) enc.str(Tag.Text, r.text);
  if (r.ordStatusReqId !== undefined) enc.str(Tag.OrdStatusReqID, r.ordStatusReqId);
  if (r.massStatusReqId !== undefined) enc.str(Tag.MassStatusReqID, r.massStatusReqId);
  if (r.totNumReports !== undefined) enc.int(Tag.TotNumReports, r.totNumReports);
  if (r.lastRptRequested !== undefined) enc.bool(Tag.LastRptRequested, r.lastRptRequested);
  if (r.copy === true) enc.char(Tag.CopyMsgIndicator, CHAR_Y);
  return enc;
}

/** Writes the body of an OrderCancelReject (9) after the header. */
export function writeOrderCancelReject(enc: FixEncoder, r: OrderCancelReject): FixEncoder {
  if (r.orderId === undefined) enc.str(Tag.OrderID, NONE);
  else enc.int(Tag.OrderID, r.orderId);
  enc.str(Tag.ClOrdID, r.clOrdId).str(Tag.OrigClOrdID, r.origClOrdId).char(Tag.OrdStatus, r.ordStatus.charCodeAt(0));
  if (r.account !== undefined) enc.str(Tag.Account, r.account);
  enc.char(Tag.CxlRejResponseTo, r.cxlRejResponseTo.charCodeAt(0)).int(Tag.CxlRejReason, r.cxlRejReason).str(Tag.Text, r.text);
  if (r.transactTimeUs !== undefined && r.transactTimeUs > 0) writeTransactTime(enc, r.transactTimeUs);
  return enc;
}

/** Microseconds since the epoch as milliseconds plus nanoseconds within the millisecond. */
function writeTransactTime(enc: FixEncoder, us: number): void {
  const ms = Math.floor(us / US_PER_MS);
  enc.timestamp(Tag.TransactTime, ms, (us - ms * US_PER_MS) * NS_PER_US);
}
