// NewOrderSingle (D), OrderCancelRequest (F) and OrderCancelReplaceRequest (G) to typed requests.
// D: ClOrdID unique for the session today, then the shared order terms (order-terms.ts) and the
// self-trade prevention settings. F and G: the order OrigClOrdID names must be this session's and
// still working; G's new terms pass the same checks as D and may change only price, stop price and
// quantity (the matcher's Replace), so symbol, side, order type and time in force must match.
import type { FixMessage } from '../fix/codec/fix-message';
import { Tag } from '../fix/dictionary/generated';
import type { OrderLookup, OrderView } from '../execution/order-view';
import { StpMode } from '../matcher/types';
import type { InstrumentTable } from './instrument-table';
import { readOrderTerms } from './order-terms';
import { RefusalCode, refuse, type RefusalSubject } from './refusals';
import { RequestKind, type CancelRequest, type NewOrderRequest, type Normalized, type ReplaceRequest } from './requests';
import { STP_MODE_TAG, type SessionContext } from './session-context';

const STP_MAX = StpMode.Decrement;

function missing(subject: RefusalSubject, tag: number): Normalized<never> {
  return { ok: false, refusal: refuse(RefusalCode.RequiredFieldMissing, subject, `tag ${tag}`, tag) };
}

export function normalizeNewOrder(msg: FixMessage, ctx: SessionContext, instruments: InstrumentTable, orders: OrderLookup): Normalized<NewOrderRequest> {
  const clOrdId = msg.getString(Tag.ClOrdID);
  const subject: RefusalSubject = { msgType: 'D', clOrdId: clOrdId ?? '' };
  if (clOrdId === undefined) return missing(subject, Tag.ClOrdID);
  if (orders.clOrdIdUsed(ctx.session, clOrdId)) {
    return { ok: false, refusal: refuse(RefusalCode.DuplicateClOrdId, subject, clOrdId, Tag.ClOrdID) };
  }
  const read = readOrderTerms(msg, clOrdId, instruments, subject);
  if (!read.ok) return read;
  let stpMode = ctx.stpMode;
  if (msg.has(STP_MODE_TAG)) {
    const v = msg.getInt(STP_MODE_TAG);
    if (!(v >= StpMode.None && v <= STP_MAX)) {
      return { ok: false, refusal: refuse(RefusalCode.UnsupportedValue, subject, `self-trade prevention (${STP_MODE_TAG}) ${msg.getString(STP_MODE_TAG) ?? ''}`, STP_MODE_TAG) };
    }
    stpMode = v as StpMode;
  }
  const request: NewOrderRequest = {
    kind: RequestKind.NewOrder,
    session: ctx.session,
    sessionId: ctx.sessionId,
    firm: ctx.firm,
    firmId: ctx.firmId,
    ...read.terms,
    stpMode,
    stpId: stpMode === StpMode.None ? 0 : ctx.firmId,
  };
  return { ok: true, request };
}

type Working = { ok: true; order: OrderView; clOrdId: string; origClOrdId: string } | { ok: false; normalized: Normalized<never> };

/** The checks F and G share: ids present, the original known and working, the new ClOrdID fresh. */
function workingOrder(msg: FixMessage, msgType: 'F' | 'G', ctx: SessionContext, orders: OrderLookup): Working {
  const clOrdId = msg.getString(Tag.ClOrdID);
  const origClOrdId = msg.getString(Tag.OrigClOrdID);
  const subject: RefusalSubject = { msgType, clOrdId: clOrdId ?? '', origClOrdId: origClOrdId ?? '' };
  if (clOrdId === undefined) return { ok: false, normalized: missing(subject, Tag.ClOrdID) };
  if (origClOrdId === undefined) return { ok: false, normalized: missing(subject, Tag.OrigClOrdID) };
  const order = orders.byClOrdId(ctx.session, origClOrdId);
  if (order === undefined) {
    return { ok: false, normalized: { ok: false, refusal: refuse(RefusalCode.UnknownOrder, subject, origClOrdId, Tag.OrigClOrdID) } };
  }
  const known = { ...subject, orderId: order.orderId };
  if (order.done) return { ok: false, normalized: { ok: false, refusal: refuse(RefusalCode.TooLateToCancel, known, origClOrdId, Tag.OrigClOrdID) } };
  if (orders.clOrdIdUsed(ctx.session, clOrdId)) {
    return { ok: false, normalized: { ok: false, refusal: refuse(RefusalCode.DuplicateClOrdId, known, clOrdId, Tag.ClOrdID) } };
  }
  return { ok: true, order, clOrdId, origClOrdId };
}

export function normalizeCancel(msg: FixMessage, ctx: SessionContext, instruments: InstrumentTable, orders: OrderLookup): Normalized<CancelRequest> {
  const w = workingOrder(msg, 'F', ctx, orders);
  if (!w.ok) return w.normalized;
  const subject: RefusalSubject = { msgType: 'F', clOrdId: w.clOrdId, origClOrdId: w.origClOrdId, orderId: w.order.orderId };
  for (const tag of [Tag.Symbol, Tag.Side]) if (!msg.has(tag)) return missing(subject, tag);
  const ins = instruments.symbol(msg.getString(Tag.Symbol) as string);
  if (ins === undefined || ins.id !== w.order.symbolId) {
    return { ok: false, refusal: refuse(RefusalCode.ReplaceMismatch, subject, 'Symbol (55)', Tag.Symbol) };
  }
  if (msg.getChar(Tag.Side) - 0x30 !== w.order.side) {
    return { ok: false, refusal: refuse(RefusalCode.ReplaceMismatch, subject, 'Side (54)', Tag.Side) };
  }
  return {
    ok: true,
    request: {
      kind: RequestKind.Cancel,
      session: ctx.session,
      sessionId: ctx.sessionId,
      firm: ctx.firm,
      firmId: ctx.firmId,
      clOrdId: w.clOrdId,
      origClOrdId: w.origClOrdId,
      orderId: w.order.orderId,
      symbolId: w.order.symbolId,
      side: w.order.side,
    },
  };
}

export function normalizeReplace(msg: FixMessage, ctx: SessionContext, instruments: InstrumentTable, orders: OrderLookup): Normalized<ReplaceRequest> {
  const w = workingOrder(msg, 'G', ctx, orders);
  if (!w.ok) return w.normalized;
  const original = w.order;
  const subject: RefusalSubject = { msgType: 'G', clOrdId: w.clOrdId, origClOrdId: w.origClOrdId, orderId: original.orderId };
  const read = readOrderTerms(msg, w.clOrdId, instruments, subject);
  if (!read.ok) return read;
  const terms = read.terms;
  const mismatch =
    terms.symbolId !== original.symbolId
      ? ['Symbol (55)', Tag.Symbol]
      : terms.side !== original.side
        ? ['Side (54)', Tag.Side]
        : terms.ordType !== original.ordType
          ? ['OrdType (40)', Tag.OrdType]
          : terms.tif !== original.tif
            ? ['TimeInForce (59)', Tag.TimeInForce]
            : undefined;
  if (mismatch !== undefined) {
    return { ok: false, refusal: refuse(RefusalCode.ReplaceMismatch, subject, mismatch[0] as string, mismatch[1] as number) };
  }
  if (terms.qty <= original.cumQty) {
    return { ok: false, refusal: refuse(RefusalCode.ReplaceBelowFilled, subject, `filled ${original.cumQty} units`, Tag.OrderQty) };
  }
  return {
    ok: true,
    request: {
      kind: RequestKind.Replace,
      session: ctx.session,
      sessionId: ctx.sessionId,
      firm: ctx.firm,
      firmId: ctx.firmId,
      ...terms,
      origClOrdId: w.origClOrdId,
      orderId: original.orderId,
    },
  };
}
