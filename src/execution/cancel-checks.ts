// What the gateway checks before it sequences an OrderCancelRequest (F) or an
// OrderCancelReplaceRequest (G), from order state alone: a refusal here is answered at once with an
// OrderCancelReject and nothing reaches the matcher. Refusals the matcher decides (halted symbol,
// bad price, ...) come back as Rejected events and the engine answers them.
import { CxlRejReason, CxlRejResponseTo, OrdStatus } from './fix-values';
import type { OrderRecord, OrderStore } from './order-state';
import type { OrderCancelReject } from './reports';

export interface ChangeRequest {
  readonly session: string;
  readonly clOrdId: string;
  readonly origClOrdId: string;
  readonly responseTo: CxlRejResponseTo;
}

export const CHECK_TEXTS = {
  duplicate: 'Duplicate ClOrdID',
  unknown: 'Unknown order',
  tooLate: 'Order already done (filled, cancelled or expired)',
  pending: 'A cancel or replace of this order is already pending',
} as const;

/** The order to change, or the OrderCancelReject to send instead. */
export type ChangeCheck = { readonly ok: true; readonly order: OrderRecord } | { readonly ok: false; readonly reject: OrderCancelReject };

export function checkChangeRequest(store: OrderStore, req: ChangeRequest): ChangeCheck {
  const order = store.byClOrdId(req.session, req.origClOrdId);
  const reject = (cxlRejReason: CxlRejReason, text: string): ChangeCheck => {
    // The refused request's ClOrdID is used up too: FIX asks uniqueness of every ClOrdID.
    store.markUsed(req.session, req.clOrdId);
    return {
      ok: false,
      reject: {
        orderId: order?.orderId,
        clOrdId: req.clOrdId,
        origClOrdId: req.origClOrdId,
        ordStatus: order === undefined ? OrdStatus.Rejected : order.done ? order.ordStatus : order.liveStatus(),
        cxlRejResponseTo: req.responseTo,
        cxlRejReason,
        text,
        ...(order?.account === undefined ? {} : { account: order.account }),
      },
    };
  };
  if (store.clOrdIdUsed(req.session, req.clOrdId)) return reject(CxlRejReason.DuplicateClOrdId, CHECK_TEXTS.duplicate);
  if (order === undefined) return reject(CxlRejReason.UnknownOrder, CHECK_TEXTS.unknown);
  if (order.done) return reject(CxlRejReason.TooLateToCancel, CHECK_TEXTS.tooLate);
  if (order.pendingSeq !== 0) return reject(CxlRejReason.AlreadyPending, CHECK_TEXTS.pending);
  return { ok: true, order };
}
