// Inbound normalization: one application message (already through session validation and the
// venue rules) to a typed request in integer units, or a refusal that says how to answer it.
// Pure: reads the order state through OrderLookup and changes nothing.
import type { FixMessage } from '../fix/codec/fix-message';
import { MsgType } from '../fix/dictionary/generated';
import type { OrderLookup } from '../execution/order-view';
import { unpackMsgType } from '../fix/codec/msg-type';
import type { InstrumentTable } from './instrument-table';
import { normalizeCancel, normalizeNewOrder, normalizeReplace } from './order-messages';
import { normalizeMassCancel, normalizeMassStatus, normalizeOrderStatus } from './query-messages';
import { RefusalCode, refuse } from './refusals';
import type { Normalized } from './requests';
import type { SessionContext } from './session-context';

// Packed MsgType values read once into locals: see the note in src/fix/codec/ascii.ts.
const NEW_ORDER_SINGLE = MsgType.NewOrderSingle;
const CANCEL = MsgType.OrderCancelRequest;
const REPLACE = MsgType.OrderCancelReplaceRequest;
const STATUS = MsgType.OrderStatusRequest;
const MASS_CANCEL = MsgType.OrderMassCancelRequest;
const MASS_STATUS = MsgType.OrderMassStatusRequest;

export class OrderEntryNormalizer {
  constructor(
    readonly instruments: InstrumentTable,
    private readonly orders: OrderLookup,
  ) {}

  normalize(msg: FixMessage, ctx: SessionContext): Normalized {
    switch (msg.msgType) {
      case NEW_ORDER_SINGLE:
        return normalizeNewOrder(msg, ctx, this.instruments, this.orders);
      case CANCEL:
        return normalizeCancel(msg, ctx, this.instruments, this.orders);
      case REPLACE:
        return normalizeReplace(msg, ctx, this.instruments, this.orders);
      case STATUS:
        return normalizeOrderStatus(msg, ctx, this.instruments, this.orders);
      case MASS_CANCEL:
        return normalizeMassCancel(msg, ctx, this.instruments);
      case MASS_STATUS:
        return normalizeMassStatus(msg, ctx, this.instruments);
      default: {
        const type = unpackMsgType(msg.msgType);
        return { ok: false, refusal: refuse(RefusalCode.UnsupportedMessage, { msgType: type }, type, 35) };
      }
    }
  }
}
