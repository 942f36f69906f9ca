// The gateway process: owns the matcher and, as the other rooms land, the FIX listener, the
// sequencer and the execution layer. Start-up order is written here once.
import { join } from 'node:path';
import { loadInstruments, type Instrument } from '../config/instrument-config';
import { ErrorCode, GatewayError } from '../errors';
import type { Logger } from '../log';
import { NativeMatcher } from '../matcher/native-matcher';
import { CommandType, EventType, type Command } from '../matcher/types';

export interface GatewayOptions {
  /** A folder holding instruments.json (and, as they land, the session definitions). */
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

  constructor(private readonly options: GatewayOptions) {}

  start(): void {
    const { log, configDir } = this.options;
    this.instruments = loadInstruments(join(configDir, 'instruments.json'));
    this.listInstruments();
    this.statusTimer = setInterval(() => this.logStatus(), this.options.statusIntervalMs ?? 30_000);
    log.info({ configDir, instruments: this.instruments.length }, 'fixgate started');
  }

  stop(reason: string): void {
    if (this.statusTimer) clearInterval(this.statusTimer);
    this.statusTimer = undefined;
    this.options.log.info({ reason }, 'fixgate stopped');
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
    const uptimeS = Number((process.hrtime.bigint() - this.startedAt) / 1_000_000_000n);
    const booksWithOrders = this.instruments.filter((ins) => {
      const l2 = this.matcher.l2(ins.id, 1);
      return l2 !== undefined && (l2.bids.length > 0 || l2.asks.length > 0);
    }).length;
    this.options.log.info({ uptimeS, instruments: this.instruments.length, booksWithOrders, rssBytes: process.memoryUsage.rss() }, 'status');
  }
}
