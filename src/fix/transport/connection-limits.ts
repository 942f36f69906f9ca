// Connection attempts per remote IP in a sliding one-minute window, checked before a socket gets
// any buffers: a broker's reconnect loop or a scanner cannot make the listener accept (and TLS
// handshake, and frame) without limit. Every attempt counts, refused ones included, so a client
// that keeps hammering stays refused until it has been quiet for a while.
//
// A refused logon (bad credentials, unknown session) is reported back by the session registry and
// counts as one more attempt, so guessing passwords is throttled like reconnecting is.
//
// Each IP keeps the times of its last `maxAttempts` attempts in a small ring; an attempt is allowed
// when the oldest of them is more than a window ago. Memory is one ring per IP seen in the last
// window: `sweep()` drops the others.
import type { Logger } from '../../log';
import type { LogonRefusal, LogonRefusalListener } from '../session/session-ports';

const WINDOW_MS = 60_000;

export const AttemptVerdict = {
  Allowed: 0,
  Refused: 1,
} as const;
export type AttemptVerdict = (typeof AttemptVerdict)[keyof typeof AttemptVerdict];

class AttemptRing {
  readonly times: Float64Array;
  /** Where the next attempt is written; also the oldest entry once the ring is full. */
  next = 0;
  count = 0;
  refusedInWindow = 0;

  constructor(size: number) {
    this.times = new Float64Array(size);
  }

  oldest(): number {
    return this.count < this.times.length ? Number.NEGATIVE_INFINITY : (this.times[this.next] as number);
  }

  newest(): number {
    return this.count === 0 ? Number.NEGATIVE_INFINITY : (this.times[(this.next + this.times.length - 1) % this.times.length] as number);
  }

  record(now: number): void {
    this.times[this.next] = now;
    this.next = (this.next + 1) % this.times.length;
    if (this.count < this.times.length) this.count++;
  }
}

export interface ConnectionLimitsOptions {
  /** Attempts allowed per IP within any 60-second window; 0 means no limit. */
  maxAttemptsPerIpPerMinute: number;
  log: Logger;
  /** Clock in milliseconds; tests pin it. */
  now?: () => number;
}

export class ConnectionLimits implements LogonRefusalListener {
  private readonly rings = new Map<string, AttemptRing>();
  private readonly now: () => number;

  constructor(private readonly options: ConnectionLimitsOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Records an attempt from `ip` and says whether it may proceed; refusals are logged. */
  attempt(ip: string): AttemptVerdict {
    const limit = this.options.maxAttemptsPerIpPerMinute;
    if (limit <= 0) return AttemptVerdict.Allowed;
    const now = this.now();
    let ring = this.rings.get(ip);
    if (ring === undefined) {
      ring = new AttemptRing(limit);
      this.rings.set(ip, ring);
    }
    const allowed = now - ring.oldest() >= WINDOW_MS;
    if (now - ring.newest() >= WINDOW_MS) ring.refusedInWindow = 0;
    ring.record(now);
    if (allowed) return AttemptVerdict.Allowed;
    ring.refusedInWindow++;
    // The first refusal, then every power of two: a flood is visible without flooding the log.
    if ((ring.refusedInWindow & (ring.refusedInWindow - 1)) === 0) {
      this.options.log.warn({ ip, limitPerMinute: limit, refusedInWindow: ring.refusedInWindow }, 'connection attempt refused: too many attempts from this IP');
    }
    return AttemptVerdict.Refused;
  }

  /** A logon the registry refused counts as one more attempt from that address. */
  onLogonRefused(remoteAddress: string, refusal: LogonRefusal): void {
    this.options.log.info({ ip: remoteAddress, refusal }, 'logon refused, counted as a connection attempt');
    this.attempt(remoteAddress);
  }

  /** Forgets IPs with no attempt in the last window. */
  sweep(): void {
    const now = this.now();
    for (const [ip, ring] of this.rings) if (now - ring.newest() >= WINDOW_MS) this.rings.delete(ip);
  }

  /** IPs currently tracked (for tests and the status line). */
  get trackedIps(): number {
    return this.rings.size;
  }
}
