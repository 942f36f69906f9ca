// Rebuilds the execution layer from the write-ahead log at start: for each logged batch, its
// annotations are registered with the OrderStore (the expect* calls the live path made before
// submitting), then the events the matcher gives for it are applied by the ExecutionEngine and fed
// to the RiskEngine as OrderEntryApplication.onBatch does live. The engine's reports are dropped:
// each was sent before the restart (reports go out only after their batch is durable) or sits in
// the FIX message store for resend. What is left is the order state, the ClOrdID chains and used
// ClOrdIDs, the ExecID numbering and the open-order exposure as they were.
//
// Used as replay()'s onBatch and onEvents (src/sequencer/replay.ts): replay runs several logged
// batches per native call, so the events of one call cover every batch registered since the last.
import { COMMAND_RECORD_BYTES, CommandWord } from '../matcher/buffer-layout';
import type { EventReader } from '../matcher/event-buffer';
import { EventType, type MatcherEvent } from '../matcher/types';
import type { ExecutionEngine, OrderStore } from '../execution';
import type { RiskEngine } from '../gateway/risk/risk-engine';
import { forEachAnnotation, type WalBatch } from '../sequencer/wal-record';
import { applyAnnotation } from './order-annotation';

const TS_BYTE = CommandWord.ts * 8;

export class OrderRecovery {
  /** The ts of each command since the last native call, by seq - firstSeq: TransactTimes as live. */
  private times = new Float64Array(16_384);
  private firstSeq = 0;
  private count = 0;
  private annotated = 0;
  private readonly timestampOf = (seq: number): number => {
    const i = seq - this.firstSeq;
    return i >= 0 && i < this.count ? (this.times[i] as number) : 0;
  };
  private readonly register = (seq: number, bytes: Uint8Array): void => {
    applyAnnotation(this.store, seq, bytes);
    this.annotated++;
  };

  constructor(
    private readonly store: OrderStore,
    private readonly engine: ExecutionEngine,
    private readonly risk: RiskEngine,
  ) {}

  /** Annotations registered so far (for the start-up log line). */
  get annotations(): number {
    return this.annotated;
  }

  /** replay()'s onBatch: registers the batch's expectations and keeps its timestamps. */
  onBatch(batch: WalBatch): void {
    if (this.count === 0) this.firstSeq = batch.firstSeq;
    const need = this.count + batch.count;
    if (need > this.times.length) {
      const grown = new Float64Array(Math.max(need, this.times.length * 2));
      grown.set(this.times.subarray(0, this.count));
      this.times = grown;
    }
    const r = batch.records;
    const view = new DataView(r.buffer, r.byteOffset, r.byteLength);
    for (let i = 0; i < batch.count; i++) this.times[this.count + i] = view.getFloat64(i * COMMAND_RECORD_BYTES + TS_BYTE, true);
    this.count = need;
    forEachAnnotation(batch, this.register);
  }

  /** replay()'s onEvents: applies the events of every batch registered since the last call. */
  onEvents(reader: EventReader, n: number): void {
    const events: MatcherEvent[] = new Array<MatcherEvent>(n);
    for (let i = 0; i < n; i++) events[i] = reader.decode(i);
    const outs = this.engine.apply(events, this.timestampOf);
    for (const e of events) if (e.type === EventType.Trade) this.risk.onTrade(e.symbolId, e.price);
    // As live: each order touched is reported to risk once, in its state after the events.
    const touched = new Set<number>();
    for (const out of outs) {
      if (out.kind !== 'report' || touched.has(out.report.orderId)) continue;
      touched.add(out.report.orderId);
      const order = this.store.get(out.report.orderId);
      if (order !== undefined) this.risk.onOrderUpdate(order);
    }
    this.count = 0;
  }
}
