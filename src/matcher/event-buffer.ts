// Reads the events of the last batch in place from the shared event buffer (layout:
// buffer-layout.ts, drawn in native/src/buffer_layout.hpp). The reader is a flyweight: one
// accessor per event field, taking the event's index, allocating nothing — the fast path.
// `decode(i)` builds the MatcherEvent object of types.ts for the allocating path.
//
// Events stay readable until the next batch is processed.
import {
  EventType,
  type CancelReason,
  type CommandType,
  type MassCancelScope,
  type MatcherEvent,
  type RejectReason,
  type Side,
  type TradingState,
} from './types';
import { EVENT_RECORD_BYTES, EVENT_RECORD_WORDS, EVENT_SYMBOL_U32, EventByte, EventWord } from './buffer-layout';

// Module-local copies of the layout constants: imported bindings compile to property reads on
// the exporting module, several times the cost of the typed-array read they address.
const RECORD_BYTES = EVENT_RECORD_BYTES;
const RECORD_WORDS = EVENT_RECORD_WORDS;
const U32_PER_RECORD = EVENT_RECORD_BYTES / 4;
const U32_SYMBOL = EVENT_SYMBOL_U32;
const B_TYPE = EventByte.type;
const B_AUX = EventByte.aux;
const W_SEQ = EventWord.seq;
const W_ORDER_ID = EventWord.orderId;
const W_RESTING_ORDER_ID = EventWord.restingOrderId;
const W_PRICE = EventWord.price;
const W_QTY = EventWord.qty;
const W_LEAVES = EventWord.leaves;
const W_RESTING_LEAVES = EventWord.restingLeaves;
const T_REJECTED = EventType.Rejected;

export class EventReader {
  /** Events written by the last batch. */
  size = 0;
  private bytes = new Uint8Array(0);
  private words = new Float64Array(0);
  private u32 = new Uint32Array(0);

  /** Points the reader at a (new) event buffer. */
  attach(buffer: ArrayBuffer): void {
    this.bytes = new Uint8Array(buffer);
    this.words = new Float64Array(buffer);
    this.u32 = new Uint32Array(buffer);
  }

  /** The last batch's event records as raw bytes (a view, valid until the next batch). */
  recordBytes(): Uint8Array {
    return this.bytes.subarray(0, this.size * RECORD_BYTES);
  }

  type(i: number): EventType {
    return this.bytes[i * RECORD_BYTES + B_TYPE] as EventType;
  }

  /** The seq of the command that caused the event. */
  seq(i: number): number {
    return this.words[i * RECORD_WORDS + W_SEQ];
  }

  /** Every event but MassCancelDone (0); for Rejected, the command's own value. */
  symbolId(i: number): number {
    if (this.type(i) === T_REJECTED) return this.word(i, W_RESTING_ORDER_ID);
    return this.u32[i * U32_PER_RECORD + U32_SYMBOL];
  }

  /** Accepted, Rejected, Cancelled, Reduced, Replaced, Triggered, Expired; Trade: the aggressor. */
  orderId(i: number): number {
    return this.word(i, W_ORDER_ID);
  }

  // ------------------------------------------------------------------ Trade
  aggressorOrderId(i: number): number {
    return this.word(i, W_ORDER_ID);
  }
  restingOrderId(i: number): number {
    return this.word(i, W_RESTING_ORDER_ID);
  }
  aggressorSide(i: number): number {
    return this.aux(i);
  }
  /** Trade, Replaced. */
  price(i: number): number {
    return this.word(i, W_PRICE);
  }
  /** Trade, Replaced. */
  qty(i: number): number {
    return this.word(i, W_QTY);
  }
  aggressorLeaves(i: number): number {
    return this.word(i, W_LEAVES);
  }
  restingLeaves(i: number): number {
    return this.word(i, W_RESTING_LEAVES);
  }

  // ------------------------------------------------------------------ Rejected, Cancelled
  /** RejectReason for Rejected, CancelReason for Cancelled. */
  reason(i: number): number {
    return this.aux(i);
  }
  commandType(i: number): number {
    return this.word(i, W_PRICE);
  }
  cancelledQty(i: number): number {
    return this.word(i, W_RESTING_ORDER_ID);
  }

  // ------------------------------------------------------------------ Reduced, Replaced, Expired
  reducedBy(i: number): number {
    return this.word(i, W_RESTING_ORDER_ID);
  }
  /** Reduced, Replaced. */
  leaves(i: number): number {
    return this.word(i, W_LEAVES);
  }
  stopPx(i: number): number {
    return this.word(i, W_RESTING_ORDER_ID);
  }
  priorityLost(i: number): boolean {
    return this.aux(i) !== 0;
  }
  expiredQty(i: number): number {
    return this.word(i, W_RESTING_ORDER_ID);
  }

  // ------------------------------------------------------------------ TradingStateChanged, MassCancelDone
  state(i: number): number {
    return this.word(i, W_ORDER_ID);
  }
  scope(i: number): number {
    return this.word(i, W_ORDER_ID);
  }
  key(i: number): number {
    return this.word(i, W_RESTING_ORDER_ID);
  }
  /** MassCancelDone: orders cancelled. */
  count(i: number): number {
    return this.word(i, W_PRICE);
  }

  /** The event as a MatcherEvent object (fields in the order types.ts declares them). */
  decode(i: number): MatcherEvent {
    const seq = this.seq(i);
    const type = this.type(i);
    switch (type) {
      case EventType.SymbolAdded:
        return { type, seq, symbolId: this.symbolId(i) };
      case EventType.TradingStateChanged:
        return { type, seq, symbolId: this.symbolId(i), state: this.state(i) as TradingState };
      case EventType.Accepted:
        return { type, seq, orderId: this.orderId(i), symbolId: this.symbolId(i) };
      case EventType.Rejected:
        return {
          type,
          seq,
          commandType: this.commandType(i) as CommandType,
          orderId: this.orderId(i),
          symbolId: this.symbolId(i),
          reason: this.reason(i) as RejectReason,
        };
      case EventType.Trade:
        return {
          type,
          seq,
          symbolId: this.symbolId(i),
          aggressorOrderId: this.aggressorOrderId(i),
          restingOrderId: this.restingOrderId(i),
          aggressorSide: this.aggressorSide(i) as Side,
          price: this.price(i),
          qty: this.qty(i),
          aggressorLeaves: this.aggressorLeaves(i),
          restingLeaves: this.restingLeaves(i),
        };
      case EventType.Cancelled:
        return {
          type,
          seq,
          orderId: this.orderId(i),
          symbolId: this.symbolId(i),
          reason: this.reason(i) as CancelReason,
          cancelledQty: this.cancelledQty(i),
        };
      case EventType.Reduced:
        return {
          type,
          seq,
          orderId: this.orderId(i),
          symbolId: this.symbolId(i),
          reducedBy: this.reducedBy(i),
          leaves: this.leaves(i),
        };
      case EventType.Replaced:
        return {
          type,
          seq,
          orderId: this.orderId(i),
          symbolId: this.symbolId(i),
          price: this.price(i),
          stopPx: this.stopPx(i),
          qty: this.qty(i),
          leaves: this.leaves(i),
          priorityLost: this.priorityLost(i),
        };
      case EventType.Triggered:
        return { type, seq, orderId: this.orderId(i), symbolId: this.symbolId(i) };
      case EventType.Expired:
        return { type, seq, orderId: this.orderId(i), symbolId: this.symbolId(i), expiredQty: this.expiredQty(i) };
      case EventType.MassCancelDone:
        return { type, seq, scope: this.scope(i) as MassCancelScope, key: this.key(i), count: this.count(i) };
      default:
        throw new Error(`event ${i}: unknown event type ${type as number} in the native event buffer`);
    }
  }

  private word(i: number, word: number): number {
    return this.words[i * RECORD_WORDS + word];
  }

  private aux(i: number): number {
    return this.bytes[i * RECORD_BYTES + B_AUX];
  }
}
