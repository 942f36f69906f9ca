// Liveness both ways on one timer (test cases 4 and 6): a Heartbeat when we have sent nothing for
// HeartBtInt; a TestRequest when we have received nothing for HeartBtInt plus a grace period (the
// peer's heartbeat may be in flight); disconnect when still nothing arrives within another
// HeartBtInt. Sends and receives only record a time; the single timer is armed for the earliest
// deadline and, when it fires early because a deadline moved, simply re-arms.
import type { Clock, TimerHandle } from './clock';

export interface HeartbeatActions {
  sendHeartbeat(): void;
  sendTestRequest(testReqId: string): void;
  /** No answer to our TestRequest in time. */
  timedOut(): void;
}

/** The grace added before we ask: 20% of the interval, at least one second. */
export function testRequestGraceMs(heartBtIntMs: number): number {
  return Math.max(1000, Math.round(heartBtIntMs * 0.2));
}

export class HeartbeatTimers {
  private lastSentMs = 0;
  private lastReceivedMs = 0;
  /** When our outstanding TestRequest went out; -1 when none is outstanding. */
  private testRequestSentMs = -1;
  private testRequests = 0;
  private timer: TimerHandle | undefined;
  private armedForMs = -1;
  private running = false;
  private readonly graceMs: number;

  constructor(
    private readonly clock: Clock,
    /** HeartBtInt in milliseconds; 0 turns heartbeats off. */
    private readonly intervalMs: number,
    private readonly actions: HeartbeatActions,
  ) {
    this.graceMs = testRequestGraceMs(intervalMs);
  }

  start(): void {
    if (this.intervalMs <= 0) return;
    const now = this.clock.now();
    this.lastSentMs = now;
    this.lastReceivedMs = now;
    this.running = true;
    this.arm();
  }

  stop(): void {
    this.running = false;
    this.timer?.cancel();
    this.timer = undefined;
  }

  onSent(): void {
    this.lastSentMs = this.clock.now();
  }

  onReceived(): void {
    this.lastReceivedMs = this.clock.now();
    this.testRequestSentMs = -1;
  }

  private nextDeadline(): number {
    const heartbeat = this.lastSentMs + this.intervalMs;
    const silence =
      this.testRequestSentMs < 0 ? this.lastReceivedMs + this.intervalMs + this.graceMs : this.testRequestSentMs + this.intervalMs;
    return Math.min(heartbeat, silence);
  }

  private arm(): void {
    if (!this.running) return;
    const due = this.nextDeadline();
    if (this.timer !== undefined && this.armedForMs === due) return;
    this.timer?.cancel();
    this.armedForMs = due;
    this.timer = this.clock.setTimer(due - this.clock.now(), () => this.fire());
  }

  private fire(): void {
    this.timer = undefined;
    if (!this.running) return;
    const now = this.clock.now();
    if (this.testRequestSentMs >= 0 && now >= this.testRequestSentMs + this.intervalMs) {
      this.stop();
      this.actions.timedOut();
      return;
    }
    if (this.testRequestSentMs < 0 && now >= this.lastReceivedMs + this.intervalMs + this.graceMs) {
      this.testRequestSentMs = now;
      this.testRequests++;
      this.actions.sendTestRequest(`TEST-${now}-${this.testRequests}`);
    }
    if (this.running && now >= this.lastSentMs + this.intervalMs) this.actions.sendHeartbeat();
    this.arm();
  }
}
