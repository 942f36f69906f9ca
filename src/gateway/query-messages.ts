// OrderStatusRequest (H), OrderMassCancelRequest (q) and OrderMassStatusRequest (AF) to typed
// requests. A status request for a ClOrdID this session never used is not refused: FIX answers it
// with an ExecutionReport 150=I, 39=8 "unknown order", which the execution layer writes
// (orderId 0 here). Mass cancels and mass status requests reach only the session's own firm.
import type { FixMessage } from '../fix/codec/fix-message';
import { Tag } from '../fix/dictionary/generated';
import type { OrderLookup } from '../execution/order-view';
import { MassCancelScope, Side } from '../matcher/types';
import type { InstrumentTable } from './instrument-table';
import { RefusalCode, refuse, type RefusalSubject } from './refusals';
import {
  MassCancelRequestType,
  MassStatusReqType,
  RequestKind,
  type MassCancelRequest,
  type MassStatusRequest,
  type Normalized,
  type OrderStatusRequest,
} from './requests';
import type { SessionContext } from './session-context';

function no(code: RefusalCode, subject: RefusalSubject, detail: string, tag: number): Normalized<never> {
  return { ok: false, refusal: refuse(code, subject, detail, tag) };
}

function firstMissing(msg: FixMessage, tags: readonly number[]): number {
  for (const tag of tags) if (!msg.has(tag)) return tag;
  return 0;
}

export function normalizeOrderStatus(msg: FixMessage, ctx: SessionContext, instruments: InstrumentTable, orders: OrderLookup): Normalized<OrderStatusRequest> {
  const clOrdId = msg.getString(Tag.ClOrdID) ?? '';
  const subject: RefusalSubject = { msgType: 'H', clOrdId };
  const absent = firstMissing(msg, [Tag.ClOrdID, Tag.Symbol, Tag.Side]);
  if (absent !== 0) return no(RefusalCode.RequiredFieldMissing, subject, `tag ${absent}`, absent);
  const symbol = msg.getString(Tag.Symbol) as string;
  const ins = instruments.symbol(symbol);
  if (ins === undefined) return no(RefusalCode.UnknownSymbol, subject, symbol, Tag.Symbol);
  const side = msg.getChar(Tag.Side) - 0x30;
  if (side !== Side.Buy && side !== Side.Sell) return no(RefusalCode.UnsupportedValue, subject, `Side (54) ${msg.getString(Tag.Side) ?? ''}`, Tag.Side);
  const order = orders.byClOrdId(ctx.session, clOrdId);
  return {
    ok: true,
    request: {
      kind: RequestKind.OrderStatus,
      session: ctx.session,
      sessionId: ctx.sessionId,
      firm: ctx.firm,
      firmId: ctx.firmId,
      clOrdId,
      statusReqId: msg.getString(Tag.OrdStatusReqID) ?? '',
      orderId: order !== undefined && order.symbolId === ins.id && order.side === side ? order.orderId : 0,
      symbolId: ins.id,
      side,
    },
  };
}

export function normalizeMassCancel(msg: FixMessage, ctx: SessionContext, instruments: InstrumentTable): Normalized<MassCancelRequest> {
  const clOrdId = msg.getString(Tag.ClOrdID) ?? '';
  const subject: RefusalSubject = { msgType: 'q', clOrdId };
  const absent = firstMissing(msg, [Tag.ClOrdID, Tag.MassCancelRequestType, Tag.TransactTime]);
  if (absent !== 0) return no(RefusalCode.RequiredFieldMissing, subject, `tag ${absent}`, absent);
  const type = msg.getInt(Tag.MassCancelRequestType);
  if (type !== MassCancelRequestType.Symbol && type !== MassCancelRequestType.All) {
    return no(RefusalCode.UnsupportedValue, subject, `MassCancelRequestType (530) ${msg.getString(Tag.MassCancelRequestType) ?? ''}`, Tag.MassCancelRequestType);
  }
  let symbolId = 0;
  let symbol = '';
  if (type === MassCancelRequestType.Symbol) {
    if (!msg.has(Tag.Symbol)) return no(RefusalCode.RequiredFieldMissing, subject, `tag ${Tag.Symbol} (530=1)`, Tag.Symbol);
    symbol = msg.getString(Tag.Symbol) as string;
    const ins = instruments.symbol(symbol);
    if (ins === undefined) return no(RefusalCode.UnknownSymbol, subject, symbol, Tag.Symbol);
    symbolId = ins.id;
  }
  return {
    ok: true,
    request: {
      kind: RequestKind.MassCancel,
      session: ctx.session,
      sessionId: ctx.sessionId,
      firm: ctx.firm,
      firmId: ctx.firmId,
      clOrdId,
      requestType: type,
      symbolId,
      symbol,
      scope: MassCancelScope.Firm,
      key: ctx.firmId,
    },
  };
}

export function normalizeMassStatus(msg: FixMessage, ctx: SessionContext, instruments: InstrumentTable): Normalized<MassStatusRequest> {
  const massStatusReqId = msg.getString(Tag.MassStatusReqID) ?? '';
  const subject: RefusalSubject = { msgType: 'AF', refId: massStatusReqId };
  const absent = firstMissing(msg, [Tag.MassStatusReqID, Tag.MassStatusReqType]);
  if (absent !== 0) return no(RefusalCode.RequiredFieldMissing, subject, `tag ${absent}`, absent);
  const type = msg.getInt(Tag.MassStatusReqType);
  if (type !== MassStatusReqType.Symbol && type !== MassStatusReqType.All) {
    return no(RefusalCode.UnsupportedValue, subject, `MassStatusReqType (585) ${msg.getString(Tag.MassStatusReqType) ?? ''}`, Tag.MassStatusReqType);
  }
  let symbolId = 0;
  if (type === MassStatusReqType.Symbol) {
    if (!msg.has(Tag.Symbol)) return no(RefusalCode.RequiredFieldMissing, subject, `tag ${Tag.Symbol} (585=1)`, Tag.Symbol);
    const symbol = msg.getString(Tag.Symbol) as string;
    const ins = instruments.symbol(symbol);
    if (ins === undefined) return no(RefusalCode.UnknownSymbol, subject, symbol, Tag.Symbol);
    symbolId = ins.id;
  }
  return {
    ok: true,
    request: {
      kind: RequestKind.MassStatus,
      session: ctx.session,
      sessionId: ctx.sessionId,
      firm: ctx.firm,
      firmId: ctx.firmId,
      massStatusReqId,
      requestType: type,
      symbolId,
    },
  };
}
