// The write-ahead log of sequenced commands: an LMDB environment at <dataDir>/wal with one named
// database, `commands`, key = a batch's first seq, value = the batch (wal-record.ts).
//
// Writes are lmdb-js asynchronous puts, as in the session store (read the measured reasons in
// src/fix/session/store/lmdb-session-store.ts): lmdb-js commits the puts of one event-loop turn
// as one transaction on its writer thread and, with `overlappingSync`, syncs it while the next
// turn is collected. An append is durable when its put's promise has resolved (committed) and
// `flushed` has resolved (synced). `noSync` is never set; compression stays off (the records are
// mostly float64 words, and replay speed matters more than disk).
//
// The log refuses a gap when appending, and reports one when reading (GW_ERR_WAL_GAP): the
// matcher's rules depend on every command, so a missing batch would silently rebuild other books.
import { join } from 'node:path';
import type { Database, RootDatabase } from 'lmdb';
import { openDurableLmdb } from '../storage/durable-lmdb';
import { ErrorCode, GatewayError } from '../errors';
import { COMMAND_RECORD_BYTES, CommandWord } from '../matcher/buffer-layout';
import { decodeWalValue, encodeWalValue, type WalBatch } from './wal-record';

const RECORD_BYTES = COMMAND_RECORD_BYTES;
const TS_BYTE = CommandWord.ts * 8;

export interface WriteAheadLogOptions {
  /** The gateway's data directory; the log lives in <dataDir>/wal (created if missing). */
  readonly dataDir: string;
}

/** Where a gateway keeps its write-ahead log, under the configured dataDir. */
export function walPath(dataDir: string): string {
  return join(dataDir, 'wal');
}

export class WriteAheadLog {
  private last: number;
  private lastTimestamp: number;
  private closed = false;

  static open(options: WriteAheadLogOptions): WriteAheadLog {
    const path = walPath(options.dataDir);
    let root: RootDatabase;
    try {
      root = openDurableLmdb(path, 2);
    } catch (cause) {
      throw new GatewayError(ErrorCode.WalUnavailable, `cannot open the write-ahead log at ${path}: ${message(cause)}`);
    }
    return new WriteAheadLog(root, root.openDB({ name: 'commands', encoding: 'binary' }));
  }

  private constructor(
    private readonly root: RootDatabase,
    private readonly commands: Database<Buffer, number>,
  ) {
    // The last batch says where numbering continues and which time the matcher saw last; it is
    // checked like any other (a damaged tail is reported at open, not at the first replay).
    let lastSeq = 0;
    let lastTs = 0;
    for (const { key, value } of commands.getRange({ reverse: true, limit: 1 })) {
      const batch = decodeWalValue(key, value);
      lastSeq = batch.lastSeq;
      lastTs = readTs(batch.records, batch.count - 1);
    }
    this.last = lastSeq;
    this.lastTimestamp = lastTs;
  }

  /** The seq of the last command appended (0 for an empty log). */
  get lastSeq(): number {
    return this.last;
  }

  /** The ts of the last command appended (0 for an empty log). */
  get lastTs(): number {
    return this.lastTimestamp;
  }

  /**
   * Appends one batch: the first `count` 128-byte records of `records`, whose seqs are
   * firstSeq..firstSeq+count-1 and must continue the log, with `annotationCount` annotation
   * entries laid out in `annotations` (wal-record.ts). Both are copied before this returns.
   * Resolves when the batch is committed and synced; rejects with GW_ERR_WAL_WRITE_FAILED.
   */
  append(firstSeq: number, count: number, records: Uint8Array, annotationCount = 0, annotations?: Uint8Array): Promise<void> {
    if (this.closed) throw new GatewayError(ErrorCode.WalWriteFailed, 'the write-ahead log is closed');
    if (firstSeq !== this.last + 1 || count < 1) {
      throw new RangeError(`WAL append of ${count} records at seq ${firstSeq} does not continue the log at ${this.last}`);
    }
    const value = encodeWalValue(firstSeq, count, records, annotationCount, annotations);
    const written = this.commands.put(firstSeq, value);
    this.last = firstSeq + count - 1;
    this.lastTimestamp = readTs(records, count - 1);
    return Promise.all([written, this.root.flushed]).then(
      () => undefined,
      (cause: unknown) => {
        throw new GatewayError(ErrorCode.WalWriteFailed, `WAL append at seq ${firstSeq} failed: ${message(cause)}`);
      },
    );
  }

  /**
   * The logged batches from `fromSeq` on, checked (wal-record.ts) and contiguous. A batch holding
   * `fromSeq` in its middle is cut to start there. Each batch's records are valid until the next
   * step of the iteration: copy what must be kept.
   */
  *batches(fromSeq = 1): IterableIterator<WalBatch> {
    let start = fromSeq;
    // The batch holding fromSeq starts at the greatest key <= fromSeq.
    for (const key of this.commands.getKeys({ start: fromSeq, reverse: true, limit: 1 })) start = key;
    let expected = -1;
    for (const { key, value } of this.commands.getRange({ start })) {
      const batch = decodeWalValue(key, value);
      if (expected !== -1 && batch.firstSeq !== expected) {
        throw new GatewayError(
          ErrorCode.WalGap,
          `WAL gap: seqs ${expected}..${batch.firstSeq - 1} are missing (the batch before ends at ${expected - 1})`,
        );
      }
      expected = batch.lastSeq + 1;
      if (batch.lastSeq < fromSeq) continue;
      if (batch.firstSeq >= fromSeq) {
        yield batch;
      } else {
        const skip = fromSeq - batch.firstSeq;
        yield {
          firstSeq: fromSeq,
          lastSeq: batch.lastSeq,
          count: batch.count - skip,
          records: batch.records.subarray(skip * RECORD_BYTES),
          // forEachAnnotation skips the entries before the cut by their seq.
          annotations: batch.annotations,
        };
      }
    }
  }

  /** Waits for every append so far to be durable, then closes the environment. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.root.close();
  }
}

/** The ts word of record `index` (little-endian float64, as the encoder wrote it). */
function readTs(records: Uint8Array, index: number): number {
  const view = new DataView(records.buffer, records.byteOffset, records.byteLength);
  return view.getFloat64(index * RECORD_BYTES + TS_BYTE, true);
}

function message(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
