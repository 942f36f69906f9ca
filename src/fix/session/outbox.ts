// Durable before visible: every frame a session sends waits for the store commit that covers the
// sequence-number and message writes made before it, and frames leave in the order they were
// made. The frames queued in one synchronous run (a batch's reports, a resend) share one commit,
// asked for in a microtask once that run ends: the store contract makes a commit cover everything
// written before the call, so the last frame's commit covers the ones before it. Asking per frame
// cost a commit promise, a Promise.all over lmdb's `flushed` and two closures per ExecutionReport:
// in the e2e bench (tsx, 4 sessions) 251k commits for 5.1k WAL batches, about 50 per batch.
// Whichever commit resolves releases every frame queued before its call.
//
// While the session answers a ResendRequest, new messages are held back (hold/release): the peer
// must see the resent range before anything newer, or it would take the newer messages for a gap.
import type { SessionStore } from './store/session-store';

/** Put in a released frame's slot so the queue does not keep the frame alive. */
const EMPTY = Buffer.alloc(0);

export interface OutboxTarget {
  send(frame: Buffer): void;
  /** The store failed to commit: nothing more may be sent. */
  onCommitFailed(error: unknown): void;
}

export class Outbox {
  /** Frames not yet released are queue[head..]; released ones are dropped in chunks, not shifted one by one. */
  private queue: Buffer[] = [];
  private head = 0;
  /** Frames made so far and frames handed to the target, counted since creation. */
  private enqueued = 0;
  private released = 0;
  /** A commit covering every frame queued so far is asked for at the end of this synchronous run. */
  private commitQueued = false;
  private held: Buffer[] | undefined;
  private failed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly store: SessionStore,
    private readonly target: OutboxTarget,
  ) {}

  /** Queues a frame (kept as is: pass a copy) to go out once the store's writes so far are durable. */
  send(frame: Buffer): void {
    if (this.failed) return;
    if (this.held !== undefined) {
      this.held.push(frame);
      return;
    }
    this.push(frame);
  }

  /** Frames sent while answering a ResendRequest: they pass the held ones. */
  sendResent(frame: Buffer): void {
    if (this.failed) return;
    this.push(frame);
  }

  hold(): void {
    this.held ??= [];
  }

  release(): void {
    const held = this.held;
    this.held = undefined;
    if (held !== undefined) for (const frame of held) this.push(frame);
  }

  /** Resolves when every frame queued so far has been sent (or the store failed). */
  whenIdle(): Promise<void> {
    if (this.released === this.enqueued || this.failed) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private push(frame: Buffer): void {
    this.queue.push(frame);
    this.enqueued++;
    if (this.commitQueued) return;
    this.commitQueued = true;
    queueMicrotask(this.commitQueuedFrames);
  }

  /** Runs after the synchronous run that queued frames: its commit covers every one of them. */
  private readonly commitQueuedFrames = (): void => {
    this.commitQueued = false;
    if (this.failed) return;
    const upTo = this.enqueued;
    this.store.commit().then(
      () => this.releaseUpTo(upTo),
      (error: unknown) => this.fail(error),
    );
  };

  private releaseUpTo(upTo: number): void {
    const queue = this.queue;
    while (this.released < upTo && !this.failed) {
      const frame = queue[this.head] as Buffer;
      queue[this.head++] = EMPTY;
      this.released++;
      this.target.send(frame);
    }
    if (this.head === queue.length) {
      queue.length = 0;
      this.head = 0;
    } else if (this.head >= 1024) {
      this.queue = queue.slice(this.head);
      this.head = 0;
    }
    this.wakeIfIdle();
  }

  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.queue.length = 0;
    this.head = 0;
    this.held = undefined;
    this.target.onCommitFailed(error);
    this.wakeIfIdle();
  }

  private wakeIfIdle(): void {
    if (this.released !== this.enqueued && !this.failed) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) wake();
  }
}
