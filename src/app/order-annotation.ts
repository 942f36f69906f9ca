// What the order path logs with each command it sequences: the expectation it registered with the
// OrderStore for that command (who placed it, its ClOrdIDs, the terms the store keeps). The matcher
// needs none of it, but without it a restart could not attribute the replayed events: the resting
// side of a fill would get no report, a cancel by ClOrdID would find no order, a used ClOrdID
// would be accepted again (docs/wal.md, "Annotations").
//
// Encoding: a JSON array, kind first, the command's seq left out (the WAL entry carries it; for a
// NewOrder it is the orderId). JSON because it is about 60-90 bytes per order next to the 128-byte
// record, costs little against the LMDB write (bench/wal.bench.ts measures both), and stays
// readable in a damaged log. Positions, not names, keep it short; a change of layout is a new kind.
//
//   ["n", session, firm, clOrdId, symbolId, side, ordType, tif, price, stopPx, qty, account|null]
//   ["c", orderId, clOrdId, origClOrdId]
//   ["r", orderId, clOrdId, origClOrdId, price, stopPx, qty]
//   ["m", origin]
import { ErrorCode, GatewayError } from '../errors';
import type { CancelRequest, MassCancelOrigin, NewOrderRequest, OrderStore, ReplaceRequest } from '../execution/order-state';
import type { OrdType, Side, TimeInForce } from '../matcher/types';

export function newOrderAnnotation(req: NewOrderRequest): string {
  return JSON.stringify([
    'n', req.session, req.firm, req.clOrdId, req.symbolId, req.side, req.ordType, req.tif, req.price, req.stopPx, req.qty,
    req.account ?? null,
  ]);
}

export function cancelAnnotation(req: CancelRequest): string {
  return JSON.stringify(['c', req.orderId, req.clOrdId, req.origClOrdId]);
}

export function replaceAnnotation(req: ReplaceRequest): string {
  return JSON.stringify(['r', req.orderId, req.clOrdId, req.origClOrdId, req.price, req.stopPx, req.qty]);
}

export function massCancelAnnotation(origin: MassCancelOrigin): string {
  return JSON.stringify(['m', origin]);
}

/**
 * Registers the logged expectation of command `seq` with `store`: the very expect* call the live
 * path made before submitting it. A value that passed the WAL checksum but does not decode was not
 * written by this code: GW_ERR_WAL_CORRUPT, recovery must not guess.
 */
export function applyAnnotation(store: OrderStore, seq: number, bytes: Uint8Array): void {
  let a: unknown;
  try {
    a = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch {
    a = undefined;
  }
  const bad = (): GatewayError => new GatewayError(ErrorCode.WalCorrupt, `WAL annotation of seq ${seq} does not decode as an order expectation`);
  if (!Array.isArray(a)) throw bad();
  const str = (i: number): string => {
    const v: unknown = a[i];
    if (typeof v !== 'string') throw bad();
    return v;
  };
  const num = (i: number): number => {
    const v: unknown = a[i];
    if (typeof v !== 'number') throw bad();
    return v;
  };
  switch (a[0]) {
    case 'n': {
      const account: unknown = a[11];
      if (a.length !== 12 || (account !== null && typeof account !== 'string')) throw bad();
      store.expectNew({
        orderId: seq,
        session: str(1),
        firm: str(2),
        clOrdId: str(3),
        symbolId: num(4),
        side: num(5) as Side,
        ordType: num(6) as OrdType,
        tif: num(7) as TimeInForce,
        price: num(8),
        stopPx: num(9),
        qty: num(10),
        ...(account === null ? {} : { account }),
      });
      return;
    }
    case 'c':
      if (a.length !== 4) throw bad();
      store.expectCancel({ seq, orderId: num(1), clOrdId: str(2), origClOrdId: str(3) });
      return;
    case 'r':
      if (a.length !== 7) throw bad();
      store.expectReplace({ seq, orderId: num(1), clOrdId: str(2), origClOrdId: str(3), price: num(4), stopPx: num(5), qty: num(6) });
      return;
    case 'm':
      if (a.length !== 2) throw bad();
      store.expectMassCancel({ seq, origin: num(1) as MassCancelOrigin });
      return;
    default:
      throw bad();
  }
}
