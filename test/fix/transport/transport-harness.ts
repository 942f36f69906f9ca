// A stand-in for the session registry, so transport tests see exactly what the transport delivers
// (and in which order) without the session layer's rules; plus a pino logger that keeps its lines.
import { Writable } from 'node:stream';
import pino from 'pino';
import type { FixMessage } from '../../../src/fix/codec';
import type { ConnectionBinding, SessionAcceptor, SessionLink } from '../../../src/fix/session/session-ports';
import { FixListener, type FixListenerOptions } from '../../../src/fix/transport/fix-listener';
import type { Logger } from '../../../src/log';

export interface Delivered {
  msgType: string;
  seq: number;
}

export interface StubBehaviour {
  /** How long the "logon" takes before the binding is returned. */
  logonDelayMs?: number;
  refuse?: boolean;
  /** Called for every message after the first, with the link to answer on. */
  onMessage?(message: FixMessage, link: SessionLink): void;
}

export class StubAcceptor implements SessionAcceptor {
  readonly firsts: Delivered[] = [];
  readonly delivered: Delivered[] = [];
  readonly garbled: string[] = [];
  readonly links: SessionLink[] = [];
  disconnects = 0;

  constructor(private readonly behaviour: StubBehaviour = {}) {}

  async onFirstMessage(message: FixMessage, link: SessionLink): Promise<ConnectionBinding | undefined> {
    this.firsts.push(delivered(message));
    this.links.push(link);
    if (this.behaviour.logonDelayMs !== undefined) await new Promise((r) => setTimeout(r, this.behaviour.logonDelayMs));
    if (this.behaviour.refuse === true) {
      link.close('refused by the stub');
      return undefined;
    }
    return {
      onMessage: (m) => {
        this.delivered.push(delivered(m));
        this.behaviour.onMessage?.(m, link);
      },
      onDisconnect: () => {
        this.disconnects++;
      },
    };
  }

  onGarbled(_link: SessionLink, reason: string): void {
    this.garbled.push(reason);
  }
}

function delivered(m: FixMessage): Delivered {
  return { msgType: m.getString(35) ?? '', seq: m.getInt(34) };
}

export class LogLines {
  readonly lines: Array<Record<string, unknown>> = [];
  readonly logger: Logger;

  constructor() {
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        for (const line of chunk.toString('utf8').split('\n')) if (line !== '') this.lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    this.logger = pino({ level: 'debug' }, sink);
  }

  withMessage(msg: string): Array<Record<string, unknown>> {
    return this.lines.filter((l) => l.msg === msg);
  }
}

export const DEFAULT_LIMITS = {
  host: '127.0.0.1',
  port: 0,
  maxMessageSize: 64 * 1024,
  maxOutboundQueueBytes: 4 * 1024 * 1024,
  maxConnectionAttemptsPerIpPerMinute: 0,
};

export async function startListener(
  acceptor: SessionAcceptor,
  logs: LogLines,
  options: Partial<FixListenerOptions> = {},
): Promise<{ listener: FixListener; port: number }> {
  const listener = new FixListener({ ...DEFAULT_LIMITS, ...options }, acceptor, logs.logger);
  const { port } = await listener.listen();
  return { listener, port };
}

/** Polls `condition` every 10 ms; rejects after `timeoutMs`. */
export async function eventually(condition: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
