// The gateway process: owns the matcher, the FIX sessions and their listeners and, as the other
// rooms land, the sequencer and the execution layer. Start-up and shutdown order are written here once:
//
//   start: instruments into the matcher → session file → session store (LMDB, in dataDir) →
//          session registry → listeners (plain, and TLS when configured) → "listening"
//   stop:  sessions log out → listeners close (waiting for the Logouts) → store commits and closes
import { join } from 'node:path';
import { loadInstruments, type Instrument } from '../config/instrument-config';
import { loadGatewayConfig, type GatewayConfig, type SessionConfig } from '../config/session-config';
import { ErrorCode, GatewayError } from '../errors';
import { SessionRegistry, UnavailableApplication } from '../fix/session';
import { identityKey } from '../fix/session/session-definition';
import { LmdbSessionStore, sessionStorePath } from '../fix/session/store/lmdb-session-store';
import type { SessionLimits } from '../fix/transport/connection';
import { ConnectionLimits } from '../fix/transport/connection-limits';
import { FixListener, type FixListenerOptions } from '../fix/transport/fix-listener';
import type { Logger } from '../log';
import { NativeMatcher } from '../matcher/native-matcher';
import { CommandType, EventType, type Command } from '../matcher/types';
import { acceptorDefinition } from './session-definitions';

/** How long sessions get to exchange Logouts when the gateway stops. */
const SHUTDOWN_LOGOUT_GRACE_MS = 5_000;

export interface GatewayOptions {
  /** A folder holding instruments.json and sessions.json. */
  configDir: string;
  log: Logger;
  /** How often a status line is logged. */
  statusIntervalMs?: number;
}

export class Gateway {
  private readonly matcher = new NativeMatcher();
  private instruments: Instrument[] = [];
  private statusTimer: NodeJS.Timeout | undefined;
  private readonly startedAt = process.hrtime.bigint();
  private seq = 0;
  private store: LmdbSessionStore | undefined;
  private registry: SessionRegistry | undefined;
  private listeners: FixListener[] = [];

  constructor(private readonly options: GatewayOptions) {}

  async start(): Promise<void> {
    const { log, configDir } = this.options;
    this.instruments = loadInstruments(join(configDir, 'instruments.json'));
    this.listInstruments();
    const config = loadGatewayConfig(configDir);
    await this.startSessions(config);
    this.statusTimer = setInterval(() => this.logStatus(), this.options.statusIntervalMs ?? 30_000);
    log.info({ configDir, instruments: this.instruments.length, sessions: config.sessions.length }, 'fixgate started');
  }

  async stop(reason: string): Promise<void> {
    const { log } = this.options;
    if (this.statusTimer) clearInterval(this.statusTimer);
    this.statusTimer = undefined;
    for (const session of this.registry?.sessions ?? []) session.logout('gateway shutting down');
    await Promise.all(this.listeners.map((l) => l.close(SHUTDOWN_LOGOUT_GRACE_MS)));
    this.listeners = [];
    try {
      await this.store?.close();
    } catch (err) {
      log.error({ err }, 'session store did not close cleanly');
    }
    this.store = undefined;
    log.info({ reason }, 'fixgate stopped');
  }

  private async startSessions(config: GatewayConfig): Promise<void> {
    const { log } = this.options;
    this.store = LmdbSessionStore.open({ path: sessionStorePath(config.dataDir) });
    const limits = new ConnectionLimits({ maxAttemptsPerIpPerMinute: config.maxConnectionAttemptsPerIpPerMinute, log: log.child({ component: 'fix-transport' }) });
    this.registry = new SessionRegistry({
      definitions: config.sessions.map((s) => acceptorDefinition(config, s)),
      store: this.store,
      application: new UnavailableApplication(),
      refusals: limits,
      log,
    });
    const common = transportLimits(config.sessions);
    const base: Omit<FixListenerOptions, 'port'> = { host: config.listen.host, limits, maxConnectionAttemptsPerIpPerMinute: config.maxConnectionAttemptsPerIpPerMinute, ...common };
    this.listeners.push(new FixListener({ ...base, port: config.listen.port }, this.registry, log.child({ component: 'fix-transport' })));
    if (config.tls !== undefined) {
      const tls = { certPath: config.tls.certFile, keyPath: config.tls.keyFile };
      this.listeners.push(new FixListener({ ...base, port: config.tls.port, tls }, this.registry, log.child({ component: 'fix-transport' })));
    }
    for (const listener of this.listeners) await listener.listen();
  }

  /** Until the sequencer lands, start-up stamps its own commands; it is the only writer so far. */
  private stamp(): { seq: number; ts: number } {
    this.seq += 1;
    return { seq: this.seq, ts: Date.now() * 1_000_000 };
  }

  private listInstruments(): void {
    const commands: Command[] = this.instruments.map((ins) => ({
      type: CommandType.AddSymbol,
      ...this.stamp(),
      symbolId: ins.id,
      tickSize: ins.tickSize,
      lotSize: ins.lotSize,
      minPrice: ins.minPrice,
      maxPrice: ins.maxPrice,
      marketBand: ins.marketBand,
      state: ins.state,
    }));
    for (const event of this.matcher.process(commands)) {
      const ins = this.instruments.find((i) => i.id === ('symbolId' in event ? event.symbolId : -1));
      if (event.type !== EventType.SymbolAdded) {
        throw new GatewayError(ErrorCode.InstrumentRejected, `the matcher refused instrument ${ins?.symbol ?? '?'}: ${JSON.stringify(event)}`);
      }
      this.options.log.info({ symbol: ins?.symbol, symbolId: event.symbolId, state: ins?.state }, 'instrument listed');
    }
  }

  private logStatus(): void {
    const connections = this.listeners.reduce((n, l) => n + l.connectionCount, 0);
    const uptimeS = Number((process.hrtime.bigint() - this.startedAt) / 1_000_000_000n);
    const booksWithOrders = this.instruments.filter((ins) => {
      const l2 = this.matcher.l2(ins.id, 1);
      return l2 !== undefined && (l2.bids.length > 0 || l2.asks.length > 0);
    }).length;
    this.options.log.info({ uptimeS, instruments: this.instruments.length, booksWithOrders, connections, rssBytes: process.memoryUsage.rss() }, 'status');
  }
}

/**
 * The listeners' limits before logon: the largest of any session's, so the framer never refuses
 * what some session allows; once a connection is bound, its session's own limits apply.
 */
function transportLimits(sessions: readonly SessionConfig[]): Pick<FixListenerOptions, 'maxMessageSize' | 'maxOutboundQueueBytes' | 'limitsFor'> {
  const bySession = new Map<string, SessionLimits>();
  for (const s of sessions) {
    bySession.set(identityKey(s.beginString, s.targetCompId, s.senderCompId), { maxMessageSize: s.maxMessageSize, maxOutboundQueueBytes: s.maxOutboundQueueBytes });
  }
  const all = [...bySession.values()];
  return {
    maxMessageSize: Math.max(512, ...all.map((l) => l.maxMessageSize)),
    maxOutboundQueueBytes: Math.max(64 * 1024, ...all.map((l) => l.maxOutboundQueueBytes)),
    limitsFor: (beginString, senderCompId, targetCompId) => bySession.get(identityKey(beginString, senderCompId, targetCompId)),
  };
}
