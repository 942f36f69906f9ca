// Durable before visible: every frame a session sends waits for the store commit that covers the
// sequence-number and message writes made before it, and frames leave in the order they were
// made. Each enqueue asks the store for a commit (the store groups the writes of one event-loop
// turn into one transaction, so this costs one sync per turn, not per frame); whichever commit
// resolves releases every frame queued before its call.
//
// While the session answers a ResendRequest, new messages are held back (hold/release): the peer
// must see the resent range before anything newer, or it would take the newer messages for a gap.
import type { SessionStore } from './store/session-store';

export interface OutboxTarget {
  send(frame: Buffer): void;
  /** The store failed to commit: nothing more may be sent. */
  onCommitFailed(error: unknown): void;
}

export class Outbox {
  private readonly queue: Buffer[] = [];
  /** Frames made so far and frames handed to the target, counted since creation. */
  private enqueued = 0;
  private released = 0;
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
    const upTo = ++this.enqueued;
    this.store.commit().then(
      () => this.releaseUpTo(upTo),
      (error: unknown) => this.fail(error),
    );
  }

  private releaseUpTo(upTo: number): void {
    while (this.released < upTo && !this.failed) {
      const frame = this.queue.shift() as Buffer;
      this.released++;
      this.target.send(frame);
    }
    this.wakeIfIdle();
  }

  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.queue.length = 0;
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
