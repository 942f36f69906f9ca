// Inbound application-message throttle: two token buckets refilled continuously from the clock.
// The soft bucket (the definition's rate and burst) decides whether a message reaches the
// application or gets a BusinessMessageReject 380=8; the hard bucket (the hard rate, same burst
// window) decides when a peer that keeps flooding is logged out. Admin messages are never counted.
import type { Clock } from './clock';
import type { ThrottleLimits } from './session-definition';

export const ThrottleVerdict = {
  Accept: 0,
  /** Over the rate: answer 380=8, the message does not reach the application. */
  Reject: 1,
  /** Over the hard limit: Logout with the reason, then disconnect. */
  Disconnect: 2,
} as const;
export type ThrottleVerdict = (typeof ThrottleVerdict)[keyof typeof ThrottleVerdict];

class TokenBucket {
  private tokens: number;
  private lastMs: number;

  constructor(
    private readonly perSecond: number,
    private readonly capacity: number,
    nowMs: number,
  ) {
    this.tokens = capacity;
    this.lastMs = nowMs;
  }

  take(nowMs: number): boolean {
    const elapsed = nowMs - this.lastMs;
    if (elapsed > 0) {
      this.tokens = Math.min(this.capacity, this.tokens + (elapsed * this.perSecond) / 1000);
      this.lastMs = nowMs;
    }
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export class Throttle {
  private readonly soft: TokenBucket;
  private readonly hard: TokenBucket | undefined;

  constructor(
    private readonly clock: Clock,
    limits: ThrottleLimits,
  ) {
    const now = clock.now();
    this.soft = new TokenBucket(limits.messagesPerSecond, Math.max(1, limits.burst), now);
    if (limits.hardLimitPerSecond > 0) {
      // The hard bucket holds as many seconds of traffic as the soft one.
      const window = Math.max(1, limits.burst) / Math.max(limits.messagesPerSecond, 1e-9);
      this.hard = new TokenBucket(limits.hardLimitPerSecond, Math.max(1, limits.hardLimitPerSecond * window), now);
    }
  }

  onApplicationMessage(): ThrottleVerdict {
    const now = this.clock.now();
    if (this.hard !== undefined && !this.hard.take(now)) return ThrottleVerdict.Disconnect;
    return this.soft.take(now) ? ThrottleVerdict.Accept : ThrottleVerdict.Reject;
  }
}
