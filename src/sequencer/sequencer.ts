// The single writer of the command log. Every command that changes matcher state goes through
// here: it gets the next global seq and a never-decreasing timestamp and is written straight into
// the native matcher's command buffer. Once per event-loop turn (or when a batch reaches
// `maxBatch`) the batch is
//   (a) copied into ONE write-ahead-log append (one LMDB value, keyed by its first seq),
//   (b) run by the matcher (one native call),
//   (c) handed to the consumer with its events and a `durable` promise for the WAL commit.
// The WAL write is queued before the matcher runs, so nothing the matcher decides exists only in
// memory: a crash after (b) replays the same commands into the same decisions.
//
// A submit may carry an annotation (newOrder, cancel, replace, massCancel: the commands someone
// placed): opaque bytes logged in the same WAL value as the batch's records, after them, so who
// placed a command is durable exactly when the command is (wal-record.ts). The sequencer copies
// them into one reused buffer: nothing is allocated per command.
//
// Failure is sticky: once a WAL write fails, `durable` rejects for that batch and every later one
// and every submit throws GW_ERR_SEQUENCER_STOPPED. The gateway must not go on as if logged.
import { ErrorCode, GatewayError } from '../errors';
import type { Logger } from '../log';
import type { EventReader } from '../matcher/event-buffer';
import type { NativeMatcher } from '../matcher/native-matcher';
import { ANNOTATION_HEADER_BYTES } from './wal-record';
import type { WriteAheadLog } from './write-ahead-log';

/** What a submit may log with its command: bytes, or a string logged as its UTF-8 bytes. */
export type Annotation = Uint8Array | string;

/** Commands per batch before a flush is forced inside the turn (bounds one WAL value: 128 KB × 4). */
export const DEFAULT_MAX_BATCH = 4096;

export const Durability = {
  /** `durable` resolves when the batch's WAL commit is synced to disk. The default. */
  Durable: 'durable',
  /** `durable` resolves at once: a crash may lose acknowledged commands. Opt-in only. */
  Relaxed: 'relaxed',
} as const;
export type Durability = (typeof Durability)[keyof typeof Durability];

/** One processed batch, as the consumer sees it. */
export interface SequencedBatch {
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly eventCount: number;
  /** The batch's events, read in place: valid only during `onBatch`. */
  readonly events: EventReader;
  /** Resolves when the WAL commit holding this batch is durable (see BatchConsumer). */
  readonly durable: Promise<void>;
}

/**
 * Receives every batch after the matcher ran it.
 *
 * Contract ("durable before visible"): the consumer may compute from the events at once, but must
 * not release anything visible outside the process (ExecutionReports, drop copies, market data,
 * replies) before `batch.durable` resolves. If `durable` rejects, the batch was not logged: what
 * it caused must never be released, and the gateway must stop.
 *
 * `onBatch` runs inside `flush()` — from the scheduled end-of-turn flush, or synchronously inside
 * a submit that filled the batch — and must not submit commands itself.
 */
export interface BatchConsumer {
  onBatch(batch: SequencedBatch): void;
}

/** What the sequencer needs of the log (a WriteAheadLog; tests put a controllable one here). */
export type CommandLog = Pick<WriteAheadLog, 'lastSeq' | 'lastTs' | 'append'>;

export interface SequencerOptions {
  /** The matcher, already holding the state of every command in `wal` (see replay.ts). */
  readonly matcher: NativeMatcher;
  readonly wal: CommandLog;
  readonly consumer: BatchConsumer;
  readonly logger: Logger;
  /** Microseconds since the epoch (see src/matcher/types.ts); injected so tests pin time. Default: the wall clock. */
  readonly clock?: () => number;
  readonly durability?: Durability;
  /** Commands per batch before a flush is forced within the turn. Default DEFAULT_MAX_BATCH. */
  readonly maxBatch?: number;
}

const RESOLVED: Promise<void> = Promise.resolve();

function wallClockUs(): number {
  return Math.floor((performance.timeOrigin + performance.now()) * 1_000);
}

export class Sequencer {
  private readonly matcher: NativeMatcher;
  private readonly wal: CommandLog;
  private readonly consumer: BatchConsumer;
  private readonly logger: Logger;
  private readonly clock: () => number;
  private readonly relaxed: boolean;
  private readonly maxBatch: number;
  private seq: number;
  private ts: number;
  private batchFirstSeq = 0;
  private flushScheduled = false;
  private lastDurable: Promise<void> = RESOLVED;
  private failure: GatewayError | null = null;
  /** The pending batch's annotation entries (seq, length, bytes each), ready for the WAL value. */
  private notes = Buffer.allocUnsafe(16_384);
  private notesLength = 0;
  private noteCount = 0;
  private readonly scheduledFlush = (): void => {
    this.flushScheduled = false;
    this.flush();
  };

  constructor(options: SequencerOptions) {
    this.matcher = options.matcher;
    this.wal = options.wal;
    this.consumer = options.consumer;
    this.logger = options.logger.child({ component: 'sequencer' });
    this.clock = options.clock ?? wallClockUs;
    this.relaxed = options.durability === Durability.Relaxed;
    this.maxBatch = Math.max(1, options.maxBatch ?? DEFAULT_MAX_BATCH);
    this.seq = options.wal.lastSeq;
    this.ts = options.wal.lastTs;
    if (this.matcher.encoder.pending !== 0) {
      throw new RangeError('the matcher has unflushed commands that the sequencer did not stamp');
    }
    if (this.relaxed) {
      this.logger.warn(
        { durability: Durability.Relaxed },
        'relaxed durability: batches are released before their WAL commit is on disk; a crash can lose acknowledged orders',
      );
    }
  }

  /** The seq of the last command stamped. */
  get lastSeq(): number {
    return this.seq;
  }

  /** The WAL failure that stopped the sequencer, if any. */
  get stoppedBy(): GatewayError | null {
    return this.failure;
  }

  /** Stamps a NewOrder; its orderId is its own seq, which this returns. */
  newOrder(
    symbolId: number,
    side: number,
    ordType: number,
    tif: number,
    flags: number,
    stpMode: number,
    price: number,
    stopPx: number,
    qty: number,
    minQty: number,
    displayQty: number,
    expireTime: number,
    sessionId: number,
    firmId: number,
    stpId: number,
    annotation?: Annotation,
  ): number {
    const seq = this.stamp();
    this.matcher.encoder.newOrder(
      seq, this.ts, seq, symbolId, side, ordType, tif, flags, stpMode, price, stopPx, qty, minQty, displayQty,
      expireTime, sessionId, firmId, stpId,
    );
    if (annotation !== undefined) this.note(seq, annotation);
    return this.written(seq);
  }

  cancel(orderId: number, annotation?: Annotation): number {
    const seq = this.stamp();
    this.matcher.encoder.cancel(seq, this.ts, orderId);
    if (annotation !== undefined) this.note(seq, annotation);
    return this.written(seq);
  }

  replace(orderId: number, price: number, stopPx: number, qty: number, annotation?: Annotation): number {
    const seq = this.stamp();
    this.matcher.encoder.replace(seq, this.ts, orderId, price, stopPx, qty);
    if (annotation !== undefined) this.note(seq, annotation);
    return this.written(seq);
  }

  massCancel(scope: number, key: number, annotation?: Annotation): number {
    const seq = this.stamp();
    this.matcher.encoder.massCancel(seq, this.ts, scope, key);
    if (annotation !== undefined) this.note(seq, annotation);
    return this.written(seq);
  }

  endOfDay(symbolId: number): number {
    const seq = this.stamp();
    this.matcher.encoder.endOfDay(seq, this.ts, symbolId);
    return this.written(seq);
  }

  setTradingState(symbolId: number, state: number): number {
    const seq = this.stamp();
    this.matcher.encoder.setTradingState(seq, this.ts, symbolId, state);
    return this.written(seq);
  }

  addSymbol(
    symbolId: number,
    tickSize: number,
    lotSize: number,
    minPrice: number,
    maxPrice: number,
    marketBand: number,
    state: number,
  ): number {
    const seq = this.stamp();
    this.matcher.encoder.addSymbol(seq, this.ts, symbolId, tickSize, lotSize, minPrice, maxPrice, marketBand, state);
    return this.written(seq);
  }

  /** A command that only moves time on (GTD expiry runs on it). */
  timeTick(): number {
    const seq = this.stamp();
    this.matcher.encoder.timeTick(seq, this.ts);
    return this.written(seq);
  }

  /**
   * Logs, runs and hands over the pending batch now (the end-of-turn flush calls this; so may an
   * owner that wants a batch out before the turn ends). Nothing pending: nothing happens.
   */
  flush(): void {
    const encoder = this.matcher.encoder;
    const count = encoder.pending;
    if (count === 0) return;
    const firstSeq = this.batchFirstSeq;
    const lastSeq = firstSeq + count - 1;
    this.batchFirstSeq = 0;
    const noteCount = this.noteCount;
    const notes = noteCount === 0 ? undefined : this.notes.subarray(0, this.notesLength);
    // The log copies the entries during append: the buffer is free for the next batch either way.
    this.noteCount = 0;
    this.notesLength = 0;
    let committed: Promise<void>;
    try {
      committed = noteCount === 0 ? this.wal.append(firstSeq, count, encoder.pendingBytes()) : this.wal.append(firstSeq, count, encoder.pendingBytes(), noteCount, notes);
    } catch (cause) {
      // Not logged, so not run: the matcher must only ever hold what the WAL holds.
      encoder.reset();
      this.fail(cause, firstSeq);
      this.consumer.onBatch({ firstSeq, lastSeq, eventCount: 0, events: this.matcher.events, durable: this.rejected() });
      return;
    }
    committed.then(undefined, (cause: unknown) => this.fail(cause, firstSeq));
    const eventCount = this.matcher.flush();
    // Chained to the previous batch: a batch is durable only if every earlier one is too.
    const durable = this.relaxed
      ? RESOLVED
      : Promise.all([this.lastDurable, committed]).then(() => {
          if (this.failure) throw this.failure;
        });
    // Handled here so an ignored rejection does not end the process; the consumer still sees it.
    durable.catch(() => undefined);
    this.lastDurable = durable;
    this.consumer.onBatch({ firstSeq, lastSeq, eventCount, events: this.matcher.events, durable });
  }

  /** Flushes what is pending and resolves when every batch so far is durable. */
  async drain(): Promise<void> {
    this.flush();
    await this.lastDurable;
    if (this.failure) throw this.failure;
  }

  private stamp(): number {
    if (this.failure) {
      throw new GatewayError(ErrorCode.SequencerStopped, `no command is accepted after a WAL failure (${this.failure.message})`);
    }
    const seq = ++this.seq;
    const ts = this.clock();
    // Never decreasing: a wall clock stepped back must not make the matcher refuse the command.
    if (ts > this.ts) this.ts = ts;
    if (this.batchFirstSeq === 0) {
      this.batchFirstSeq = seq;
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        // setImmediate runs after the poll phase: every socket read of this loop turn is in the batch.
        setImmediate(this.scheduledFlush);
      }
    }
    return seq;
  }

  /** Appends the entry (seq, length, bytes) of `annotation` to the pending batch's. */
  private note(seq: number, annotation: Annotation): void {
    const text = typeof annotation === 'string';
    const length = text ? Buffer.byteLength(annotation) : annotation.length;
    const at = this.notesLength;
    const end = at + ANNOTATION_HEADER_BYTES + length;
    if (end > this.notes.length) {
      const grown = Buffer.allocUnsafe(Math.max(end, this.notes.length * 2));
      grown.set(this.notes.subarray(0, at));
      this.notes = grown;
    }
    this.notes.writeDoubleLE(seq, at);
    this.notes.writeUInt32LE(length, at + 8);
    if (text) this.notes.write(annotation, at + ANNOTATION_HEADER_BYTES, 'utf8');
    else this.notes.set(annotation, at + ANNOTATION_HEADER_BYTES);
    this.notesLength = end;
    this.noteCount++;
  }

  private written(seq: number): number {
    if (this.matcher.encoder.pending >= this.maxBatch) this.flush();
    return seq;
  }

  private rejected(): Promise<void> {
    const failed = Promise.reject(this.failure);
    failed.catch(() => undefined);
    return failed;
  }

  private fail(cause: unknown, firstSeq: number): void {
    if (this.failure) return;
    this.failure =
      cause instanceof GatewayError && cause.code === ErrorCode.WalWriteFailed
        ? cause
        : new GatewayError(ErrorCode.WalWriteFailed, `WAL append at seq ${firstSeq} failed: ${String(cause instanceof Error ? cause.message : cause)}`);
    this.logger.error({ err: this.failure, firstSeq }, 'WAL write failed: the sequencer stops accepting commands');
  }
}
