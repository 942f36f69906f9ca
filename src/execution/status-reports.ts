// Answers to OrderStatusRequest (H) and OrderMassStatusRequest (AF), from order state alone: no
// command is sequenced for them, so they do not change any order. ExecIDs per exec-id.ts.
import type { Side } from '../matcher/types';
import { statusExecIdOf } from './exec-id';
import type { ExecutionEngine } from './execution-engine';
import { orderReport } from './execution-engine';
import { ExecType, OrdRejReason, OrdStatus } from './fix-values';
import type { ExecutionReport } from './reports';

export interface StatusRequest {
  readonly session: string;
  readonly clOrdId: string;
  /** From the request, echoed when the order is unknown (Side and Symbol are required on an ER). */
  readonly side: Side;
  readonly symbolId: number;
  readonly ordStatusReqId?: string;
}

export const UNKNOWN_ORDER_TEXT = 'Unknown order';

export class StatusReporter {
  private seq = -1;
  private k = 0;

  constructor(private readonly engine: ExecutionEngine) {}

  /** ExecType I with the order's state; for an unknown ClOrdID, OrdStatus 8 with OrdRejReason 5. */
  orderStatus(req: StatusRequest): ExecutionReport {
    const execId = this.nextExecId();
    const echo = req.ordStatusReqId === undefined ? {} : { ordStatusReqId: req.ordStatusReqId };
    const o = this.engine.store.byClOrdId(req.session, req.clOrdId);
    if (o === undefined) {
      return {
        orderId: 0,
        clOrdId: req.clOrdId,
        execId,
        execType: ExecType.OrderStatus,
        ordStatus: OrdStatus.Rejected,
        symbolId: req.symbolId,
        side: req.side,
        price: 0,
        stopPx: 0,
        orderQty: 0,
        cumQty: 0,
        leavesQty: 0,
        avgPx: 0n,
        ordRejReason: OrdRejReason.UnknownOrder,
        text: UNKNOWN_ORDER_TEXT,
        transactTimeUs: 0,
        ...echo,
      };
    }
    const status = o.done ? o.ordStatus : o.liveStatus();
    return orderReport(o, ExecType.OrderStatus, status, execId, o.lastTransactUs, echo);
  }

  /**
   * One ExecType I report per live order of the session (one symbol, or all with 0), by orderId,
   * with TotNumReports (911) and LastRptRequested (912) = Y on the last. No live order: an empty list.
   */
  massStatus(session: string, massStatusReqId: string, symbolId = 0): ExecutionReport[] {
    const orders = this.engine.store.liveOrders(session, symbolId);
    return orders.map((o, i) =>
      orderReport(o, ExecType.OrderStatus, o.liveStatus(), this.nextExecId(), o.lastTransactUs, {
        massStatusReqId,
        totNumReports: orders.length,
        lastRptRequested: i === orders.length - 1,
      }),
    );
  }

  private nextExecId(): string {
    const seq = this.engine.lastSeq;
    if (seq !== this.seq) {
      this.seq = seq;
      this.k = 0;
    }
    return statusExecIdOf(seq, this.k++);
  }
}

