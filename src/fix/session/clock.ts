// Time as the session layer sees it: wall-clock milliseconds for SendingTime and the timers that
// drive heartbeats and logout timeouts. Injected so tests run on virtual time (VirtualClock) and
// the session code never reads Date.now() or calls setTimeout itself.

export interface TimerHandle {
  cancel(): void;
}

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `fn` once after `delayMs`; the handle cancels it. */
  setTimer(delayMs: number, fn: () => void): TimerHandle;
}

class SystemTimer implements TimerHandle {
  constructor(private readonly timer: NodeJS.Timeout) {}
  cancel(): void {
    clearTimeout(this.timer);
  }
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(delayMs, fn) {
    const timer = setTimeout(fn, delayMs);
    // Session timers must never keep a stopping process alive.
    timer.unref();
    return new SystemTimer(timer);
  },
};

class VirtualTimer implements TimerHandle {
  cancelled = false;
  constructor(
    readonly dueMs: number,
    readonly order: number,
    readonly fn: () => void,
  ) {}
  cancel(): void {
    this.cancelled = true;
  }
}

/** A clock that moves only when told to: advance() runs the timers that fall due, in time order. */
export class VirtualClock implements Clock {
  private timers: VirtualTimer[] = [];
  private created = 0;

  constructor(private nowMs: number) {}

  now(): number {
    return this.nowMs;
  }

  setTimer(delayMs: number, fn: () => void): TimerHandle {
    const timer = new VirtualTimer(this.nowMs + Math.max(0, delayMs), this.created++, fn);
    this.timers.push(timer);
    return timer;
  }

  /** Moves time forward by `ms`, running each due timer at its own due time. */
  advance(ms: number): void {
    const target = this.nowMs + ms;
    for (;;) {
      this.timers = this.timers.filter((t) => !t.cancelled);
      let next: VirtualTimer | undefined;
      for (const t of this.timers) {
        if (t.dueMs <= target && (next === undefined || t.dueMs < next.dueMs || (t.dueMs === next.dueMs && t.order < next.order))) next = t;
      }
      if (next === undefined) break;
      next.cancel();
      this.nowMs = Math.max(this.nowMs, next.dueMs);
      next.fn();
    }
    this.nowMs = target;
  }

  /** Timers not yet run nor cancelled (tests check that a closed session leaves none). */
  get pendingTimers(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }
}
