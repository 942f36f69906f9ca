// The gateway process: owns the matcher, the sequencer and its write-ahead log, the execution
// layer, the FIX sessions and their listeners. Start-up and shutdown order are written here once:
//
//   start: write-ahead log (in dataDir) → replay into the matcher, the order state and risk
//          (order-recovery.ts) → sequencer → instruments the
//          log does not hold yet → session file → session store (LMDB, in dataDir) → session
//          registry (order-entry sessions to the order path, the others to UnavailableApplication)
//          → listeners (plain, and TLS when configured) → "listening"
//   stop:  what is sequenced is released → sessions log out → listeners close (waiting for the
//          Logouts) → store commits and closes → write-ahead log closes
import { join } from 'node:path';
import { loadInstruments, type Instrument } from '../config/instrument-config';
import { loadGatewayConfig, type GatewayConfig, type SessionConfig } from '../config/session-config';
import { ErrorCode, GatewayError } from '../errors';
import type { FixMessage } from '../fix/codec';
import { SessionRegistry, UnavailableApplication } from '../fix/session';
import type { ApplicationHandler, SessionHandle } from '../fix/session/session-ports';
import { identityKey } from '../fix/session/session-definition';
import { LmdbSessionStore, sessionStorePath } from '../fix/session/store/lmdb-session-store';
import type { SessionLimits } from '../fix/transport/connection';
import { ConnectionLimits } from '../fix/transport/connection-limits';
import { FixListener, type FixListenerOptions } from '../fix/transport/fix-listener';
import type { Logger } from '../log';
import { ExecutionEngine, OrderStore, StatusReporter } from '../execution';
import { InstrumentTable } from '../gateway/instrument-table';
import { OrderEntryNormalizer } from '../gateway/normalizer';
import { RiskEngine } from '../gateway/risk/risk-engine';
import { sessionContexts } from '../gateway/session-context';
import { COMMAND_RECORD_BYTES, CommandWord } from '../matcher/buffer-layout';
import { NativeMatcher } from '../matcher/native-matcher';
import { CommandType, EventType, type MatcherEvent } from '../matcher/types';
import { Durability, Sequencer, type BatchConsumer, type CommandLog, type SequencedBatch } from '../sequencer/sequencer';
import { replay } from '../sequencer/replay';
import { WriteAheadLog } from '../sequencer/write-ahead-log';
import { OrderEntryApplication } from './order-entry-application';
import { OrderRecovery } from './order-recovery';
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

export class Gateway implements BatchConsumer {
  private readonly matcher = new NativeMatcher();
  private instruments: Instrument[] = [];
  private statusTimer: NodeJS.Timeout | undefined;
  private readonly startedAt = process.hrtime.bigint();
  private store: LmdbSessionStore | undefined;
  private registry: SessionRegistry | undefined;
  private listeners: FixListener[] = [];
  private wal: WriteAheadLog | undefined;
  private log: StampedLog | undefined;
  private sequencer: Sequencer | undefined;
  private orderEntry: OrderEntryApplication | undefined;
  /** Events of the start-up batches (AddSymbol), checked once they are flushed. */
  private startupEvents: MatcherEvent[] | undefined = [];

  constructor(private readonly options: GatewayOptions) {}

  async start(): Promise<void> {
    const { log, configDir } = this.options;
    this.instruments = loadInstruments(join(configDir, 'instruments.json'));
    const config = loadGatewayConfig(configDir);
    const orders = new OrderStore();
    const engine = new ExecutionEngine(orders);
    const instruments = new InstrumentTable(this.instruments);
    const risk = new RiskEngine(config, instruments);
    const listed = this.openLog(config.dataDir, new OrderRecovery(orders, engine, risk));
    await this.listInstruments(listed);
    this.orderEntry = this.orderPath(config, orders, engine, instruments, risk);
    await this.startSessions(config);
    this.statusTimer = setInterval(() => this.logStatus(), this.options.statusIntervalMs ?? 30_000);
    log.info({ configDir, instruments: this.instruments.length, sessions: config.sessions.length }, 'fixgate started');
  }

  async stop(reason: string): Promise<void> {
    const { log } = this.options;
    if (this.statusTimer) clearInterval(this.statusTimer);
    this.statusTimer = undefined;
    // What was sequenced is released (stored, and sent to whoever is still connected) first.
    try {
      await this.sequencer?.drain();
      await this.orderEntry?.released;
    } catch (err) {
      log.error({ err }, 'sequenced commands were not all made durable');
    }
    for (const session of this.registry?.sessions ?? []) session.logout('gateway shutting down');
    await Promise.all(this.listeners.map((l) => l.close(SHUTDOWN_LOGOUT_GRACE_MS)));
    this.listeners = [];
    try {
      await this.store?.close();
    } catch (err) {
      log.error({ err }, 'session store did not close cleanly');
    }
    this.store = undefined;
    try {
      await this.wal?.close();
    } catch (err) {
      log.error({ err }, 'write-ahead log did not close cleanly');
    }
    this.wal = undefined;
    log.info({ reason }, 'fixgate stopped');
  }

  /** The sequencer's consumer: the start-up batches are checked here, the rest go to the order path. */
  onBatch(batch: SequencedBatch): void {
    const events: MatcherEvent[] = new Array<MatcherEvent>(batch.eventCount);
    for (let i = 0; i < batch.eventCount; i++) events[i] = batch.events.decode(i);
    if (this.startupEvents !== undefined) {
      this.startupEvents.push(...events);
      return;
    }
    this.orderEntry?.onBatch(batch, events);
  }

  /**
   * Opens the write-ahead log, replays it into the matcher and starts the sequencer on it.
   * Returns the instruments the log already lists, with their logged terms.
   */
  private openLog(dataDir: string, recovery: OrderRecovery): Map<number, LoggedInstrument> {
    const { log } = this.options;
    this.wal = WriteAheadLog.open({ dataDir });
    const logged = loggedInstruments(this.wal);
    if (this.wal.lastSeq > 0) {
      const started = process.hrtime.bigint();
      // The order state is rebuilt with the books (order-recovery.ts). One native call per logged
      // batch, as live: risk sees each batch's trades before its order updates, exactly as it did.
      const result = replay(this.wal, this.matcher, 1, {
        batchSize: 1,
        onBatch: (batch) => recovery.onBatch(batch),
        onEvents: (events, count) => recovery.onEvents(events, count),
      });
      const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
      log.info(
        { commands: result.commandCount, events: result.eventCount, annotations: recovery.annotations, lastSeq: result.lastSeq, ms },
        'write-ahead log replayed',
      );
    }
    this.log = new StampedLog(this.wal);
    this.sequencer = new Sequencer({ matcher: this.matcher, wal: this.log, consumer: this, logger: log, durability: Durability.Durable });
    return logged;
  }

  /** Lists the configured instruments the log does not hold yet; the others are already in the matcher. */
  private async listInstruments(logged: Map<number, LoggedInstrument>): Promise<void> {
    const { log } = this.options;
    const sequencer = this.sequencer as Sequencer;
    const added: Instrument[] = [];
    for (const ins of this.instruments) {
      const before = logged.get(ins.id);
      if (before === undefined) {
        sequencer.addSymbol(ins.id, ins.tickSize, ins.lotSize, ins.minPrice, ins.maxPrice, ins.marketBand, ins.state);
        added.push(ins);
        continue;
      }
      const changed = (['tickSize', 'lotSize', 'minPrice', 'maxPrice', 'marketBand'] as const).filter((k) => before[k] !== ins[k]);
      if (changed.length > 0) {
        log.warn({ symbol: ins.symbol, symbolId: ins.id, changed }, 'instrument differs from the write-ahead log: the logged terms stay in force');
      }
      log.info({ symbol: ins.symbol, symbolId: ins.id, restored: true }, 'instrument listed');
    }
    for (const id of logged.keys()) {
      if (!this.instruments.some((i) => i.id === id)) log.warn({ symbolId: id }, 'instrument in the write-ahead log but not in instruments.json: its book stays in the matcher');
    }
    await sequencer.drain();
    const events = this.startupEvents ?? [];
    this.startupEvents = undefined;
    for (const event of events) {
      const ins = added.find((i) => i.id === ('symbolId' in event ? event.symbolId : -1));
      if (event.type !== EventType.SymbolAdded) {
        throw new GatewayError(ErrorCode.InstrumentRejected, `the matcher refused instrument ${ins?.symbol ?? '?'}: ${JSON.stringify(event)}`);
      }
      log.info({ symbol: ins?.symbol, symbolId: event.symbolId, state: ins?.state }, 'instrument listed');
    }
  }

  private orderPath(config: GatewayConfig, store: OrderStore, engine: ExecutionEngine, instruments: InstrumentTable, risk: RiskEngine): OrderEntryApplication {
    const { log } = this.options;
    const dropSessions = new Map<string, string[]>();
    for (const s of config.sessions) {
      if (s.role === 'drop-copy') dropSessions.set(s.firm, [...(dropSessions.get(s.firm) ?? []), s.name]);
    }
    const stamped = this.log as StampedLog;
    return new OrderEntryApplication({
      sequencer: this.sequencer as Sequencer,
      normalizer: new OrderEntryNormalizer(instruments, store),
      risk,
      store,
      engine,
      status: new StatusReporter(engine),
      instruments,
      contexts: sessionContexts(config),
      sessionNamed: (name) => this.registry?.session(name),
      dropSessionsOf: (firm) => dropSessions.get(firm) ?? [],
      hasUnflushed: () => this.matcher.encoder.pending > 0,
      timestampOf: (seq) => stamped.timestampOf(seq),
      onFatal: (err) => {
        log.fatal({ err }, 'a batch could not be made durable: the gateway stops');
        process.kill(process.pid, 'SIGTERM');
      },
      log: log.child({ component: 'order-entry' }),
    });
  }

  private async startSessions(config: GatewayConfig): Promise<void> {
    const { log } = this.options;
    this.store = LmdbSessionStore.open({ path: sessionStorePath(config.dataDir) });
    const limits = new ConnectionLimits({ maxAttemptsPerIpPerMinute: config.maxConnectionAttemptsPerIpPerMinute, log: log.child({ component: 'fix-transport' }) });
    this.registry = new SessionRegistry({
      definitions: config.sessions.map((s) => acceptorDefinition(config, s)),
      store: this.store,
      application: new ByRole(this.orderEntry as OrderEntryApplication, new UnavailableApplication()),
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

  private logStatus(): void {
    const connections = this.listeners.reduce((n, l) => n + l.connectionCount, 0);
    const uptimeS = Number((process.hrtime.bigint() - this.startedAt) / 1_000_000_000n);
    const booksWithOrders = this.instruments.filter((ins) => {
      const l2 = this.matcher.l2(ins.id, 1);
      return l2 !== undefined && (l2.bids.length > 0 || l2.asks.length > 0);
    }).length;
    this.options.log.info(
      { uptimeS, instruments: this.instruments.length, booksWithOrders, connections, lastSeq: this.sequencer?.lastSeq, rssBytes: process.memoryUsage.rss() },
      'status',
    );
  }
}

/** Only order-entry sessions enter orders; drop-copy and market-data sessions' messages are answered 380=4. */
class ByRole implements ApplicationHandler {
  constructor(
    private readonly orderEntry: ApplicationHandler,
    private readonly others: ApplicationHandler,
  ) {}

  onApplicationMessage(session: SessionHandle, message: FixMessage): void {
    (session.role === 'order-entry' ? this.orderEntry : this.others).onApplicationMessage(session, message);
  }
}

/**
 * The write-ahead log as the sequencer sees it, keeping the timestamps of the batch being appended:
 * the sequencer writes each command's time into its record, and the execution layer's TransactTime
 * must be that time, so it is read from the very bytes that are logged (the append comes right
 * before the matcher runs the batch and hands it to the consumer).
 */
class StampedLog implements CommandLog {
  private firstSeq = 0;
  private times = new Float64Array(0);
  private count = 0;

  constructor(private readonly wal: WriteAheadLog) {}

  get lastSeq(): number {
    return this.wal.lastSeq;
  }

  get lastTs(): number {
    return this.wal.lastTs;
  }

  append(firstSeq: number, count: number, records: Uint8Array, annotationCount?: number, annotations?: Uint8Array): Promise<void> {
    if (this.times.length < count) this.times = new Float64Array(Math.max(count, this.times.length * 2));
    const view = new DataView(records.buffer, records.byteOffset, records.byteLength);
    for (let i = 0; i < count; i++) this.times[i] = view.getFloat64(i * COMMAND_RECORD_BYTES + CommandWord.ts * 8, true);
    this.firstSeq = firstSeq;
    this.count = count;
    return this.wal.append(firstSeq, count, records, annotationCount, annotations);
  }

  /** The timestamp (µs) of command `seq` of the batch last appended; 0 outside it. */
  timestampOf(seq: number): number {
    const i = seq - this.firstSeq;
    return i >= 0 && i < this.count ? (this.times[i] as number) : 0;
  }
}

/** An instrument's terms as its AddSymbol command logged them. */
interface LoggedInstrument {
  readonly tickSize: number;
  readonly lotSize: number;
  readonly minPrice: number;
  readonly maxPrice: number;
  readonly marketBand: number;
}

/** Every AddSymbol of the log, by symbolId (the last one wins, as in the matcher). */
function loggedInstruments(wal: WriteAheadLog): Map<number, LoggedInstrument> {
  const out = new Map<number, LoggedInstrument>();
  for (const batch of wal.batches(1)) {
    const view = new DataView(batch.records.buffer, batch.records.byteOffset, batch.records.byteLength);
    for (let i = 0, at = 0; i < batch.count; i++, at += COMMAND_RECORD_BYTES) {
      if (batch.records[at] !== CommandType.AddSymbol) continue;
      const word = (w: number): number => view.getFloat64(at + w * 8, true);
      out.set(word(CommandWord.symbolId), {
        tickSize: word(CommandWord.tickSize),
        lotSize: word(CommandWord.lotSize),
        minPrice: word(CommandWord.minPrice),
        maxPrice: word(CommandWord.maxPrice),
        marketBand: word(CommandWord.marketBand),
      });
    }
  }
  return out;
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
