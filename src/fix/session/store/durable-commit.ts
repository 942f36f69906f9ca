// Turns lmdb-js's asynchronous, per-turn write batches into one answer for the session layer:
// "is everything written so far durable?".
//
// lmdb-js puts every asynchronous write of one event-loop turn into one transaction
// (`eventTurnBatching`), runs it on its writer thread, and with `overlappingSync` (the default on
// Linux) syncs it to disk off the main thread while the next turn's batch is being collected.
// A write's own promise resolves when its transaction commits; `flushed` resolves when the last
// commit is synced. Awaiting both is the durable commit. Neither rejects the other, and `flushed`
// never settles for a batch that failed, so the write promises carry the failure.
//
// A failure is sticky: once a batch is lost, "everything so far is durable" is false for good, and
// the session must stop (the caller logs out and the operator looks at the disk).
import { ErrorCode, GatewayError } from '../../../errors';

/** The part of an lmdb-js root database this needs: its promise-like `flushed`. */
export interface FlushSource {
  readonly flushed: PromiseLike<unknown>;
}

export class DurableCommit {
  private lastWrite: Promise<unknown> | null = null;
  private failure: GatewayError | null = null;

  constructor(private readonly source: FlushSource) {}

  /**
   * Records the promise of a write just queued. lmdb-js hands every plain put of one transaction
   * the same promise, so most calls find it already tracked and cost one comparison.
   */
  track(write: Promise<unknown>): void {
    if (write === this.lastWrite) return;
    this.lastWrite = write;
    write.then(undefined, (cause: unknown) => this.fail(cause));
  }

  /** Resolves when every write tracked so far is committed and synced to disk. */
  async commit(): Promise<void> {
    if (this.failure) throw this.failure;
    const write = this.lastWrite;
    if (write) {
      try {
        await Promise.all([write, this.source.flushed]);
      } catch (cause) {
        this.fail(cause);
      }
    }
    // An earlier batch may have failed while a later one succeeded; its rejection handler has run
    // by now, because lmdb-js settles batches in order.
    if (this.failure) throw this.failure;
  }

  private fail(cause: unknown): void {
    if (this.failure) return;
    const detail = cause instanceof Error ? cause.message : String(cause);
    this.failure = new GatewayError(ErrorCode.StoreCommitFailed, `session store write failed: ${detail}`);
  }
}
