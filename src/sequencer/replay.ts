// Rebuilds matcher state from the write-ahead log: the logged records are copied into the
// matcher's command buffer as they are (no decoding, no re-encoding: the matcher runs the very
// bytes it ran live) and processed in large batches, one native call per REPLAY_BATCH commands.
import { COMMAND_RECORD_BYTES, CommandWord } from '../matcher/buffer-layout';
import type { EventReader } from '../matcher/event-buffer';
import type { NativeMatcher } from '../matcher/native-matcher';
import { CommandType } from '../matcher/types';
import type { WalBatch } from './wal-record';
import type { WriteAheadLog } from './write-ahead-log';

/**
 * Commands per native call during replay. Larger batches amortise the JS⇄C++ crossing; on the 1M
 * exchange mix (bench/wal.bench.ts, 2-core VM) 1,024, 8,192 and 65,536 replayed within noise of
 * each other (about 0.25 s each in one run), so the middle one: few crossings, a small event buffer.
 */
export const REPLAY_BATCH = 8192;

const RECORD_BYTES = COMMAND_RECORD_BYTES;
const T_ADD_SYMBOL = CommandType.AddSymbol;
const SYMBOL_ID_BYTE = CommandWord.symbolId * 8;

export interface ReplayOptions {
  /** Called after each native call with its events (valid only during the call). */
  readonly onEvents?: (events: EventReader, count: number) => void;
  /**
   * Called with each logged batch (its records and annotations) before its commands are run, so a
   * caller can register what the batch's events will need, as the live path did before submitting.
   * The batch is valid only during the call. The next onEvents covers this batch's events.
   */
  readonly onBatch?: (batch: WalBatch) => void;
  /** Commands per native call (at least); default REPLAY_BATCH. */
  readonly batchSize?: number;
}

export interface ReplayResult {
  /** The seq of the last command replayed (fromSeq - 1 when nothing was). */
  readonly lastSeq: number;
  readonly commandCount: number;
  readonly eventCount: number;
  /** The symbolIds of every AddSymbol replayed, ascending (what bookHash needs after a full replay). */
  readonly symbolIds: number[];
}

/** Feeds every logged command from `fromSeq` on into `matcher` (which must hold the state before it). */
export function replay(wal: WriteAheadLog, matcher: NativeMatcher, fromSeq = 1, options: ReplayOptions = {}): ReplayResult {
  const encoder = matcher.encoder;
  const onEvents = options.onEvents;
  const onBatch = options.onBatch;
  const batchSize = options.batchSize ?? REPLAY_BATCH;
  const symbols = new Set<number>();
  let lastSeq = fromSeq - 1;
  let commandCount = 0;
  let eventCount = 0;
  const run = (): void => {
    const n = matcher.flush();
    eventCount += n;
    if (onEvents) onEvents(matcher.events, n);
  };
  for (const batch of wal.batches(fromSeq)) {
    const records = batch.records;
    const view = new DataView(records.buffer, records.byteOffset, records.byteLength);
    for (let i = 0, at = 0; i < batch.count; i++, at += RECORD_BYTES) {
      if (records[at] === T_ADD_SYMBOL) symbols.add(view.getFloat64(at + SYMBOL_ID_BYTE, true));
    }
    if (onBatch) onBatch(batch);
    encoder.appendRecords(records, batch.count);
    commandCount += batch.count;
    lastSeq = batch.lastSeq;
    if (encoder.pending >= batchSize) run();
  }
  if (encoder.pending > 0) run();
  return { lastSeq, commandCount, eventCount, symbolIds: [...symbols].sort((a, b) => a - b) };
}
